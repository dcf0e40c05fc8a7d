// A finding inside a package archive (`offer/package.zip!/mainTemplate.json`) has no line in a file
// GitHub can show: annotations and SARIF point at the archive itself, and the message names the
// entry and where in it the finding is.
import type { Finding } from '../engine/types.ts';
import { splitZipPath } from '../workspace/zip-package.ts';

/** The finding as placed on a real file: unchanged, or moved to its archive with the entry in the message. */
export function onRealFile(finding: Finding): Finding {
  const inside = splitZipPath(finding.file);
  if (inside === undefined) return finding;
  const { endLine: _endLine, endColumn: _endColumn, ...rest } = finding;
  return {
    ...rest,
    file: inside.zip,
    line: 1,
    column: 1,
    message: `${inside.entry} (line ${finding.line}, column ${finding.column}) in ${inside.zip}: ${finding.message}`,
  };
}
