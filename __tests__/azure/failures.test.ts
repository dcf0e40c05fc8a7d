// verify: deploy when attribution cannot be proven: no tracking deployment, a condition that
// switched it off, a failed nested operation (its statusMessage surfaced), a failed tracking
// deployment. Each checks the findings, where they point, and what is left afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runPostProcess, runStepProcess } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { PID, SUB, TRACKING_ID, addTemplate, nestedInto, pidResource, storage, template, resourceGroupDeployInputs } from '../support/fake-arm/fixtures.ts';
import { postSummary, requestSummary } from './request-summary.ts';

const { fake, ws } = useFakeArmAndWorkspace();

test('tracking deployment missing: CUA102, resources listed, group removed by the post step', async (t) => {
  fake.requests.length = 0;
  const tpl = addTemplate(ws, 'missing/azuredeploy.json', template('resourceGroup', [storage('stmissing')]), []);
  const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: resourceGroupDeployInputs('rg-missing') });
  t.diagnostic(requestSummary('tracking missing', fake, run.result.requestCount));
  assert.equal(run.result.verified, false);
  assert.deepEqual(
    run.result.findings.map((f) => f.ruleId),
    ['CUA102'],
  );
  assert.match(run.result.findings[0]?.message ?? '', /no tracking deployment \(a 'pid-…' deployment\) ran with deployment 'cua-guard-4242-1-azuredeploy-/);
  assert.equal(run.result.findings[0]?.file, 'missing/azuredeploy.json');
  assert.deepEqual(run.result.trackedResources, [], 'nothing is tracked without a tracking deployment');
  assert.equal(run.result.correlationId, undefined);
  assert.match(run.result.summaryMarkdown, /Resources created \(not attributed\) by/);
  assert.equal(run.result.requestCount, fake.requests.length);
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('tracking missing', post));
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-missing'), false);
});

test('condition off: the tracking deployment is skipped; the finding names the condition', async (t) => {
  fake.requests.length = 0;
  const body = template('resourceGroup', [pidResource({ condition: "[not(parameters('telemetryOptOut'))]" }), storage('stcondition')], {
    telemetryOptOut: { type: 'bool', defaultValue: false },
  });
  const tpl = addTemplate(ws, 'condition/azuredeploy.json', body);
  const run = await runStepProcess({
    fake,
    workspace: ws.root,
    templates: [tpl],
    trackingIds: [TRACKING_ID],
    inputs: resourceGroupDeployInputs('rg-condition', { parameters: '{"telemetryOptOut": true}' }),
  });
  t.diagnostic(requestSummary('condition off', fake, run.result.requestCount));
  assert.equal(run.result.verified, false);
  const finding = run.result.findings.find((f) => f.ruleId === 'CUA102');
  assert.ok(finding, JSON.stringify(run.result.findings));
  assert.match(finding.message, new RegExp(`'${PID}'`));
  assert.match(finding.message, /its condition \(\[not\(parameters\('telemetryOptOut'\)\)\]\) may have been false/);
  // Located on the tracking resource's name in the template file.
  const lines = readFileSync(tpl.absolutePath, 'utf8').split('\n');
  assert.match(lines[(finding.line ?? 1) - 1] ?? '', /pid-/);
  const post = await runPostProcess(fake, run.state);
  t.diagnostic(postSummary('condition off', post));
  assert.equal(post.exitCode, 0);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-condition'), false);
});

test('failed nested operation: each failed operation statusMessage is a CUA101 on its resource; on-success keeps everything', async (t) => {
  fake.requests.length = 0;
  fake.state.addResourceGroup(SUB, 'rg-data');
  fake.scenario.failResources = { stfail: { code: 'StorageAccountAlreadyTaken', message: 'The storage account named stfail is already taken.' } };
  const body = template('resourceGroup', [pidResource(), storage('stok'), nestedInto('data', 'rg-data', [storage('stfail')])]);
  const tpl = addTemplate(ws, 'failing/azuredeploy.json', body);
  try {
    const run = await runStepProcess({
      fake,
      workspace: ws.root,
      templates: [tpl],
      trackingIds: [TRACKING_ID],
      inputs: resourceGroupDeployInputs('rg-failing', { cleanup: 'on-success' }),
    });
    t.diagnostic(requestSummary('failed nested operation', fake, run.result.requestCount));
    assert.equal(run.result.verified, false);
    const failures = run.result.findings.filter((f) => f.ruleId === 'CUA101');
    assert.equal(failures.length, 1, JSON.stringify(run.result.findings));
    assert.match(
      failures[0]?.message ?? '',
      /Microsoft\.Storage\/storageAccounts 'stfail' failed in deployment 'data': StorageAccountAlreadyTaken: The storage account named stfail is already taken\./,
    );
    assert.doesNotMatch(failures[0]?.message ?? '', /^DeploymentFailed/);
    const text = readFileSync(tpl.absolutePath, 'utf8').split('\n');
    assert.match(text[(failures[0]?.line ?? 1) - 1] ?? '', /"stfail"/, 'located on the failing resource');
    assert.equal(run.result.requestCount, fake.requests.length);

    const post = await runPostProcess(fake, run.state);
    t.diagnostic(postSummary('failed nested operation', post));
    assert.equal(post.exitCode, 0);
    assert.match(post.stdout, /leaving resource group 'rg-failing', deployment '.*' in place \(cleanup: on-success, verification failed\)/);
    assert.ok(fake.state.hasResourceGroup(SUB, 'rg-failing'), 'kept for debugging');
  } finally {
    fake.scenario.failResources = {};
  }
});

test('tracking deployment failed: CUA103', async (t) => {
  fake.requests.length = 0;
  fake.scenario.failResources = { [PID]: { code: 'InvalidTemplate', message: 'scripted failure of the tracking deployment' } };
  const tpl = addTemplate(ws, 'pidfail/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stpidfail')]));
  try {
    const run = await runStepProcess({
      fake,
      workspace: ws.root,
      templates: [tpl],
      trackingIds: [TRACKING_ID],
      inputs: resourceGroupDeployInputs('rg-pidfail'),
    });
    t.diagnostic(requestSummary('tracking failed', fake, run.result.requestCount));
    assert.equal(run.result.verified, false);
    const ids = run.result.findings.map((f) => f.ruleId);
    assert.ok(ids.includes('CUA103'), JSON.stringify(run.result.findings));
    assert.match(
      run.result.findings.find((f) => f.ruleId === 'CUA103')?.message ?? '',
      new RegExp(`'${PID}' is Failed, not Succeeded: InvalidTemplate: scripted failure`),
    );
    const post = await runPostProcess(fake, run.state);
    t.diagnostic(postSummary('tracking failed', post));
    assert.equal(post.exitCode, 0);
    assert.equal(fake.state.hasResourceGroup(SUB, 'rg-pidfail'), false);
  } finally {
    fake.scenario.failResources = {};
  }
});
