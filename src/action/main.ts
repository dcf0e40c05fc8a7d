// The action's main step: settings (inputs over .cua-guard.json) → check → (only-changed filter)
// → reports (JSON, SARIF), outputs → fix suggestion → findings as a check run or annotations →
// job summary → verdict. The GitHub API client, the fixer and the Azure adapter are loaded
// only when a run needs them.
import * as core from './runner.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { checkWorkspace, type WorkspaceCheckReport } from '../engine/check-workspace.ts';
import type { Finding, Severity } from '../engine/types.ts';
import { openWorkspace, readWorkspaceFile, type Workspace } from '../workspace/read-file.ts';
import { isNamedPathProblem } from '../workspace/discover.ts';
import { formatJson } from '../reporters/json.ts';
import { formatMarkdownSummary } from '../reporters/markdown-summary.ts';
import { formatSarif } from '../reporters/sarif.ts';
import { planAnnotations, type Annotation } from '../reporters/annotations.ts';
import { isConfigError, loadConfiguration, resolveSettings, type LoadedConfig, type ResolvedSettings } from '../config/index.ts';
import { changedFilesOf } from '../github/changed-files.ts';
import { readRunContext, type RunContext } from '../github/event.ts';
import { filterReportToChanges } from '../github/only-changed.ts';
import type { GitHubApi } from '../github/api.ts';
import { readActionSettings, type ActionSettings } from './input-helper.ts';
import { lineLinker } from './github-links.ts';
import { isUsageError } from '../settings/parse-options.ts';
import { secretsOfReport } from '../secrets/report-secrets.ts';

export const CHECK_RUN_NAME = 'cua-guard';
/** A suggested diff gets at most this much of the job summary, and the whole suggestion this much. */
const MAX_SUMMARY_DIFF = 256 * 1024;
const MAX_FIX_SUMMARY = 384 * 1024;
/**
 * GitHub rejects a step summary over 1 MiB (and then shows none). The check's summary and the
 * suggested fix share this budget; the rest is left for the verification summary.
 */
const SUMMARY_BUDGET = 900 * 1024;

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
    // A templates pattern naming a file that does not exist (or lies outside the workspace) is a
    // broken gate, not a clean run: an error that fails the step whatever fail-on says.
    const pathErrors = fullReport.problems.filter(isNamedPathProblem).map((p) => p.message);
    const warnings: string[] = fullReport.problems.filter((p) => !isNamedPathProblem(p)).map((p) => p.message);

    const scoped = await applyOnlyChanged(effective, fullReport, context, api, config, notes, warnings);
    const report = scoped.report;
    if (report.files.length === 0 && fullReport.files.length === 0 && fullReport.problems.length === 0) warnings.push('no main templates matched the templates patterns; nothing was checked');

    publishOutputs(effective, report, pathErrors.length > 0);
    // Code scanning closes alerts missing from an upload, so SARIF always holds every template.
    if (effective.sarifPath) writeReport(effective.sarifPath, formatSarif(fullReport, { workspaceRoot: effective.workspace, readFile: workspaceTextReader(workspace) }));
    const failure = pathFailure(pathErrors) ?? verdictFailure(effective, report);
    const fixMarkdown = effective.fix === 'suggest' ? await suggestFix(effective, workspace, resolved, report) : '';

    const findings = report.files.flatMap((f) => f.findings);
    const published = effective.checks ? await publishThroughChecks(effective, context, api, report, failure, notes, warnings) : false;
    for (const message of pathErrors) core.error(message, { title: 'cua-guard templates' });
    for (const warning of warnings) core.warning(warning);
    let notAnnotated = 0;
    if (!published) {
      const reserved = { error: (failure ? 1 : 0) + pathErrors.length, warning: warnings.length };
      const changedFiles = scoped.changedFiles ?? (await changedFilesForRanking(findings, reserved, context, effective.token, api));
      notAnnotated = publishAnnotations(findings, changedFiles, reserved);
    }

    const summary = formatMarkdownSummary(report, {
      linkTo: lineLinker(process.env),
      notAnnotated,
      notes,
      maxBytes: SUMMARY_BUDGET - Buffer.byteLength(fixMarkdown),
      fullReport: [effective.reportPath, ...(effective.sarifPath ? [effective.sarifPath] : [])].map((path) => displayPath(effective.workspace, path)),
    });
    core.appendSummary(`${summary}${fixMarkdown}\n`);
    if (effective.verify !== 'none') await runVerification(effective, report);
    if (failure) core.setFailed(failure);
  } catch (error) {
    reportFailure(error);
  }
}

/** Usage mistakes are shown as they are (configuration mistakes where they are); anything else is a bug: say so, with the message only. */
function reportFailure(error: unknown): void {
  if (isConfigError(error)) {
    for (const problem of error.problems) {
      // The runner places annotations by workspace-relative path; a file elsewhere gets none.
      const file = isAbsolute(error.file) ? {} : { file: error.file };
      core.error(`invalid configuration: ${problem.message}`, { title: 'cua-guard configuration', ...file, startLine: problem.line, startColumn: problem.column });
    }
    process.exitCode = 1;
    return;
  }
  const message = isUsageError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  core.setFailed(message);
  if (!isUsageError(error) && error instanceof Error && error.stack) core.debug(error.stack);
}

