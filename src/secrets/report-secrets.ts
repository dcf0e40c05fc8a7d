// The secrets of every file a check read (main templates, their parameters files and linked
// templates), for the action to register with the runner before it prints anything.
// Files are read again through the workspace reader (never outside the workspace); a cheap text
// test skips the parse for files that cannot hold a secret, which is nearly all of them.
import { parse as parseLenient } from 'jsonc-parser';
import { parseTemplateText } from '../parse/parse-json.ts';
import { readWorkspaceFile, type Workspace } from '../workspace/read-file.ts';
import { parameterValuesFromText } from '../workspace/parameter-files.ts';
import { findSecrets, sasQueries, secretsInParameterValues, secureParameterNames } from './find-secrets.ts';

export interface CheckedFiles {
  files: readonly { path: string; parametersFile?: string; linkedFiles: readonly string[] }[];
}

/** Anything that could be a secret makes the file worth parsing. */
const MAY_HOLD_SECRET = /secure(?:string|object)|sig=|sas/i;

export function secretsOfReport(workspace: Workspace, report: CheckedFiles): string[] {
  const found = new Set<string>();
  const roots = new Map<string, unknown>();
  const rootOf = (file: string): unknown => {
    if (!roots.has(file)) roots.set(file, readRoot(workspace, file));
    return roots.get(file);
  };
  for (const file of report.files) {
    try {
      collectFile(file, rootOf, workspace, found);
    } catch {
      // A file too hostile to search (nesting beyond the stack) holds nothing the check could show.
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

function collectFile(
  file: CheckedFiles['files'][number],
  rootOf: (file: string) => unknown,
  workspace: Workspace,
  found: Set<string>,
): void {
  const linkedSecure = new Set<string>();
  for (const linked of file.linkedFiles) for (const name of secureParameterNames(rootOf(linked))) linkedSecure.add(name);
  const main = rootOf(file.path);
  let values: Record<string, unknown> = {};
  if (file.parametersFile) {
    const read = readWorkspaceFile(workspace, file.parametersFile);
    if (read.ok) {
      values = parameterValuesFromText(read.text, file.parametersFile).values;
      // Values of parameters the template declares secure, and `…SasToken` values.
      for (const s of secretsInParameterValues(values, secureParameterNames(main))) found.add(s);
      for (const s of sasQueries(read.text)) found.add(s);
    }
  }
  for (const s of findSecrets(main, values, linkedSecure)) found.add(s);
  for (const linked of file.linkedFiles) for (const s of findSecrets(rootOf(linked), {}, linkedSecure)) found.add(s);
}

function readRoot(workspace: Workspace, file: string): unknown {
  const read = readWorkspaceFile(workspace, file);
  if (!read.ok || !MAY_HOLD_SECRET.test(read.text)) return undefined;
  const parsed = parseTemplateText(read.text);
  if (parsed.ok) return parsed.value;
  // A broken file may still show parts of itself in a parse-error message: search what parses.
  try {
    return parseLenient(parsed.text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined;
  }
}
