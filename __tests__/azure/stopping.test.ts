// Endless deployments and cancellation by the runner: the time-out and SIGINT stop cleanly (the
// deployment is cancelled), and the post step still cleans up, also after SIGKILL or when the
// step never recorded its outcome.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { cancelLikeRunner, runKilledStepProcess, runPostProcess, runStepProcess, waitFor } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { MG, SUB, TRACKING_ID, addTemplate, nestedInto, pidResource, storage, template, resourceGroupDeployInputs } from '../support/fake-arm/fixtures.ts';
import { postSummary, requestSummary } from './request-summary.ts';
import { assertRetryAfterHonoured } from './retry-after.ts';
import { CLEANUP_STATE_KEY } from '../../src/azure/journal.ts';

const { fake, ws } = useFakeArmAndWorkspace();
afterEach(() => {
  Object.assign(fake.scenario, { faults: [], neverFinish: false, runningPolls: 1, pollRetryAfter: 0 });
});

test('a deployment that never finishes: timeout-minutes stops it, cancels the deployment, post step cleans up', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, { neverFinish: true, pollRetryAfter: 1 });
  const tpl = addTemplate(ws, 'endless/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stendless')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: resourceGroupDeployInputs('rg-endless', { 'timeout-minutes': '0.05' }),
  });
  t.diagnostic(requestSummary('never finishes (3 s time-out)', fake, run.result.requestCount));
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA107'],
  );
  assert.match(run.result.findings[0]?.message ?? '', /stopped: timed out after 3 s; deployment 'cua-guard-.*' was cancelled/);
  const cancel = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
  assert.equal(cancel?.status, 204, 'cancel request sent');
  // The time-out starts shortly before the first request (the metadata); by the server's clock the
  // cancel came well after it (load can only shorten this gap by delaying the first request).
  const started = fake.requests[0]?.at ?? 0;
  assert.ok((cancel?.at ?? 0) - started >= 2_000, `cancelled ${(cancel?.at ?? 0) - started} ms after the first request, not before the 3 s time-out`);
  assert.equal(run.signal, null, 'the step stopped by itself');
  // ARM cancels asynchronously: right after the 204 the record may still read Running.
  const [deployment] = fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-endless`);
  assert.equal(cancel?.path.toLowerCase(), `${deployment?.id}/cancel`.toLowerCase());
  const polls = fake.requests.filter((r) => r.kind === 'lro');
  assert.ok(polls.length >= 1 && polls.length <= 4, `${polls.length} polls in 3 s with Retry-After 1`);
  assert.ok(
    polls.every((p) => p.at < (cancel?.at ?? 0)),
    'no poll after the cancel',
  );
  assert.ok(assertRetryAfterHonoured(fake.requests) >= polls.length, 'every poll waited for Retry-After');

  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('never finishes (3 s time-out)', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-endless'), false);
});

/** Starts the step and cancels it like the runner once the deployment is being polled. */
async function cancelledRun(
  path: string,
  body: Record<string, unknown>,
  inputs: Record<string, string>,
): Promise<{ run: Awaited<ReturnType<typeof runStepProcess>>; escalated: boolean }> {
  const tpl = addTemplate(ws, path, body);
  let escalated = (): boolean => false;
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs,
    onStart: (child) => {
      void waitFor(() => fake.requests.some((r) => r.kind === 'lro'), 15_000).then(() => ({ escalated } = cancelLikeRunner(child)));
    },
  });
  return { run, escalated: escalated() };
}

test('SIGINT from the runner: the step cancels the deployment and exits; the post step removes what was created', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, { neverFinish: true, pollRetryAfter: 1 });
  const { run, escalated } = await cancelledRun(
    'cancelled/azuredeploy.json',
    template('resourceGroup', [pidResource(), storage('stcancelled')]),
    resourceGroupDeployInputs('rg-cancelled', { 'timeout-minutes': '10' }),
  );
  t.diagnostic(requestSummary('SIGINT (resourcegroup)', fake, run.result.requestCount));
  // The runner sends SIGTERM 7.5 s after SIGINT, then kills: the step exited before either.
  assert.equal(escalated, false, 'exited within the runner’s 7.5 s grace period');
  assert.equal(run.signal, null);
  assert.equal(run.exitCode, 0, run.stderr);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA107'],
  );
  assert.match(run.result.findings[0]?.message ?? '', /the job was cancelled; deployment '.*' was cancelled/);
  const [deployment] = fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-cancelled`);
  const cancel = fake.requests.find((r) => r.method === 'POST' && r.path.toLowerCase() === `${deployment?.id}/cancel`.toLowerCase());
  assert.equal(cancel?.status, 204, 'the cancel was accepted (ARM finishes it asynchronously)');

  // The runner hands the saved state to the post step as STATE_ variables.
  const journal = JSON.parse(run.state[CLEANUP_STATE_KEY] ?? '{}') as { created: { kind: string }[]; outcome?: string };
  assert.deepEqual(
    journal.created.map((c) => c.kind),
    ['resourceGroup', 'deployment'],
  );
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('SIGINT (resourcegroup)', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-cancelled'), false);
});

