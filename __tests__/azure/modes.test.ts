// The other modes and ownership rules: a resource group that already existed survives (only the
// deployment records cua-guard made are removed, its history is paged through and left alone),
// existing verifies without deploying (at resource-group and subscription scope), validate and
// what-if deploy nothing, a tracking deployment on its own tracks nothing (CUA104), a stray pid-
// deployment from another run is not taken for this one's, several templates are verified in turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPostProcess, runStepProcess } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { PID, SUB, TRACKING_ID, addTemplate, nestedInto, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { postSummary, requestSummary } from './request-summary.ts';
import { CLEANUP_STATE_KEY } from '../../src/azure/journal.ts';

const { fake, ws } = useFakeArmAndWorkspace({ pageSize: 2 });

const rg = (group: string, extra: Record<string, string> = {}): Record<string, string> => ({
  scope: 'resourcegroup',
  'subscription-id': SUB,
  'resource-group': group,
  ...extra,
});

const conditional = template('resourceGroup', [pidResource({ condition: "[parameters('telemetry')]" }), storage('stpreview')], {
  telemetry: { type: 'bool', defaultValue: true },
});

/** Old deployments in a group: someone else's history, including another run's tracking deployment. */
function seedHistory(group: string): void {
  const scope = `/subscriptions/${SUB}/resourceGroups/${group}`;
  for (const name of ['old-1', 'old-2', 'old-3']) fake.deployNow(scope, name, template('resourceGroup', [storage(`st${name.replace('-', '')}`)]));
  fake.deployNow(scope, `${PID}-previous`, template('resourceGroup', []));
}

test('a resource group that already existed survives; only the new deployment records are removed', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-existing');
  seedHistory('rg-existing');
  const tpl = addTemplate(ws, 'existing-group/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stexisting')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-existing', { verify: 'deploy', 'create-resource-group': 'true', region: 'westeurope' }),
  });
  t.diagnostic(requestSummary('pre-existing resource group', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  // 4 old + main + pid = 6 deployments, 2 per page.
  assert.equal(fake.requests.filter((r) => r.method === 'GET' && /\/deployments$/i.test(r.path)).length, 3, 'all pages of the list were read');
  const journal = JSON.parse(run.state[CLEANUP_STATE_KEY] ?? '{}') as { created: { kind: string; nested?: string[] }[] };
  assert.deepEqual(
    journal.created.map((c) => c.kind),
    ['deployment'],
    'the existing group is not recorded',
  );
  assert.equal(journal.created[0]?.nested?.length, 1, 'the tracking deployment is recorded as nested');

  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('pre-existing resource group', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.ok(fake.state.hasResourceGroup(SUB, 'rg-existing'));
  const left = fake.state
    .deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-existing`)
    .map((d) => d.name)
    .sort();
  assert.deepEqual(left, ['old-1', 'old-2', 'old-3', `${PID}-previous`].sort(), 'history untouched, new records removed');
  assert.ok(
    fake.state.resources.has(`/subscriptions/${SUB}/resourceGroups/rg-existing/providers/Microsoft.Storage/storageAccounts/stexisting`.toLowerCase()),
    'resources in a group cua-guard did not create are left',
  );
});

test('existing: verifies a deployment that already ran, deploys and records nothing', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-ran');
  seedHistory('rg-ran');
  const body = template('resourceGroup', [pidResource(), storage('stran')]);
  fake.deployNow(`/subscriptions/${SUB}/resourceGroups/rg-ran`, 'release-42', body);
  const tpl = addTemplate(ws, 'ran/azuredeploy.json', body);
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-ran', { verify: 'existing', 'deployment-name': 'release-42' }),
  });
  t.diagnostic(requestSummary('existing', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.deepEqual(run.result.trackedResources, [`/subscriptions/${SUB}/resourceGroups/rg-ran/providers/Microsoft.Storage/storageAccounts/stran`]);
  assert.ok(
    fake.requests.every((r) => r.method === 'GET' || r.kind === 'token'),
    'only reads',
  );
  assert.deepEqual(run.state, {}, 'nothing recorded for the post step');
  const before = fake.requests.length;
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('existing', post));
  assert.equal(post.exitCode, 0);
  assert.equal(fake.requests.length, before, 'the post step makes no request');
});

test('existing: a deployment that does not exist is CUA100', async () => {
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [],
    trackingIds: [],
    inputs: rg('rg-ran', { verify: 'existing', 'deployment-name': 'no-such-deployment' }),
  });
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA100'],
  );
  assert.match(run.result.findings[0]?.message ?? '', /deployment 'no-such-deployment' was not found at resource group 'rg-ran'/);
});

test('validate: preflight passes with the tracking deployment; a condition that is false gives CUA105', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-validate');
  const tpl = addTemplate(ws, 'validate/azuredeploy.json', conditional);
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-validate', { verify: 'validate' }),
  });
  t.diagnostic(requestSummary('validate', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.equal(fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-validate`).length, 0, 'nothing deployed');
  assert.deepEqual(run.state, {});

  const off = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-validate', { verify: 'validate', parameters: '{"telemetry": false}' }),
  });
  assert.equal(off.result.verified, false);
  assert.deepEqual(
    off.result.findings.map((f) => f.ruleId),
    ['CUA105'],
  );
  assert.match(off.result.findings[0]?.message ?? '', /validation shows no tracking deployment/);
});

