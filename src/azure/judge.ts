// The verdict on a deployment that ran: attribution is proven when the deployment succeeded, its
// tracking deployment exists under the same correlationId and succeeded, and at least one
// resource was created under that correlationId (there is something to attribute).
import type { Finding } from '../engine/types.ts';
import type { AttributionFacts, DeploymentRef } from './attribution.ts';
import { formatError } from './errors.ts';
import { verifyFinding, type FindingTarget } from './findings.ts';
import { cua101, cua102, cua103, cua104, cua109 } from './rules/index.ts';
import { nameNeedles } from './locate.ts';
import { describeScope, type ArmScope } from './scope.ts';
import { describeExpectedNames, type ExpectedTrackingName } from './tracking-match.ts';

export interface Verdict {
  verified: boolean;
  findings: Finding[];
  notes: string[];
}

/** What the deployment should have tracked: where, the tracking names the static check read, and the template. */
export interface ExpectedTracking {
  scope: ArmScope;
  names: readonly ExpectedTrackingName[];
  template?: Record<string, unknown> | undefined;
}

export function judgeAttribution(facts: AttributionFacts, target: FindingTarget, expected: ExpectedTracking): Verdict {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const entry = facts.entry;
  if (!entry) return { verified: false, findings, notes };
  const entryState = entry.provisioningState ?? 'unknown';
  const entrySucceeded = isSucceeded(entry);

  for (const failure of facts.failures) {
    const what = failure.resourceType ? `${failure.resourceType} '${failure.resourceName ?? failure.resourceId ?? '?'}'` : 'an operation';
    findings.push(
      verifyFinding(target, cua101, {
        messageId: 'operationFailed',
        data: { what, deployment: failure.deployment.name, error: formatError(failure.error) },
        needles: [...nameNeedles(failure.resourceName), failure.resourceType],
      }),
    );
  }
  if (!entrySucceeded && facts.failures.length === 0) {
    const running = /^(running|accepted|creating|updating)$/i.test(entryState);
    const data = { name: entry.name, state: entryState, ...(entry.error ? { error: formatError(entry.error) } : {}) };
    findings.push(verifyFinding(target, cua101, { messageId: running ? 'stillRunning' : entry.error ? 'endedWithError' : 'ended', data }));
  }

  if (facts.tracking.length === 0) findings.push(missingTracking(facts, entry, { target, expected }));
  for (const tracking of facts.tracking) {
    if (!isSucceeded(tracking)) {
      const data = {
        name: tracking.name,
        state: tracking.provisioningState ?? 'in an unknown state',
        ...(tracking.error ? { error: formatError(tracking.error) } : {}),
      };
      findings.push(verifyFinding(target, cua103, { messageId: tracking.error ? 'notSucceededWithError' : 'notSucceeded', data, needles: ['pid-'] }));
    }
    if (tracking.correlationId && facts.correlationId && tracking.correlationId !== facts.correlationId) {
      const data = { name: tracking.name, trackingCorrelationId: tracking.correlationId, correlationId: facts.correlationId };
      findings.push(verifyFinding(target, cua102, { messageId: 'otherCorrelation', data, needles: ['pid-'] }));
    }
  }
  for (const { deployment, error } of facts.unreadable) {
    findings.push(
      verifyFinding(target, cua109, { messageId: 'unreadable', data: { id: deployment.id, error: formatError(error) }, needles: nameNeedles(deployment.name) }),
    );
  }
  // Nothing created where it could be read does not show that nothing was created where it could not.
  if (facts.trackedResources.length === 0 && facts.failures.length === 0 && entrySucceeded && facts.unreadable.length === 0) {
    findings.push(verifyFinding(target, cua104, { messageId: 'nothingCreated', data: { correlationId: facts.correlationId ?? '?' } }));
  }

  notes.push(`correlationId ${facts.correlationId ?? 'unknown'}: ${facts.visited.length} deployment(s), ${facts.trackedResources.length} created resource(s)`);
  const established = facts.unreadable.length === 0 || facts.trackedResources.length > 0;
  const verified = entrySucceeded && facts.tracking.length > 0 && established && findings.every((f) => f.severity !== 'error');
  return { verified, findings, notes };
}

function missingTracking(facts: AttributionFacts, entry: DeploymentRef, { target, expected }: { target: FindingTarget; expected: ExpectedTracking }): Finding {
  const stray = facts.strayTracking[0];
  const conditions = trackingConditions(expected.template);
  const data = {
    expected: describeExpectedNames(expected.names),
    name: entry.name,
    correlationId: facts.correlationId ?? '?',
    scope: describeScope(expected.scope),
    ...(stray ? { stray: stray.name, strayCorrelationId: stray.correlationId ?? '?' } : {}),
    ...(conditions.length > 0 ? { conditions: conditions.join(', ') } : {}),
  };
  const messageId = stray
    ? conditions.length > 0
      ? 'missingWithStrayAndCondition'
      : 'missingWithStray'
    : conditions.length > 0
      ? 'missingWithCondition'
      : 'missing';
  return verifyFinding(target, cua102, { messageId, data, needles: ['pid-'] });
}

/** Conditions written on top-level pid- deployments, for the "condition off" hint. */
function trackingConditions(template: Record<string, unknown> | undefined): string[] {
  const resources = template?.['resources'];
  const list = Array.isArray(resources) ? resources : resources && typeof resources === 'object' ? Object.values(resources) : [];
  const conditions: string[] = [];
  for (const resource of list) {
    if (typeof resource !== 'object' || resource === null) continue;
    const r = resource as Record<string, unknown>;
    const name = typeof r['name'] === 'string' ? r['name'] : '';
    if (!/pid-/i.test(name) || !('condition' in r)) continue;
    const condition = r['condition'];
    conditions.push(typeof condition === 'string' ? condition : JSON.stringify(condition));
  }
  return conditions;
}

function isSucceeded(deployment: DeploymentRef): boolean {
  return deployment.provisioningState?.toLowerCase() === 'succeeded';
}
