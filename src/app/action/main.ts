// The action's main step: settings (inputs over .cua-guard.json) → check → (only-changed filter)
// → reports (JSON, SARIF), outputs → fix suggestion → findings as a check run or annotations →
// job summary → verdict. The GitHub API client, the fixer and the Azure adapter are loaded
// only when a run needs them (see github-client.ts, fix-suggestion.ts, publish-findings.ts and
// verification.ts).
import * as core from '../../github/runner.ts';
import { isAbsolute } from 'node:path';
import { checkWorkspaceLoadingGrammars } from '../check-workspace.ts';
import { createWorkspaceFiles } from '../../workspace/workspace-files.ts';
import { isNamedPathProblem } from '../../workspace/discover.ts';
import { nothingCheckedMessage } from '../nothing-checked.ts';
import { formatMarkdownSummary } from '../../report/markdown-summary.ts';
import { formatSarif } from '../../report/sarif.ts';
import { isConfigError } from '../../settings/config.ts';
import { buildRunSettings } from '../../settings/run-settings.ts';
import { readRunContext } from '../../github/event.ts';
import { readActionInputs } from './input-helper.ts';
import { lineLinker } from './github-links.ts';
import { isUsageError } from '../../settings/usage-error.ts';
import { createSecretsSearch, protectReport, type SecretSources } from '../../secrets/report-secrets.ts';
import { writeOutputFile } from '../../workspace/write-file.ts';
import type { RunSettings } from '../../settings/run-settings.ts';
import { lazyApi } from './github-client.ts';
import { applyOnlyChanged, changedFilesForRanking } from './scope-to-changes.ts';
import { outputPlaces, publishOutputs } from './outputs.ts';
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
    const { settings, workspace } = await buildRunSettings(readActionInputs((name) => core.getInput(name)));
    if (settings.config) core.info(`configuration: ${settings.config.displayPath}`);
    // SARIF reads the texts again once the check is done: they stay for it.
    const files = createWorkspaceFiles(workspace, { keepTexts: settings.sarifPath !== undefined });
    const search = createSecretsSearch(files, secretSources(settings));
    const checked = await checkWorkspaceLoadingGrammars({
      workspace,
      settings: settings.check,
      settingsFor: settings.settingsFor,
      patterns: settings.patterns,
      ...(settings.parametersFile ? { parametersFile: settings.parametersFile } : {}),
      linkRoots: settings.linkRoots,
      files,
      secrets: search,
    });
    // Before anything is printed: the runner masks what the policy registers (secrets/mask-policy.ts)
    // from here on, and the report as shown carries no secret value (fails closed).
    const shield = protectReport(files, checked, { search });
    for (const mask of shield.masks) core.setSecret(mask);
    const { secrets, report: fullReport } = shield;
    const github = { context: readRunContext(process.env), api: lazyApi(settings.token) };
    // A templates pattern naming a file that does not exist (or lies outside the workspace) is a
    // broken gate, not a clean run: an error that fails the step whatever fail-on says.
    const pathErrors = fullReport.problems.filter(isNamedPathProblem).map((p) => p.message);
    const problemWarnings = fullReport.problems.filter((p) => !isNamedPathProblem(p)).map((p) => p.message);

    const scoped = await applyOnlyChanged(settings, fullReport, github);
    const report = scoped.report;
    // No silent pass: a required check that checked nothing says what it found instead, and by
    // default (if-no-templates: error) fails the step.
    const nothing = fullReport.files.length === 0 && settings.ifNoTemplates !== 'ignore' ? nothingCheckedMessage(fullReport) : undefined;
    const nothingFails = nothing !== undefined && settings.ifNoTemplates === 'error';

    const places = outputPlaces(settings, workspace, checked);
    publishOutputs(settings, report, pathErrors.length > 0 || nothingFails, places);
    const failure = pathFailure(pathErrors) ?? (nothingFails ? nothing : undefined) ?? verdictFailure(settings, report);
    // Code scanning closes alerts missing from an upload, so SARIF always holds every template.
    // A named template that could not be checked leaves the run incomplete: SARIF says so.
    const outcome = { exitCode: failure ? 1 : 0, complete: pathErrors.length === 0 };
    if (settings.sarifPath)
      writeOutputFile(
        settings.sarifPath,
        formatSarif(fullReport, { rules: RULES, workspaceRoot: settings.workspace, readFile: files.text, secrets, outcome }),
        places,
      );
    const fixMarkdown = settings.fix === 'suggest' ? await suggestFix({ settings, workspace, report, places, redact: shield.redact }) : '';

    const findings = report.files.flatMap((f) => f.findings);
    const checks = settings.checks ? await publishThroughChecks(github, report, failure) : { published: false, notes: [], warnings: [] };
    const notes = [...scoped.notes, ...checks.notes];
    const warnings = [...problemWarnings, ...scoped.warnings, ...(nothing !== undefined && !nothingFails ? [nothing] : []), ...checks.warnings];
    for (const message of pathErrors) core.error(message, { title: 'cua-guard templates' });
    for (const warning of warnings) core.warning(warning);
    let notAnnotated = 0;
    if (!checks.published) {
      const reserved = { error: (failure ? 1 : 0) + pathErrors.length, warning: warnings.length };
      // A listing that already failed for only-changed is not asked for again.
      const changedFiles =
        scoped.changedFiles ?? (scoped.listingFailed ? undefined : await changedFilesForRanking(findings, reserved, { ...github, token: settings.token }));
      notAnnotated = publishAnnotations(findings, changedFiles, reserved);
    }

    const summary = formatMarkdownSummary(report, {
      rules: RULES,
      linkTo: lineLinker(process.env),
      notAnnotated,
      notes,
      maxBytes: SUMMARY_BUDGET - Buffer.byteLength(fixMarkdown),
      fullReport: [settings.reportPath, ...(settings.sarifPath ? [settings.sarifPath] : [])].map((path) => displayPath(settings.workspace, path)),
      // The headline agrees with the result output: a gate failure is never "all pass".
      ...(pathErrors.length > 0 || nothingFails ? { gateFailure: failure ?? '' } : {}),
    });
    core.appendSummary(`${summary}${fixMarkdown}\n`);
    if (settings.verification.kind !== 'none') await runVerification(settings, report);
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
      core.error(`invalid configuration: ${problem.message}`, {
        title: 'cua-guard configuration',
        ...file,
        startLine: problem.line,
        startColumn: problem.column,
      });
    }
    process.exitCode = 1;
    return;
  }
  const message = isUsageError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  core.setFailed(message);
  if (!isUsageError(error) && error instanceof Error && error.stack) core.debug(error.stack);
}

/** Values from outside the repository: the token, and parameter values given inline at run time. */
function secretSources(settings: RunSettings): SecretSources {
  const external = settings.token ? [settings.token] : [];
  const verification = settings.verification;
  if (verification.kind !== 'verify' || verification.settings.parameters.kind !== 'inline') return { external };
  const runTimeValues: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(verification.settings.parameters.values)) if ('value' in entry) runTimeValues[name] = entry.value;
  return { external, runTimeValues };
}
