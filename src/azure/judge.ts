// The verdict on a deployment that ran: attribution is proven when the deployment succeeded, its
// tracking deployment exists under the same correlationId and succeeded, and at least one
// resource was created under that correlationId (there is something to attribute).
import type { Finding } from '../engine/types.ts';
import type { AttributionFacts, DeploymentRef } from './attribution.ts';
import { formatError } from './errors.ts';
import { verifyFinding, type FindingTarget } from './findings.ts';
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
      verifyFinding(target, 'CUA101', `${what} failed in deployment '${failure.deployment.name}': ${formatError(failure.error)}`, [
        ...nameNeedles(failure.resourceName),
        failure.resourceType,
      ]),
    );
  }
  if (!entrySucceeded && facts.failures.length === 0) {
    const detail = entry.error ? `: ${formatError(entry.error)}` : '';
    const running = /^(running|accepted|creating|updating)$/i.test(entryState);
    findings.push(
      verifyFinding(
        target,
        'CUA101',
        running ? `deployment '${entry.name}' is still ${entryState}; verify it after it finished` : `deployment '${entry.name}' ended ${entryState}${detail}`,
      ),
    );
  }

  if (facts.tracking.length === 0) {
    findings.push(verifyFinding(target, 'CUA102', missingTrackingMessage(facts, entry, expected), ['pid-']));
  }
  for (const tracking of facts.tracking) {
    if (!isSucceeded(tracking)) {
      const detail = tracking.error ? `: ${formatError(tracking.error)}` : '';
      findings.push(
        verifyFinding(
          target,
          'CUA103',
          `tracking deployment '${tracking.name}' is ${tracking.provisioningState ?? 'in an unknown state'}, not Succeeded${detail}; Partner Center attributes only successful deployments`,
          ['pid-'],
        ),
      );
    }
    if (tracking.correlationId && facts.correlationId && tracking.correlationId !== facts.correlationId) {
      findings.push(
        verifyFinding(
          target,
          'CUA102',
          `tracking deployment '${tracking.name}' has correlationId ${tracking.correlationId}, not the deployment's ${facts.correlationId}: it was not deployed by this deployment`,
          ['pid-'],
        ),
      );
    }
  }
  for (const { deployment, error } of facts.unreadable) {
    findings.push(
      verifyFinding(
        target,
        'CUA109',
        `nested deployment ${deployment.id} could not be read (${formatError(error)}): the verdict covers only what could be read; what it created is not counted`,
        nameNeedles(deployment.name),
      ),
    );
  }
  // Nothing created where it could be read does not show that nothing was created where it could not.
  if (facts.trackedResources.length === 0 && facts.failures.length === 0 && entrySucceeded && facts.unreadable.length === 0) {
    findings.push(
      verifyFinding(
        target,
        'CUA104',
        `no resource was created under correlationId ${facts.correlationId ?? '?'}: the tracking deployment has nothing to attribute (only deployments ran)`,
      ),
    );
  }

  notes.push(`correlationId ${facts.correlationId ?? 'unknown'}: ${facts.visited.length} deployment(s), ${facts.trackedResources.length} created resource(s)`);
  const established = facts.unreadable.length === 0 || facts.trackedResources.length > 0;
  const verified = entrySucceeded && facts.tracking.length > 0 && established && findings.every((f) => f.severity !== 'error');
  return { verified, findings, notes };
}

function missingTrackingMessage(facts: AttributionFacts, entry: DeploymentRef, { scope, names: expectedNames, template }: ExpectedTracking): string {
  const parts = [
    `no tracking deployment (${describeExpectedNames(expectedNames)}) ran with deployment '${entry.name}' (correlationId ${facts.correlationId ?? '?'}) at ${describeScope(scope)} or in its nested deployments`,
  ];
  const stray = facts.strayTracking[0];
  if (stray) {
    parts.push(`'${stray.name}' exists there but belongs to correlationId ${stray.correlationId ?? '?'}: another deployment (or a later run) created it`);
  }
  const conditions = trackingConditions(template);
  if (conditions.length > 0) parts.push(`its condition (${conditions.join(', ')}) may have been false with these parameters`);
  return parts.join('; ');
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
