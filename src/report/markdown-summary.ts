// The job summary: overall verdict, then a table per template with its verdict, the tracking
// id found and every finding linked to its line. Knows nothing of GitHub: links come from a function.
// Within a byte budget (GitHub drops a step summary over 1 MiB): when everything does not fit,
// failing templates come first in full, then one line of counts per template, then a pointer to
// the reports that hold every finding.
import type { CheckReport, Finding, TemplateResult, TrackingResourceSummary } from '../engine/types.ts';
import { ruleDocsUrl } from '../meta.ts';
import { findMeta, type ReportedRules } from './rule-metadata.ts';

export interface SummaryOptions {
  /** The rules the findings come from: each finding links to its rule's documentation. */
  rules: ReportedRules;
  /** Builds a link to a file and line, or undefined for plain text. */
  linkTo?: (file: string, line: number) => string | undefined;
  /** Findings that were not shown as annotations (the caps), for the note at the top. */
  notAnnotated?: number;
  /** Notes shown under the counts (only-changed, check run, fallbacks), one blockquote each. */
  notes?: readonly string[];
  title?: string;
  /** Budget in UTF-8 bytes; unlimited when absent. */
  maxBytes?: number;
  /** Files that list every finding (JSON report, SARIF), named when the summary is shortened. */
  fullReport?: readonly string[];
  /** Why the gate fails whatever the findings (a named path unusable, nothing checked): the headline says so. */
  gateFailure?: string;
}

const ICON: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

export function formatMarkdownSummary(report: CheckReport & { problems?: { message: string }[] }, options: SummaryOptions): string {
  const sections = report.files.map((file) => `\n${templateSection(file, options).join('\n')}\n`);
  const full = `${header(report, options, false).join('\n')}\n${sections.join('')}`;
  if (options.maxBytes === undefined || byteLength(full) <= options.maxBytes) return full;
  return shortened(report, sections, options, options.maxBytes);
}

function header(report: CheckReport & { problems?: { message: string }[] }, options: SummaryOptions, shortenedNote: boolean): string[] {
  const failed = report.files.filter((f) => f.verdict === 'fail');
  const { error, warning, notice, suppressed } = report.counts;
  const out: string[] = [];
  out.push(`## ${options.title ?? 'cua-guard: customer usage attribution'}`, '');
  out.push(
    failed.length > 0
      ? `❌ **${failed.length} of ${report.files.length} template(s) fail.**`
      : options.gateFailure !== undefined
        ? `❌ **${report.files.length} template(s) checked; the check fails: ${escapeCell(options.gateFailure)}**`
        : report.files.length === 0
          ? `⚠️ **No template checked.**`
          : `✅ **${report.files.length} template(s) checked, all pass.**`,
  );
  out.push('', `${error} error(s), ${warning} warning(s), ${notice} notice(s)${suppressed ? `, ${suppressed} suppressed` : ''}.`);
  if (shortenedNote) {
    out.push('', `> This summary is shortened to fit GitHub's 1 MiB limit: failing templates first, then one line per template. ${whereEverythingIs(options)}`);
  }
  if (options.notAnnotated)
    out.push(
      '',
      `> ${options.notAnnotated} finding(s) are not shown as annotations (GitHub shows at most 10 per severity per step); ${shortenedNote ? 'see the reports named above' : 'all are listed below'}.`,
    );
  for (const note of options.notes ?? []) out.push('', `> ${note}`);
  for (const problem of report.problems ?? []) out.push('', `> ⚠️ ${escapeCell(problem.message)}`);
  return out;
}

function whereEverythingIs(options: SummaryOptions): string {
  const files = (options.fullReport ?? []).map((f) => `\`${f}\``);
  return files.length > 0
    ? `Every finding is in ${files.join(' and ')} (the \`report\` and \`sarif-file\` outputs).`
    : 'Every finding is in the JSON report (the `report` output).';
}

