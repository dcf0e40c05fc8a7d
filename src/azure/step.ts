// Entry point of verification in Azure, loaded by the action's main step with
// `await import('./step.ts')` only when verify is not none, so the Azure SDK is never
// loaded by a static-only run.
import * as core from '../github/runner.ts';
import type { Finding } from '../engine/types.ts';
import { openWorkspace } from '../workspace/read-file.ts';
import { startCancellation } from './cancellation.ts';
import { resolveCloud } from './cloud-metadata.ts';
import type { StepContext, TemplateRun, VerifyTemplate } from './context.ts';
import { adfsTenantProblem, describeCredential, planCredential } from './credential-plan.ts';
import { randomUUID } from 'node:crypto';
import { withEndpointApiVersions } from './endpoint-versions.ts';
import { errorInfo, formatError, isSignInError } from './errors.ts';
import { createRequestMeter } from './http.ts';
import { createJournalWriter } from './journal.ts';
import { idKey, type ArmScope } from './scope.ts';
import { createSession, userAgentPrefixFor } from './session.ts';
import type { VerifySettings } from '../settings/verify-settings.ts';
import { formatVerifySummary } from './summary.ts';
import { runTemplate, signInFinding } from './verify-template.ts';
import { verifyFinding, type FindingTarget } from './findings.ts';
import { cua100, cua107 } from './rules/index.ts';

export type { VerifyTemplate } from './context.ts';

export interface VerifyStepInput {
  /** Absolute workspace path. */
  workspace: string;
  templates: VerifyTemplate[];
  /** Registered tracking ids (normalized, no `pid-`); the first goes into the user agent. */
  trackingIds: string[];
  /** Built with the run's other settings (src/settings): the adapter reads no input. */
  settings: VerifySettings;
}

export interface VerifyStepResult {
  verified: boolean;
  /** The correlationId of the tracking deployment (several templates: distinct ids, comma-separated). */
  correlationId?: string;
  trackedResources: string[];
  findings: Finding[];
  summaryMarkdown: string;
  /** HTTP requests made: ARM (every retry and page), token and metadata requests. */
  requestCount: number;
}

/**
 * Verifies each template in turn. Everything that goes wrong in Azure is a finding. Records what it creates with core.saveState for the post step.
 */
