// Removes what the verification created, as recorded in the journal (see journal.ts), for the post
// step: deployment records (cancelled first if still running, with the nested deployments of the
// same run in other resource groups, subscriptions and management groups), then the resource
// groups that did not exist before: made by create-resource-group or by the template itself.
// Anything already gone is fine; a resource group that existed before was never recorded.
//
// Only what the run created: a deployment record must carry the run's correlation id (ARM refused
// a PUT whose name another run's active deployment holds: that record is the other run's), and a
// record that existed before the run (journal `kept`, checked before deploying) is left even
// though the run replaced it.
//
// Other resources the deployment created (in a group that existed, or at subscription,
// management-group or tenant scope: policies, management groups…) are not deleted: ARM cannot say
// whether they existed before, and deleting the wrong policy or management group is far worse than
// leaving a test resource. They are reported as left in place, with a warning.
import { randomUUID } from 'node:crypto';
import { beginDeleteDeployment, cancelDeployment, getDeployment, listDeployments, listOperations, type DeploymentExtended } from './arm-api.ts';
import { errorInfo, formatError } from './errors.ts';
import { createRequestMeter, DEFAULT_POLL_INTERVAL_MS } from './http.ts';
import type { CleanupJournal, CreatedItem } from './journal.ts';
import { driveLro } from './lro.ts';
import { deploymentId, idKey, isDeploymentType, parseDeploymentId, scopeContains, scopeId, type ArmScope, type DeploymentAt } from './scope.ts';
import { createSession, type AzureSession } from './session.ts';
import { groupExists } from './resource-group.ts';
import { sleep } from './sleep.ts';

export interface CleanupReport {
  removed: string[];
  failed: string[];
  /** Resources the deployments created that are still there (outside the groups removed). */
  left: string[];
  requestCount: number;
}

export interface CleanupOptions {
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  log(line: string): void;
  /** For what the user must act on (resources left in place); defaults to log. */
  warn?(line: string): void;
}

const MAX_LISTED = 20;
/** Deployments whose operations the post step reads when it must find the run's nested deployments itself. */
const MAX_WALKED = 200;

const ACTIVE = /^(running|accepted|canceling|creating|updating|deleting)$/i;
const CANCEL_WAIT_ATTEMPTS = 30;

