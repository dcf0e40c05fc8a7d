// Reads what a verification deployment sends: the template (as ARM reads it: comments and
// trailing commas allowed) and its parameter values. Files are read only inside the workspace.
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseTemplateText } from '../parse/parse-json.ts';
import { scopeFromSchema } from '../model/scope-kind.ts';
import type { DeploymentScope } from '../model/types.ts';
import { defaultParameterFile } from '../workspace/parameter-files.ts';
import { readWorkspaceFile, type Workspace } from '../workspace/read-file.ts';
import { normalizeParameters, type ParameterValues, type ParametersSource } from '../settings/verify-settings.ts';
import { isRecord } from '../parse/template-source.ts';

export interface LoadedTemplate {
  text: string;
  template: Record<string, unknown>;
  /** From $schema; undefined when the schema says nothing. */
  schemaScope?: DeploymentScope;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

export function loadTemplate(workspace: Workspace, path: string): Loaded<LoadedTemplate> {
  const read = readWorkspaceFile(workspace, path);
  if (!read.ok) return { ok: false, message: read.message };
  const parsed = parseTemplateText(read.text);
  if (!parsed.ok) return { ok: false, message: `${path} does not parse: ${parsed.error.message}` };
  if (!isRecord(parsed.value)) return { ok: false, message: `${path} is not a JSON object` };
  const schemaScope = scopeFromSchema(parsed.value['$schema']);
  return { ok: true, value: { text: read.text, template: parsed.value, ...(schemaScope ? { schemaScope } : {}) } };
}

export interface ResolvedParameters {
  values: ParameterValues;
  /** Workspace-relative file the values came from; undefined for inline or none. */
  file?: string;
}

/**
 * A `parameters` path is tried relative to the workspace, then to the template (the static check
 * reads it relative to the template). Without one, the file the static check used, else
 * `<stem>.parameters.json` beside the template when it exists.
 */
export function resolveParameters(workspace: Workspace, source: ParametersSource, templatePath: string, checkedFile?: string): Loaded<ResolvedParameters> {
  if (source.kind === 'inline') return { ok: true, value: { values: source.values } };
  const candidates: string[] = [];
  if (source.kind === 'file') {
    if (/[*?[{]/.test(source.path)) {
      if (checkedFile) candidates.push(checkedFile);
      else return { ok: false, message: `parameters '${source.path}' is a pattern that matched no file for ${templatePath}` };
    } else {
      candidates.push(posix.normalize(source.path), posix.normalize(posix.join(posix.dirname(templatePath), source.path)));
    }
  } else {
    const fallback = checkedFile ?? defaultParameterFile(templatePath);
    if (!existsSync(join(workspace.root, fallback))) return { ok: true, value: { values: {} } };
    candidates.push(fallback);
  }
  const file = candidates.find((c) => existsSync(join(workspace.root, c))) ?? candidates[0] ?? '';
  const read = readWorkspaceFile(workspace, file);
  if (!read.ok) return { ok: false, message: `parameters: ${read.message}` };
  const parsed = parseTemplateText(read.text);
  if (!parsed.ok) return { ok: false, message: `parameters file ${file} does not parse: ${parsed.error.message}` };
  try {
    return { ok: true, value: { values: normalizeParameters(parsed.value, `parameters file ${file}`), file } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
