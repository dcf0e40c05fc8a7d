// The action's main step: settings (inputs over .cua-guard.json) → check → (only-changed filter)
// → reports (JSON, SARIF), outputs → fix suggestion → findings as a check run or annotations →
// job summary → verdict. The GitHub API client, the fixer and the Azure adapter are loaded
// only when a run needs them (see github-client.ts, fix-suggestion.ts, publish-findings.ts and
// verification.ts).
import * as core from './runner.ts';
import { isAbsolute } from 'node:path';
import { checkWorkspace } from '../check-workspace.ts';
import { openWorkspace, readWorkspaceFile, type Workspace } from '../../workspace/read-file.ts';
import { isNamedPathProblem } from '../../workspace/discover.ts';
import { formatMarkdownSummary } from '../../report/markdown-summary.ts';
import { formatSarif } from '../../report/sarif.ts';
import { isConfigError, loadConfiguration, resolveSettings } from '../../settings/config.ts';
import { readRunContext } from '../../github/event.ts';
import { readActionSettings, type ActionSettings } from './input-helper.ts';
import { lineLinker } from './github-links.ts';
import { isUsageError } from '../../settings/parse-options.ts';
import { secretsOfReport } from '../../secrets/report-secrets.ts';
import { lazyApi } from './github-client.ts';
import { applyOnlyChanged, changedFilesForRanking } from './scope-to-changes.ts';
import { publishOutputs, writeReport } from './outputs.ts';
import { pathFailure, verdictFailure } from './verdict.ts';
import { suggestFix } from './fix-suggestion.ts';
import { publishAnnotations, publishThroughChecks } from './publish-findings.ts';
import { runVerification } from './verification.ts';
import { RULES } from '../../rules/index.ts';
import { displayPath } from './workspace-paths.ts';

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
    const secrets = secretsOfReport(workspace, fullReport);
    for (const secret of secrets) core.setSecret(secret);
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
    if (effective.sarifPath) writeReport(effective.sarifPath, formatSarif(fullReport, { rules: RULES, workspaceRoot: effective.workspace, readFile: workspaceTextReader(workspace), secrets }));
    const failure = pathFailure(pathErrors) ?? verdictFailure(effective, report);
    const fixMarkdown = effective.fix === 'suggest' ? await suggestFix(effective, workspace, resolved, report) : '';

    const findings = report.files.flatMap((f) => f.findings);
    const published = effective.checks ? await publishThroughChecks(context, api, report, failure, notes, warnings) : false;
    for (const message of pathErrors) core.error(message, { title: 'cua-guard templates' });
    for (const warning of warnings) core.warning(warning);
    let notAnnotated = 0;
    if (!published) {
      const reserved = { error: (failure ? 1 : 0) + pathErrors.length, warning: warnings.length };
      const changedFiles = scoped.changedFiles ?? (await changedFilesForRanking(findings, reserved, context, effective.token, api));
      notAnnotated = publishAnnotations(findings, changedFiles, reserved);
    }

    const summary = formatMarkdownSummary(report, {
      rules: RULES,
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

function workspaceTextReader(workspace: Workspace): (file: string) => string | undefined {
  return (file) => {
    const read = readWorkspaceFile(workspace, file);
    return read.ok ? read.text : undefined;
  };
}
