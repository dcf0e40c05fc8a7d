// Findings on the pull request: every one as an annotation of a check run (checks: true), or
// workflow-command annotations within GitHub's caps. The check-run publisher is loaded only when used.
import * as core from '../../github/runner.ts';
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import type { Finding, Severity } from '../../engine/types.ts';
import type { GitHubAccess } from './scope-to-changes.ts';
import type { GitHubApi } from '../../github/api.ts';
import { planAnnotations, type Annotation } from '../../report/annotations.ts';
import { formatMarkdownSummary } from '../../report/markdown-summary.ts';
import { lineLinker } from './github-links.ts';
import { RULES, ruleTitle } from '../../rules/index.ts';

export const CHECK_RUN_NAME = 'cua-guard';

/**
 * Workflow-command annotations within GitHub's caps; returns how many findings were left out.
 * `reserved`: the failure message and path errors are error annotations, each warning above a warning one.
 */
export function publishAnnotations(
  findings: readonly Finding[],
  changedFiles: ReadonlySet<string> | undefined,
  reserved: Partial<Record<Severity, number>>,
): number {
  const plan = planAnnotations(findings, { rules: RULES, ...(changedFiles ? { changedFiles } : {}), reserved });
  for (const annotation of plan.annotations) annotate(annotation);
  if (plan.omitted.length > 0)
    core.info(`${plan.omitted.length} more finding(s) are listed in the job summary (GitHub shows at most 10 annotations per severity per step).`);
  return plan.omitted.length;
}

function annotate(annotation: Annotation): void {
  const { severity, message, ...properties } = annotation;
  if (severity === 'error') core.error(message, properties);
  else if (severity === 'warning') core.warning(message, properties);
  else core.notice(message, properties);
}

export interface ChecksOutcome {
  /** True when the check run carries every finding; false after a fallback (with one warning). */
  published: boolean;
  /** Lines for the job summary. */
  notes: string[];
  /** Warning annotations. */
  warnings: string[];
}

export async function publishThroughChecks(github: GitHubAccess, report: WorkspaceCheckReport, failure: string | undefined): Promise<ChecksOutcome> {
  const { context, api } = github;
  const headSha = context.pullRequest?.headSha ?? context.sha;
  const fallback = (why: string): ChecksOutcome => ({
    published: false,
    warnings: [`checks: ${why}; findings are shown as annotations instead (at most 10 per severity; the job summary lists all of them)`],
    notes: [`The check run could not be published (${why}); findings are shown as annotations instead.`],
  });
  if (!context.owner || !context.repo || !headSha) return fallback('GITHUB_REPOSITORY or GITHUB_SHA is not set');
  let client: GitHubApi;
  try {
    client = await api();
  } catch (error) {
    return fallback(error instanceof Error ? error.message : String(error));
  }
  const { publishCheckRun } = await import('../../github/check-run.ts');
  const { error, warning, notice } = report.counts;
  const result = await publishCheckRun(client, {
    owner: context.owner,
    repo: context.repo,
    headSha,
    name: CHECK_RUN_NAME,
    title: `${error} error(s), ${warning} warning(s), ${notice} notice(s)`,
    // The Checks API takes at most 65,535 characters: shorten the summary the way the job summary is.
    summary: formatMarkdownSummary(report, { rules: RULES, linkTo: lineLinker(process.env), maxBytes: 60_000 }),
    findings: report.files.flatMap((f) => f.findings),
    conclusion: failure ? 'failure' : 'success',
    titleOf: ruleTitle,
  });
  if (result.ok) {
    core.info(
      `checks: ${result.annotations} finding(s) published as annotations of check run '${CHECK_RUN_NAME}'${result.url ? ` (${result.url})` : ''} in ${result.requests} request(s)`,
    );
    return {
      published: true,
      notes: [`Every finding (${result.annotations}) is an annotation of the check run [${CHECK_RUN_NAME}](${result.url ?? '#'}).`],
      warnings: [],
    };
  }
  const status = result.failure.status !== undefined ? `${result.failure.status}: ` : '';
  return fallback(
    result.permission
      ? `the token cannot write check runs (${status}${result.failure.message}); pull requests from forks get a read-only token, and the job needs \`permissions: checks: write\``
      : `publishing the check run failed (${status}${result.failure.message})`,
  );
}
