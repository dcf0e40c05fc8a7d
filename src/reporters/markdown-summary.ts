// The job summary: overall verdict, then a table per template with its verdict, the tracking
// id found and every finding linked to its line. Knows nothing of GitHub: links come from a function.
import type { CheckReport, Finding, TemplateResult } from '../engine/types.ts';
import { findRule } from '../rules/index.ts';

export interface SummaryOptions {
  /** Builds a link to a file and line, or undefined for plain text. */
  linkTo?: (file: string, line: number) => string | undefined;
  /** Findings that were not shown as annotations (the caps), for the note at the top. */
  notAnnotated?: number;
  /** Notes shown under the counts (only-changed, check run, fallbacks), one blockquote each. */
  notes?: readonly string[];
  title?: string;
}

const ICON: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

export function formatMarkdownSummary(report: CheckReport & { problems?: { message: string }[] }, options: SummaryOptions = {}): string {
  const failed = report.files.filter((f) => f.verdict === 'fail');
  const { error, warning, notice, suppressed } = report.counts;
  const out: string[] = [];
  out.push(`## ${options.title ?? 'cua-guard: customer usage attribution'}`, '');
  out.push(
    failed.length === 0
      ? `✅ **${report.files.length} template(s) checked, all pass.**`
      : `❌ **${failed.length} of ${report.files.length} template(s) fail.**`,
  );
  out.push('', `${error} error(s), ${warning} warning(s), ${notice} notice(s)${suppressed ? `, ${suppressed} suppressed` : ''}.`);
  if (options.notAnnotated) out.push('', `> ${options.notAnnotated} finding(s) are not shown as annotations (GitHub shows at most 10 per severity per step); all are listed below.`);
  for (const note of options.notes ?? []) out.push('', `> ${note}`);
  for (const problem of report.problems ?? []) out.push('', `> ⚠️ ${escapeCell(problem.message)}`);
  for (const file of report.files) out.push('', ...templateSection(file, options));
  return `${out.join('\n')}\n`;
}

function templateSection(file: TemplateResult, options: SummaryOptions): string[] {
  const verdict = file.verdict === 'pass' ? '✅ pass' : '❌ fail';
  const ids = [...new Set(file.tracking.filter((t) => t.placement === 'top-level' && t.trackingId !== undefined).map((t) => t.trackingId ?? t.resolvedName))];
  const lines = [`### ${verdict}: \`${file.path}\``, ''];
  lines.push(`Tracking id: ${ids.length ? ids.map((id) => `\`${id}\``).join(', ') : '_none found_'}${file.scope ? ` · scope: ${file.scope}` : ''}${file.parametersFile ? ` · parameters: \`${file.parametersFile}\`` : ''}`);
  if (file.linkedFiles.length) lines.push('', `Linked templates checked: ${file.linkedFiles.map((f) => `\`${f}\``).join(', ')}`);
  if (file.findings.length === 0) return lines;
  lines.push('', '| | Rule | Location | Message |', '|---|---|---|---|');
  for (const finding of file.findings) {
    const rule = findRule(finding.ruleId);
    const ruleCell = rule ? `[${finding.ruleId}](${rule.docsUrl}) ${rule.name}` : finding.ruleId;
    const where = `${finding.file}:${finding.line}:${finding.column}`;
    const link = options.linkTo?.(finding.file, finding.line);
    const location = link ? `[${escapeCell(where)}](${link})` : escapeCell(where);
    const message = finding.suppressed ? `~~${escapeCell(finding.message)}~~ suppressed: ${escapeCell(finding.suppressed.reason)}` : escapeCell(finding.message);
    lines.push(`| ${ICON[finding.severity]} | ${ruleCell} | ${location} | ${message} |`);
  }
  return lines;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
