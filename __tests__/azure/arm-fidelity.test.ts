// Issue 14's scenarios: the bundled action (dist/index.js, then dist/post.js with the saved state)
// as the runner starts it, the real SDK over HTTPS, against the fake ARM that checks every request
// and response against the vendored specification (contract.ts; a violation fails the file when
// the fake closes). Each scenario asserts the outputs, the annotations and what is left on the
// fake, and reports its request counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { runMainStep, runPostStep, type ActionStepRun } from '../support/fake-arm/run-action.ts';
import { OTHER_SUB, PID, SUB, TRACKING_ID, nestedInto, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { CLEANUP_STATE_KEY, type CleanupJournal } from '../../src/azure/journal.ts';
import type { FakeArm } from '../support/fake-arm/server.ts';

const { fake, ws } = useFakeArmAndWorkspace();

const SUB_SCOPE = `/subscriptions/${SUB}`;
const rgScope = (group: string, subscriptionId = SUB): string => `/subscriptions/${subscriptionId}/resourceGroups/${group}`;

/** Requests by kind since the last reset, for the closing note. */
function counted(label: string, run: ActionStepRun, post?: ActionStepRun): string {
  const arm = fake.requests.filter((r) => r.kind === 'arm' || r.kind === 'lro').length;
  const postCount = post ? (/clean-up finished: .*?(\d+) Azure request/.exec(post.log)?.[1] ?? '0') : '-';
  return `requests[${label}]: server saw ${fake.requests.length} (ARM ${arm}), main step exit ${run.code}, post step counted ${postCount}`;
}

function deploymentsAt(scope: string): string[] {
  return fake.state.deploymentsAt(scope).map((d) => d.name);
}

function journalOf(run: ActionStepRun): CleanupJournal {
  return JSON.parse(run.state[CLEANUP_STATE_KEY] ?? '{}') as CleanupJournal;
}

function errorsOf(run: ActionStepRun): string[] {
  return run.annotations.filter((a) => a.level === 'error').map((a) => `${a.title}: ${a.message}`);
}

function resetScenario(target: FakeArm): void {
  Object.assign(target.scenario, {
    faults: [],
    failResources: {},
    rawStatusMessages: {},
    neverFinish: false,
    runningPolls: 1,
    pollRetryAfter: 0,
    omitValidatedResources: false,
  });
  delete target.scenario.whatIfError;
  target.requests.length = 0;
}

test('a tracking record that a production deployment left at subscription scope survives the run', async (t) => {
  resetScenario(fake);
  fake.state.addResourceGroup(SUB, 'rg-fid-pre');
  const production = fake.deployNow(SUB_SCOPE, PID, { $schema: 'x', contentVersion: '1.0.0.0', resources: [] }, {}, 'westeurope');
  ws.write(
    'sub/azuredeploy.json',
    template('subscription', [pidResource({ location: '[deployment().location]' }), nestedInto('app', 'rg-fid-pre', [storage('stfidsub')])]),
  );
  const inputs = {
    templates: 'sub/azuredeploy.json',
    'tracking-ids': TRACKING_ID,
    verify: 'deploy',
    scope: 'subscription',
    'subscription-id': SUB,
    region: 'westeurope',
    cleanup: 'always',
  };
  const main = await runMainStep({ fake, workspace: ws.root, inputs });
  assert.equal(main.outputs['verified'], 'true', main.log);
  assert.deepEqual(errorsOf(main), []);
  const said = main.annotations.find((a) => a.level === 'warning' && a.message.includes(`'${PID}' already exists at subscription ${SUB}`));
  assert.ok(said, `a warning says before deploying that the record is replaced and kept:\n${main.log}`);
  assert.match(said.message, new RegExp(`correlationId ${production.properties.correlationId}.*this run replaces it, and cleanup will leave it`));
  assert.deepEqual(
    (journalOf(main).kept ?? []).map((k) => k.name),
    [PID],
  );

  const post = await runPostStep({ fake, workspace: ws.root, state: main.state });
  t.diagnostic(counted('pre-existing subscription tracking record', main, post));
  assert.equal(post.code, 0, post.log);
  assert.deepEqual(deploymentsAt(SUB_SCOPE), [PID], 'the tracking record stays; the run’s own deployment record is gone');
  assert.deepEqual(deploymentsAt(rgScope('rg-fid-pre')), [], 'the nested deployment record in the existing group is removed');
  assert.match(post.log, new RegExp(`left deployment .*${PID}: it existed before the run`));
  fake.state.deployments.clear();
});

test('409 DeploymentActive: a clear error naming the other deployment, which is left untouched', async (t) => {
  resetScenario(fake);
  fake.scenario.neverFinish = true;
  fake.state.addResourceGroup(SUB, 'rg-fid-active');
  const other = fake.state.createDeployment(
    rgScope('rg-fid-active'),
    'cua-shared',
    { template: { resources: [] }, parameters: {} },
    '11111111-2222-4333-8444-555555555555',
  );
  other.properties.provisioningState = 'Running';
  ws.write('active/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stactive')]));
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: {
      templates: 'active/azuredeploy.json',
      'tracking-ids': TRACKING_ID,
      verify: 'deploy',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-fid-active',
      'deployment-name': 'cua-shared',
      cleanup: 'always',
    },
  });
  assert.equal(main.code, 1);
  assert.equal(main.outputs['verified'], 'false');
  const refused = main.annotations.find((a) => a.title === 'CUA101 deployment-failed');
  assert.match(
    refused?.message ?? '',
    /another deployment named 'cua-shared' is still running at resource group 'rg-fid-active'.*DeploymentActive: Unable to edit or replace deployment 'cua-shared'.*concurrency/,
  );
  assert.equal(journalOf(main).created.find((c) => c.kind === 'deployment')?.refused, true);

  const post = await runPostStep({ fake, workspace: ws.root, state: main.state });
  t.diagnostic(counted('409 DeploymentActive', main, post));
  assert.equal(post.code, 0, post.log);
  assert.equal(fake.state.getDeployment(rgScope('rg-fid-active'), 'cua-shared')?.properties.correlationId, '11111111-2222-4333-8444-555555555555');
  assert.equal(fake.state.getDeployment(rgScope('rg-fid-active'), 'cua-shared')?.properties.provisioningState, 'Running');
  assert.deepEqual(
    fake.requests.filter((r) => (r.method === 'DELETE' || r.path.endsWith('/cancel')) && /cua-shared/.test(r.path)),
    [],
    'never cancelled nor deleted',
  );
  fake.state.deployments.clear();
});

