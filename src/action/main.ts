// The action's main step: settings (inputs over .cua-guard.json) → check → (only-changed filter)
// → reports (JSON, SARIF), outputs → fix suggestion → findings as a check run or annotations →
// job summary → verdict. The GitHub API client, the fixer and the Azure adapter are loaded
// only when a run needs them.
import * as core from './runner.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { checkWorkspace, type WorkspaceCheckReport } from '../engine/check-workspace.ts';
import type { Finding } from '../engine/types.ts';
import { openWorkspace, type Workspace } from '../workspace/read-file.ts';
import { formatJson } from '../reporters/json.ts';
import { formatMarkdownSummary } from '../reporters/markdown-summary.ts';
import { formatSarif } from '../reporters/sarif.ts';
import { planAnnotations, type Annotation } from '../reporters/annotations.ts';
import { loadConfiguration, resolveSettings, type LoadedConfig, type ResolvedSettings } from '../config/index.ts';
import { changedFilesOf } from '../github/changed-files.ts';
import { readRunContext, type RunContext } from '../github/event.ts';
import { filterReportToChanges } from '../github/only-changed.ts';
import type { GitHubApi } from '../github/api.ts';
import { readActionSettings, type ActionSettings } from './input-helper.ts';
import { lineLinker } from './github-links.ts';
import { isUsageError } from '../settings/parse-options.ts';
import { secretsOfReport } from '../secrets/report-secrets.ts';

export const CHECK_RUN_NAME = 'cua-guard';
/** Job summaries are limited to 1 MiB per step; a suggested diff gets at most this much. */
const MAX_SUMMARY_DIFF = 256 * 1024;

export async function run(): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name));
    const config = await loadConfiguration({ workspaceRoot: settings.workspace, ...(settings.configPath ? { explicit: settings.configPath } : {}) });
    if (config) core.info(`configuration: ${config.displayPath}`);
    const resolved = resolveSettings(config?.config, settings.explicit);
    const effective: ActionSettings = { ...settings, check: resolved.base };
    const workspace = openWorkspace(effective.workspace);
    const fullReport = checkWorkspace({
      workspace,
      settings: resolved.base,
      settingsFor: resolved.settingsFor,
      patterns: resolved.patterns(effective.patterns),
      ...(effective.parametersFile ? { parametersFile: effective.parametersFile } : {}),
    });
    // Before anything is printed: the runner masks secure parameter values and SAS tokens from here on.
    for (const secret of secretsOfReport(workspace, fullReport)) core.setSecret(secret);
    const context = readRunContext(process.env);
    const api = lazyApi(effective.token);
    const notes: string[] = [];
    const warnings: string[] = fullReport.problems.map((p) => p.message);

    const scoped = await applyOnlyChanged(effective, fullReport, context, api, config, notes, warnings);
    const report = scoped.report;
    if (report.files.length === 0 && fullReport.files.length === 0) warnings.push('no main templates matched the templates patterns; nothing was checked');

    publishOutputs(effective, report);
    // Code scanning closes alerts missing from an upload, so SARIF always holds every template.
    if (effective.sarifPath) writeReport(effective.sarifPath, formatSarif(fullReport, { workspaceRoot: effective.workspace }));
    const failure = verdictFailure(effective, report);
    const fixMarkdown = effective.fix === 'suggest' ? await suggestFix(effective, workspace, resolved, report) : '';

    const findings = report.files.flatMap((f) => f.findings);
    const published = effective.checks ? await publishThroughChecks(effective, context, api, report, failure, notes, warnings) : false;
    for (const warning of warnings) core.warning(warning);
    let notAnnotated = 0;
    if (!published) notAnnotated = publishAnnotations(findings, scoped.changedFiles, failure !== undefined, warnings.length);

    const summary = formatMarkdownSummary(report, { linkTo: lineLinker(process.env), notAnnotated, notes });
    core.appendSummary(`${summary}${fixMarkdown}\n`);
    if (effective.verify !== 'none') await runVerification(effective, report);
    if (failure) core.setFailed(failure);
  } catch (error) {
    // Usage mistakes are shown as they are; anything else is a bug: say so, with the message only.
    const message = isUsageError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    core.setFailed(message);
    if (!isUsageError(error) && error instanceof Error && error.stack) core.debug(error.stack);
  }
}

/** The GitHub API client, created on first use (it loads @actions/github). */
function lazyApi(token: string): () => Promise<GitHubApi> {
  let api: Promise<GitHubApi> | undefined;
  return () => {
    if (!token) return Promise.reject(new Error('the token input is empty'));
    api ??= import('../github/api.ts').then((m) => m.createGitHubApi(token));
    return api;
  };
}

interface Scoped {
  report: WorkspaceCheckReport;
  changedFiles?: ReadonlySet<string>;
}

