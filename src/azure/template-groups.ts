// Resource groups the verification deployment creates itself (a subscription-scope template with a
// Microsoft.Resources/resourceGroups resource). The post step may delete such a group only when it
// did not exist before, and the deployment cannot tell that afterwards: its operations say
// provisioningOperation Create for every PUT, whether the group existed or not. So before
// deploying, preflight validation lists the groups the template deploys, each is checked, and the
// missing ones are recorded for the post step BEFORE the deployment, like create-resource-group's.
import type { Finding } from '../engine/types.ts';
import type { DeploymentRequest } from './arm-api.ts';
import type { StepContext, TemplateJob } from './context.ts';
import type { FindingTarget } from './findings.ts';
import { preflight } from './preview.ts';
import { groupExists } from './resource-group.ts';
import { idKey } from './scope.ts';

const GROUP_TYPE = /microsoft\.resources\/resourcegroups/i;
const GROUP_ID = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)$/i;

/** `validatedIds`: what preflight validation listed, when the template needed it. */
export type GroupsOutcome = { ok: true; notes: string[]; validatedIds: string[] } | { ok: false; findings: Finding[] };

/** What a template deploys with: the request sent to ARM and the template in it. */
export interface TemplateDeployment {
  request: DeploymentRequest;
  template: Record<string, unknown>;
}

export async function recordGroupsTheTemplateCreates(
  ctx: StepContext,
  job: TemplateJob,
  target: FindingTarget,
  { request, template }: TemplateDeployment,
): Promise<GroupsOutcome> {
  // Most templates declare no resource group: they cost no extra request.
  if (!GROUP_TYPE.test(JSON.stringify(template))) return { ok: true, notes: [], validatedIds: [] };
  const validated = await preflight(ctx, job, target, request);
  if (!validated.ok) return validated;
  const notes: string[] = [];
  for (const id of validated.resourceIds) {
    const match = GROUP_ID.exec(id);
    if (!match) continue;
    const [, subscriptionId = '', name = ''] = match;
    const key = idKey(`/subscriptions/${subscriptionId}/resourceGroups/${name}`);
    if (ctx.ensuredGroups.has(key)) continue;
    if (await groupExists(ctx.session, subscriptionId, name, ctx.cancellation.signal)) {
      ctx.ensuredGroups.set(key, 'existed');
      notes.push(`resource group '${name}' in the template already existed: it is left in place`);
      continue;
    }
    ctx.journal.record({ kind: 'resourceGroup', subscriptionId, name, by: 'deployment' });
    ctx.ensuredGroups.set(key, 'created');
    notes.push(`resource group '${name}' is created by the deployment (removed by the post step, cleanup: ${ctx.settings.cleanup})`);
  }
  return { ok: true, notes, validatedIds: validated.resourceIds };
}
