// verify: proving attribution in Azure after the static check. The Azure adapter (and its SDK)
// is loaded only here, so a run without verification never pays for it.
import * as core from '../../github/runner.ts';
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import type { RunSettings } from '../../settings/run-settings.ts';
import type { VerifySettings } from '../../settings/verify-settings.ts';

/** Sets `verified` whatever happens: a workflow reading it must never find it missing. */
export async function runVerification(settings: RunSettings, report: WorkspaceCheckReport): Promise<void> {
  try {
    const verification = settings.verification;
    if (verification.kind === 'invalid') throw verification.error;
    if (verification.kind === 'verify') await verifyInAzure(settings, verification.settings, report);
  } catch (error) {
    core.setOutput('verified', 'false');
    throw error;
  }
}

async function verifyInAzure(settings: RunSettings, verifySettings: VerifySettings, report: WorkspaceCheckReport): Promise<void> {
  const [{ runVerifyStep }, { VERIFY_RULES }] = await Promise.all([import('../../azure/step.ts'), import('../../azure/findings.ts')]);
  const result = await runVerifyStep({
    workspace: settings.workspace,
    templates: report.files.map((file) => ({
      path: file.path,
      absolutePath: `${settings.workspace}/${file.path}`,
      trackingNames: file.tracking.filter((t) => t.placement === 'top-level').map((t) => ({ display: t.resolvedName, parts: t.nameParts })),
      ...(file.parametersFile ? { parametersFile: file.parametersFile } : {}),
    })),
    trackingIds: [...settings.check.trackingIds],
    settings: verifySettings,
  });
  const names: Record<string, string> = VERIFY_RULES;
  for (const finding of result.findings) {
    const title = names[finding.ruleId] ? `${finding.ruleId} ${names[finding.ruleId]}` : finding.ruleId;
    // A finding of no file (signing in failed) is an annotation on the run, not on line 1 of a template.
    const properties = finding.file === '' ? { title } : { title, file: finding.file, startLine: finding.line, startColumn: finding.column };
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