test('validate: an ARM validation error is CUA106 with its details', async () => {
  fake.scenario.validationError = {
    code: 'InvalidTemplateDeployment',
    message: 'The template deployment is not valid.',
    details: [{ code: 'SkuNotAvailable', message: 'Standard_LRS is not available in westeurope.' }],
  };
  try {
    const tpl = addTemplate(ws, 'validate/azuredeploy.json', conditional);
    const run = await runStepProcess({
      fake,
      workspace: ws.root,
      templates: [tpl],
      trackingIds: [TRACKING_ID],
      inputs: rg('rg-validate', { verify: 'validate' }),
    });
    assert.equal(run.result.verified, false);
    assert.deepEqual(
      run.result.findings.map((f) => f.ruleId),
      ['CUA106'],
    );
    assert.match(
      run.result.findings[0]?.message ?? '',
      /ARM preflight validation failed: InvalidTemplateDeployment: The template deployment is not valid\. \(SkuNotAvailable: Standard_LRS is not available in westeurope\.\)/,
    );
  } finally {
    delete fake.scenario.validationError;
  }
});

test('what-if: preflight validation confirms the tracking deployment (what-if never lists nested deployments); what-if shows what would be deployed', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-whatif');
  const tpl = addTemplate(ws, 'whatif/azuredeploy.json', conditional);
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: rg('rg-whatif', { verify: 'what-if' }) });
  t.diagnostic(requestSummary('what-if (resourcegroup)', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.deepEqual(
    fake.requests.filter((r) => r.method === 'POST' && r.kind === 'arm').map((r) => r.path.split('/').pop()),
    ['validate', 'whatIf'],
  );
  // Like real ARM, the fake lists the storage account but not the (empty) pid- deployment.
  assert.match(run.result.summaryMarkdown, /what-if: 1 resource\(s\) would be deployed, 1 change\(s\) listed/);
  assert.match(run.result.summaryMarkdown, new RegExp(PID));
  assert.equal(fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-whatif`).length, 0, 'nothing deployed');
  assert.deepEqual(run.state, {});

  const off = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-whatif', { verify: 'what-if', parameters: '{"telemetry": {"value": false}}' }),
  });
  assert.equal(off.result.verified, false);
  assert.deepEqual(
    off.result.findings.map((f) => f.ruleId),
    ['CUA105'],
  );
  assert.match(off.result.findings[0]?.message ?? '', new RegExp(`preflight validation shows no tracking deployment \\('${PID}'\\)`));
});

test('CUA104: a tracking deployment on its own tracks nothing (deploy, validate and what-if)', async (t) => {
  fake.requests.length = 0;
  const tpl = addTemplate(ws, 'alone/azuredeploy.json', template('resourceGroup', [pidResource()]));
  const deployed = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-alone', { verify: 'deploy', 'create-resource-group': 'true', region: 'westeurope' }),
  });
  t.diagnostic(requestSummary('CUA104 deploy', fake, deployed.result.requestCount));
  assert.equal(deployed.result.verified, false);
  assert.deepEqual(
    deployed.result.findings.map((f) => f.ruleId),
    ['CUA104'],
  );
  assert.match(
    deployed.result.findings[0]?.message ?? '',
    /no resource was created under correlationId [0-9a-f-]{36}: the tracking deployment has nothing to attribute/,
  );
  assert.deepEqual(deployed.result.trackedResources, []);
  for (const verify of ['validate', 'what-if']) {
    const previewed = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: rg('rg-alone', { verify }) });
    assert.deepEqual(
      previewed.result.findings.map((f) => f.ruleId),
      ['CUA104'],
      verify,
    );
  }
  const post = await runPostProcess(fake, deployed.state);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-alone'), false);
});

test("a stray pid- deployment with another correlationId is not taken for this deployment's", async (t) => {
  fake.requests.length = 0;
  const group = `/subscriptions/${SUB}/resourceGroups/rg-stray`;
  fake.state.addResourceGroup(SUB, 'rg-stray');
  // An earlier release deployed the same tracking deployment name into the group.
  fake.deployNow(group, 'release-1', template('resourceGroup', [pidResource(), storage('strelease1')]));
  const earlier = fake.state.getDeployment(group, PID)?.properties.correlationId;
  const tpl = addTemplate(ws, 'stray/azuredeploy.json', conditional);
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-stray', { verify: 'deploy', parameters: '{"telemetry": false}' }),
  });
  t.diagnostic(requestSummary('stray pid- deployment', fake, run.result.requestCount));
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA102'],
  );
  assert.match(run.result.findings[0]?.message ?? '', new RegExp(`'${PID}' exists there but belongs to correlationId ${earlier}`));
  assert.equal(run.result.correlationId, undefined, 'no correlation id is reported without our own tracking deployment');
  assert.deepEqual(run.result.trackedResources, []);

  // With any pid- name accepted (no resolved names), the stray one is still not ours.
  const anyPid = addTemplate(ws, 'stray-any/azuredeploy.json', conditional, []);
  const loose = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [anyPid],
    trackingIds: [],
    inputs: rg('rg-stray', { verify: 'deploy', parameters: '{"telemetry": false}' }),
  });
  assert.deepEqual(
    loose.result.findings.map((f) => f.ruleId),
    ['CUA102'],
  );

  const post = await runPostProcess(fake, loose.state);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  await runPostProcess(fake, run.state);
  assert.deepEqual(
    fake.state
      .deploymentsAt(group)
      .map((d) => d.name)
      .sort(),
    [PID, 'release-1'].sort(),
    'the earlier release and its tracking deployment stay',
  );
});

test('existing at subscription scope: verifies a deployment that ran with nested deployments into resource groups', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-sub-existing');
  const body = template('subscription', [
    pidResource({ location: '[deployment().location]' }),
    nestedInto('app', 'rg-sub-existing', [storage('stsubexisting')]),
  ]);
  fake.deployNow(`/subscriptions/${SUB}`, 'release-sub-7', body, {}, 'westeurope');
  const tpl = addTemplate(ws, 'sub-existing/azuredeploy.json', body);
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: { verify: 'existing', scope: 'subscription', 'subscription-id': SUB, 'deployment-name': 'release-sub-7' },
  });
  t.diagnostic(requestSummary('existing (subscription)', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.deepEqual(run.result.trackedResources, [
    `/subscriptions/${SUB}/resourceGroups/rg-sub-existing/providers/Microsoft.Storage/storageAccounts/stsubexisting`,
  ]);
  assert.equal(run.result.correlationId, fake.state.getDeployment(`/subscriptions/${SUB}`, 'release-sub-7')?.properties.correlationId);
  assert.ok(
    fake.requests.every((r) => r.method === 'GET' || r.kind === 'token'),
    'only reads',
  );
  assert.deepEqual(run.state, {});
});

test('several templates are verified in turn and aggregated; a bad parameters file is CUA108', async () => {
  fake.state.addResourceGroup(SUB, 'rg-many');
  const good = addTemplate(ws, 'many/a/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stmanya')]));
  const bad = addTemplate(ws, 'many/b/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stmanyb')]));
  ws.write('many/b/azuredeploy.parameters.json', '{ not json');
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [good, bad],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-many', { verify: 'validate' }),
  });
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => [f.ruleId, f.file]),
    [['CUA108', 'many/b/azuredeploy.json']],
  );
  assert.match(run.result.summaryMarkdown, /many\/a\/azuredeploy\.json.*✅ verified/);
});

test('inputs that cannot work are a usage error before any request', async () => {
  fake.requests.length = 0;
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [],
    trackingIds: [],
    inputs: { verify: 'deploy', scope: 'subscription', 'subscription-id': SUB },
  });
  assert.match(run.thrown ?? '', /UsageError: scope: subscription needs region/);
  assert.equal(fake.requests.length, 0);
});

test('deploy rejected by ARM (missing resource group) is CUA101; a template for another scope is CUA108 before any deployment', async () => {
  fake.requests.length = 0;
  const tpl = addTemplate(ws, 'rejected/azuredeploy.json', template('resourceGroup', [pidResource(), storage('strejected')]));
  const wrongScope = addTemplate(ws, 'rejected/subscription.json', template('subscription', [pidResource()]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl, wrongScope],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-absent', { verify: 'deploy' }),
  });
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => [f.ruleId, f.file]),
    [
      ['CUA101', 'rejected/azuredeploy.json'],
      ['CUA108', 'rejected/subscription.json'],
    ],
  );
  assert.match(run.result.findings[0]?.message ?? '', /ARM rejected deployment '.*': ResourceGroupNotFound: Resource group 'rg-absent' could not be found\./);
  assert.match(run.result.findings[1]?.message ?? '', /is a subscription-scope template \(\$schema\) but scope is resourcegroup/);
  assert.equal(fake.requests.filter((r) => r.method === 'PUT').length, 1, 'only the first template was sent');
  const post = await runPostProcess(fake, run.state);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
});
