// Publishes every finding as an annotation of a check run (Checks API), past the 10-per-step
// limit of workflow-command annotations: create the run, send annotations 50 per request (the
// API's limit), then complete it. Needs `permissions: checks: write`; a pull request from a fork
// gets a read-only token, so a 403 is expected there and the caller falls back to annotations.
import type { Finding } from '../engine/types.ts';
import { describeApiError, isPermissionError, type ApiFailure, type CheckRunAnnotation, type GitHubApi } from './api.ts';

export const ANNOTATIONS_PER_REQUEST = 50;
/** The Checks API rejects longer summaries. */
export const MAX_SUMMARY = 65_535;

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  title: string;
  summary: string;
  findings: readonly Finding[];
  conclusion: 'success' | 'failure' | 'neutral';
  /** An annotation's title for a rule id; given by the caller, so this lazily loaded module needs no rules. */
  titleOf: (ruleId: string) => string;
}

export type CheckRunResult =
  { ok: true; id: number; url?: string; annotations: number; requests: number } | { ok: false; failure: ApiFailure; permission: boolean; created?: number };

export async function publishCheckRun(api: GitHubApi, request: CheckRunRequest): Promise<CheckRunResult> {
  const annotations = request.findings.filter((f) => !f.suppressed).map((f) => toCheckAnnotation(f, request.titleOf));
  const summary = truncate(request.summary, MAX_SUMMARY);
  let created: { id: number; url?: string } | undefined;
  let requests = 0;
  try {
    created = await api.createCheckRun({
      owner: request.owner,
      repo: request.repo,
      name: request.name,
      headSha: request.headSha,
      output: { title: request.title, summary },
    });
    requests++;
    const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST);
    for (let i = 0; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await api.updateCheckRun({
        owner: request.owner,
        repo: request.repo,
        checkRunId: created.id,
        output: { title: request.title, summary, annotations: batches[i] ?? [] },
        ...(last ? { conclusion: request.conclusion } : {}),
      });
      requests++;
    }
    if (batches.length === 0) {
      await api.updateCheckRun({
        owner: request.owner,
        repo: request.repo,
        checkRunId: created.id,
        output: { title: request.title, summary },
        conclusion: request.conclusion,
      });
      requests++;
    }
    return { ok: true, id: created.id, ...(created.url ? { url: created.url } : {}), annotations: annotations.length, requests };
  } catch (error) {
    const failure = describeApiError(error);
    if (created) {
      // Leave no check run spinning forever; say it is incomplete. Errors here change nothing.
      await api
        .updateCheckRun({
          owner: request.owner,
          repo: request.repo,
          checkRunId: created.id,
          output: {
            title: `${request.title} (incomplete)`,
            summary: `Publishing the annotations failed: ${failure.message}. See the workflow run's job summary for every finding.`,
          },
          conclusion: 'neutral',
        })
        .catch(() => undefined);
    }
    return { ok: false, failure, permission: isPermissionError(failure), ...(created ? { created: created.id } : {}) };
  }
}

export function toCheckAnnotation(finding: Finding, titleOf: (ruleId: string) => string): CheckRunAnnotation {
  const endLine = finding.endLine !== undefined && finding.endLine >= finding.line ? finding.endLine : finding.line;
  const sameLine = endLine === finding.line;
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: endLine,
    // Columns are allowed only when the annotation starts and ends on the same line.
    ...(sameLine ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endColumn ?? finding.column) } : {}),
    annotation_level: finding.severity === 'error' ? 'failure' : finding.severity,
    message: finding.message,
    title: titleOf(finding.ruleId),
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n\n… (truncated: the full list is in the job summary)';
  return text.slice(0, max - note.length) + note;
}
