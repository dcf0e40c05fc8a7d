// deploy: record (with the resource groups the template would create), deploy, wait (honouring
// Retry-After, stopping at the time-out or cancellation, then cancelling the deployment), and
// verify the attribution of what ran.
// existing: only the verification, of a deployment that already ran.
import type { Finding } from '../engine/types.ts';
import { beginDeploy, cancelDeployment } from './arm-api.ts';
import { collectAttribution, type AttributionFacts } from './attribution.ts';
import { graceSignal } from './cancellation.ts';
import type { StepContext, TemplateJob } from './context.ts';
import { errorInfo, formatError } from './errors.ts';
import { verifyFinding, type FindingTarget } from './findings.ts';
import { cua100, cua101, cua107 } from './rules/index.ts';
import { judgeAttribution } from './judge.ts';
import { driveLro } from './lro.ts';
import { describeScope, idKey } from './scope.ts';
import { keepExistingRecords } from './existing-records.ts';
import { recordGroupsTheTemplateCreates, type GroupsOutcome, type TemplateDeployment } from './template-groups.ts';

export interface RunResult {
  verified: boolean;
  correlationId?: string;
  trackedResources: string[];
  tracking: string[];
  findings: Finding[];
  notes: string[];
}

export async function runDeploy(ctx: StepContext, job: TemplateJob, target: FindingTarget, deployment: TemplateDeployment): Promise<RunResult> {
  const { request, template } = deployment;
  const { session, settings, cancellation, journal } = ctx;
  const scope = settings.scope;
  let groups: GroupsOutcome;
  try {
    groups = await recordGroupsTheTemplateCreates(ctx, job, target, deployment);
  } catch (error) {
    if (!cancellation.signal.aborted) throw error;
    return stopped(ctx, job, target, { messageId: 'stoppedBeforeDeploying' });
  }
  if (!groups.ok) return { verified: false, trackedResources: [], tracking: [], notes: [], findings: groups.findings };
  let keptNotes: string[];
  try {
    keptNotes = await keepExistingRecords(ctx, job, groups.validatedIds);
  } catch (error) {
    if (!cancellation.signal.aborted) throw error;
    return stopped(ctx, job, target, { messageId: 'stoppedBeforeDeploying' });
  }
  journal.record({ kind: 'deployment', scope, name: job.deploymentName });
  const poller = beginDeploy(session, { scope, name: job.deploymentName }, request, cancellation.signal);
  let outcome;
  try {
    outcome = await driveLro(poller, session.meter, cancellation.signal);
  } catch (error) {
    if (!cancellation.signal.aborted) throw error;
    return stopped(ctx, job, target, await cancelAfterStop(ctx, job.deploymentName));
  }
  const notes = [...groups.notes, ...keptNotes, `deployment '${job.deploymentName}' ${outcome.status}`];
  // Rejected before it ran (an invalid template, a missing resource group, another run's active
  // deployment of the same name): the PUT created nothing, so cleanup must not touch the name.
  if (outcome.status === 'failed' && poller.operationState === undefined) {
    journal.markRefused(scope, job.deploymentName);
    const info = errorInfo(outcome.error, outcome.body);
    const data = { name: job.deploymentName, scope: describeScope(scope), error: formatError(info) };
    const finding = verifyFinding(target, cua101, { messageId: info.code === 'DeploymentActive' ? 'active' : 'rejected', data });
    return { verified: false, trackedResources: [], tracking: [], notes, findings: [finding] };
  }
  const result = await verify(ctx, job, target, template);
  if (result.facts) {
    const entryId = result.facts.entry ? idKey(result.facts.entry.id) : '';
    const nested = result.facts.visited.filter((d) => idKey(d.id) !== entryId).map((d) => d.id);
    journal.addFound(scope, job.deploymentName, { nested, tracked: result.facts.trackedResources });
  }
  return { ...result.run, notes: [...notes, ...result.run.notes] };
}

export async function runExisting(ctx: StepContext, job: TemplateJob, target: FindingTarget, template?: Record<string, unknown>): Promise<RunResult> {
  return (await verify(ctx, job, target, template)).run;
}

async function verify(
  ctx: StepContext,
  job: TemplateJob,
  target: FindingTarget,
  template?: Record<string, unknown>,
): Promise<{ run: RunResult; facts?: AttributionFacts }> {
  const { session, settings, cancellation } = ctx;
  let facts: AttributionFacts;
  try {
    facts = await collectAttribution(session, { scope: settings.scope, name: job.deploymentName }, job.matcher, cancellation.signal);
  } catch (error) {
    if (!cancellation.signal.aborted) throw error;
    return { run: stopped(ctx, job, target, { messageId: 'stoppedVerifying' }) };
  }
  if (!facts.entry) {
    const finding = verifyFinding(target, cua100, { messageId: 'notFound', data: { name: job.deploymentName, scope: describeScope(settings.scope) } });
    return { run: { verified: false, trackedResources: [], tracking: [], notes: [], findings: [finding] }, facts };
  }
  const verdict = judgeAttribution(facts, target, { scope: settings.scope, names: job.template.trackingNames, template });
  return {
    facts,
    run: {
      verified: verdict.verified,
      ...(facts.correlationId !== undefined ? { correlationId: facts.correlationId } : {}),
      trackedResources: facts.trackedResources,
      tracking: facts.tracking.map((t) => t.name),
      findings: verdict.findings,
      notes: verdict.notes,
    },
  };
}

/** Cancels the deployment with a short signal of its own: the runner kills the process 7.5 s after SIGINT. */
type StopOutcome =
  { messageId: 'stoppedBeforeDeploying' | 'stoppedVerifying' | 'stoppedCancelled' | 'stoppedNotRunning' } | { messageId: 'stoppedCancelFailed'; error: string };

async function cancelAfterStop(ctx: StepContext, name: string): Promise<StopOutcome> {
  try {
    const cancelled = await cancelDeployment(ctx.session, ctx.settings.scope, name, graceSignal(5_000));
    return { messageId: cancelled ? 'stoppedCancelled' : 'stoppedNotRunning' };
  } catch (error) {
    return { messageId: 'stoppedCancelFailed', error: formatError(errorInfo(error, ctx.session.meter.last?.body)) };
  }
}

function stopped(ctx: StepContext, job: TemplateJob, target: FindingTarget, outcome: StopOutcome): RunResult {
  const reason = ctx.cancellation.signal.reason instanceof Error ? ctx.cancellation.signal.reason.message : 'stopped';
  const finding = verifyFinding(target, cua107, {
    messageId: outcome.messageId,
    data: { name: job.deploymentName, reason, ...('error' in outcome ? { error: outcome.error } : {}) },
  });
  return { verified: false, trackedResources: [], tracking: [], notes: [finding.message], findings: [finding] };
}
