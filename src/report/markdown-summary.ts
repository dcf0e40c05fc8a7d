// The job summary, for a reviewer: the first line is the verdict and the counts; then a table of
// the failing templates only (template, tracking id, errors, a link to the first error's line);
// then, collapsed, each failing template's findings, the warnings and notices elsewhere, and the
// list of passing templates. Knows nothing of GitHub: links come from a function. Everything from
// the pull request is escaped for where it goes (markdown-escape.ts). Within a byte budget
// (GitHub drops a step summary over 1 MiB): parts are added in that order while they fit, and
// what does not fit is counted with a pointer to the reports that hold every finding.
import type { CheckReport, Finding, TemplateResult, TrackingResourceSummary } from '../engine/types.ts';
import { ruleDocsUrl } from '../meta.ts';
import { findMeta, type ReportedRules } from './rule-metadata.ts';
import { codeSpan, htmlText, linkDestination, markdownText } from './markdown-escape.ts';

export interface SummaryOptions {
  /** The rules the findings come from: each finding links to its rule's documentation. */
  rules: ReportedRules;
  /** Builds a link to a file and line, or undefined for plain text. */
  linkTo?: (file: string, line: number) => string | undefined;
  /** Findings that were not shown as annotations (the caps), for the note at the top. */
  notAnnotated?: number;
  /** Notes shown under the verdict (only-changed, check run, fallbacks), one blockquote each; Markdown written by cua-guard. */
  notes?: readonly string[];
  title?: string;
  /** Budget in UTF-8 bytes; unlimited when absent. */
  maxBytes?: number;
  /** Files that list every finding (JSON report, SARIF), named when something does not fit. */
  fullReport?: readonly string[];
  /** Why the gate fails whatever the findings (a named path unusable, nothing checked): the headline says so. */
  gateFailure?: string;
}

type SummaryReport = CheckReport & { problems?: { message: string }[] };

const ICON: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/** Above this many failing templates their sections are wrapped in one more `<details>`. */
const WRAP_FAILING_AFTER = 10;

export function formatMarkdownSummary(report: SummaryReport, options: SummaryOptions): string {
  const budget = new Budget(options.maxBytes ?? Number.POSITIVE_INFINITY);
  const failing = report.files.filter((f) => f.verdict === 'fail');
  const passing = report.files.filter((f) => f.verdict === 'pass');
  const out: string[] = [];
  // The top always fits: the verdict, notes and the table head are a few hundred bytes.
  budget.take(out, header(report, failing.length, options));
  const omitted = { rows: 0, sections: 0, passing: 0, others: 0 };
  if (failing.length > 0) {
    budget.take(out, ['', '| Template | Tracking id | Errors | First error |', '|---|---|---|---|']);
    omitted.rows = budget.takeEach(out, failing, (file) => [failingRow(file, options)]);
    const wrap = failing.length > WRAP_FAILING_AFTER;
    if (wrap) budget.take(out, ['', `<details><summary>❌ Findings of the ${failing.length} failing templates</summary>`]);
    omitted.sections = budget.takeEach(out, failing, (file) => templateDetails(file, options));
    if (wrap) budget.take(out, ['', '</details>']);
  }
  const others = passing.flatMap((file) => file.findings);
  if (others.length > 0) omitted.others = othersDetails(out, budget, others, options);
  if (passing.length > 0) {
    budget.take(out, ['', `<details><summary>✅ ${count(passing.length, 'passing template')}</summary>`, '']);
    omitted.passing = budget.takeEach(out, passing, (file) => [passingLine(file)]);
    budget.take(out, ['', '</details>']);
  }
  const left = omitted.rows + omitted.sections + omitted.passing + omitted.others;
  if (left > 0) out.push('', `> ${describeOmitted(omitted)} do not fit in GitHub's 1 MiB summary. ${whereEverythingIs(options)}`);
  return `${out.join('\n')}\n`;
}

