// The same template checked twice in one run reports the same mistakes twice:
// - a Bicep file and the JSON template compiled from it (the compiler writes
//   `metadata._generator.name: "bicep"`): the JSON's findings say that they are the Bicep file's,
//   compiled, so nobody fixes a generated file by hand;
// - a Marketplace package folder and the package .zip built from it, whose mainTemplate.json is the
//   same text: the zip's findings say so, so nobody counts one mistake as two.
// Files come from the run's file cache: nothing is read or parsed again.
import { posix } from 'node:path';
import type { TemplateResult } from '../engine/types.ts';
import { isRecord } from '../parse/template-source.ts';
import type { WorkspaceFiles } from '../workspace/workspace-files.ts';
import { splitZipPath } from '../workspace/zip-package.ts';

export function noteCompiledTwins(files: WorkspaceFiles, results: TemplateResult[]): TemplateResult[] {
  const bicep = new Set(results.filter((r) => /\.bicep$/i.test(r.path)).map((r) => r.path.toLowerCase()));
  const unpacked = new Set(results.filter((r) => splitZipPath(r.path) === undefined).map((r) => r.path));
  return results.map((result) => {
    if (result.findings.length === 0) return result;
    const note = compiledNote(files, result.path, bicep) ?? packedNote(files, result.path, unpacked);
    return note === undefined ? result : { ...result, findings: result.findings.map((f) => ({ ...f, message: `${f.message}${note}` })) };
  });
}

function compiledNote(files: WorkspaceFiles, file: string, bicep: ReadonlySet<string>): string | undefined {
  if (!/\.json$/i.test(file)) return undefined;
  const twin = file.replace(/\.json$/i, '.bicep');
  if (!bicep.has(twin.toLowerCase()) || !generatedByBicep(files, file)) return undefined;
  return ` (this file is compiled from ${posix.basename(twin)}, which is checked too: the same mistake, fix it there)`;
}

/** A package .zip's template that is, byte for byte, a checked folder's template beside the .zip. */
function packedNote(files: WorkspaceFiles, file: string, unpacked: ReadonlySet<string>): string | undefined {
  const inside = splitZipPath(file);
  if (inside === undefined) return undefined;
  const folder = posix.dirname(inside.zip);
  const source = posix.join(folder, inside.entry);
  if (!unpacked.has(source)) return undefined;
  const packed = files.text(file);
  if (packed === undefined || packed !== files.text(source)) return undefined;
  return ` (the same template as ${source}, which is checked too: fix it there and build the package again)`;
}

function generatedByBicep(files: WorkspaceFiles, file: string): boolean {
  const parsed = files.parse(file);
  if (!parsed.ok || !('value' in parsed) || !isRecord(parsed.value)) return false;
  const metadata = parsed.value['metadata'];
  const generator = isRecord(metadata) ? metadata['_generator'] : undefined;
  return isRecord(generator) && typeof generator['name'] === 'string' && generator['name'].toLowerCase() === 'bicep';
}
