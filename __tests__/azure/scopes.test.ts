// verify: deploy succeeds and proves attribution at each of the four scopes, through the real
// SDK against the fake ARM server; the post step then removes what was created.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPostProcess, runStepProcess, printed } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { MG, OTHER_SUB, SUB, TRACKING_ID, addTemplate, nestedInto, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { postSummary, requestLog, requestSummary } from './request-summary.ts';

const { fake, ws } = useFakeArmAndWorkspace({ pageSize: 2 });

test('resource group scope: deploy into a new resource group, verify, post step deletes the group', async (t) => {
  fake.requests.length = 0;
  // History in the group would be paged through; here the group is new, so it has none.
  const tpl = addTemplate(ws, 'rg/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stcuaguard1')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: {
      verify: 'deploy',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-new',
      'create-resource-group': 'true',
      region: 'westeurope',
    },
  });
  t.diagnostic(requestSummary('resourcegroup deploy', fake, run.result.requestCount));
  if (process.env['CUA_TEST_DEBUG']) t.diagnostic(requestLog(fake));
  assert.equal(run.thrown, undefined);
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.deepEqual(run.result.findings, []);
  assert.match(run.result.correlationId ?? '', /^[0-9a-f-]{36}$/);
  assert.deepEqual(run.result.trackedResources, [`/subscriptions/${SUB}/resourceGroups/rg-new/providers/Microsoft.Storage/storageAccounts/stcuaguard1`]);
  assert.equal(run.result.requestCount, fake.requests.length, 'every request is counted');
  // The action's own ARM calls carry the tracking id in the user agent.
  for (const r of fake.requests.filter((r) => r.kind === 'arm' || r.kind === 'lro')) assert.match(r.userAgent, new RegExp(`^pid-${TRACKING_ID} cua-guard/`));
  assert.ok(fake.state.hasResourceGroup(SUB, 'rg-new'));
  // No secret is printed or returned: not the client secret, not an access token.
  for (const text of [printed(run), JSON.stringify(run.result), JSON.stringify(run.state)]) {
    assert.doesNotMatch(text, new RegExp(fake.clientSecret));
    assert.doesNotMatch(text, /fake-access-|eyJ/);
  }
  assert.match(run.result.summaryMarkdown, /proven/);

  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('resourcegroup deploy', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-new'), false, 'the group cua-guard created is gone');
  assert.equal(fake.state.resources.size, 0);
});

test('subscription scope: nested deployment into a resource group of another subscription is followed', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(OTHER_SUB, 'rg-other');
  const tpl = addTemplate(
    ws,
    'sub/azuredeploy.json',
    template('subscription', [
      pidResource({ location: '[deployment().location]' }),
      { type: 'Microsoft.Resources/resourceGroups', apiVersion: '2022-09-01', name: 'rg-app', location: 'westeurope' },
      nestedInto('app', 'rg-app', [storage('stapp')]),
      nestedInto('shared', 'rg-other', [storage('stshared')], OTHER_SUB),
    ]),
  );
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: { verify: 'deploy', scope: 'subscription', 'subscription-id': SUB, region: 'westeurope' },
  });
  t.diagnostic(requestSummary('subscription deploy', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.deepEqual(
    new Set(run.result.trackedResources),
    new Set([
      `/subscriptions/${SUB}/resourceGroups/rg-app`,
      `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stapp`,
      `/subscriptions/${OTHER_SUB}/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/stshared`,
    ]),
  );
  assert.equal(run.result.requestCount, fake.requests.length);
  assert.equal(fake.state.deploymentsAt(`/subscriptions/${SUB}`).length, 2, 'main + pid deployment at the subscription');
  // The job summary lists them in a table: id, type, resource group, subscription.
  assert.match(run.result.summaryMarkdown, /\| Resource \| Type \| Resource group \| Subscription \/ scope \|/);
  for (const row of [
    `| \`/subscriptions/${SUB}/resourceGroups/rg-app\` | Microsoft.Resources/resourceGroups | rg-app | ${SUB} |`,
    `| \`/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stapp\` | Microsoft.Storage/storageAccounts | rg-app | ${SUB} |`,
    `| \`/subscriptions/${OTHER_SUB}/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/stshared\` | Microsoft.Storage/storageAccounts | rg-other | ${OTHER_SUB} |`,
  ]) {
    assert.ok(run.result.summaryMarkdown.split('\n').includes(row), `summary row ${row}`);
  }

  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('subscription deploy', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.deploymentsAt(`/subscriptions/${SUB}`).length, 0, 'the deployments at subscription scope are removed');
  assert.equal(fake.state.deploymentsAt(`/subscriptions/${OTHER_SUB}/resourceGroups/rg-other`).length, 0, 'nested deployment records are removed too');
  assert.ok(fake.state.hasResourceGroup(OTHER_SUB, 'rg-other'), 'a group cua-guard did not create stays');
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-app'), false, 'the group the template created (it did not exist before) is gone');
  assert.match(post.stdout, /left in place 1 resource\(s\).*stshared/, 'what stays outside deleted groups is listed');
});