/** Bytes left; parts are taken whole or not at all. */
class Budget {
  // Room kept for the closing lines (`</details>`, the note on what did not fit).
  private static readonly RESERVE = 1024;
  private left: number;
  constructor(total: number) {
    this.left = total - Budget.RESERVE;
  }
  /** Takes the lines whatever their size (they are small and needed for the structure). */
  take(out: string[], lines: readonly string[]): void {
    for (const line of lines) this.left -= Buffer.byteLength(line) + 1;
    out.push(...lines);
  }
  /** Takes each item's lines while they fit; returns how many items did not. */
  takeEach<T>(out: string[], items: readonly T[], render: (item: T) => string[]): number {
    for (let i = 0; i < items.length; i++) {
      const lines = render(items[i] as T);
      let size = 0;
      for (const line of lines) size += Buffer.byteLength(line) + 1;
      if (size > this.left) return items.length - i;
      this.left -= size;
      for (const line of lines) out.push(line);
    }
    return 0;
  }
}

function header(report: SummaryReport, failing: number, options: SummaryOptions): string[] {
  const { error, warning, notice, suppressed } = report.counts;
  const title = options.title ?? 'cua-guard';
  const total = report.files.length;
  // The headline agrees with the result output: a gate failure is never "all pass".
  const verdict =
    failing > 0
      ? `❌ ${title}: ${failing} of ${count(total, 'template')} fail`
      : options.gateFailure !== undefined
        ? `❌ ${title}: ${count(total, 'template')} checked; the check fails: ${markdownText(options.gateFailure)}`
        : total === 0
          ? `⚠️ ${title}: no template checked`
          : `✅ ${title}: ${count(total, 'template')} ${total === 1 ? 'passes' : 'pass'}`;
  const counts = [count(error, 'error'), count(warning, 'warning'), count(notice, 'notice'), ...(suppressed ? [`${suppressed} suppressed`] : [])];
  const out = [`## ${verdict} · ${counts.join(' · ')}`];
  if (options.notAnnotated) {
    out.push('', `> ${options.notAnnotated} finding(s) are not shown as annotations (GitHub shows at most 10 per severity per step); all are listed below.`);
  }
  for (const note of options.notes ?? []) out.push('', `> ${note.replace(/\r?\n/g, ' ')}`);
  for (const problem of report.problems ?? []) out.push('', `> ⚠️ ${markdownText(problem.message)}`);
  return out;
}

function failingRow(file: TemplateResult, options: SummaryOptions): string {
  const errors = file.findings.filter((f) => f.severity === 'error' && !f.suppressed);
  const first = errors[0];
  const where = first === undefined ? '—' : findingLink(first, options, `${first.ruleId} line ${first.line}`);
  return `| ${codeSpan(file.path)} | ${trackingIds(file)} | ${errors.length} | ${where} |`;
}

/** One failing template: what was found about it, then every finding, collapsed. */
function templateDetails(file: TemplateResult, options: SummaryOptions): string[] {
  const lines = ['', `<details><summary>❌ <code>${htmlText(file.path)}</code>: ${findingCounts(file.findings)}</summary>`, ''];
  lines.push(templateFacts(file));
  lines.push('', ...TABLE_HEAD, ...file.findings.map((finding) => findingRow(finding, options, file.path)), '', '</details>');
  return lines;
}

/** Warnings and notices of passing templates in one collapsed table; returns how many did not fit. */
function othersDetails(out: string[], budget: Budget, findings: readonly Finding[], options: SummaryOptions): number {
  budget.take(out, ['', `<details><summary>⚠️ ${findingCounts(findings)} in passing templates</summary>`, '']);
  budget.take(out, TABLE_HEAD);
  const left = budget.takeEach(out, findings, (finding) => [findingRow(finding, options)]);
  budget.take(out, ['', '</details>']);
  return left;
}

function passingLine(file: TemplateResult): string {
  return `- ${codeSpan(file.path, false)} · tracking id ${trackingIds(file)}`;
}

function templateFacts(file: TemplateResult): string {
  const facts = [`Tracking id: ${trackingIds(file)}`];
  if (file.scope) facts.push(`scope: ${file.scope}`);
  if (file.parametersFile) facts.push(`parameters: ${codeSpan(file.parametersFile, false)}`);
  if (file.linkedFiles.length > 0) facts.push(`linked templates checked: ${file.linkedFiles.map((f) => codeSpan(f, false)).join(', ')}`);
  const what =
    file.kind === 'managed-application-definition'
      ? 'a managed application definition'
      : file.kind === 'managed-application'
        ? 'a managed application deployment'
        : undefined;
  if (what) facts.push(`${what}, not a solution template: it needs no tracking deployment of its own`);
  if (file.marketplacePackage) facts.push('a Marketplace Azure application package (createUiDefinition.json beside it)');
  return facts.join(' · ');
}

