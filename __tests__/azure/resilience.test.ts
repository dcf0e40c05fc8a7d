// Throttling, transient errors, slow and endless deployments, and cancellation by the runner:
// retries honour Retry-After, polling never runs faster than Retry-After, the time-out and
// SIGINT stop cleanly (the deployment is cancelled) and the post step still cleans up.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeArm, type FakeArm, type RecordedRequest } from '../support/fake-arm/server.ts';
import { runPostProcess, runStepProcess, waitFor } from '../support/fake-arm/harness.ts';
import { SUB, TRACKING_ID, addTemplate, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { postSummary, requestSummary } from './request-summary.ts';
import { CLEANUP_STATE_KEY } from '../../src/azure/journal.ts';

let fake: FakeArm;
let ws: TempWorkspace;

before(async () => {
  fake = await startFakeArm();
  ws = createTempWorkspace();
});
after(async () => {
  await fake.close();
  ws.dispose();
});
afterEach(() => {
  Object.assign(fake.scenario, { faults: [], neverFinish: false, runningPolls: 1, pollRetryAfter: 0 });
});

const inputs = (group: string, extra: Record<string, string> = {}): Record<string, string> => ({
  verify: 'deploy',
  scope: 'resourcegroup',
  'subscription-id': SUB,
  'resource-group': group,
  'create-resource-group': 'true',
  region: 'westeurope',
  ...extra,
});

/** Milliseconds between consecutive requests. */
function gaps(requests: RecordedRequest[]): number[] {
  return requests.slice(1).map((r, i) => r.at - (requests[i]?.at ?? r.at));
}

test('429 storm on the deployments list: retried after Retry-After, then verified', async (t) => {
  fake.requests.length = 0;
  fake.scenario.faults = [{ method: 'GET', path: /\/providers\/Microsoft\.Resources\/deployments$/i, status: 429, retryAfter: 1, times: 2 }];
  const tpl = addTemplate(ws, 'throttle/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stthrottle')]));
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: inputs('rg-throttle') });
  t.diagnostic(requestSummary('429 storm', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const lists = fake.requests.filter((r) => r.method === 'GET' && /\/deployments$/i.test(r.path));
  assert.deepEqual(lists.map((r) => r.status), [429, 429, 200]);
  for (const gap of gaps(lists)) assert.ok(gap >= 990, `waited ${gap} ms after a Retry-After of 1 s`);
  assert.equal(run.result.requestCount, fake.requests.length, 'retries are counted');
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('429 storm', post));
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-throttle'), false);
});

test('503 storm on the deployment PUT is retried; polling waits Retry-After between polls', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, {
    faults: [{ method: 'PUT', path: /\/deployments\/cua-guard-/i, status: 503, retryAfter: 1, times: 2 }],
    pollRetryAfter: 1,
    runningPolls: 1,
  });
  const tpl = addTemplate(ws, 'unavailable/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stunavailable')]));
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: inputs('rg-unavailable') });
  t.diagnostic(requestSummary('503 storm + slow deployment', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const puts = fake.requests.filter((r) => r.method === 'PUT' && /\/deployments\//i.test(r.path));
  assert.deepEqual(puts.map((r) => r.status), [503, 503, 201]);
  for (const gap of gaps(puts)) assert.ok(gap >= 990, `PUT retried after ${gap} ms`);
  // The accepted PUT, then two polls (Running, Succeeded), each at least 1 s after the last response.
  const accepted = puts.at(-1);
  const polls = fake.requests.filter((r) => r.kind === 'lro');
  assert.equal(polls.length, 2);
  for (const gap of gaps([accepted as RecordedRequest, ...polls])) assert.ok(gap >= 990, `polled after ${gap} ms, Retry-After was 1 s`);
  assert.equal(run.result.requestCount, fake.requests.length);
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('503 storm + slow deployment', post));
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-unavailable'), false);
});

test('a deployment that never finishes: timeout-minutes stops it, cancels the deployment, post step cleans up', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, { neverFinish: true, pollRetryAfter: 1 });
  const tpl = addTemplate(ws, 'endless/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stendless')]));
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: inputs('rg-endless', { 'timeout-minutes': '0.05' }) });
  t.diagnostic(requestSummary('never finishes (3 s time-out)', fake, run.result.requestCount));
  assert.equal(run.result.verified, false);
  assert.deepEqual(run.result.findings.map((f) => f.ruleId), ['CUA107']);
  assert.match(run.result.findings[0]?.message ?? '', /stopped: timed out after 3 s; deployment 'cua-guard-.*' was cancelled/);
  assert.ok(fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel') && r.status === 204), 'cancel request sent');
  assert.ok(run.elapsedMs < 9_000, `stopped in ${run.elapsedMs} ms`);
  const [deployment] = fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-endless`);
  assert.equal(deployment?.properties.provisioningState, 'Canceled');
  const polls = fake.requests.filter((r) => r.kind === 'lro');
  assert.ok(polls.length >= 2 && polls.length <= 4, `${polls.length} polls in 3 s with Retry-After 1`);

  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('never finishes (3 s time-out)', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-endless'), false);
});

test('SIGINT from the runner: the step cancels the deployment and exits; the post step removes what was created', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, { neverFinish: true, pollRetryAfter: 1 });
  const tpl = addTemplate(ws, 'cancelled/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stcancelled')]));
  let signalledAt = 0;
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: inputs('rg-cancelled', { 'timeout-minutes': '10' }),
    onStart: (child) => {
      void waitFor(() => fake.requests.some((r) => r.kind === 'lro'), 15_000).then(() => {
        signalledAt = Date.now();
        child.kill('SIGINT');
      });
    },
  });
  t.diagnostic(requestSummary('SIGINT', fake, run.result.requestCount));
  assert.ok(signalledAt > 0);
  assert.equal(run.exitCode, 0, run.stderr);
  assert.ok(Date.now() - signalledAt < 7_500, 'exited well within the runner’s 7.5 s grace period');
  assert.deepEqual(run.result.findings.map((f) => f.ruleId), ['CUA107']);
  assert.match(run.result.findings[0]?.message ?? '', /the job was cancelled; deployment '.*' was cancelled/);
  const [deployment] = fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-cancelled`);
  assert.equal(deployment?.properties.provisioningState, 'Canceled');

  // The runner hands the saved state to the post step as STATE_ variables.
  const journal = JSON.parse(run.state[CLEANUP_STATE_KEY] ?? '{}') as { created: { kind: string }[]; outcome?: string };
  assert.deepEqual(journal.created.map((c) => c.kind), ['resourceGroup', 'deployment']);
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('SIGINT', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-cancelled'), false);
});

test('a cancellation before the step recorded its outcome still cleans up (cleanup: always)', async () => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-orphan');
  const journal = {
    version: 1,
    cleanup: 'always',
    connection: {
      cloud: { resourceManager: fake.url, authorityHost: fake.url, tokenScope: `${fake.url}/.default`, disableInstanceDiscovery: true },
      credential: { kind: 'environment' },
      userAgentPrefix: `pid-${TRACKING_ID} cua-guard/test`,
    },
    created: [{ kind: 'resourceGroup', subscriptionId: SUB, name: 'rg-orphan' }],
  };
  const post = await runPostProcess(fake, { [CLEANUP_STATE_KEY]: JSON.stringify(journal) });
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-orphan'), false);
});
