// Throttling and transient errors: 429/503 with Retry-After are retried after exactly that long,
// 5xx without it back off exponentially (the SDK's 2 s base, with jitter), storms of several faults
// are ridden out, a storm longer than the retry budget ends in a clear finding, and the token
// endpoint is retried too. Every retry is counted. Waits are checked on the server's own clock.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { runPostProcess, runStepProcess } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { SUB, TRACKING_ID, addTemplate, pidResource, storage, template, resourceGroupDeployInputs } from '../support/fake-arm/fixtures.ts';
import { postSummary, requestSummary } from './request-summary.ts';
import { assertRetryAfterHonoured, assertWaitedAtLeast } from './retry-after.ts';
import { RETRY_OPTIONS } from '../../src/azure/http.ts';

const { fake, ws } = useFakeArmAndWorkspace();
afterEach(() => {
  Object.assign(fake.scenario, { faults: [], neverFinish: false, runningPolls: 1, pollRetryAfter: 0 });
});

const LIST = /\/providers\/Microsoft\.Resources\/deployments$/i;

test('a storm of three 429s on the deployments list: each retried after its Retry-After, then verified', async (t) => {
  fake.requests.length = 0;
  fake.scenario.faults = [{ method: 'GET', path: LIST, status: 429, retryAfter: 1, times: 3 }];
  const tpl = addTemplate(ws, 'throttle/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stthrottle')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: resourceGroupDeployInputs('rg-throttle'),
  });
  t.diagnostic(requestSummary('429 storm (3 faults)', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const lists = fake.requests.filter((r) => r.method === 'GET' && LIST.test(r.path));
  assert.deepEqual(
    lists.map((r) => r.status),
    [429, 429, 429, 200],
  );
  assert.ok(assertRetryAfterHonoured(fake.requests) >= 3);
  assert.equal(run.result.requestCount, fake.requests.length, 'retries are counted');
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('429 storm (3 faults)', post));
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-throttle'), false);
});

test('a storm of 503s and 429s on the deployment PUT is retried; the poll waits Retry-After', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, {
    faults: [
      { method: 'PUT', path: /\/deployments\/cua-guard-/i, status: 503, retryAfter: 1, times: 2 },
      { method: 'PUT', path: /\/deployments\/cua-guard-/i, status: 429, retryAfter: 1, times: 1 },
    ],
    pollRetryAfter: 1,
    runningPolls: 0,
  });
  const tpl = addTemplate(ws, 'unavailable/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stunavailable')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: resourceGroupDeployInputs('rg-unavailable'),
  });
  t.diagnostic(requestSummary('503/429 storm + slow deployment', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const puts = fake.requests.filter((r) => r.method === 'PUT' && /\/deployments\//i.test(r.path));
  assert.deepEqual(
    puts.map((r) => r.status),
    [503, 503, 429, 201],
  );
  // The accepted PUT, then its poll, at least Retry-After after the answer.
  assert.equal(fake.requests.filter((r) => r.kind === 'lro').length, 1);
  assert.ok(assertRetryAfterHonoured(fake.requests) >= 4, '3 retries and the poll checked');
  assert.equal(run.result.requestCount, fake.requests.length);
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('503/429 storm + slow deployment', post));
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-unavailable'), false);
});

test('500 and 502 without Retry-After back off exponentially (1-2 s, then 2-4 s)', async (t) => {
  fake.requests.length = 0;
  fake.scenario.faults = [
    { method: 'GET', path: LIST, status: 500, times: 1 },
    { method: 'GET', path: LIST, status: 502, times: 1 },
  ];
  const tpl = addTemplate(ws, 'backoff/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stbackoff')]));
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: resourceGroupDeployInputs('rg-backoff') });
  t.diagnostic(requestSummary('500/502 exponential backoff', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const lists = fake.requests.filter((r) => r.method === 'GET' && LIST.test(r.path));
  assert.deepEqual(
    lists.map((r) => [r.status, r.retryAfterMs]),
    [
      [500, undefined],
      [502, undefined],
      [200, undefined],
    ],
  );
  // The SDK's exponential strategy: attempt n waits between half and all of base * 2^n.
  assertWaitedAtLeast(fake.requests, lists[0] ?? fake.requests[0]!, RETRY_OPTIONS.retryDelayInMs / 2, 'first retry after a 500');
  assertWaitedAtLeast(fake.requests, lists[1] ?? fake.requests[0]!, RETRY_OPTIONS.retryDelayInMs, 'second retry after a 502');
  await runPostProcess(fake, run.state);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-backoff'), false);
});

test('a storm longer than the retry budget ends in a clear finding; what was created is still cleaned up', async (t) => {
  fake.requests.length = 0;
  fake.scenario.faults = [{ method: 'GET', path: LIST, status: 429, retryAfter: 0, times: 50 }];
  const tpl = addTemplate(ws, 'storm/azuredeploy.json', template('resourceGroup', [pidResource(), storage('ststorm')]));
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: resourceGroupDeployInputs('rg-storm') });
  t.diagnostic(requestSummary('endless 429 storm', fake, run.result.requestCount));
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA100'],
  );
  assert.match(run.result.findings[0]?.message ?? '', /an Azure request failed: TooManyRequests: .*429/);
  assert.equal(
    fake.requests.filter((r) => r.method === 'GET' && LIST.test(r.path)).length,
    RETRY_OPTIONS.maxRetries + 1,
    'one try and every retry, then it gave up',
  );
  fake.scenario.faults = [];
  const post = await runPostProcess(fake, run.state);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-storm'), false);
});

test('429 on the token endpoint is retried after its Retry-After', async (t) => {
  fake.requests.length = 0;
  fake.scenario.faults = [{ method: 'POST', path: /\/oauth2\/v2\.0\/token$/, status: 429, retryAfter: 1, times: 1 }];
  const tpl = addTemplate(ws, 'token/azuredeploy.json', template('resourceGroup', [pidResource(), storage('sttoken')]));
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: resourceGroupDeployInputs('rg-token') });
  t.diagnostic(requestSummary('429 on the token endpoint', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  const tokens = fake.requests.filter((r) => r.kind === 'token');
  assert.deepEqual(
    tokens.map((r) => r.status),
    [429, 200],
  );
  assert.ok(assertRetryAfterHonoured(fake.requests) >= 1);
  assert.equal(run.result.requestCount, fake.requests.length, 'token retries are counted');
  await runPostProcess(fake, run.state);
});