const TABLE_HEAD = ['| | Rule | Location | Message |', '|---|---|---|---|'];

/** `template`: the table is the template's own, so its findings there say only line and column. */
function findingRow(finding: Finding, options: SummaryOptions, template?: string): string {
  const rule = findMeta(options.rules, finding.ruleId);
  const ruleCell = rule ? `[${finding.ruleId}](${linkDestination(ruleDocsUrl(rule))}) ${rule.name}` : markdownText(finding.ruleId);
  const place = finding.file === template ? `line ${finding.line}, column ${finding.column}` : `${finding.file}:${finding.line}:${finding.column}`;
  const message = finding.suppressed
    ? `~~${markdownText(finding.message)}~~ suppressed: ${markdownText(finding.suppressed.reason)}`
    : markdownText(finding.message);
  return `| ${ICON[finding.severity]} | ${ruleCell} | ${findingLink(finding, options, place)} | ${message} |`;
}

/** `text` linked to the finding's line, or as text; a finding in another file (a linked template) names it. */
function findingLink(finding: Finding, options: SummaryOptions, text: string): string {
  const link = options.linkTo?.(finding.file, finding.line);
  const shown = markdownText(text);
  return link ? `[${shown}](${linkDestination(link)})` : shown;
}

function findingCounts(findings: readonly Finding[]): string {
  const by = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) if (!f.suppressed) by[f.severity]++;
  const parts = [
    ...(by.error ? [count(by.error, 'error')] : []),
    ...(by.warning ? [count(by.warning, 'warning')] : []),
    ...(by.notice ? [count(by.notice, 'notice')] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'suppressed findings only';
}

/**
 * The ids of the top-level tracking deployments; a name that gives no valid id is shown as far as
 * it resolved, marked invalid (or unresolved, when it depends on deployment-time values).
 */
function trackingIds(file: TemplateResult): string {
  const shown = new Set<string>();
  for (const tracking of file.tracking) {
    if (tracking.placement !== 'top-level') continue;
    if (tracking.trackingId !== undefined) shown.add(codeSpan(tracking.trackingId));
    else shown.add(`${codeSpan(tracking.resolvedName)} (${tracking.form === 'unresolved' ? 'unresolved' : 'invalid'})`);
  }
  if (shown.size > 0) return [...shown].join(', ');
  const elsewhere = file.tracking.find((t) => t.placement !== 'top-level');
  return elsewhere ? `_none at the top level_ (${codeSpan(elsewhere.resolvedName)} is ${PLACEMENT[elsewhere.placement]})` : '_none found_';
}

const PLACEMENT: Record<TrackingResourceSummary['placement'], string> = {
  'top-level': 'at the top level',
  'nested-inline': 'in a nested template',
  child: 'a child resource',
  linked: 'in a linked template',
};

function describeOmitted(omitted: { rows: number; sections: number; passing: number; others: number }): string {
  const parts: string[] = [];
  if (omitted.rows) parts.push(`${count(omitted.rows, 'failing template')} of the table`);
  if (omitted.sections) parts.push(`the findings of ${count(omitted.sections, 'failing template')}`);
  if (omitted.others) parts.push(`${count(omitted.others, 'warning or notice', 'warnings or notices')} of passing templates`);
  if (omitted.passing) parts.push(`${count(omitted.passing, 'passing template')} of the list`);
  return `Shortened: ${parts.join(', ')}`;
}

function whereEverythingIs(options: SummaryOptions): string {
  const files = (options.fullReport ?? []).map((f) => codeSpan(f, false));
  return files.length > 0
    ? `Every finding is in ${files.join(' and ')} (the \`report\` and \`sarif-file\` outputs).`
    : 'Every finding is in the JSON report (the `report` output).';
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