export async function runCleanup(journal: CleanupJournal, options: CleanupOptions): Promise<CleanupReport> {
  const meter = createRequestMeter();
  const { cloud, credential, userAgentPrefix, apiVersions } = journal.connection;
  const session = createSession(cloud, credential, meter, {
    userAgentPrefix,
    env: options.env,
    correlationId: journal.correlationId ?? randomUUID(),
    signal: options.signal,
    ...(apiVersions ? { apiVersions } : {}),
  });
  const report: CleanupReport = { removed: [], failed: [], left: [], requestCount: 0 };
  const created = new Map<string, string>();
  const noteCreated = (ids: readonly string[]): void => ids.forEach((id) => created.set(idKey(id), id));
  const groups = journal.created.filter((c): c is Extract<CreatedItem, { kind: 'resourceGroup' }> => c.kind === 'resourceGroup');
  const groupScopes: ArmScope[] = groups.map((g) => ({ kind: 'resourceGroup', subscriptionId: g.subscriptionId, resourceGroup: g.name }));
  const insideCreatedGroup = (scope: ArmScope): boolean => groupScopes.some((g) => scopeContains(g, scope));
  const kept = new Set((journal.kept ?? []).map((k) => idKey(deploymentId(k.scope, k.name))));
  const owner: Ownership = { correlationId: journal.correlationId, kept };

  const attempt = async (what: string, action: () => Promise<boolean>): Promise<void> => {
    try {
      if (await action()) {
        report.removed.push(what);
        options.log(`removed ${what}`);
      }
    } catch (error) {
      if (options.signal.aborted) throw error;
      const message = `${what}: ${formatError(errorInfo(error, meter.last?.body))}`;
      report.failed.push(message);
      options.log(`could not remove ${message}`);
    }
  };

  for (const item of [...journal.created].reverse()) {
    if (item.kind !== 'deployment') continue;
    if (item.refused) {
      options.log(`left deployment '${item.name}': ARM refused to start it for this run (another deployment of that name was active)`);
      continue;
    }
    noteCreated(item.tracked ?? []);
    let main: DeploymentExtended | undefined;
    let related: string[];
    try {
      main = await getDeployment(session, item.scope, item.name, options.signal);
      if (main && !ownedByRun(main, owner)) {
        options.log(`left deployment '${item.name}': ${notOwnedReason(main, owner)}`);
        continue;
      }
      // Cancel the deployment before touching its nested deployments: they stop with it.
      if (main) main = await settle(session, item, main, options.signal);
      if (item.nested) related = item.nested;
      else {
        // The step stopped before verification listed them: find them by the run's correlation id.
        const found = main ? await relatedDeployments(session, item.scope, main, options.signal) : { deployments: [], resources: [] };
        noteCreated(found.resources);
        related = found.deployments;
      }
    } catch (error) {
      if (options.signal.aborted) throw error;
      report.failed.push(`deployment '${item.name}': ${formatError(errorInfo(error, meter.last?.body))}`);
      continue;
    }
    for (const id of related) {
      const parsed = parseDeploymentId(id);
      if (!parsed) continue;
      if (kept.has(idKey(id))) {
        options.log(`left deployment ${id}: it existed before the run (the run replaced its record)`);
        continue;
      }
      // Records inside a group the run created go with the group (after any cancel).
      const groupGoesToo = insideCreatedGroup(parsed.scope);
      await attempt(`deployment ${id}`, () => removeDeployment(session, parsed, { groupGoesToo, signal: options.signal, owner, log: options.log }));
    }
    if (main && !insideCreatedGroup(item.scope) && !kept.has(idKey(deploymentId(item.scope, item.name)))) {
      const known = main;
      await attempt(`deployment '${item.name}'`, () =>
        removeDeployment(session, item, { groupGoesToo: false, signal: options.signal, known, owner, log: options.log }),
      );
    }
  }
  const gone: ArmScope[] = [];
  for (const group of [...groups].reverse()) {
    const failedBefore = report.failed.length;
    await attempt(`resource group '${group.name}'`, () => removeResourceGroup(session, group.subscriptionId, group.name, options.signal));
    if (report.failed.length === failedBefore) gone.push({ kind: 'resourceGroup', subscriptionId: group.subscriptionId, resourceGroup: group.name });
  }
  report.left = [...created.values()].filter((id) => !gone.some((g) => idInside(id, g)));
  if (report.left.length > 0) (options.warn ?? options.log)(leftMessage(report.left));
  report.requestCount = meter.count;
  return report;
}

/** Whose a deployment record is: the run's correlation id, and records that existed before it. */
interface Ownership {
  /** Undefined in journals written before the correlation id was recorded: every record counts as the run's. */
  correlationId: string | undefined;
  kept: Set<string>;
}

/** A deployment the run started carries its correlation id; any other is another run's (or a refused PUT's). */
function ownedByRun(deployment: DeploymentExtended, owner: Ownership): boolean {
  const id = deployment.properties?.correlationId;
  return owner.correlationId === undefined || id === undefined || id === owner.correlationId;
}

function notOwnedReason(deployment: DeploymentExtended, owner: Ownership): string {
  return `its correlation id ${deployment.properties?.correlationId ?? '?'} is not this run's (${owner.correlationId ?? '?'}): another run deployed it`;
}

function idInside(id: string, group: ArmScope): boolean {
  const groupId = idKey(scopeId(group));
  const key = idKey(id);
  return key === groupId || key.startsWith(`${groupId}/`);
}

function leftMessage(left: readonly string[]): string {
  const shown = left.slice(0, MAX_LISTED).join(', ');
  const more = left.length > MAX_LISTED ? ` and ${left.length - MAX_LISTED} more` : '';
  return `left in place ${left.length} resource(s) the verification deployed outside the resource groups removed (only resource groups that did not exist before are deleted; remove these by hand if they are test leftovers): ${shown}${more}`;
}

/**
 * The deployments of the same run when the step did not get to record them (it was cancelled or
 * killed): those at the same scope share the correlationId; those elsewhere (other resource
 * groups, subscriptions, management groups) are targets of its operations, followed down to
 * their own nested deployments. The other targets its operations created are returned as resources.
 */
