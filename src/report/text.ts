// Compiler-style text: `path:line:col severity CUA00X message`, one finding per line, then one
// line of counts (`✓ 12 templates checked, no problems` when there is nothing to say).
import type { CheckReport, Finding, Severity } from '../engine/types.ts';
import { escapeControlCharacters as visible } from './terminal-text.ts';

export interface TextOptions {
  /** ANSI colours (a terminal that asked for them). */
  color?: boolean;
  /** How a workspace-relative path is shown (the CLI: relative to the current folder). */
  displayPath?: (file: string) => string;
  /** Findings left out by --quiet (warnings and notices), named in the last line. */
  hidden?: number;
}

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', notice: '36' };

function paint(text: string, code: string, on: boolean | undefined): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function formatFindingLine(finding: Finding, options: TextOptions = {}): string {
  const suppressed = finding.suppressed ? ` (suppressed: ${visible(finding.suppressed.reason)})` : '';
  const file = visible(options.displayPath?.(finding.file) ?? finding.file);
  const severity = paint(finding.severity, SEVERITY_COLOR[finding.severity], options.color && !finding.suppressed);
  return `${file}:${finding.line}:${finding.column} ${severity} ${finding.ruleId} ${visible(finding.message)}${suppressed}`;
}

export function formatText(report: CheckReport & { problems?: { message: string }[] }, options: TextOptions = {}): string {
  const lines: string[] = [];
  for (const problem of report.problems ?? []) lines.push(`cua-guard: ${visible(problem.message)}`);
  for (const file of report.files) {
    for (const finding of file.findings) lines.push(formatFindingLine(finding, options));
  }
  lines.push(countsLine(report, options));
  return `${lines.join('\n')}\n`;
}

/** The last line: templates checked and counts, or `✓ N templates checked, no problems`. */
export function countsLine(report: CheckReport, options: TextOptions = {}): string {
  const failed = report.files.filter((f) => f.verdict === 'fail').length;
  const { error, warning, notice, suppressed } = report.counts;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = `${plural(report.files.length, 'template')} checked`;
  const hidden = options.hidden ? ` (${plural(options.hidden, 'warning or notice')} not shown: --quiet)` : '';
  if (report.files.length > 0 && error + warning + notice + suppressed === 0) {
    return `${paint('✓', '32', options.color)} ${checked}, ${options.hidden ? 'no errors' : 'no problems'}${hidden}`;
  }
  const line =
    `${checked}, ${failed} failed: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}` +
    (suppressed > 0 ? `, ${suppressed} suppressed` : '') +
    hidden;
  return failed > 0 ? paint(line, '1', options.color) : line;
}
