// create-resource-group: make the group if it does not exist, and record it for the post step
// BEFORE the create request. A group that already exists is never recorded, so never deleted.
import type { StepContext } from './context.ts';
import { idKey, scopeId } from './scope.ts';
import type { AzureSession } from './session.ts';

/**
 * HEAD on the group; a HEAD answer has no body, so when it fails for another reason than "no such
 * group" the group is read with GET, whose error says why (ARM's code and message).
 */
export async function groupExists(session: AzureSession, subscriptionId: string, name: string, signal?: AbortSignal): Promise<boolean> {
  const groups = session.resourceGroups(subscriptionId);
  try {
    return (await groups.checkExistence(name, signal ? { abortSignal: signal } : {})).body;
  } catch (headError) {
    // Throws ARM's explained error; should the GET succeed, the HEAD's failure stands.
    await groups.get(name, signal ? { abortSignal: signal } : {});
    throw headError;
  }
}

/** Returns a note for the summary, or undefined when there was nothing to do. */
export async function ensureResourceGroup(ctx: StepContext): Promise<string | undefined> {
  const { settings, session, journal, cancellation } = ctx;
  const scope = settings.scope;
  if (scope.kind !== 'resourceGroup' || !settings.createResourceGroup) return undefined;
  const key = idKey(scopeId(scope));
  if (ctx.ensuredGroups.has(key)) return undefined;
  const groups = session.resourceGroups(scope.subscriptionId);
  if (await groupExists(session, scope.subscriptionId, scope.resourceGroup, cancellation.signal)) {
    ctx.ensuredGroups.set(key, 'existed');
    return `resource group '${scope.resourceGroup}' already existed: it is left in place (only the deployment records cua-guard made are removed)`;
  }
  journal.record({ kind: 'resourceGroup', subscriptionId: scope.subscriptionId, name: scope.resourceGroup });
  await groups.createOrUpdate(
    scope.resourceGroup,
    { location: settings.region ?? '', tags: { 'created-by': 'cua-guard' } },
    { abortSignal: cancellation.signal },
  );
  ctx.ensuredGroups.set(key, 'created');
  return `created resource group '${scope.resourceGroup}' in ${settings.region ?? '?'} (removed by the post step, cleanup: ${settings.cleanup})`;
}