test('SIGINT at management-group scope: the deployment is cancelled, the post step removes its record', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, { neverFinish: true, pollRetryAfter: 1 });
  const scope = `/providers/Microsoft.Management/managementGroups/${MG}`;
  const before = fake.state.deploymentsAt(scope).length;
  const body = template('managementGroup', [
    pidResource({ location: '[deployment().location]' }),
    { type: 'Microsoft.Authorization/policyDefinitions', apiVersion: '2021-06-01', name: 'cua-cancelled-policy', properties: { policyType: 'Custom' } },
  ]);
  const { run, escalated } = await cancelledRun('cancelled-mg/azuredeploy.json', body, {
    verify: 'deploy',
    scope: 'managementgroup',
    'management-group-id': MG,
    region: 'westeurope',
    'timeout-minutes': '10',
  });
  t.diagnostic(requestSummary('SIGINT (managementgroup)', fake, run.result.requestCount));
  assert.equal(escalated, false, 'exited within the runner’s 7.5 s grace period');
  assert.equal(run.exitCode, 0, run.stderr);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA107'],
  );
  const cancel = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
  assert.match(cancel?.path ?? '', new RegExp(`^${scope}/providers/Microsoft\\.Resources/deployments/cua-guard-[^/]+/cancel$`));
  assert.equal(cancel?.status, 204);
  const journal = JSON.parse(run.state[CLEANUP_STATE_KEY] ?? '{}') as { created: { kind: string; scope?: { kind: string } }[]; outcome?: string };
  assert.deepEqual(
    journal.created.map((c) => `${c.kind} ${c.scope?.kind ?? ''}`.trim()),
    ['deployment managementGroup'],
  );
  assert.equal(journal.outcome, 'failed');

  Object.assign(fake.scenario, { neverFinish: false });
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('SIGINT (managementgroup)', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.deploymentsAt(scope).length, before, 'the cancelled deployment record is gone');
  assert.ok(![...fake.state.resources.keys()].some((k) => k.includes('cua-cancelled-policy')), 'the cancelled deployment created nothing');
});

test('SIGKILL mid-deployment in a resource group that existed: the post step cancels the deployment, deletes its records, keeps the group', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, { neverFinish: true, pollRetryAfter: 1 });
  fake.state.addResourceGroup(SUB, 'rg-killed');
  const tpl = addTemplate(ws, 'killed/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stkilled2')]));
  const run = await runKilledStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: resourceGroupDeployInputs('rg-killed', { 'timeout-minutes': '10' }),
    onStart: (child) => void waitFor(() => fake.requests.some((r) => r.kind === 'lro'), 15_000).then(() => child.kill('SIGKILL')),
  });
  assert.equal(run.signal, 'SIGKILL');
  const scope = `/subscriptions/${SUB}/resourceGroups/rg-killed`;
  assert.equal(fake.state.deploymentsAt(scope)[0]?.properties.provisioningState, 'Running', 'nobody cancelled it yet');
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('SIGKILL, running deployment in an existing group', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.ok(
    fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel') && r.status === 204),
    'the post step cancelled it',
  );
  assert.deepEqual(fake.state.deploymentsAt(scope), []);
  assert.ok(fake.state.hasResourceGroup(SUB, 'rg-killed'));
});

test('a step killed before it recorded nested deployments or an outcome still cleans up (cleanup: always)', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-orphan');
  fake.state.addResourceGroup(SUB, 'rg-kept');
  // A subscription deployment that ran, with its tracking deployment and a nested deployment
  // into a resource group; the journal knows only the main deployment and the created group.
  fake.deployNow(
    `/subscriptions/${SUB}`,
    'killed-run',
    template('subscription', [pidResource({ location: 'westeurope' }), nestedInto('app', 'rg-kept', [storage('stkilled')])]),
    {},
    'westeurope',
  );
  const journal = {
    version: 1,
    cleanup: 'always',
    connection: {
      cloud: { resourceManager: fake.url, authorityHost: fake.url, tokenScope: `${fake.url}/.default`, disableInstanceDiscovery: true },
      credential: { kind: 'environment' },
      userAgentPrefix: `pid-${TRACKING_ID} cua-guard/test`,
    },
    created: [
      { kind: 'resourceGroup', subscriptionId: SUB, name: 'rg-orphan' },
      { kind: 'deployment', scope: { kind: 'subscription', subscriptionId: SUB }, name: 'killed-run' },
    ],
  };
  const post = await runPostProcess(fake, { [CLEANUP_STATE_KEY]: JSON.stringify(journal) });
  t.diagnostic(postSummary('killed before recording', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-orphan'), false);
  assert.deepEqual(fake.state.deploymentsAt(`/subscriptions/${SUB}`), [], 'main and tracking deployment records removed');
  assert.deepEqual(fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-kept`), [], 'nested record found through the operations and removed');
  assert.ok(fake.state.hasResourceGroup(SUB, 'rg-kept'), 'a group cua-guard did not create stays');
});