async function applyOnlyChanged(
  settings: ActionSettings,
  full: WorkspaceCheckReport,
  context: RunContext,
  api: () => Promise<GitHubApi>,
  config: LoadedConfig | undefined,
  notes: string[],
  warnings: string[],
): Promise<Scoped> {
  if (!settings.onlyChanged) return { report: full };
  const changed = await changedFilesOf(context, api);
  if (changed.kind === 'pull-request') {
    const configFile = config ? workspaceRelative(settings.workspace, config.path) : undefined;
    const filtered = filterReportToChanges(full, changed.files, configFile ? [configFile] : []);
    core.info(
      `only-changed: pull request #${changed.number} changes ${changed.files.size} file(s); ${filtered.report.files.length} of ${full.files.length} main template(s) are affected by them`,
    );
    if (filtered.skipped.length > 0) {
      notes.push(
        `only-changed: ${filtered.report.files.length} of ${full.files.length} main template(s) are affected by pull request #${changed.number} (the template, a linked template or its parameters file changed) and reported below; the other ${filtered.skipped.length} were checked but are not reported.`,
      );
    }
    return { report: filtered.report, changedFiles: changed.files };
  }
  if (changed.kind === 'not-a-pull-request') {
    core.info(`only-changed: ${changed.reason}; every main template is checked and reported`);
    notes.push(`only-changed: ${changed.reason}, so every main template is checked and reported.`);
  } else {
    warnings.push(`only-changed: ${changed.reason}; every main template is checked and reported`);
    notes.push(`only-changed: ${changed.reason}, so every main template is checked and reported.`);
  }
  return { report: full };
}

function workspaceRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Workflow-command annotations within GitHub's caps; returns how many findings were left out. */
function publishAnnotations(findings: readonly Finding[], changedFiles: ReadonlySet<string> | undefined, willFail: boolean, warningCount: number): number {
  const plan = planAnnotations(findings, {
    ...(changedFiles ? { changedFiles } : {}),
    // The failure message is an error annotation and each warning above is a warning one.
    reserved: { error: willFail ? 1 : 0, warning: warningCount },
  });
  for (const annotation of plan.annotations) annotate(annotation);
  if (plan.omitted.length > 0) core.info(`${plan.omitted.length} more finding(s) are listed in the job summary (GitHub shows at most 10 annotations per severity per step).`);
  return plan.omitted.length;
}

function annotate(annotation: Annotation): void {
  const { severity, message, ...properties } = annotation;
  if (severity === 'error') core.error(message, properties);
  else if (severity === 'warning') core.warning(message, properties);
  else core.notice(message, properties);
}

/** True when the check run carries every finding; false after a fallback (with one warning). */
async function publishThroughChecks(
  settings: ActionSettings,
  context: RunContext,
  api: () => Promise<GitHubApi>,
  report: WorkspaceCheckReport,
  failure: string | undefined,
  notes: string[],
  warnings: string[],
): Promise<boolean> {
  const headSha = context.pullRequest?.headSha ?? context.sha;
  const fallback = (why: string): false => {
    warnings.push(`checks: ${why}; findings are shown as annotations instead (at most 10 per severity; the job summary lists all of them)`);
    notes.push(`The check run could not be published (${why}); findings are shown as annotations instead.`);
    return false;
  };
  if (!context.owner || !context.repo || !headSha) return fallback('GITHUB_REPOSITORY or GITHUB_SHA is not set');
  let client: GitHubApi;
  try {
    client = await api();
  } catch (error) {
    return fallback(error instanceof Error ? error.message : String(error));
  }
  const { publishCheckRun } = await import('../github/check-run.ts');
  const { error, warning, notice } = report.counts;
  const result = await publishCheckRun(client, {
    owner: context.owner,
    repo: context.repo,
    headSha,
    name: CHECK_RUN_NAME,
    title: `${error} error(s), ${warning} warning(s), ${notice} notice(s)`,
    summary: formatMarkdownSummary(report, { linkTo: lineLinker(process.env) }),
    findings: report.files.flatMap((f) => f.findings),
    conclusion: failure ? 'failure' : 'success',
  });
  if (result.ok) {
    core.info(`checks: ${result.annotations} finding(s) published as annotations of check run '${CHECK_RUN_NAME}'${result.url ? ` (${result.url})` : ''} in ${result.requests} request(s)`);
    notes.push(`Every finding (${result.annotations}) is an annotation of the check run [${CHECK_RUN_NAME}](${result.url ?? '#'}).`);
    return true;
  }
  const status = result.failure.status !== undefined ? `${result.failure.status}: ` : '';
  return fallback(
    result.permission
      ? `the token cannot write check runs (${status}${result.failure.message}); pull requests from forks get a read-only token, and the job needs \`permissions: checks: write\``
      : `publishing the check run failed (${status}${result.failure.message})`,
  );
}

