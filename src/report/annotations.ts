// Turns findings into annotations: file, line, column, a title of rule id + short name.
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (50 per job) and
// drops the rest silently, so the plan decides which findings get one:
//   1. suppressed findings never do (the summary and the reports show them as suppressed);
//   2. each severity has its own budget, minus what the step reserves for its own messages
//      (the failure message is an error annotation, discovery problems are warnings);
//   3. within a severity, findings in files changed by the pull request go first;
//   4. then files take turns (round robin, in folder-tree order: `bad/x.json` before `bad mode/y.json`),
//      so ten errors cover ten templates rather than one template's first ten lines.
// Everything not annotated is returned in `omitted` for the job summary's note.
import type { Finding, Severity } from '../engine/types.ts';
import { ruleTitle, type ReportedRules } from './rule-metadata.ts';
import { onRealFile } from './archive-location.ts';

export interface Annotation {
  severity: Severity;
  message: string;
  title: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

export const ANNOTATIONS_PER_SEVERITY = 10;
export const ANNOTATIONS_PER_JOB = 50;

export interface AnnotationPlan {
  /** In the order they should be emitted: errors, warnings, notices. */
  annotations: Annotation[];
  /** Unsuppressed findings that did not fit in the caps. */
  omitted: Finding[];
}

export interface AnnotationOptions {
  /** The rules the findings come from: each annotation's title is the rule's id and name. */
  rules: ReportedRules;
  /** Workspace-relative paths changed in the pull request (annotated before others). */
  changedFiles?: ReadonlySet<string>;
  perSeverity?: number;
  total?: number;
  /** Slots the step needs for its own messages (failure message, warnings without a file). */
  reserved?: Partial<Record<Severity, number>>;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

export function planAnnotations(findings: readonly Finding[], options: AnnotationOptions): AnnotationPlan {
  const perSeverity = options.perSeverity ?? ANNOTATIONS_PER_SEVERITY;
  const reservedTotal = SEVERITIES.reduce((sum, s) => sum + (options.reserved?.[s] ?? 0), 0);
  let remaining = Math.max(0, (options.total ?? ANNOTATIONS_PER_JOB) - reservedTotal);
  const annotations: Annotation[] = [];
  const omitted: Finding[] = [];
  for (const severity of SEVERITIES) {
    const ranked = rankForAnnotation(
      findings.filter((f) => f.severity === severity && !f.suppressed),
      options.changedFiles,
    );
    const budget = Math.min(remaining, Math.max(0, perSeverity - (options.reserved?.[severity] ?? 0)));
    ranked.forEach((finding, i) => (i < budget ? annotations.push(toAnnotation(finding, options.rules)) : omitted.push(finding)));
    remaining -= Math.min(budget, ranked.length);
  }
  return { annotations, omitted };
}

/** Changed files first, then files take turns; the order inside a file is kept. */
export function rankForAnnotation(findings: readonly Finding[], changedFiles?: ReadonlySet<string>): Finding[] {
  const changed = findings.filter((f) => changedFiles?.has(f.file));
  const unchanged = findings.filter((f) => !changedFiles?.has(f.file));
  return [...roundRobinByFile(changed), ...roundRobinByFile(unchanged)];
}

function roundRobinByFile(findings: readonly Finding[]): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const queue = byFile.get(finding.file);
    if (queue) queue.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  // Each round visits only the files that still have findings: linear in findings, however
  // unevenly they are spread over files.
  let queues = [...byFile.keys()].sort(compareTreeOrder).map((file) => byFile.get(file) ?? []);
  const out: Finding[] = [];
  for (let round = 0; queues.length > 0; round++) {
    for (const queue of queues) out.push(queue[round] as Finding);
    queues = queues.filter((queue) => queue.length > round + 1);
  }
  return out;
}

/** Compares paths folder by folder, as a file tree lists them. */
export function compareTreeOrder(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i] ?? '';
    const y = sb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}

export function toAnnotation(found: Finding, rules: ReportedRules): Annotation {
  const finding = onRealFile(found);
  return {
    severity: finding.severity,
    message: finding.message,
    title: ruleTitle(rules, finding.ruleId),
    file: finding.file,
    startLine: finding.line,
    startColumn: finding.column,
    ...(finding.endLine === finding.line && finding.endColumn !== undefined ? { endLine: finding.endLine, endColumn: finding.endColumn } : {}),
  };
}