const NESTED_INPUTS = (group: string): Record<string, string> => ({
  templates: 'nested/azuredeploy.json',
  'tracking-ids': TRACKING_ID,
  verify: 'deploy',
  scope: 'resourcegroup',
  'subscription-id': SUB,
  'resource-group': group,
  'create-resource-group': 'true',
  region: 'westeurope',
  cleanup: 'always',
});

test('a nested deployment into a pre-existing group leaves no record after cleanup (the main group is deleted)', async (t) => {
  resetScenario(fake);
  fake.state.addResourceGroup(SUB, 'rg-fid-keep');
  ws.write(
    'nested/azuredeploy.json',
    template('resourceGroup', [pidResource(), storage('stfidmain'), nestedInto('shared', 'rg-fid-keep', [storage('stfidkeep')])]),
  );
  const main = await runMainStep({ fake, workspace: ws.root, inputs: NESTED_INPUTS('rg-fid-new') });
  assert.equal(main.outputs['verified'], 'true', main.log);
  const post = await runPostStep({ fake, workspace: ws.root, state: main.state });
  t.diagnostic(counted('nested into an existing group', main, post));
  assert.equal(post.code, 0, post.log);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-fid-new'), false);
  assert.deepEqual(deploymentsAt(rgScope('rg-fid-keep')), [], 'no deployment record is left in the group that existed');
  assert.ok(fake.state.hasResourceGroup(SUB, 'rg-fid-keep'));
  const left = post.annotations.find((a) => a.level === 'warning' && a.message.includes('left in place'));
  assert.match(left?.message ?? '', /stfidkeep/, 'the storage account in the existing group is listed as left');
});