export async function runVerifyStep(input: VerifyStepInput, env: NodeJS.ProcessEnv = process.env): Promise<VerifyStepResult> {
  const settings = input.settings;
  const plan = planCredential(
    { ...(settings.clientId ? { clientId: settings.clientId } : {}), ...(settings.tenantId ? { tenantId: settings.tenantId } : {}) },
    env,
  );
  const meter = createRequestMeter();
  const cancellation = startCancellation(settings.timeoutMs);
  const credential = describeCredential(plan);
  try {
    let cloud;
    try {
      cloud = await resolveCloud(settings.environment, settings.resourceManagerEndpoint, meter, cancellation.signal);
    } catch (error) {
      const stopped = cancellation.signal.aborted;
      return notStarted(
        { scope: settings.scope, requestCount: meter.count, credential },
        stopped
          ? verifyFinding(firstTemplate(input), cua107, { messageId: 'stopped', data: { reason: reasonText(cancellation.signal) } })
          : verifyFinding(firstTemplate(input), cua100, { messageId: 'unreachable', data: { error: formatError(errorInfo(error)) } }),
      );
    }
    const tenantProblem = adfsTenantProblem(plan, cloud.identityProvider, env);
    if (tenantProblem)
      return notStarted(
        { scope: settings.scope, requestCount: meter.count, credential },
        verifyFinding(firstTemplate(input), cua100, { messageId: 'signInCannotWork', data: { problem: tenantProblem } }),
      );
    const userAgentPrefix = userAgentPrefixFor(input.trackingIds);
    const base = createSession(cloud, plan, meter, { userAgentPrefix, env, correlationId: randomUUID(), signal: cancellation.signal });
    const versions = await withEndpointApiVersions(base, settings, cancellation.signal);
    if (!versions.ok) {
      const stopped = cancellation.signal.aborted;
      const place = { scope: settings.scope, requestCount: meter.count, credential };
      if (!stopped && isSignInError(versions.error)) return notStarted(place, signInFinding(versions.error));
      const finding = stopped
        ? verifyFinding({ file: '' }, cua107, { messageId: 'stopped', data: { reason: reasonText(cancellation.signal) } })
        : verifyFinding({ file: '' }, cua100, versions.problem);
      return notStarted(place, finding);
    }
    const session = versions.session;
    core.info(`cua-guard: ${versions.note}`);
    const journal = createJournalWriter((key, value) => core.saveState(key, value), {
      cleanup: settings.cleanup,
      connection: { cloud, credential: plan, userAgentPrefix, ...(session.apiVersions ? { apiVersions: session.apiVersions } : {}) },
      correlationId: session.correlationId,
    });
    const ctx: StepContext = { settings, session, journal, cancellation, workspace: openWorkspace(input.workspace), ensuredGroups: new Map() };
    core.info(`cua-guard: verify ${settings.mode} in Azure (${cloud.resourceManager}) with ${credential}`);

    const templates = settings.mode === 'existing' ? mergeForExisting(input.templates, input.workspace) : input.templates;
    const runs: TemplateRun[] = [];
    const problems: string[] = [];
    for (const [index, template] of templates.entries()) {
      if (cancellation.signal.aborted) {
        problems.push(`${templates.length - index} template(s) not verified: ${reasonText(cancellation.signal)}`);
        break;
      }
      const run = await runTemplate(ctx, template, index, templates.length);
      runs.push(run);
      if (run.signInFailed && index < templates.length - 1) {
        problems.push(`${templates.length - index - 1} template(s) not verified: signing in to Azure failed`);
        break;
      }
    }
    if (templates.length === 0) problems.push('no main templates to verify: verification needs at least one');
    const verified = runs.length > 0 && runs.every((r) => r.verified) && problems.length === 0;
    journal.finish(verified ? 'verified' : 'failed');
    // Outputs speak of the tracking deployment: runs where none ran contribute nothing to them.
    const tracked = runs.filter((r) => r.tracking.length > 0);
    const correlationIds = [...new Set(tracked.map((r) => r.correlationId).filter((c): c is string => c !== undefined))];
    return {
      verified,
      ...(correlationIds.length > 0 ? { correlationId: correlationIds.join(',') } : {}),
      trackedResources: dedupe(tracked.flatMap((r) => r.trackedResources)),
      findings: runs.flatMap((r) => r.findings),
      requestCount: meter.count,
      summaryMarkdown: formatVerifySummary(runs, { scope: settings.scope, requestCount: meter.count, credential }, problems),
    };
  } finally {
    cancellation.dispose();
  }
}

/** Could not reach Azure at all: said on the first template, as before any template ran. */
function firstTemplate(input: VerifyStepInput): FindingTarget {
  return { file: input.templates[0]?.path ?? '' };
}

/** A result for a verification that could not start: its one finding. */
function notStarted({ scope, requestCount, credential }: { scope: ArmScope; requestCount: number; credential: string }, finding: Finding): VerifyStepResult {
  const message = finding.message;
  return {
    verified: false,
    trackedResources: [],
    findings: [finding],
    requestCount,
    summaryMarkdown: formatVerifySummary([], { scope, requestCount, credential }, [message]),
  };
}

/**
 * existing verifies one deployment: the templates only contribute their tracking names and a
 * file to put findings on. Without templates it still runs (any `pid-` deployment counts).
 */
function mergeForExisting(templates: readonly VerifyTemplate[], workspace: string): VerifyTemplate[] {
  const first = templates[0];
  if (!first) return [{ path: '', absolutePath: workspace, trackingNames: [] }];
  const names = new Map(templates.flatMap((t) => t.trackingNames).map((n) => [JSON.stringify(n.parts), n]));
  return [{ ...first, trackingNames: [...names.values()] }];
}

function dedupe(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => !seen.has(idKey(id)) && seen.add(idKey(id)) !== undefined);
}

function reasonText(signal: AbortSignal): string {
  return signal.reason instanceof Error ? signal.reason.message : 'stopped';
}
