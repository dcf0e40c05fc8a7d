// The attribution check, generalising Microsoft's Verify-DeploymentGuid.ps1 (which reads the
// pid- deployment's correlationId, lists the resource group's deployments with that
// correlationId, and prints the target resources of their operations, deployments excluded):
//
//  1. list every deployment at the scope (all pages: the API cannot filter by correlationId);
//  2. take the deployment that ran (by name) and its correlationId, keep the deployments that
//     share it, and among them the tracking deployment (resolved name, else a `pid-` prefix);
//  3. list the operations of each, following nested deployments into other resource groups,
//     subscriptions or management groups (they inherit the correlationId);
//  4. collect created resources (provisioningOperation Create and not failed, deployments
//     excluded) and the failed operations with their statusMessage.
//
// It only reads. Requests: list pages + one operations list (+ pages) per deployment visited,
// + one GET for a tracking deployment found outside the scope. The tracking deployment's own
// operations are not listed: its template is empty by definition (CUA008 checks that statically).
import type { DeploymentExtended, DeploymentOperation } from './arm-api.ts';
import { getDeployment, listDeployments, listOperations } from './arm-api.ts';
import { errorFromBody, errorInfo, type ArmErrorInfo } from './errors.ts';
import { isRestError } from '@azure/arm-resourcesdeployments';
import { deploymentId, idKey, isDeploymentType, parseDeploymentId, type ArmScope, type DeploymentAt } from './scope.ts';
import type { AzureSession } from './session.ts';
import type { NameMatcher } from './tracking-match.ts';

export interface DeploymentRef {
  id: string;
  name: string;
  scope: ArmScope;
  provisioningState?: string;
  correlationId?: string;
  error?: ArmErrorInfo;
}

export interface FailedOperation {
  /** The deployment whose operation failed. */
  deployment: DeploymentRef;
  resourceType?: string;
  resourceName?: string;
  resourceId?: string;
  error: ArmErrorInfo;
}

export interface AttributionFacts {
  /** The deployment that ran; undefined when it does not exist at the scope. */
  entry: DeploymentRef | undefined;
  correlationId?: string;
  tracking: DeploymentRef[];
  /** Ids of the resources created under the correlationId (deployments excluded). */
  trackedResources: string[];
  failures: FailedOperation[];
  /** `pid-` deployments at the scope with another correlationId (a later run replaced this one's, or a separate run). */
  strayTracking: DeploymentRef[];
  /** Every deployment of this correlationId that was looked at. */
  visited: DeploymentRef[];
  /** Nested deployments whose operations could not be read (403 in another subscription…): the verdict is on the rest. */
  unreadable: { deployment: DeploymentRef; error: ArmErrorInfo }[];
}