test('the same with the main step killed (SIGKILL) before verification: the post step finds the run’s deployments by correlation id', async (t) => {
  resetScenario(fake);
  // ARM runs on after the kill (the first read sees it finished); the step waits 5 s before polling.
  Object.assign(fake.scenario, { runningPolls: 0, pollRetryAfter: 5 });
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: NESTED_INPUTS('rg-fid-killed'),
    onStart: (child) => {
      const timer = setInterval(() => {
        if (fake.requests.some((r) => r.method === 'PUT' && /\/deployments\/cua-guard-/i.test(r.path) && r.status === 201)) {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      }, 5);
    },
  });
  assert.equal(main.signal, 'SIGKILL');
  assert.equal(main.outputs['verified'], undefined, 'the step never got to its outputs');
  const journal = journalOf(main);
  assert.match(journal.correlationId ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(journal.created.find((c) => c.kind === 'deployment')?.nested, undefined, 'verification never recorded the nested deployments');
  const post = await runPostStep({ fake, workspace: ws.root, state: main.state });
  t.diagnostic(counted('nested into an existing group, main step killed', main, post));
  assert.equal(post.code, 0, post.log);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-fid-killed'), false);
  assert.deepEqual(deploymentsAt(rgScope('rg-fid-keep')), [], 'found by the correlation id and removed');
  assert.ok(
    fake.requests.some(
      (r) => r.method === 'DELETE' && r.path.toLowerCase().endsWith('/resourcegroups/rg-fid-keep/providers/microsoft.resources/deployments/shared'),
    ),
  );
  for (const id of [...fake.state.resources.keys()]) if (id.includes('rg-fid-keep')) fake.state.resources.delete(id);
});

test('validate with NestedDeploymentShortCircuited: a warning naming the nested deployment, never CUA104', async (t) => {
  resetScenario(fake);
  fake.state.addResourceGroup(SUB, 'rg-fid-validate');
  const nested = {
    ...nestedInto('app', 'rg-fid-validate', [storage('stfidshort')]),
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope: 'inner' },
      parameters: { endpoint: { value: "[reference('stfidother').provisioningState]" } },
      template: { ...template('resourceGroup', [storage('stfidshort')]), parameters: { endpoint: { type: 'string' } } },
    },
  };
  ws.write('short/azuredeploy.json', template('resourceGroup', [pidResource(), nested]));
  const inputs = {
    templates: 'short/azuredeploy.json',
    'tracking-ids': TRACKING_ID,
    verify: 'validate',
    scope: 'resourcegroup',
    'subscription-id': SUB,
    'resource-group': 'rg-fid-validate',
  };
  const main = await runMainStep({ fake, workspace: ws.root, inputs });
  t.diagnostic(counted('validate, NestedDeploymentShortCircuited', main));
  assert.equal(main.code, 0, main.log);
  assert.equal(main.outputs['verified'], 'true');
  assert.deepEqual(errorsOf(main), []);
  const warning = main.annotations.find((a) => a.title === 'CUA109 not-established');
  assert.match(warning?.message ?? '', /did not expand nested deployment\(s\) 'app' \(NestedDeploymentShortCircuited\)/);
  assert.equal(warning?.file, 'short/azuredeploy.json');
  assert.ok(!main.log.includes('CUA104'));
  assert.deepEqual(deploymentsAt(rgScope('rg-fid-validate')), [], 'validate deploys nothing');
});

test('validate with an empty validatedResources is not established: verified false, a warning', async (t) => {
  resetScenario(fake);
  fake.scenario.omitValidatedResources = true;
  fake.state.addResourceGroup(SUB, 'rg-fid-empty');
  ws.write('empty/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stfidempty')]));
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: {
      templates: 'empty/azuredeploy.json',
      'tracking-ids': TRACKING_ID,
      verify: 'validate',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-fid-empty',
    },
  });
  t.diagnostic(counted('validate, no validatedResources', main));
  assert.equal(main.outputs['verified'], 'false');
  const warning = main.annotations.find((a) => a.title === 'CUA109 not-established');
  assert.match(warning?.message ?? '', /no validatedResources: the preview cannot establish that the tracking deployment would be deployed/);
  assert.deepEqual(
    main.annotations.filter((a) => a.level === 'error').map((a) => a.message),
    ['attribution verification failed: see the job summary'],
  );
  assert.deepEqual(deploymentsAt(rgScope('rg-fid-empty')), []);
});

test('what-if answering status Failed: CUA106 with ARM’s code and message', async (t) => {
  resetScenario(fake);
  fake.scenario.whatIfError = {
    code: 'InvalidTemplate',
    message: "Deployment template validation failed: 'The resource 'stfidwhatif' is not defined in the template.'",
  };
  fake.state.addResourceGroup(SUB, 'rg-fid-whatif');
  ws.write('whatif/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stfidwhatif')]));
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: {
      templates: 'whatif/azuredeploy.json',
      'tracking-ids': TRACKING_ID,
      verify: 'what-if',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-fid-whatif',
    },
  });
  t.diagnostic(counted('what-if Failed', main));
  assert.equal(main.outputs['verified'], 'false');
  const failed = main.annotations.find((a) => a.title === 'CUA106 preflight-failed');
  assert.match(failed?.message ?? '', /ARM what-if failed: InvalidTemplate: Deployment template validation failed/);
  assert.deepEqual(deploymentsAt(rgScope('rg-fid-whatif')), []);
});

