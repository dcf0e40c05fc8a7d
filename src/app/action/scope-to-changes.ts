// What a pull request's changed files decide: with only-changed, which main templates are
// reported; without it, which findings get the few annotations GitHub shows.
import * as core from '../../github/runner.ts';
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import type { Finding, Severity } from '../../engine/types.ts';
import { changedFilesOf } from '../../github/changed-files.ts';
import type { RunContext } from '../../github/event.ts';
import { filterReportToChanges } from '../only-changed.ts';
import type { GitHubApi } from '../../github/api.ts';
import { planAnnotations } from '../../report/annotations.ts';
import { RULES } from '../../rules/index.ts';
import type { RunSettings } from '../../settings/run-settings.ts';

/** Where the run talks to GitHub: the event, and the API client made when first needed. */
export interface GitHubAccess {
  context: RunContext;
  api: () => Promise<GitHubApi>;
}

export interface Scoped {
  report: WorkspaceCheckReport;
  changedFiles?: ReadonlySet<string>;
  /** Lines for the job summary. */
  notes: string[];
  /** Warning annotations. */
  warnings: string[];
  /** The pull request's files were asked for and could not be listed: not worth asking again. */
  listingFailed?: boolean;
}

/** The report to publish: with only-changed on a pull request, the templates it affects; otherwise all of them. */
export async function applyOnlyChanged(settings: RunSettings, full: WorkspaceCheckReport, github: GitHubAccess): Promise<Scoped> {
  if (!settings.onlyChanged) return { report: full, notes: [], warnings: [] };
  const changed = await changedFilesOf(github.context, github.api);
  if (changed.kind === 'pull-request') {
    // The configuration's displayPath is its workspace-relative path: it is always inside.
    const filtered = filterReportToChanges(full, changed.files, settings.config ? [settings.config.displayPath] : []);
    core.info(
      `only-changed: pull request #${changed.number} changes ${changed.files.size} file(s); ${filtered.report.files.length} of ${full.files.length} main template(s) are affected by them`,
    );
    const notes: string[] = [];
    if (filtered.skipped.length > 0) {
      notes.push(
        `only-changed: ${filtered.report.files.length} of ${full.files.length} main template(s) are affected by pull request #${changed.number} (the template, a linked template or its parameters file changed) and reported below; the other ${filtered.skipped.length} were checked but are not reported.`,
      );
    }
    return { report: filtered.report, changedFiles: changed.files, notes, warnings: [] };
  }
  const notes = [`only-changed: ${changed.reason}, so every main template is checked and reported.`];
  if (changed.kind === 'not-a-pull-request') {
    core.info(`only-changed: ${changed.reason}; every main template is checked and reported`);
    return { report: full, notes, warnings: [] };
  }
  return { report: full, notes, warnings: [`only-changed: ${changed.reason}; every main template is checked and reported`], listingFailed: true };
}

/**
 * Without only-changed, the pull request's files still decide which findings get the few
 * annotations GitHub shows, when there are more than fit. Any failure leaves the usual order
 * (one debug line): ranking is a nicety, never a reason to fail or warn.
 */
export async function changedFilesForRanking(
  findings: readonly Finding[],
  reserved: Partial<Record<Severity, number>>,
  github: GitHubAccess & { token: string },
): Promise<ReadonlySet<string> | undefined> {
  if (!github.context.pullRequest || !github.token) return undefined;
  if (planAnnotations(findings, { rules: RULES, reserved }).omitted.length === 0) return undefined;
  const changed = await changedFilesOf(github.context, github.api);
  if (changed.kind === 'pull-request') {
    core.info(`annotations: more findings than GitHub shows; findings in the ${changed.files.size} file(s) pull request #${changed.number} changes come first`);
    return changed.files;
  }
  core.debug(`annotations: ordered without the pull request's files (${changed.reason})`);
  return undefined;
}
