// Other clouds. AzureUSGovernment and AzureChinaCloud: nothing may leave 127.0.0.1, so the
// network guard shows which hosts a run tried; with the Azure CLI session (token from the fake
// `az`, which logs the resource asked for) the first ARM request goes to the cloud's ARM host, and
// with a service principal the token request goes to the cloud's login host, never to the public
// cloud's. Azure Stack Hub with AD FS: endpoints come from /metadata/endpoints; the tenant must be
// 'adfs', and a wrong tenant is a clear finding before any sign-in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startFakeArm, type FakeArm } from '../support/fake-arm/server.ts';
import { runPostProcess, runStepProcess } from '../support/fake-arm/harness.ts';
import { SUB, TRACKING_ID, addTemplate, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { postSummary, requestSummary } from './request-summary.ts';

let fake: FakeArm;
let stack: FakeArm;
let ws: TempWorkspace;
const STACK_AUDIENCE = `https://management.adfs.azurestack.local/${randomUUID()}`;

before(async () => {
  [fake, stack] = await Promise.all([startFakeArm(), startFakeArm({ identityProvider: 'adfs', tokenAudience: STACK_AUDIENCE })]);
  ws = createTempWorkspace();
});
after(async () => {
  await Promise.all([fake.close(), stack.close()]);
  ws.dispose();
});

// MSAL sends a known authority to its preferred network alias (its built-in cloud discovery
// metadata): login.chinacloudapi.cn goes to login.partner.microsoftonline.cn, the same China login.
const CLOUDS = [
  { environment: 'AzureUSGovernment', arm: 'management.usgovcloudapi.net', login: ['login.microsoftonline.us', 'login.usgovcloudapi.net'] },
  { environment: 'AzureChinaCloud', arm: 'management.chinacloudapi.cn', login: ['login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'] },
] as const;

const existing = {
  verify: 'existing',
  scope: 'resourcegroup',
  'subscription-id': SUB,
  'resource-group': 'rg-cloud',
  'deployment-name': 'release-1',
  'resource-manager-endpoint': '',
};

for (const cloud of CLOUDS) {
  test(`${cloud.environment}: ARM requests go to ${cloud.arm}, token requests to ${cloud.login[0]}`, async (t) => {
    const tpl = addTemplate(ws, 'cloud/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stcloud')]));
    const callsBefore = fake.azCalls().length;
    const cli = await runStepProcess({
      fake,
      workspace: ws.root,
      templates: [tpl],
      trackingIds: [TRACKING_ID],
      credential: 'azure-cli',
      allowBlockedHosts: true,
      inputs: { ...existing, environment: cloud.environment },
    });
    assert.deepEqual(
      fake
        .azCalls()
        .slice(callsBefore)
        .map((args) => args.at(-1)),
      [`https://${cloud.arm}`],
      'az was asked for a token for the cloud’s ARM',
    );
    assert.deepEqual([...new Set(cli.blockedHosts)], [cloud.arm]);
    assert.deepEqual(
      cli.result.findings.map((f) => f.ruleId),
      ['CUA100'],
    );

    const principal = await runStepProcess({
      fake,
      workspace: ws.root,
      templates: [tpl],
      trackingIds: [TRACKING_ID],
      credential: 'environment',
      allowBlockedHosts: true,
      inputs: { ...existing, environment: cloud.environment },
    });
    t.diagnostic(`hosts tried[${cloud.environment}]: ${[...new Set([...cli.blockedHosts, ...principal.blockedHosts])].join(', ')}`);
    assert.ok(principal.blockedHosts.length > 0);
    for (const host of principal.blockedHosts)
      assert.ok(
        (cloud.login as readonly string[]).includes(host),
        `${host}: only the cloud’s login hosts are tried (no login.microsoftonline.com, no managed identity)`,
      );
    assert.deepEqual(
      principal.result.findings.map((f) => f.ruleId),
      ['CUA100'],
    );
    assert.match(principal.result.findings[0]?.message ?? '', /signing in to Azure failed/);
  });
}

test('Azure Stack Hub with AD FS: endpoints and token audience from its metadata, tenant adfs', async (t) => {
  stack.requests.length = 0;
  const tpl = addTemplate(ws, 'stack/azuredeploy.json', template('resourceGroup', [pidResource(), storage('ststack')]));
  const inputs = {
    verify: 'deploy',
    scope: 'resourcegroup',
    'subscription-id': SUB,
    'resource-group': 'rg-stack',
    'create-resource-group': 'true',
    region: 'local',
  };
  const run = await runStepProcess({ fake: stack, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], env: { AZURE_TENANT_ID: 'adfs' }, inputs });
  t.diagnostic(requestSummary('Azure Stack Hub (AD FS)', stack, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.equal(stack.requests[0]?.path, '/metadata/endpoints', 'the metadata is read first');
  // The fake token endpoint only answers tenant adfs and scope <audience>/.default (see server.ts).
  assert.deepEqual(
    stack.requests.filter((r) => r.kind === 'token' || r.kind === 'discovery').map((r) => `${r.method} ${r.path} ${r.status}`),
    ['GET /adfs/.well-known/openid-configuration 200', 'POST /adfs/oauth2/token 200'],
  );
  const post = await runPostProcess(stack, run.state, 'environment', { AZURE_TENANT_ID: 'adfs' });
  t.diagnostic(postSummary('Azure Stack Hub (AD FS)', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(stack.state.hasResourceGroup(SUB, 'rg-stack'), false);

  stack.requests.length = 0;
  const wrongTenant = await runStepProcess({ fake: stack, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs });
  assert.deepEqual(
    wrongTenant.result.findings.map((f) => f.ruleId),
    ['CUA100'],
  );
  assert.match(wrongTenant.result.findings[0]?.message ?? '', /signs in with AD FS .*: set AZURE_TENANT_ID to adfs, not '[0-9a-f-]{36}'/);
  assert.deepEqual(
    stack.requests.map((r) => r.kind),
    ['metadata'],
    'no sign-in was attempted',
  );
});
