// The action's main step: settings → check → annotations, summary, outputs → verdict.
// Verification deployments (verify != none) load the Azure adapter lazily.
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkWorkspace, type WorkspaceCheckReport } from '../engine/check-workspace.ts';
import { openWorkspace } from '../workspace/read-file.ts';
import { formatJson } from '../reporters/json.ts';
import { formatMarkdownSummary } from '../reporters/markdown-summary.ts';
import { planAnnotations, type Annotation } from '../reporters/annotations.ts';
import { readActionSettings, type ActionSettings } from './input-helper.ts';
import { lineLinker } from './github-links.ts';
import { UsageError } from '../settings/parse-options.ts';

export async function run(): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name));
    const report = checkWorkspace({
      workspace: openWorkspace(settings.workspace),
      settings: settings.check,
      patterns: settings.patterns,
      ...(settings.parametersFile ? { parametersFile: settings.parametersFile } : {}),
    });
    const notAnnotated = publishAnnotations(report);
    publishOutputs(settings, report);
    await core.summary.addRaw(formatMarkdownSummary(report, { linkTo: lineLinker(process.env), notAnnotated }), true).write();
    if (settings.verify !== 'none') await runVerification(settings, report);
    const failure = verdictFailure(settings, report);
    if (failure) core.setFailed(failure);
  } catch (error) {
    // Usage mistakes are shown as they are; anything else is a bug: say so, with the message only.
    const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    core.setFailed(message);
    if (!(error instanceof UsageError) && error instanceof Error && error.stack) core.debug(error.stack);
  }
}

function publishAnnotations(report: WorkspaceCheckReport): number {
  for (const problem of report.problems) core.warning(problem.message);
  if (report.files.length === 0) core.warning('no main templates matched the templates patterns; nothing was checked');
  const plan = planAnnotations(report.files.flatMap((f) => f.findings));
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

function publishOutputs(settings: ActionSettings, report: WorkspaceCheckReport): void {
  mkdirSync(dirname(settings.reportPath), { recursive: true });
  writeFileSync(settings.reportPath, formatJson(report));
  core.setOutput('result', report.counts.error > 0 ? 'fail' : 'pass');
  core.setOutput('error-count', report.counts.error);
  core.setOutput('warning-count', report.counts.warning);
  core.setOutput('notice-count', report.counts.notice);
  core.setOutput('report', settings.reportPath);
  core.setOutput('templates', JSON.stringify(report.files.map((f) => f.path)));
}

function verdictFailure(settings: ActionSettings, report: WorkspaceCheckReport): string | undefined {
  const { error, warning } = report.counts;
  if (settings.failOn === 'never') return undefined;
  if (error > 0) return `customer usage attribution check failed: ${error} error(s) in ${report.files.filter((f) => f.verdict === 'fail').length} template(s)`;
  if (settings.failOn === 'warning' && warning > 0) return `customer usage attribution check failed: ${warning} warning(s) (fail-on: warning)`;
  return undefined;
}

async function runVerification(settings: ActionSettings, report: WorkspaceCheckReport): Promise<void> {
  const { runVerifyStep } = await import('../azure/step.ts');
  const result = await runVerifyStep({
    workspace: settings.workspace,
    templates: report.files.map((file) => ({
      path: file.path,
      absolutePath: `${settings.workspace}/${file.path}`,
      trackingNames: file.tracking.filter((t) => t.placement === 'top-level').map((t) => t.resolvedName),
    })),
    trackingIds: [...settings.check.trackingIds],
    getInput: (name: string) => core.getInput(name),
  });
  for (const finding of result.findings) {
    const properties = { title: finding.ruleId, file: finding.file, startLine: finding.line, startColumn: finding.column };
    if (finding.severity === 'error') core.error(finding.message, properties);
    else if (finding.severity === 'warning') core.warning(finding.message, properties);
    else core.notice(finding.message, properties);
  }
  core.setOutput('verified', String(result.verified));
  core.setOutput('correlation-id', result.correlationId ?? '');
  core.setOutput('tracked-resources', JSON.stringify(result.trackedResources));
  await core.summary.addRaw(result.summaryMarkdown, true).write();
  if (!result.verified) core.setFailed('attribution verification failed: see the job summary');
}