async function relatedDeployments(
  session: AzureSession,
  scope: ArmScope,
  main: DeploymentExtended,
  signal: AbortSignal,
): Promise<{ deployments: string[]; resources: string[] }> {
  const ids = new Map<string, string>();
  const resources: string[] = [];
  const correlationId = main.properties?.correlationId;
  if (correlationId) {
    for (const d of await listDeployments(session, scope, signal)) {
      if (d.id && d.properties?.correlationId === correlationId && idKey(d.id) !== idKey(main.id ?? '')) ids.set(idKey(d.id), d.id);
    }
  }
  const queue: DeploymentAt[] = [{ scope, name: main.name ?? '' }, ...[...ids.values()].flatMap((id) => parseDeploymentId(id) ?? [])];
  const walked = new Set<string>();
  for (let next = queue.shift(); next !== undefined && walked.size < MAX_WALKED; next = queue.shift()) {
    const at = next;
    if (walked.has(idKey(deploymentId(at.scope, at.name)))) continue;
    walked.add(idKey(deploymentId(at.scope, at.name)));
    let operations;
    try {
      operations = await listOperations(session, at.scope, at.name, signal);
    } catch (error) {
      // A nested deployment that is gone (or unreadable) has nothing more to find.
      if (signal.aborted || at.name === main.name) throw error;
      continue;
    }
    for (const operation of operations) {
      const target = operation.properties?.targetResource;
      if (target?.id && isDeploymentType(target.resourceType)) {
        ids.set(idKey(target.id), target.id);
        const nested = parseDeploymentId(target.id);
        if (nested) queue.push(nested);
      } else if (target?.id && operation.properties?.provisioningOperation === 'Create' && operation.properties.provisioningState?.toLowerCase() !== 'failed')
        resources.push(target.id);
    }
  }
  return { deployments: [...ids.values()], resources };
}

/** Cancels a deployment that is still running (ARM refuses to delete one) and waits until it stopped. */
async function settle(
  session: AzureSession,
  { scope, name }: DeploymentAt,
  deployment: DeploymentExtended,
  signal: AbortSignal,
): Promise<DeploymentExtended | undefined> {
  let current: DeploymentExtended | undefined = deployment;
  if (!ACTIVE.test(current.properties?.provisioningState ?? '')) return current;
  await cancelDeployment(session, scope, name, signal);
  for (let i = 0; i < CANCEL_WAIT_ATTEMPTS && current && ACTIVE.test(current.properties?.provisioningState ?? ''); i++) {
    current = await getDeployment(session, scope, name, signal);
    if (current && ACTIVE.test(current.properties?.provisioningState ?? '')) await sleep(session.meter.last?.retryAfterMs ?? DEFAULT_POLL_INTERVAL_MS, signal);
  }
  return current;
}

/**
 * Deletes a deployment record (cancelled first if still running), unless it lives in a resource
 * group that is about to be deleted anyway. True when deleted.
 */
interface Removal {
  /** The deployment's resource group is removed too: the records go with it. */
  groupGoesToo: boolean;
  signal: AbortSignal;
  /** The deployment as already read. */
  known?: DeploymentExtended;
  owner: Ownership;
  log(line: string): void;
}

async function removeDeployment(session: AzureSession, at: DeploymentAt, { groupGoesToo, signal, known, owner, log }: Removal): Promise<boolean> {
  const { scope, name } = at;
  const found = known ?? (await getDeployment(session, scope, name, signal));
  if (found && !ownedByRun(found, owner)) {
    log(`left deployment ${deploymentId(scope, name)}: ${notOwnedReason(found, owner)}`);
    return false;
  }
  const deployment = found ? await settle(session, at, found, signal) : undefined;
  if (groupGoesToo || !deployment) return false;
  const outcome = await driveLro(beginDeleteDeployment(session, scope, name, signal), session.meter, signal);
  if (outcome.status === 'failed') throw outcome.error instanceof Error ? outcome.error : new Error(formatError(errorInfo(outcome.error, outcome.body)));
  return outcome.status === 'succeeded';
}

async function removeResourceGroup(session: AzureSession, subscriptionId: string, name: string, signal: AbortSignal): Promise<boolean> {
  const groups = session.resourceGroups(subscriptionId);
  if (!(await groupExists(session, subscriptionId, name, signal))) return false;
  const outcome = await driveLro(groups.delete(name, { abortSignal: signal }), session.meter, signal);
  if (outcome.status === 'failed') throw outcome.error instanceof Error ? outcome.error : new Error(formatError(errorInfo(outcome.error, outcome.body)));
  return outcome.status === 'succeeded';
}
