// A Bicep file and the JSON template compiled from it, both checked in one run, report the same
// mistakes twice. The JSON's findings then say that they are the Bicep file's, compiled (the
// compiler writes `metadata._generator.name: "bicep"`), so nobody fixes a generated file by hand
// or counts one mistake as two.
import { posix } from 'node:path';
import type { TemplateResult } from '../engine/types.ts';
import { parseTemplateText } from '../parse/parse-json.ts';
import { isRecord } from '../parse/template-source.ts';
import { readWorkspaceFile, type Workspace } from '../workspace/read-file.ts';

export function noteCompiledTwins(workspace: Workspace, results: TemplateResult[]): TemplateResult[] {
  const bicep = new Set(results.filter((r) => /\.bicep$/i.test(r.path)).map((r) => r.path.toLowerCase()));
  if (bicep.size === 0) return results;
  return results.map((result) => {
    if (!/\.json$/i.test(result.path) || result.findings.length === 0) return result;
    const twin = result.path.replace(/\.json$/i, '.bicep');
    if (!bicep.has(twin.toLowerCase()) || !generatedByBicep(workspace, result.path)) return result;
    const note = ` (this file is compiled from ${posix.basename(twin)}, which is checked too: the same mistake, fix it there)`;
    return { ...result, findings: result.findings.map((f) => ({ ...f, message: `${f.message}${note}` })) };
  });
}

function generatedByBicep(workspace: Workspace, file: string): boolean {
  const read = readWorkspaceFile(workspace, file);
  if (!read.ok) return false;
  const parsed = parseTemplateText(read.text);
  if (!parsed.ok || !isRecord(parsed.value)) return false;
  const metadata = parsed.value['metadata'];
  const generator = isRecord(metadata) ? metadata['_generator'] : undefined;
  return isRecord(generator) && typeof generator['name'] === 'string' && generator['name'].toLowerCase() === 'bicep';
}
