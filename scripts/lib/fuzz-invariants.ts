// What must hold for any input, however broken: the check returns (never throws), every file
// gets findings or a clean verdict, the verdict agrees with the findings, and every position is
// inside the file it names.
import type { TemplateResult } from '../../src/engine/types.ts';

/** Lines as the engine counts them: \r\n, \r and \n each end a line. */
export function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      lengths.push(i - start);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

/**
 * Violations of the invariants for one template result. `texts` maps each file the result may
 * point into (the main template and linked ones) to its text as read (BOM removed);
 * a file missing from `texts` is treated as empty (only 1:1 is inside it).
 */
export function resultViolations(result: TemplateResult, expectedPath: string, texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  if (result.path !== expectedPath) problems.push(`path ${result.path} != ${expectedPath}`);
  if (result.verdict !== 'pass' && result.verdict !== 'fail') problems.push(`verdict ${String(result.verdict)}`);
  if (!Array.isArray(result.findings)) return [...problems, 'findings is not an array'];
  const failing = result.findings.some((f) => f.severity === 'error' && !f.suppressed);
  if (failing !== (result.verdict === 'fail'))
    problems.push(`verdict ${result.verdict} disagrees with findings (${failing ? 'has' : 'no'} unsuppressed error)`);
  if (result.findings.length === 0 && result.verdict !== 'pass') problems.push('no findings but not a clean verdict');
  const cache = new Map<string, number[]>();
  const linesOf = (file: string): number[] => {
    let lines = cache.get(file);
    if (!lines) {
      lines = lineLengths(texts.get(file) ?? '');
      cache.set(file, lines);
    }
    return lines;
  };
  const within = (file: string, line: number | undefined, column: number | undefined, what: string): void => {
    if (line === undefined && column === undefined) return;
    const lines = linesOf(file);
    if (!Number.isInteger(line) || !Number.isInteger(column) || (line ?? 0) < 1 || (column ?? 0) < 1) {
      problems.push(`${what} ${file}:${line}:${column} is not a 1-based position`);
      return;
    }
    const length = lines[(line ?? 1) - 1];
    if (length === undefined) problems.push(`${what} ${file}:${line}:${column} is past the last line (${lines.length})`);
    else if ((column ?? 1) > length + 1) problems.push(`${what} ${file}:${line}:${column} is past the end of the line (${length} characters)`);
  };
  for (const f of result.findings) {
    if (typeof f.message !== 'string' || f.message === '') problems.push(`${f.ruleId} has no message`);
    const known = f.file === expectedPath || result.linkedFiles.includes(f.file) || f.file === result.parametersFile;
    if (!known) problems.push(`${f.ruleId} names ${f.file}, neither the template, a linked file nor its parameters file`);
    within(f.file, f.line, f.column, f.ruleId);
    within(f.file, f.endLine, f.endColumn, `${f.ruleId} end`);
  }
  for (const t of result.tracking) within(t.file, t.line, t.column, 'tracking');
  return problems;
}

/** Text as the engine positions it: the BOM removed. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
