// Throttling and transient errors: retries honour Retry-After, polling never runs faster than
// Retry-After, and every retry is counted.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeArm, type FakeArm, type RecordedRequest } from '../support/fake-arm/server.ts';
import { runPostProcess, runStepProcess } from '../support/fake-arm/harness.ts';
import { SUB, TRACKING_ID, addTemplate, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { postSummary, requestSummary } from './request-summary.ts';

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