test('management group scope: deploy, verify, clean up', async (t) => {
  fake.requests.length = 0;
  const tpl = addTemplate(
    ws,
    'mg/azuredeploy.json',
    template('managementGroup', [
      pidResource({ location: '[deployment().location]' }),
      { type: 'Microsoft.Authorization/policyDefinitions', apiVersion: '2021-06-01', name: 'cua-guard-policy', properties: { policyType: 'Custom' } },
    ]),
  );
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: { verify: 'deploy', scope: 'managementgroup', 'management-group-id': MG, region: 'westeurope' },
  });
  t.diagnostic(requestSummary('managementgroup deploy', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.deepEqual(run.result.trackedResources, [
    `/providers/Microsoft.Management/managementGroups/${MG}/providers/Microsoft.Authorization/policyDefinitions/cua-guard-policy`,
  ]);
  assert.ok(run.result.summaryMarkdown.includes(`| Microsoft.Authorization/policyDefinitions | — | management group ${MG} |`), run.result.summaryMarkdown);
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('managementgroup deploy', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.deploymentsAt(`/providers/Microsoft.Management/managementGroups/${MG}`).length, 0);
});

test('tenant scope with OpenID Connect login (client-id + tenant-id inputs, other AZURE_* values in the environment): deploy, verify, clean up', async (t) => {
  fake.requests.length = 0;
  const tpl = addTemplate(
    ws,
    'tenant/azuredeploy.json',
    template('tenant', [
      pidResource({ location: '[deployment().location]' }),
      { type: 'Microsoft.Management/managementGroups', apiVersion: '2021-04-01', name: 'mg-created', properties: {} },
    ]),
  );
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    credential: 'oidc',
    inputs: { verify: 'deploy', scope: 'tenant', region: 'westeurope', 'client-id': fake.clientId, 'tenant-id': fake.tenantId },
  });
  t.diagnostic(requestSummary('tenant deploy (oidc)', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.equal(fake.requests.filter((r) => r.kind === 'oidc').length, 1, 'one GitHub OIDC token exchanged');
  // The harness sets AZURE_CLIENT_ID and AZURE_TENANT_ID to other GUIDs: the fake token endpoint
  // answers only the inputs' client and tenant, so this token proves the inputs were used.
  assert.deepEqual(
    fake.requests.filter((r) => r.kind === 'token').map((r) => `${r.path} ${r.status}`),
    [`/${fake.tenantId}/oauth2/v2.0/token 200`],
  );
  assert.match(run.stdout, /^::add-mask::eyJ/m, 'the GitHub token is masked');
  for (const text of [printed(run), JSON.stringify(run.result), JSON.stringify(run.state)]) assert.doesNotMatch(text, /fake-access-|eyJ/);
  assert.deepEqual(run.result.trackedResources, ['/providers/Microsoft.Management/managementGroups/mg-created']);
  assert.equal(run.result.requestCount, fake.requests.length);
  const post = await runPostProcess(fake, run.state, 'oidc');
  t.diagnostic(postSummary('tenant deploy (oidc)', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.deploymentsAt('').length, 0);
});
