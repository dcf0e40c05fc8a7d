// The main path of the README: azure/login leaves an Azure CLI session, and cua-guard (no
// credential pinned, no AZURE_* variables) signs in with it through @azure/identity's
// AzureCliCredential, which runs `az account get-access-token`. A fake `az` first on PATH answers
// as the real CLI does; the main step and the post step both use it, and nothing else is tried
// (no token endpoint, no managed-identity probe: the network guard would fail the run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPostProcess, runStepProcess } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { SUB, TRACKING_ID, addTemplate, pidResource, storage, template, resourceGroupDeployInputs } from '../support/fake-arm/fixtures.ts';
import { postSummary, requestSummary } from './request-summary.ts';

const { fake, ws } = useFakeArmAndWorkspace();

test('after azure/login: the Azure CLI session is chosen unpinned and used by the main and the post step', async (t) => {
  fake.requests.length = 0;
  const callsBefore = fake.azCalls().length;
  const tpl = addTemplate(ws, 'cli/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stcli')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    credential: 'azure-cli',
    inputs: resourceGroupDeployInputs('rg-cli'),
  });
  t.diagnostic(requestSummary('azure-cli credential', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.match(run.result.summaryMarkdown, /signed in with Azure CLI session \(azure\/login\)/);
  const calls = fake.azCalls().slice(callsBefore);
  assert.ok(calls.length >= 1, 'az was asked for a token');
  t.diagnostic(`az calls[azure-cli credential]: ${calls.length} in the main step`);
  // Exactly what AzureCliCredential runs, for the audience the cloud metadata names.
  for (const args of calls) assert.deepEqual(args, ['account', 'get-access-token', '--output', 'json', '--resource', fake.url]);
  assert.equal(fake.requests.filter((r) => r.kind === 'token' || r.kind === 'discovery' || r.kind === 'oidc').length, 0, 'no token endpoint is used');
  for (const r of fake.requests.filter((r) => r.kind === 'arm' || r.kind === 'lro')) assert.notEqual(r.status, 401, `${r.method} ${r.path} authenticated`);
  assert.equal(run.result.requestCount, fake.requests.length);

  const postCalls = fake.azCalls().length;
  const post = await runPostProcess(fake, run.state, 'azure-cli');
  t.diagnostic(postSummary('azure-cli credential', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.ok(fake.azCalls().length > postCalls, 'the post step signed in with az too');
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-cli'), false);
});

test('without an az session the finding says to run azure/login', async () => {
  fake.requests.length = 0;
  const tpl = addTemplate(ws, 'cli-out/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stcliout')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    credential: 'azure-cli',
    env: { FAKE_AZ_LOGGED_OUT: '1' },
    inputs: resourceGroupDeployInputs('rg-cli-out'),
  });
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA100'],
  );
  assert.match(run.result.findings[0]?.message ?? '', /signing in to Azure failed: .*az login.*Run azure\/login before this step/);
  assert.deepEqual(
    fake.requests.map((r) => r.kind),
    ['metadata'],
    'nothing reached ARM',
  );
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-cli-out'), false);
});
