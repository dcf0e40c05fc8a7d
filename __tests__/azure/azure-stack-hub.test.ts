// Azure Stack Hub: a fake ARM that serves only the 2020-09-01-hybrid profile's Microsoft.Resources
// api-versions (2019-10-01), checked against the vendored 2019-10-01 deployments spec. The SDK's
// own versions answer 400 there; the action reads the versions from the provider registration
// (or takes api-profile) and deploy, validate, existing and cleanup all work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { HYBRID_API_VERSIONS } from '../support/fake-arm/server.ts';
import { runMainStep, runPostStep, type ActionStepRun } from '../support/fake-arm/run-action.ts';
import { SUB, TRACKING_ID, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';

const { fake, ws } = useFakeArmAndWorkspace({ apiVersions: HYBRID_API_VERSIONS }, ({ ws: workspace }) => {
  workspace.write('hub/azuredeploy.json', template('resourceGroup', [pidResource(), storage('sthub')]));
  workspace.write('hub/mg.json', template('managementGroup', [pidResource({ location: '[deployment().location]' })]));
});

const base = { templates: 'hub/azuredeploy.json', 'tracking-ids': TRACKING_ID, scope: 'resourcegroup', 'subscription-id': SUB };

/** Every ARM request spoke 2019-10-01 (operation polls carry the server's own link). */
function apiVersionsUsed(): string[] {
  return [...new Set(fake.requests.filter((r) => r.kind === 'arm').map((r) => new URLSearchParams(r.search).get('api-version') ?? ''))];
}

function summary(label: string, run: ActionStepRun, post?: ActionStepRun): string {
  const postCount = post ? (/clean-up finished: .*?(\d+) Azure request/.exec(post.log)?.[1] ?? '0') : '-';
  return `requests[hub: ${label}]: server saw ${fake.requests.length}, post step counted ${postCount}`;
}

test('hub: deploy reads the endpoint’s api-versions, verifies, and the post step cleans up', async (t) => {
  fake.requests.length = 0;
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: { ...base, verify: 'deploy', 'resource-group': 'rg-hub', 'create-resource-group': 'true', region: 'local', cleanup: 'always' },
  });
  assert.equal(main.outputs['verified'], 'true', main.log);
  assert.match(main.log, /api-versions read from https:\/\/127\.0\.0\.1:\d+: deployments 2019-10-01, resource groups 2019-10-01/);
  assert.deepEqual(apiVersionsUsed(), ['2019-10-01']);
  assert.ok(
    fake.requests.some((r) => r.method === 'GET' && /\/providers\/Microsoft\.Resources$/i.test(r.path)),
    'the provider registration was read',
  );
  const post = await runPostStep({ fake, workspace: ws.root, state: main.state });
  t.diagnostic(summary('deploy + cleanup', main, post));
  assert.equal(post.code, 0, post.log);
  assert.deepEqual(apiVersionsUsed(), ['2019-10-01'], 'the post step speaks the same versions');
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-hub'), false);
});

test('hub: validate and existing work with the hybrid profile’s versions', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-hub-keep', 'local');
  const validate = await runMainStep({ fake, workspace: ws.root, inputs: { ...base, verify: 'validate', 'resource-group': 'rg-hub-keep' } });
  assert.equal(validate.outputs['verified'], 'true', validate.log);
  fake.deployNow(`/subscriptions/${SUB}/resourceGroups/rg-hub-keep`, 'released', template('resourceGroup', [pidResource(), storage('sthubkeep')]));
  const existing = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: { ...base, verify: 'existing', 'resource-group': 'rg-hub-keep', 'deployment-name': 'released' },
  });
  t.diagnostic(summary('validate + existing', existing));
  assert.equal(existing.outputs['verified'], 'true', existing.log);
  assert.deepEqual(apiVersionsUsed(), ['2019-10-01']);
});

test('hub: api-profile 2020-09-01-hybrid needs no provider read', async (t) => {
  fake.requests.length = 0;
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: { ...base, verify: 'validate', 'resource-group': 'rg-hub-keep', 'api-profile': '2020-09-01-hybrid' },
  });
  t.diagnostic(summary('api-profile', main));
  assert.equal(main.outputs['verified'], 'true', main.log);
  assert.match(main.log, /api-versions of profile 2020-09-01-hybrid: deployments 2019-10-01, resource groups 2019-10-01/);
  assert.ok(!fake.requests.some((r) => /\/providers\/Microsoft\.Resources$/i.test(r.path)));
});

test('hub: without the version choice the SDK’s defaults answer 400 with ARM’s cause', async () => {
  fake.requests.length = 0;
  // A management-group scope has no subscription to read the registration from: the SDK's versions are used.
  const main = await runMainStep({
    fake,
    workspace: ws.root,
    inputs: {
      templates: 'hub/mg.json',
      'tracking-ids': TRACKING_ID,
      verify: 'validate',
      scope: 'managementgroup',
      'management-group-id': 'mg-hub',
      region: 'local',
    },
  });
  assert.equal(main.outputs['verified'], 'false');
  assert.match(main.log, /NoRegisteredProviderFound: No registered resource provider found for location 'local' and API version '2026-06-01'/);
});
