// What the post step leaves on the server, exactly, at each scope and for each cleanup policy.
// It deletes the resource groups that did not exist before (made by create-resource-group or by
// the template itself, checked before deploying) and every deployment record of the run; it never
// deletes a group that existed, nor resources outside the groups it deletes (policies, management
// groups, resources in an existing group): those are listed in a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPostProcess, runStepProcess, type ChildOutcome } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import {
  MG,
  OTHER_SUB,
  SUB,
  TRACKING_ID,
  addTemplate,
  nestedInto,
  pidResource,
  storage,
  template,
  resourceGroupDeployInputs,
} from '../support/fake-arm/fixtures.ts';
import { postSummary, requestSummary } from './request-summary.ts';
import { CLEANUP_STATE_KEY, type CleanupJournal } from '../../src/azure/journal.ts';

const { fake, ws } = useFakeArmAndWorkspace();

interface Snapshot {
  groups: string[];
  deployments: string[];
  resources: string[];
}

function snapshot(): Snapshot {
  const ids = (values: Iterable<{ id: string }>): string[] => [...values].map((v) => v.id).sort();
  return { groups: ids(fake.state.resourceGroups.values()), deployments: ids(fake.state.deployments.values()), resources: ids(fake.state.resources.values()) };
}

/** What is on the server now and was not before. */
function added(before: Snapshot): Snapshot {
  const now = snapshot();
  const minus = (a: string[], b: string[]): string[] => a.filter((x) => !b.includes(x));
  return {
    groups: minus(now.groups, before.groups),
    deployments: minus(now.deployments, before.deployments),
    resources: minus(now.resources, before.resources),
  };
}

function journalOf(state: Record<string, string>): CleanupJournal {
  return JSON.parse(state[CLEANUP_STATE_KEY] ?? '{}') as CleanupJournal;
}

/** The warning line listing what was left (core.info today, core.warning once the action passes `warn`). */
function leftWarning(post: ChildOutcome): string {
  return /^(?:::warning::)?cua-guard: left in place .*$/m.exec(post.stdout)?.[0] ?? '';
}

const policy = (name: string): Record<string, unknown> => ({
  type: 'Microsoft.Authorization/policyDefinitions',
  apiVersion: '2021-06-01',
  name,
  properties: { policyType: 'Custom' },
});
const group = (name: string): Record<string, unknown> => ({
  type: 'Microsoft.Resources/resourceGroups',
  apiVersion: '2022-09-01',
  name,
  location: 'westeurope',
});

test('subscription scope: the group the template created is deleted, a group it redeployed is kept, the rest is listed', async (t) => {
  fake.state.addResourceGroup(SUB, 'rg-sub-pre');
  fake.state.addResourceGroup(OTHER_SUB, 'rg-sub-keep');
  const start = snapshot();
  fake.requests.length = 0;
  const tpl = addTemplate(
    ws,
    'sub/azuredeploy.json',
    template('subscription', [
      pidResource({ location: '[deployment().location]' }),
      group('rg-sub-new'),
      group('rg-sub-pre'),
      nestedInto('app', 'rg-sub-new', [storage('stsubnew')]),
      nestedInto('shared', 'rg-sub-keep', [storage('stsubkeep')], OTHER_SUB),
      policy('cua-sub-policy'),
    ]),
  );
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: { verify: 'deploy', scope: 'subscription', 'subscription-id': SUB, region: 'westeurope' },
  });
  t.diagnostic(requestSummary('cleanup: subscription deploy', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  // Checked before deploying: only the group that did not exist is recorded, before the deployment.
  const journal = journalOf(run.state);
  assert.deepEqual(
    journal.created.map((c) => (c.kind === 'resourceGroup' ? `group ${c.name} by ${c.by}` : `deployment ${c.name}`)),
    ['group rg-sub-new by deployment', `deployment ${run.result.summaryMarkdown.match(/cua-guard-4242-1-azuredeploy-[0-9a-f]{6}/)?.[0]}`],
  );
  const tracked = journal.created.find((c) => c.kind === 'deployment')?.tracked ?? [];
  assert.deepEqual([...tracked].sort(), [...run.result.trackedResources].sort(), 'the tracked resources are in the cleanup state');
  assert.match(run.result.summaryMarkdown, /resource group 'rg-sub-new' is created by the deployment/);
  assert.match(run.result.summaryMarkdown, /resource group 'rg-sub-pre' in the template already existed/);

  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('cleanup: subscription deploy', post));
  if (process.env['CUA_TEST_DEBUG']) t.diagnostic(post.stdout);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  const policyId = `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyDefinitions/cua-sub-policy`;
  const keptStorage = `/subscriptions/${OTHER_SUB}/resourceGroups/rg-sub-keep/providers/Microsoft.Storage/storageAccounts/stsubkeep`;
  assert.deepEqual(
    added(start),
    { groups: [], deployments: [], resources: [keptStorage, policyId].sort() },
    'exactly the resources outside deleted groups remain',
  );
  assert.ok(fake.state.hasResourceGroup(SUB, 'rg-sub-pre') && fake.state.hasResourceGroup(OTHER_SUB, 'rg-sub-keep'), 'groups that existed stay');
  const warning = leftWarning(post);
  assert.match(warning, /left in place 3 resource\(s\)/);
  for (const id of [keptStorage, policyId, `/subscriptions/${SUB}/resourceGroups/rg-sub-pre`]) assert.ok(warning.includes(id), `the warning lists ${id}`);
  assert.ok(!warning.includes('stsubnew'), 'what went with the deleted group is not listed');
});