test('a free-form statusMessage is kept as ARM sent it', async (t) => {
  resetScenario(fake);
  fake.scenario.failResources = { stfidfree: { code: 'Conflict', message: 'unused' } };
  fake.scenario.rawStatusMessages = {
    stfidfree: { Code: 'StorageAccountAlreadyTaken', Message: 'The storage account named stfidfree is already taken.', Target: null },
  };
  ws.write('free/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stfidfree')]));
  const main = await runMainStep({ fake, workspace: ws.root, inputs: { ...NESTED_INPUTS('rg-fid-free'), templates: 'free/azuredeploy.json' } });
  assert.equal(main.outputs['verified'], 'false');
  const failed = main.annotations.find((a) => a.title === 'CUA101 deployment-failed' && a.message.includes('stfidfree'));
  assert.match(failed?.message ?? '', /StorageAccountAlreadyTaken: The storage account named stfidfree is already taken\./);
  assert.ok(!main.log.includes('the operation failed with status Conflict'));
  const post = await runPostStep({ fake, workspace: ws.root, state: main.state });
  t.diagnostic(counted('free-form statusMessage', main, post));
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-fid-free'), false);
});

test('a 403 on a nested deployment in another subscription: a verdict on what could be read, naming what could not', async (t) => {
  resetScenario(fake);
  fake.state.addResourceGroup(OTHER_SUB, 'rg-fid-other');
  fake.scenario.faults = [
    {
      method: 'GET',
      // The SDK lists resource-group deployment operations without the providers segment (as the spec's path has it).
      path: new RegExp(`^/subscriptions/${OTHER_SUB}/resourcegroups/rg-fid-other/deployments/other/operations$`, 'i'),
      status: 403,
      times: 20,
      error: {
        code: 'AuthorizationFailed',
        message: `The client 'cua-guard' does not have authorization to perform action 'Microsoft.Resources/deployments/operations/read' over scope '/subscriptions/${OTHER_SUB}/resourcegroups/rg-fid-other/providers/Microsoft.Resources/deployments/other' or the scope is invalid.`,
      },
    },
  ];
  ws.write(
    'forbidden/azuredeploy.json',
    template('resourceGroup', [pidResource(), storage('stfidown'), nestedInto('other', 'rg-fid-other', [storage('stfidother')], OTHER_SUB)]),
  );
  const main = await runMainStep({ fake, workspace: ws.root, inputs: { ...NESTED_INPUTS('rg-fid-403'), templates: 'forbidden/azuredeploy.json' } });
  assert.equal(main.outputs['verified'], 'true', main.log);
  assert.deepEqual(JSON.parse(main.outputs['tracked-resources'] ?? '[]'), [`${rgScope('rg-fid-403')}/providers/Microsoft.Storage/storageAccounts/stfidown`]);
  const warning = main.annotations.find((a) => a.title === 'CUA109 not-established');
  assert.match(warning?.message ?? '', /nested deployment .*rg-fid-other.*\/deployments\/other could not be read \(AuthorizationFailed: The client/);
  assert.deepEqual(errorsOf(main), []);
  const post = await runPostStep({ fake, workspace: ws.root, state: main.state });
  t.diagnostic(counted('403 on a nested deployment', main, post));
  assert.equal(post.code, 0, post.log);
  assert.deepEqual(deploymentsAt(rgScope('rg-fid-other', OTHER_SUB)), []);
});

test('a throttled second page of a list with a time-out: the time-out stops it, not the retry budget', async (t) => {
  resetScenario(fake);
  fake.state.addResourceGroup(SUB, 'rg-fid-pages');
  for (const name of ['older-1', 'older-2', 'older-3']) fake.deployNow(rgScope('rg-fid-pages'), name, template('resourceGroup', []));
  fake.deployNow(rgScope('rg-fid-pages'), 'released', template('resourceGroup', [pidResource(), storage('stfidpages')]));
  fake.scenario.faults = [
    {
      method: 'GET',
      path: /\/resourcegroups\/rg-fid-pages\/providers\/Microsoft\.Resources\/deployments$/i,
      query: /skiptoken/,
      status: 429,
      retryAfter: 60,
      times: 50,
    },
  ];
  ws.write('pages/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stfidpages')]));
  const started = Date.now();
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: {
      templates: 'pages/azuredeploy.json',
      'tracking-ids': TRACKING_ID,
      verify: 'existing',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-fid-pages',
      'deployment-name': 'released',
      'timeout-minutes': '0.1',
    },
  });
  const elapsed = Date.now() - started;
  t.diagnostic(`${counted('throttled second page, 6 s time-out', main)}, ${elapsed} ms`);
  assert.ok(elapsed < 30_000, `stopped by the 6 s time-out, not after a 60 s Retry-After (${elapsed} ms)`);
  assert.equal(main.outputs['verified'], 'false');
  const stopped = main.annotations.find((a) => a.title === 'CUA107 stopped');
  assert.match(stopped?.message ?? '', /timed out after 6 s/);
  assert.equal(fake.requests.filter((r) => r.search.includes('skiptoken')).length, 1, 'the throttled page was asked once; its retry was aborted');
  fake.state.deployments.clear();
});

