// Long-running operations ARM polls through Location (delete a deployment, delete a resource
// group, validate, what-if): the fake answers 202 with Retry-After while they run, and the client
// never polls sooner than asked. A 429 on a poll URL is retried after its Retry-After too.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordedRequest } from '../support/fake-arm/server.ts';
import { runPostProcess, runStepProcess } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { SUB, TRACKING_ID, addTemplate, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { postSummary, requestSummary } from './request-summary.ts';
import { assertRetryAfterHonoured } from './retry-after.ts';

const { fake, ws } = useFakeArmAndWorkspace();
afterEach(() => {
  Object.assign(fake.scenario, { faults: [], locationPolls: 0, runningPolls: 1, pollRetryAfter: 0 });
});

const rg = (group: string, extra: Record<string, string> = {}): Record<string, string> => ({
  scope: 'resourcegroup',
  'subscription-id': SUB,
  'resource-group': group,
  region: 'westeurope',
  ...extra,
});

/** The operation a Location poll belongs to, from the request that started it. */
function startedBy(requests: readonly RecordedRequest[], poll: RecordedRequest): string {
  const start = requests.find((r) => r.kind !== 'lro' && r.lro === poll.lro);
  if (!start) return '?';
  const last = start.path.split('/').pop() ?? '';
  return `${start.method} ${last === 'validate' || last === 'whatIf' ? last : start.path.includes('/deployments/') ? 'deployment' : 'resourceGroup'}`;
}

test('Location-polled operations answer 202 with Retry-After while running; every poll waits for it', async (t) => {
  Object.assign(fake.scenario, { locationPolls: 1, pollRetryAfter: 1, runningPolls: 0 });
  fake.state.addResourceGroup(SUB, 'rg-poll');
  const tpl = addTemplate(ws, 'poll/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stpoll')]));
  fake.requests.length = 0;
  // Two flows at once (polls are paired with their own operation, so they can interleave):
  // what-if (validate + whatIf), and deploy into an existing group whose records the post step
  // deletes, then deploy into a new group the post step deletes.
  const previewFlow = runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: rg('rg-poll', { verify: 'what-if' }) });
  const deployFlow = (async () => {
    const deployed = await runStepProcess({
      fake,
      workspace: ws.root,
      templates: [tpl],
      trackingIds: [TRACKING_ID],
      inputs: rg('rg-poll', { verify: 'deploy', 'deployment-name': 'poll-records' }),
    });
    assert.equal(deployed.result.verified, true, JSON.stringify(deployed.result.findings));
    const recordsPost = await runPostProcess(fake, deployed.state);
    t.diagnostic(postSummary('delete deployment records, Location polls', recordsPost));
    assert.equal(recordsPost.exitCode, 0, recordsPost.stdout + recordsPost.stderr);
    const created = await runStepProcess({
      fake,
      workspace: ws.root,
      templates: [tpl],
      trackingIds: [TRACKING_ID],
      inputs: rg('rg-poll-new', { verify: 'deploy', 'create-resource-group': 'true' }),
    });
    const groupPost = await runPostProcess(fake, created.state);
    t.diagnostic(postSummary('delete resource group, Location polls', groupPost));
    assert.equal(groupPost.exitCode, 0, groupPost.stdout + groupPost.stderr);
  })();
  const [whatIf] = await Promise.all([previewFlow, deployFlow]);
  assert.equal(whatIf.result.verified, true, JSON.stringify(whatIf.result.findings));
  assert.deepEqual(
    fake.state.deploymentsAt(`/subscriptions/${SUB}/resourceGroups/rg-poll`).map((d) => d.name),
    [],
    'records deleted',
  );
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-poll-new'), false, 'group deleted');
  const log = fake.requests;
  const honoured = assertRetryAfterHonoured(log);

  // Each kind of Location-polled operation answered 202 + Retry-After at least once, and was polled to its end.
  const running = log.filter((r) => r.kind === 'lro' && r.status === 202 && r.retryAfterMs === 1000);
  assert.deepEqual([...new Set(running.map((poll) => startedBy(log, poll)))].sort(), [
    'DELETE deployment',
    'DELETE resourceGroup',
    'POST validate',
    'POST whatIf',
  ]);
  assert.ok(honoured >= running.length * 2, 'each 202 poll waited, and so did the poll after it');
  t.diagnostic(`Location polling: ${running.length} polls answered 202 with Retry-After; ${honoured} waits checked against Retry-After, all honoured`);
});

test('429 on a poll URL is retried after its Retry-After', async (t) => {
  fake.requests.length = 0;
  Object.assign(fake.scenario, { pollRetryAfter: 1, runningPolls: 0, faults: [{ method: 'GET', path: /^\/_lro\//, status: 429, retryAfter: 1, times: 1 }] });
  const tpl = addTemplate(ws, 'poll-429/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stpoll429')]));
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: rg('rg-poll-429', { verify: 'deploy', 'create-resource-group': 'true' }),
  });
  t.diagnostic(requestSummary('429 on a poll URL', fake, run.result.requestCount));
  assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
  assert.deepEqual(
    fake.requests.filter((r) => r.kind === 'lro').map((r) => [r.status, r.retryAfterMs]),
    [
      [429, 1000],
      [200, undefined],
    ],
  );
  assert.ok(assertRetryAfterHonoured(fake.requests) >= 2, 'the first poll waited 1 s, and so did its retry');
  assert.equal(run.result.requestCount, fake.requests.length);
  fake.scenario.faults = [];
  await runPostProcess(fake, run.state);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-poll-429'), false);
});
