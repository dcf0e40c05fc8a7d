// Compiler-style text: `path:line:col severity CUA00X message`, one finding per line.
import type { CheckReport, Finding } from '../engine/types.ts';
import { escapeControlCharacters as visible } from './terminal-text.ts';

export function formatFindingLine(finding: Finding): string {
  const suppressed = finding.suppressed ? ` (suppressed: ${visible(finding.suppressed.reason)})` : '';
  return `${visible(finding.file)}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${visible(finding.message)}${suppressed}`;
}

export function formatText(report: CheckReport & { problems?: { message: string }[] }): string {
  const lines: string[] = [];
  for (const problem of report.problems ?? []) lines.push(`cua-guard: ${visible(problem.message)}`);
  for (const file of report.files) {
    for (const finding of file.findings) lines.push(formatFindingLine(finding));
  }
  const failed = report.files.filter((f) => f.verdict === 'fail').length;
  const { error, warning, notice, suppressed } = report.counts;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(report.files.length, 'template')} checked, ${failed} failed: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}` +
      (suppressed > 0 ? `, ${suppressed} suppressed` : ''),
  );
  return `${lines.join('\n')}\n`;
}
