// Before deploying: which deployment records the deployment could replace already exist. ARM keeps
// one record per name and scope, so deploying a template whose tracking deployment `pid-<GUID>`
// already ran at a shared scope (a subscription, management group, the tenant, or a resource group
// the run did not create) replaces the production record. The run says so before it deploys, and
// the journal keeps the record's name so cleanup leaves it.
//
// Candidates: the deployment's own name, the tracking names the static check resolved completely,
// and the nested deployments preflight validation listed (when the template was validated first).
// One GET each, none inside a resource group the run created.
import * as core from '../github/runner.ts';
import { getDeployment } from './arm-api.ts';
import type { StepContext, TemplateJob } from './context.ts';
import { deploymentId, describeScope, idKey, parseDeploymentId, scopeContains, type DeploymentAt } from './scope.ts';
import { knownTrackingNames } from './tracking-match.ts';

export async function keepExistingRecords(ctx: StepContext, job: TemplateJob, validatedIds: readonly string[]): Promise<string[]> {
  const scope = ctx.settings.scope;
  const candidates = new Map<string, DeploymentAt>();
  const add = (at: DeploymentAt): void => {
    if (!createdByRun(ctx, at)) candidates.set(idKey(deploymentId(at.scope, at.name)), at);
  };
  add({ scope, name: job.deploymentName });
  for (const name of knownTrackingNames(job.template.trackingNames)) add({ scope, name });
  for (const id of validatedIds) {
    const parsed = parseDeploymentId(id);
    if (parsed) add(parsed);
  }
  const notes: string[] = [];
  for (const at of candidates.values()) {
    const existing = await getDeployment(ctx.session, at.scope, at.name, ctx.cancellation.signal);
    if (!existing) continue;
    ctx.journal.keep(at);
    const note = `deployment record '${at.name}' already exists at ${describeScope(at.scope)} (correlationId ${existing.properties?.correlationId ?? '?'}): this run replaces it, and cleanup will leave it`;
    core.warning(`cua-guard: ${note}`);
    notes.push(note);
  }
  return notes;
}

/** Inside a resource group the run created: nothing there existed before. */
function createdByRun(ctx: StepContext, at: DeploymentAt): boolean {
  for (const [key, how] of ctx.ensuredGroups) {
    if (how !== 'created') continue;
    const parsed = parseDeploymentId(`${key}/providers/Microsoft.Resources/deployments/x`);
    if (parsed && scopeContains(parsed.scope, at.scope)) return true;
  }
  return false;
}