test('management group scope: deployment records removed, the policy it created is listed as left', async (t) => {
  const start = snapshot();
  fake.requests.length = 0;
  const tpl = addTemplate(
    ws,
    'mg/azuredeploy.json',
    template('managementGroup', [pidResource({ location: '[deployment().location]' }), policy('cua-mg-policy')]),
  );
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: { verify: 'deploy', scope: 'managementgroup', 'management-group-id': MG, region: 'westeurope' },
  });
  t.diagnostic(requestSummary('cleanup: managementgroup deploy', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('cleanup: managementgroup deploy', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  const policyId = `/providers/Microsoft.Management/managementGroups/${MG}/providers/Microsoft.Authorization/policyDefinitions/cua-mg-policy`;
  assert.deepEqual(added(start), { groups: [], deployments: [], resources: [policyId] });
  assert.match(leftWarning(post), new RegExp(`left in place 1 resource\\(s\\).*${policyId.replace(/\./g, '\\.')}`));
});

test('tenant scope: deployment records removed, the management group it created is listed as left', async (t) => {
  const start = snapshot();
  fake.requests.length = 0;
  const tpl = addTemplate(
    ws,
    'tenant/azuredeploy.json',
    template('tenant', [
      pidResource({ location: '[deployment().location]' }),
      { type: 'Microsoft.Management/managementGroups', apiVersion: '2021-04-01', name: 'mg-cleanup', properties: {} },
    ]),
  );
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: { verify: 'deploy', scope: 'tenant', region: 'westeurope' },
  });
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('cleanup: tenant deploy', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.deepEqual(added(start), { groups: [], deployments: [], resources: ['/providers/Microsoft.Management/managementGroups/mg-cleanup'] });
  assert.match(leftWarning(post), /left in place 1 resource\(s\).*\/providers\/Microsoft\.Management\/managementGroups\/mg-cleanup/);
});

test('resource group scope: a created group goes with everything in it; in a group that existed, its resources are listed as left', async (t) => {
  const start = snapshot();
  const created = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [addTemplate(ws, 'rg-new/azuredeploy.json', template('resourceGroup', [pidResource(), storage('strgnew')]))],
    trackingIds: [TRACKING_ID],
    inputs: {
      verify: 'deploy',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-cleanup-new',
      'create-resource-group': 'true',
      region: 'westeurope',
    },
  });
  assert.equal(created.result.verified, true, JSON.stringify(created.result.findings));
  const createdPost = await runPostProcess(fake, created.state);
  assert.equal(createdPost.exitCode, 0, createdPost.stdout + createdPost.stderr);
  assert.deepEqual(added(start), { groups: [], deployments: [], resources: [] });
  assert.equal(leftWarning(createdPost), '', 'nothing left, no warning');

  fake.state.addResourceGroup(SUB, 'rg-cleanup-existing');
  const before = snapshot();
  const existing = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [addTemplate(ws, 'rg-existing/azuredeploy.json', template('resourceGroup', [pidResource(), storage('strgexisting')]))],
    trackingIds: [TRACKING_ID],
    inputs: { verify: 'deploy', scope: 'resourcegroup', 'subscription-id': SUB, 'resource-group': 'rg-cleanup-existing', region: 'westeurope' },
  });
  const post = await runPostProcess(fake, existing.state);
  t.diagnostic(postSummary('cleanup: existing group', post));
  const storageId = `/subscriptions/${SUB}/resourceGroups/rg-cleanup-existing/providers/Microsoft.Storage/storageAccounts/strgexisting`;
  assert.deepEqual(added(before), { groups: [], deployments: [], resources: [storageId] });
  assert.match(leftWarning(post), new RegExp(`left in place 1 resource\\(s\\).*${storageId.replace(/\./g, '\\.')}`));
});

test('cleanup: never leaves everything and the post step makes no request; on-success removes a verified run', async (t) => {
  const start = snapshot();
  const tpl = addTemplate(ws, 'policy/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stpolicy')]));
  const inputs = (cleanup: string, group: string): Record<string, string> => resourceGroupDeployInputs(group, { cleanup });
  const never = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: inputs('never', 'rg-never') });
  assert.equal(never.result.verified, true, JSON.stringify(never.result.findings));
  assert.equal(journalOf(never.state).cleanup, 'never');
  fake.requests.length = 0;
  const neverPost = await runPostProcess(fake, never.state);
  t.diagnostic(postSummary('cleanup: never', neverPost));
  assert.equal(neverPost.exitCode, 0, neverPost.stdout + neverPost.stderr);
  assert.equal(fake.requests.length, 0, 'no request at all');
  assert.match(neverPost.stdout, /leaving resource group 'rg-never', deployment 'cua-guard-[^']+' in place \(cleanup: never\)/);
  const group = `/subscriptions/${SUB}/resourceGroups/rg-never`;
  assert.deepEqual(added(start), {
    groups: [group],
    deployments: [
      `${group}/providers/Microsoft.Resources/deployments/${never.result.summaryMarkdown.match(/cua-guard-4242-1-azuredeploy-[0-9a-f]{6}/)?.[0]}`,
      `${group}/providers/Microsoft.Resources/deployments/pid-${TRACKING_ID}`,
    ].sort(),
    resources: [`${group}/providers/Microsoft.Storage/storageAccounts/stpolicy`],
  });
  fake.state.deleteResourceGroup(group);

  const onSuccess = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: inputs('on-success', 'rg-on-success'),
  });
  assert.equal(onSuccess.result.verified, true, JSON.stringify(onSuccess.result.findings));
  assert.equal(journalOf(onSuccess.state).outcome, 'verified');
  const post = await runPostProcess(fake, onSuccess.state);
  t.diagnostic(postSummary('cleanup: on-success (verified)', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.deepEqual(added(start), { groups: [], deployments: [], resources: [] });
});