test('a credential failure is reported as signing in, not on a template line, and nothing is created', async (t) => {
  resetScenario(fake);
  ws.write('signin/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stfidsignin')]));
  const before = fake.state.deployments.size;
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: { ...NESTED_INPUTS('rg-fid-signin'), templates: 'signin/azuredeploy.json' },
    env: { AZURE_CLIENT_SECRET: 'not-the-secret' },
  });
  t.diagnostic(counted('credential failure', main));
  assert.equal(main.outputs['verified'], 'false');
  const signIn = main.annotations.find((a) => a.title === 'CUA100 azure-request-failed');
  assert.match(signIn?.message ?? '', /^signing in to Azure failed: .*invalid_client/s);
  assert.equal(signIn?.file, undefined, 'not on a template line');
  assert.ok(!main.log.includes('CUA106'));
  assert.equal(fake.state.deployments.size, before);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-fid-signin'), false);
  assert.equal(main.state[CLEANUP_STATE_KEY], undefined, 'nothing recorded for the post step');
});

test('a nested deployment does not inherit its parent’s location: above resource-group scope ARM rejects one without', async (t) => {
  resetScenario(fake);
  const unplaced = {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: 'unplaced',
    properties: { mode: 'Incremental', template: template('subscription', []) },
  };
  ws.write('unplaced/azuredeploy.json', template('subscription', [pidResource({ location: '[deployment().location]' }), unplaced]));
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: {
      templates: 'unplaced/azuredeploy.json',
      'tracking-ids': TRACKING_ID,
      verify: 'deploy',
      scope: 'subscription',
      'subscription-id': SUB,
      region: 'westeurope',
    },
  });
  t.diagnostic(counted('nested deployment without location', main));
  assert.equal(main.outputs['verified'], 'false');
  const rejected = main.annotations.find((a) => a.title === 'CUA101 deployment-failed');
  assert.match(rejected?.message ?? '', /ARM rejected deployment 'cua-guard-.*': InvalidTemplateDeployment: .*'unplaced'.*needs a location/);
  assert.deepEqual(deploymentsAt(SUB_SCOPE), [], 'nothing was deployed');
  assert.equal(journalOf(main).created.find((c) => c.kind === 'deployment')?.refused, true);
});

test('validation checks the resource groups nested deployments target: 404 ResourceGroupNotFound', async (t) => {
  resetScenario(fake);
  fake.state.addResourceGroup(SUB, 'rg-fid-target');
  ws.write(
    'target/azuredeploy.json',
    template('resourceGroup', [pidResource(), storage('stfidtarget'), nestedInto('elsewhere', 'rg-fid-missing', [storage('stfidnowhere')])]),
  );
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: {
      templates: 'target/azuredeploy.json',
      'tracking-ids': TRACKING_ID,
      verify: 'validate',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-fid-target',
    },
  });
  t.diagnostic(counted('validate, nested target group missing', main));
  assert.equal(main.outputs['verified'], 'false');
  const failed = main.annotations.find((a) => a.title === 'CUA106 preflight-failed');
  assert.match(failed?.message ?? '', /ARM preflight validation failed: ResourceGroupNotFound: Resource group 'rg-fid-missing' could not be found\./);
});
