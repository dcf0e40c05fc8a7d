// Turns findings into annotations: file, line, column, a title of rule id + short name.
// GitHub shows at most 10 annotations per severity per step and drops the rest silently,
// so the most important ones go first: errors, then findings in changed files, then the rest.
import type { Finding, Severity } from '../engine/types.ts';
import { findRule } from '../rules/index.ts';

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
  annotations: Annotation[];
  /** Findings that did not fit in the caps. */
  omitted: Finding[];
}

export interface AnnotationOptions {
  /** Workspace-relative paths changed in the pull request (annotated before others). */
  changedFiles?: ReadonlySet<string>;
  perSeverity?: number;
  total?: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function planAnnotations(findings: readonly Finding[], options: AnnotationOptions = {}): AnnotationPlan {
  const perSeverity = options.perSeverity ?? ANNOTATIONS_PER_SEVERITY;
  const total = options.total ?? ANNOTATIONS_PER_JOB;
  const changed = options.changedFiles;
  const ranked = findings
    .filter((f) => !f.suppressed)
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const severity = SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity];
      if (severity !== 0) return severity;
      const changedA = changed?.has(a.finding.file) ? 0 : 1;
      const changedB = changed?.has(b.finding.file) ? 0 : 1;
      return changedA - changedB || a.index - b.index;
    });
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  const omitted: Finding[] = [];
  for (const { finding } of ranked) {
    if (used[finding.severity] >= perSeverity || annotations.length >= total) {
      omitted.push(finding);
      continue;
    }
    used[finding.severity]++;
    annotations.push(toAnnotation(finding));
  }
  return { annotations, omitted };
}

export function toAnnotation(finding: Finding): Annotation {
  const rule = findRule(finding.ruleId);
  return {
    severity: finding.severity,
    message: finding.message,
    title: rule ? `${finding.ruleId} ${rule.name}` : finding.ruleId,
    file: finding.file,
    startLine: finding.line,
    startColumn: finding.column,
    ...(finding.endLine === finding.line && finding.endColumn !== undefined ? { endLine: finding.endLine, endColumn: finding.endColumn } : {}),
  };
}
