// Parameter values for a template: an explicit file (path or glob relative to the template),
// or by default <stem>.parameters.json beside it (azuredeploy.parameters.json, mainTemplate.parameters.json).
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { parseTemplateText } from '../engine/parse-json.ts';
import { isRecord } from '../engine/template-source.ts';
import { readWorkspaceFile, type Workspace } from './read-file.ts';

export interface ParameterValues {
  /** Workspace-relative path of the file the values came from. */
  file?: string;
  values: Record<string, unknown>;
  problem?: string;
}

export function defaultParameterFile(template: string): string {
  const dir = posix.dirname(template);
  const stem = posix.basename(template).replace(/\.json$/i, '');
  return posix.join(dir, `${stem}.parameters.json`);
}

/** `explicit` is relative to the template's folder (as the `parameters` input says). */
export function loadParameterValues(workspace: Workspace, template: string, explicit?: string): ParameterValues {
  const candidate = explicit ? posix.normalize(posix.join(posix.dirname(template), explicit)) : defaultParameterFile(template);
  if (!explicit && !existsSync(posix.join(workspace.root, candidate))) return { values: {} };
  const read = readWorkspaceFile(workspace, candidate);
  if (!read.ok) return { values: {}, problem: read.message };
  return { file: candidate, ...parameterValuesFromText(read.text, candidate) };
}

/** Unwraps `{ "parameters": { "x": { "value": … } } }`; Key Vault references stay unknown. */
export function parameterValuesFromText(text: string, label: string): { values: Record<string, unknown>; problem?: string } {
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return { values: {}, problem: `parameters file ${label}: ${parsed.error.message}` };
  const root = parsed.value;
  const parameters = isRecord(root) && isRecord(root['parameters']) ? root['parameters'] : isRecord(root) ? root : {};
  const values: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(parameters)) {
    if (isRecord(entry) && 'value' in entry) values[name] = entry['value'];
  }
  return { values };
}
