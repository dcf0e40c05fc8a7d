// Starts the bundled dist/cli.js as a user's shell would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { REPO_ROOT, runCli } from '../support/run-dist.ts';
import { GUID, storageAccount, template, trackingResource } from '../support/templates.ts';

test('cli: text output reads like a compiler, exit 1 on errors', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('ok/azuredeploy.json', template([trackingResource()]));
    ws.write('missing/main.json', template([storageAccount()]));
    const run = runCli(['check', 'ok', 'missing/main.json'], ws.root);
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      [
        "missing/main.json:4:3 error CUA001 no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'",
        '2 templates checked, 1 failed: 1 error, 0 warnings, 0 notices',
        '',
      ].join('\n'),
    );
  } finally {
    ws.dispose();
  }
});

test('cli: --format json prints exactly one JSON document with the documented fields', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' })]));
    const run = runCli(['check', '--format', 'json', '--tracking-id', `pid-${GUID}`, '--rule', 'CUA009=warning'], ws.root);
    assert.equal(run.status, 0);
    const report = JSON.parse(run.stdout);
    assert.equal(report.files.length, 1);
    const [finding] = report.files[0].findings;
    assert.deepEqual(
      { path: report.files[0].path, ruleId: finding.ruleId, severity: finding.severity, file: finding.file, line: finding.line, column: finding.column },
      { path: 'azuredeploy.json', ruleId: 'CUA009', severity: 'warning', file: 'azuredeploy.json', line: 8, column: 15 },
    );
    assert.equal(typeof finding.message, 'string');
  } finally {
    ws.dispose();
  }
});

test('cli: usage errors exit 2 with a message', () => {
  const bad = runCli(['check', '--format', 'xml'], REPO_ROOT);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be one of text, json/);
  assert.equal(runCli(['check', '--nope'], REPO_ROOT).status, 2);
  assert.equal(runCli(['frobnicate'], REPO_ROOT).status, 2);
  const outside = runCli(['check', join(REPO_ROOT, '..')], REPO_ROOT);
  assert.equal(outside.status, 2);
  assert.match(outside.stdout, /outside the workspace/);
});

test('cli: the bundled examples give one finding of each failing rule', () => {
  const run = runCli(['check', 'examples', '--tracking-id', GUID, '--format', 'json'], REPO_ROOT);
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as { files: { path: string; verdict: string; findings: { ruleId: string }[] }[] };
  for (const file of report.files) {
    const expected = /examples\/failing\/(cua\d{3})-/.exec(file.path)?.[1]?.toUpperCase();
    if (expected) {
      assert.equal(file.verdict === 'fail' || ['CUA008', 'CUA010', 'CUA014', 'CUA015', 'CUA017', 'CUA204'].includes(expected), true, file.path);
      assert.ok(
        file.findings.some((f) => f.ruleId === expected),
        `${file.path} should report ${expected}: ${JSON.stringify(file.findings)}`,
      );
    } else {
      assert.match(file.path, /examples\/passing\//);
      assert.deepEqual(
        file.findings.filter((f) => f.ruleId !== 'CUA011'),
        [],
        file.path,
      );
    }
  }
});