async function suggestFix(settings: ActionSettings, workspace: Workspace, resolved: ResolvedSettings, report: WorkspaceCheckReport): Promise<string> {
  const { fixWorkspace, unifiedDiff } = await import('../fix/index.ts');
  const fixed = fixWorkspace({
    workspace,
    patterns: resolved.patterns(settings.patterns),
    settingsFor: resolved.settingsFor,
    only: new Set(report.files.map((f) => f.path)),
    ...(settings.parametersFile ? { parametersFile: settings.parametersFile } : {}),
    write: false,
  });
  const diff = await unifiedDiff(fixed.files);
  const out: string[] = ['', '### Suggested fix (`cua-guard fix`)', ''];
  if (diff === '') {
    out.push('cua-guard fix has nothing to change.');
  } else {
    const patchPath = join(process.env['RUNNER_TEMP'] ?? settings.workspace, 'cua-guard-fix.patch');
    writeReport(patchPath, diff);
    core.setOutput('fix-patch', patchPath);
    core.info(`fix: suggested changes written to ${patchPath} (apply with git apply)`);
    for (const file of fixed.files) for (const change of file.changes) out.push(`- \`${file.file}:${change.line}\` ${change.message}`);
    const shown = diff.length > MAX_SUMMARY_DIFF ? `${diff.slice(0, MAX_SUMMARY_DIFF)}\n… (truncated; the whole patch is the fix-patch output)\n` : diff;
    const fence = '`'.repeat(Math.max(3, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    out.push('', 'Apply it with `git apply`, or run `npx cua-guard fix` locally:', '', `${fence}diff`, shown.trimEnd(), fence);
  }
  const leftAlone = fixed.files.flatMap((f) => f.notes.filter((n) => !n.startsWith('still reported')).map((n) => `- \`${f.file}\`: ${n}`));
  if (leftAlone.length > 0) out.push('', 'Not changed by the fix:', '', ...leftAlone);
  return `${out.join('\n')}\n`;
}

function publishOutputs(settings: ActionSettings, report: WorkspaceCheckReport): void {
  writeReport(settings.reportPath, formatJson(report));
  core.setOutput('result', report.counts.error > 0 ? 'fail' : 'pass');
  core.setOutput('error-count', report.counts.error);
  core.setOutput('warning-count', report.counts.warning);
  core.setOutput('notice-count', report.counts.notice);
  core.setOutput('report', settings.reportPath);
  core.setOutput('templates', JSON.stringify(report.files.map((f) => f.path)));
  if (settings.sarifPath) core.setOutput('sarif-file', settings.sarifPath);
}

function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function verdictFailure(settings: ActionSettings, report: WorkspaceCheckReport): string | undefined {
  const { error, warning } = report.counts;
  if (settings.failOn === 'never') return undefined;
  if (error > 0) return `customer usage attribution check failed: ${error} error(s) in ${report.files.filter((f) => f.verdict === 'fail').length} template(s)`;
  if (settings.failOn === 'warning' && warning > 0) return `customer usage attribution check failed: ${warning} warning(s) (fail-on: warning)`;
  return undefined;
}

async function runVerification(settings: ActionSettings, report: WorkspaceCheckReport): Promise<void> {
  const [{ runVerifyStep }, { VERIFY_RULES }] = await Promise.all([import('../azure/step.ts'), import('../azure/findings.ts')]);
  const result = await runVerifyStep({
    workspace: settings.workspace,
    templates: report.files.map((file) => ({
      path: file.path,
      absolutePath: `${settings.workspace}/${file.path}`,
      trackingNames: file.tracking.filter((t) => t.placement === 'top-level').map((t) => t.resolvedName),
      ...(file.parametersFile ? { parametersFile: file.parametersFile } : {}),
    })),
    trackingIds: [...settings.check.trackingIds],
    getInput: (name: string) => core.getInput(name),
  });
  const names: Record<string, string> = VERIFY_RULES;
  for (const finding of result.findings) {
    const title = names[finding.ruleId] ? `${finding.ruleId} ${names[finding.ruleId]}` : finding.ruleId;
    const properties = { title, file: finding.file, startLine: finding.line, startColumn: finding.column };
    if (finding.severity === 'error') core.error(finding.message, properties);
    else if (finding.severity === 'warning') core.warning(finding.message, properties);
    else core.notice(finding.message, properties);
  }
  core.setOutput('verified', String(result.verified));
  core.setOutput('correlation-id', result.correlationId ?? '');
  core.setOutput('tracked-resources', JSON.stringify(result.trackedResources));
  core.appendSummary(`${result.summaryMarkdown}\n`);
  if (!result.verified) core.setFailed('attribution verification failed: see the job summary');
}