/** Failing templates in full while they fit, then a line of counts per template, then how many are left out. */
function shortened(report: CheckReport & { problems?: { message: string }[] }, sections: readonly string[], options: SummaryOptions, maxBytes: number): string {
  const tail = 1024; // the "not listed" line and the table head
  let text = `${header(report, options, true).join('\n')}\n`;
  let used = byteLength(text);
  const order = report.files
    .map((file, index) => ({ file, index }))
    .sort((a, b) => Number(a.file.verdict === 'pass') - Number(b.file.verdict === 'pass') || a.index - b.index);
  const inFull = new Set<number>();
  for (const { file, index } of order) {
    if (file.verdict === 'pass') break;
    const size = byteLength(sections[index] ?? '');
    if (used + size + tail > maxBytes) break;
    text += sections[index];
    used += size;
    inFull.add(index);
  }
  const rest = order.filter(({ index }) => !inFull.has(index));
  const rows: string[] = [];
  for (const { file } of rest) {
    const row = `| ${file.verdict === 'pass' ? '✅' : '❌'} | \`${escapeCell(file.path)}\` | ${countOf(file, 'error')} | ${countOf(file, 'warning')} | ${countOf(file, 'notice')} |\n`;
    const size = byteLength(row);
    if (used + size + tail > maxBytes) break;
    rows.push(row);
    used += size;
  }
  if (rows.length > 0) text += `\n### Other templates: counts only\n\n| | Template | Errors | Warnings | Notices |\n|---|---|---|---|---|\n${rows.join('')}`;
  const left = rest.length - rows.length;
  if (left > 0) text += `\n${left} more template(s) are not listed here. ${whereEverythingIs(options)}\n`;
  return text;
}

function countOf(file: TemplateResult, severity: Finding['severity']): number {
  return file.findings.filter((f) => f.severity === severity && !f.suppressed).length;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function templateSection(file: TemplateResult, options: SummaryOptions): string[] {
  const verdict = file.verdict === 'pass' ? '✅ pass' : '❌ fail';
  const lines = [`### ${verdict}: \`${file.path}\``, ''];
  lines.push(
    `Tracking id: ${trackingIds(file)}${file.scope ? ` · scope: ${file.scope}` : ''}${file.parametersFile ? ` · parameters: \`${file.parametersFile}\`` : ''}`,
  );
  if (file.linkedFiles.length) lines.push('', `Linked templates checked: ${file.linkedFiles.map((f) => `\`${f}\``).join(', ')}`);
  const what =
    file.kind === 'managed-application-definition'
      ? 'a managed application definition'
      : file.kind === 'managed-application'
        ? 'a managed application deployment'
        : undefined;
  if (what) lines.push('', `This template is ${what}, not a solution template: it needs no tracking deployment of its own.`);
  if (file.marketplacePackage) lines.push('', 'A Marketplace Azure application package (createUiDefinition.json beside it).');
  if (file.findings.length === 0) return lines;
  lines.push('', '| | Rule | Location | Message |', '|---|---|---|---|');
  for (const finding of file.findings) {
    const rule = findMeta(options.rules, finding.ruleId);
    const ruleCell = rule ? `[${finding.ruleId}](${ruleDocsUrl(rule)}) ${rule.name}` : finding.ruleId;
    const where = `${finding.file}:${finding.line}:${finding.column}`;
    const link = options.linkTo?.(finding.file, finding.line);
    const location = link ? `[${escapeCell(where)}](${link})` : escapeCell(where);
    const message = finding.suppressed
      ? `~~${escapeCell(finding.message)}~~ suppressed: ${escapeCell(finding.suppressed.reason)}`
      : escapeCell(finding.message);
    lines.push(`| ${ICON[finding.severity]} | ${ruleCell} | ${location} | ${message} |`);
  }
  return lines;
}

/**
 * The ids of the top-level tracking deployments; a name that gives no valid id is shown as far as
 * it resolved, marked invalid (or unresolved, when it depends on deployment-time values).
 */
function trackingIds(file: TemplateResult): string {
  const shown = new Set<string>();
  for (const tracking of file.tracking) {
    if (tracking.placement !== 'top-level') continue;
    if (tracking.trackingId !== undefined) shown.add(`\`${tracking.trackingId}\``);
    else shown.add(`\`${escapeCell(tracking.resolvedName)}\` (${tracking.form === 'unresolved' ? 'unresolved' : 'invalid'})`);
  }
  if (shown.size > 0) return [...shown].join(', ');
  const elsewhere = file.tracking.find((t) => t.placement !== 'top-level');
  return elsewhere ? `_none at the top level_ (\`${escapeCell(elsewhere.resolvedName)}\` is ${PLACEMENT[elsewhere.placement]})` : '_none found_';
}

const PLACEMENT: Record<TrackingResourceSummary['placement'], string> = {
  'top-level': 'at the top level',
  'nested-inline': 'in a nested template',
  child: 'a child resource',
  linked: 'in a linked template',
};

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