export async function collectAttribution(session: AzureSession, at: DeploymentAt, isTracking: NameMatcher, signal: AbortSignal): Promise<AttributionFacts> {
  const { scope, name: entryName } = at;
  const listed = (await listDeployments(session, scope, signal)).map((d) => toRef(d, scope));
  let entry = listed.find((d) => d.name.toLowerCase() === entryName.toLowerCase());
  // The list is eventually consistent; a deployment that just finished may be missing from it.
  if (!entry) {
    const fetched = await getDeployment(session, scope, entryName, signal);
    if (fetched) entry = toRef(fetched, scope);
  }
  const facts: AttributionFacts = { entry, tracking: [], trackedResources: [], failures: [], strayTracking: [], visited: [], unreadable: [] };
  if (!entry) return facts;
  const correlationId = entry.correlationId;
  if (correlationId !== undefined) facts.correlationId = correlationId;

  const related = correlationId === undefined ? [entry] : listed.filter((d) => d.correlationId === correlationId);
  if (!related.some((d) => idKey(d.id) === idKey(entry.id))) related.unshift(entry);
  facts.strayTracking = listed.filter((d) => isTracking(d.name) && d.correlationId !== correlationId);

  const seen = new Set(related.map((d) => idKey(d.id)));
  const queue = [...related];
  const createdKeys = new Set<string>();
  const failedNested: FailedOperation[] = [];

  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const deployment = next;
    facts.visited.push(deployment);
    if (isTracking(deployment.name)) {
      facts.tracking.push(deployment);
      continue;
    }
    let operations: DeploymentOperation[];
    try {
      operations = await listOperations(session, deployment.scope, deployment.name, signal);
    } catch (error) {
      // The principal may not read everywhere a nested deployment went: judge what could be read.
      if (deployment === entry || signal.aborted || !isForbidden(error)) throw error;
      facts.unreadable.push({ deployment, error: errorInfo(error, session.meter.last?.body) });
      continue;
    }
    for (const operation of operations) {
      const target = operation.properties?.targetResource;
      const state = operation.properties?.provisioningState;
      if (isDeploymentType(target?.resourceType)) {
        const nested = target?.id ? parseDeploymentId(target.id) : undefined;
        if (state?.toLowerCase() === 'failed') failedNested.push(failure(deployment, operation, session.rawStatusMessage(operation.id ?? '')));
        if (!nested || seen.has(idKey(target?.id ?? ''))) continue;
        seen.add(idKey(target?.id ?? ''));
        // Nested deployments elsewhere inherit the correlationId; the operation knows their state.
        const ref: DeploymentRef = { id: target?.id ?? '', name: nested.name, scope: nested.scope, ...(state ? { provisioningState: state } : {}) };
        queue.push(isTracking(ref.name) ? await readTracking(session, ref, signal) : ref);
        continue;
      }
      // Bookkeeping operations (EvaluateDeploymentOutput) have no target; they only echo a failure.
      if (state?.toLowerCase() === 'failed' && (target || operation.properties?.statusMessage?.error))
        facts.failures.push(failure(deployment, operation, session.rawStatusMessage(operation.id ?? '')));
      const id = target?.id;
      // A create that failed created nothing to attribute.
      if (id && operation.properties?.provisioningOperation === 'Create' && state?.toLowerCase() !== 'failed' && !createdKeys.has(idKey(id))) {
        createdKeys.add(idKey(id));
        facts.trackedResources.push(id);
      }
    }
  }
  // A failed nested deployment whose own operations explain nothing (an invalid nested
  // template fails before any operation) is reported by itself.
  for (const nested of failedNested) {
    const nestedId = idKey(nested.resourceId ?? '');
    if (!facts.failures.some((f) => idKey(f.deployment.id) === nestedId)) facts.failures.push(nested);
  }
  return facts;
}

/** The tracking deployment's own record: its correlationId and final state. */
async function readTracking(session: AzureSession, ref: DeploymentRef, signal: AbortSignal): Promise<DeploymentRef> {
  const fetched = await getDeployment(session, ref.scope, ref.name, signal);
  return fetched ? toRef(fetched, ref.scope) : ref;
}

function toRef(deployment: DeploymentExtended, scope: ArmScope): DeploymentRef {
  const name = deployment.name ?? '';
  const properties = deployment.properties;
  const error = errorFromBody(properties?.error);
  return {
    id: deployment.id ?? deploymentId(scope, name),
    name,
    scope,
    ...(properties?.provisioningState ? { provisioningState: properties.provisioningState } : {}),
    ...(properties?.correlationId ? { correlationId: properties.correlationId } : {}),
    ...(error ? { error } : {}),
  };
}

/** `raw`: the statusMessage as ARM sent it; the spec types it `{status, error}`, providers send other shapes. */
function failure(deployment: DeploymentRef, operation: DeploymentOperation, raw: unknown): FailedOperation {
  const properties = operation.properties;
  const target = properties?.targetResource;
  const status = properties?.statusMessage;
  const error = errorFromBody(status?.error) ??
    errorFromBody(raw) ?? {
      message: `the operation failed${properties?.statusCode ? ` with status ${properties.statusCode}` : ''}${raw !== undefined ? `: ${freeForm(raw)}` : ''}`,
      details: [],
    };
  return {
    deployment,
    ...(target?.resourceType ? { resourceType: target.resourceType } : {}),
    ...(target?.resourceName ? { resourceName: target.resourceName } : {}),
    ...(target?.id ? { resourceId: target.id } : {}),
    error,
  };
}

function isForbidden(error: unknown): boolean {
  return isRestError(error) && error.statusCode === 403;
}

/** A statusMessage that is no error object, kept as JSON (bounded). */
function freeForm(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