function pathFailure(pathErrors: readonly string[]): string | undefined {
  if (pathErrors.length === 0) return undefined;
  return `${pathErrors.length} path(s) named in the templates input cannot be checked (missing or outside the workspace); fix the templates input`;
}

/** Paths in the summary: workspace-relative when inside it. */
function displayPath(root: string, path: string): string {
  const rel = workspaceRelative(root, path);
  return rel.startsWith('..') ? path : rel;
}

function workspaceTextReader(workspace: Workspace): (file: string) => string | undefined {
  return (file) => {
    const read = readWorkspaceFile(workspace, file);
    return read.ok ? read.text : undefined;
  };
}

/**
 * Without only-changed, the pull request's files still decide which findings get the few
 * annotations GitHub shows, when there are more than fit. Any failure leaves the usual order
 * (one debug line): ranking is a nicety, never a reason to fail or warn.
 */
async function changedFilesForRanking(
  findings: readonly Finding[],
  reserved: Partial<Record<Severity, number>>,
  context: RunContext,
  token: string,
  api: () => Promise<GitHubApi>,
): Promise<ReadonlySet<string> | undefined> {
  if (!context.pullRequest || !token) return undefined;
  if (planAnnotations(findings, { reserved }).omitted.length === 0) return undefined;
  const changed = await changedFilesOf(context, api);
  if (changed.kind === 'pull-request') {
    core.info(`annotations: more findings than GitHub shows; findings in the ${changed.files.size} file(s) pull request #${changed.number} changes come first`);
    return changed.files;
  }
  core.debug(`annotations: ordered without the pull request's files (${changed.reason})`);
  return undefined;
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

/**
 * Workflow-command annotations within GitHub's caps; returns how many findings were left out.
 * `reserved`: the failure message and path errors are error annotations, each warning above a warning one.
 */
function publishAnnotations(findings: readonly Finding[], changedFiles: ReadonlySet<string> | undefined, reserved: Partial<Record<Severity, number>>): number {
  const plan = planAnnotations(findings, { ...(changedFiles ? { changedFiles } : {}), reserved });
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
    // The Checks API takes at most 65,535 characters: shorten the summary the way the job summary is.
    summary: formatMarkdownSummary(report, { linkTo: lineLinker(process.env), maxBytes: 60_000 }),
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
  let budget = MAX_FIX_SUMMARY;
  if (diff === '') {
    out.push('cua-guard fix has nothing to change.');
  } else {
    const patchPath = join(process.env['RUNNER_TEMP'] ?? settings.workspace, 'cua-guard-fix.patch');
    writeReport(patchPath, diff);
    core.setOutput('fix-patch', patchPath);
    core.info(`fix: suggested changes written to ${patchPath} (apply with git apply)`);
    const changes = fixed.files.flatMap((file) => file.changes.map((change) => `- \`${file.file}:${change.line}\` ${change.message}`));
    budget -= pushWithin(out, changes, budget / 4, 'change(s)');
    const room = Math.min(MAX_SUMMARY_DIFF, Math.max(0, budget - MAX_FIX_SUMMARY / 4));
    const shown = Buffer.byteLength(diff) > room ? `${Buffer.from(diff).subarray(0, room).toString('utf8')}\n… (truncated; the whole patch is the fix-patch output)\n` : diff;
    budget -= Buffer.byteLength(shown);
    const fence = '`'.repeat(Math.max(3, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    out.push('', 'Apply it with `git apply`, or run `npx cua-guard fix` locally:', '', `${fence}diff`, shown.trimEnd(), fence);
  }
  const leftAlone = fixed.files.flatMap((f) => f.notes.filter((n) => !n.startsWith('still reported')).map((n) => `- \`${f.file}\`: ${n}`));
  if (leftAlone.length > 0) {
    out.push('', 'Not changed by the fix:', '');
    pushWithin(out, leftAlone, budget, 'note(s)');
  }
  return `${out.join('\n')}\n`;
}

/** Appends lines while they fit in `budget` bytes, then one line saying how many were left out; returns the bytes used. */
function pushWithin(out: string[], lines: readonly string[], budget: number, what: string): number {
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const size = Buffer.byteLength(line) + 1;
    if (used + size > budget) {
      out.push(`- … ${lines.length - i} more ${what}: run \`cua-guard fix --dry-run\` to see them all`);
      return used + 100;
    }
    out.push(line);
    used += size;
  }
  return used;
}

/** `unusablePaths`: a template the templates input names cannot be checked, so the gate cannot pass. */
function publishOutputs(settings: ActionSettings, report: WorkspaceCheckReport, unusablePaths: boolean): void {
  writeReport(settings.reportPath, formatJson(report));
  core.setOutput('result', report.counts.error > 0 || unusablePaths ? 'fail' : 'pass');
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

/** Sets `verified` whatever happens: a workflow reading it must never find it missing. */
async function runVerification(settings: ActionSettings, report: WorkspaceCheckReport): Promise<void> {
  try {
    await verifyInAzure(settings, report);
  } catch (error) {
    core.setOutput('verified', 'false');
    throw error;
  }
}

async function verifyInAzure(settings: ActionSettings, report: WorkspaceCheckReport): Promise<void> {
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
