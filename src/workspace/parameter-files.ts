// Parameter values for a template: an explicit file (path or glob relative to the template),
// or by default <stem>.parameters.json beside it (azuredeploy.parameters.json, mainTemplate.parameters.json).
import { posix } from 'node:path';
import { parseTemplateText, type ParseOutcome } from '../parse/parse-json.ts';
import { isRecord } from '../parse/template-source.ts';
import { readWorkspaceFile, workspaceFileExists, type ReadFailure, type ReadOutcome, type Workspace } from './read-file.ts';
import { discoverTemplates } from './discover.ts';
import type { WorkspaceFiles } from './workspace-files.ts';
import { LineIndex } from '../parse/text-position.ts';
import { KNOWN_AT_DEPLOYMENT } from '../parse/types.ts';

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

/**
 * `explicit` is a path or a glob relative to the template's folder (as the `parameters` input says);
 * a glob takes the first matching file in name order.
 */
export function loadParameterValues(from: Workspace | WorkspaceFiles, template: string, explicit?: string): ParameterValues {
  const files = 'read' in from ? from : undefined;
  const workspace = files?.workspace ?? (from as Workspace);
  const candidate = explicit ? resolveExplicit(workspace, template, explicit) : defaultParameterFile(template);
  if (candidate === undefined) return { values: {}, problem: `no parameters file matches '${explicit}' beside ${template}` };
  if (!explicit && !workspaceFileExists(workspace, candidate)) return { values: {} };
  // Through the run's file cache the file is parsed once, for the check and the secrets search.
  const parsed = files ? files.parse(candidate) : parsedFile(readWorkspaceFile(workspace, candidate));
  if (!('text' in parsed)) return { file: candidate, values: {}, problem: parsed.message };
  return { file: candidate, ...parameterValuesOf(parsed, candidate) };
}

function parsedFile(read: ReadOutcome): ParseOutcome | ReadFailure {
  return read.ok ? parseTemplateText(read.text) : read;
}

function resolveExplicit(workspace: Workspace, template: string, explicit: string): string | undefined {
  const folder = posix.dirname(template);
  if (!/[*?[\]{}]/.test(explicit)) return posix.normalize(posix.join(folder, explicit));
  const pattern = posix.normalize(posix.join(folder, explicit));
  const matches = discoverTemplates(workspace, { paths: [posix.join(workspace.root, folder)], patterns: [pattern] }).templates;
  return matches[0];
}

/**
 * Unwraps `{ "parameters": { "x": { "value": … } } }`. A Key Vault reference (`"reference"`, no
 * `"value"`) is KNOWN_AT_DEPLOYMENT: the template's defaultValue must not stand in for it.
 */
export function parameterValuesFromText(text: string, label: string): { values: Record<string, unknown>; problem?: string } {
  return parameterValuesOf(parseTemplateText(text), label);
}

/** parameterValuesFromText, for a file already parsed. */
export function parameterValuesOf(parsed: ParseOutcome, label: string): { values: Record<string, unknown>; problem?: string } {
  if (!parsed.ok) {
    const at = new LineIndex(parsed.text).positionAt(parsed.error.offset);
    return { values: {}, problem: `parameters file ${label} is not valid JSON: ${parsed.error.message} (line ${at.line}, column ${at.column})` };
  }
  const root = parsed.value;
  const parameters = isRecord(root) && isRecord(root['parameters']) ? root['parameters'] : isRecord(root) ? root : {};
  const values: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(parameters)) {
    if (!isRecord(entry)) continue;
    if ('value' in entry) values[name] = entry['value'];
    else if ('reference' in entry) values[name] = KNOWN_AT_DEPLOYMENT;
  }
  return { values };
}
