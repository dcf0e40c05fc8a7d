// Starts the bundled dist/index.js as the runner does (INPUT_*, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE) and checks what it prints and writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { runAction } from '../support/run-dist.ts';
import { GUID, storageAccount, template, trackingResource, emptyTemplate } from '../support/templates.ts';

function workspaceWithTemplates() {
  const ws = createTempWorkspace();
  ws.write('good/azuredeploy.json', template([trackingResource(), storageAccount()]));
  ws.write('bad/azuredeploy.json', template([storageAccount()]));
  ws.write('bad mode/mainTemplate.json', template([trackingResource({ properties: { mode: 'Complete', template: emptyTemplate() } })]));
  ws.write('broken/azuredeploy.json', '{\n  "resources": [\n    { "name": "x" \n');
  return ws;
}

test('action: annotations on exact lines, outputs, summary and a failing step', () => {
  const ws = workspaceWithTemplates();
  try {
    const run = runAction(ws.root, { templates: '', 'tracking-ids': GUID, 'fail-on': 'error' });
    const commands = run.stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning') || l.startsWith('::notice'));
    assert.deepEqual(commands, [
      "::error title=CUA001 missing-tracking-resource,file=bad/azuredeploy.json,line=4,endLine=4,col=3,endColumn=14::no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'",
      "::error title=CUA007 tracking-mode-not-incremental,file=bad mode/mainTemplate.json,line=10,endLine=10,col=17,endColumn=27::tracking deployment 'pid-" +
        GUID +
        "' has mode 'Complete'; it must be 'Incremental'; Complete mode would delete every other resource in the resource group",
      '::error title=CUA013 invalid-template,file=broken/azuredeploy.json,line=4,endLine=4,col=1,endColumn=1::not a valid JSON template: close brace expected at end of input (line 4, column 1)',
      '::error::customer usage attribution check failed: 3 error(s) in 3 template(s)',
    ]);
    assert.equal(run.status, 1);
    assert.equal(run.outputs['result'], 'fail');
    assert.equal(run.outputs['error-count'], '3');
    assert.equal(run.outputs['warning-count'], '0');
    assert.deepEqual(JSON.parse(run.outputs['templates'] ?? ''), [
      'bad mode/mainTemplate.json',
      'bad/azuredeploy.json',
      'broken/azuredeploy.json',
      'good/azuredeploy.json',
    ]);
    const report = JSON.parse(readFileSync(run.outputs['report'] ?? '', 'utf8'));
    assert.equal(report.files.length, 4);
    assert.match(run.summary, /^## ❌ cua-guard: 3 of 4 templates fail · 3 errors · 0 warnings · 0 notices\n/);
    assert.match(run.summary, /^- `good\/azuredeploy.json` · tracking id `4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6`$/m);
    assert.match(
      run.summary,
      /^\| `bad\/azuredeploy.json` \| _none found_ \| 1 \| \[CUA001 line 4\]\(https:\/\/github.com\/contoso\/offer\/blob\/0123456789abcdef0123456789abcdef01234567\/bad\/azuredeploy.json#L4\) \|$/m,
    );
    assert.doesNotMatch(run.stdout + run.stderr, /at .*\.js:\d+/, 'no stack trace');
  } finally {
    ws.dispose();
  }
});

test('action: a clean workspace passes; fail-on never never fails', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource({ apiVersion: 'latest' })]));
    const warned = runAction(ws.root, { 'fail-on': 'warning' });
    assert.equal(warned.status, 1);
    assert.equal(warned.outputs['result'], 'pass');
    assert.equal(warned.outputs['warning-count'], '1');
    const never = runAction(ws.root, { 'fail-on': 'never', rules: 'CUA014=error' });
    assert.equal(never.status, 0);
    assert.equal(never.outputs['result'], 'fail');
    assert.match(never.stdout, /^::error title=CUA014 tracking-api-version,file=azuredeploy.json,line=7,endLine=7,col=21,/m);
  } finally {
    ws.dispose();
  }
});

test('action: a bad input fails with a clear message and no stack trace', () => {
  const ws = createTempWorkspace();
  try {
    const run = runAction(ws.root, { rules: 'CUA999=off' });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^::error::unknown rule 'CUA999' in 'CUA999=off'/m);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
  } finally {
    ws.dispose();
  }
});

test('action: sarif-file, fix: suggest and the templates output for a matrix', () => {
  const ws = workspaceWithTemplates();
  try {
    ws.write('.cua-guard.json', '{\n  // checked in\n  "exclude": ["broken/**"],\n  "rules": { "CUA014": "off" }\n}\n');
    const run = runAction(ws.root, { 'tracking-ids': GUID, 'sarif-file': 'results/cua.sarif', fix: 'suggest' });
    assert.equal(run.status, 1);
    // The matrix output: the main templates found (broken/ is excluded by the configuration).
    const templates = JSON.parse(run.outputs['templates'] ?? '') as string[];
    assert.deepEqual(templates, ['bad mode/mainTemplate.json', 'bad/azuredeploy.json', 'good/azuredeploy.json']);
    assert.match(run.stdout, /configuration: \.cua-guard\.json/);
    // SARIF written where asked, and reported as an output.
    assert.equal(run.outputs['sarif-file'], `${ws.root}/results/cua.sarif`);
    const sarif = JSON.parse(readFileSync(`${ws.root}/results/cua.sarif`, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0]?.results.map((r) => r.ruleId).sort(), ['CUA001', 'CUA007']);
    // The suggested fix: a diff in the summary and a patch file; nothing written to the repository.
    assert.match(run.summary, /^<details><summary>🔧 Suggested fix: 2 change\(s\) in <code>cua-guard-fix\.patch<\/code><\/summary>$/m);
    assert.match(run.summary, /- uses: actions\/upload-artifact@v4\n {2}if: always\(\) && steps\.cua-guard\.outputs\.fix-patch != ''/);
    assert.match(run.summary, /- `bad\/azuredeploy\.json:5` inserted tracking deployment 'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6' as the first resource/);
    assert.match(
      run.summary,
      /- `bad mode\/mainTemplate\.json:10` set properties\.mode of 'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6' to 'Incremental' \(was 'Complete'\)/,
    );
    assert.match(
      run.summary,
      /```diff\n--- a\/bad mode\/mainTemplate\.json\n\+\+\+ b\/bad mode\/mainTemplate\.json\n@@ [^\n]+\n(?:[ +-][^\n]*\n)*-\s+"mode": "Complete",\n\+\s+"mode": "Incremental",/,
    );
    const patch = readFileSync(run.outputs['fix-patch'] ?? '', 'utf8');
    assert.match(patch, /^--- a\/bad mode\/mainTemplate\.json/);
    assert.doesNotMatch(readFileSync(`${ws.root}/bad/azuredeploy.json`, 'utf8'), /Microsoft\.Resources\/deployments/, 'suggest writes nothing');
  } finally {
    ws.dispose();
  }
});

test('action: SARIF says executionSuccessful false, with the exit code, when a named template cannot be checked', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource()]));
    const complete = runAction(ws.root, { 'sarif-file': 'cua.sarif' });
    assert.equal(complete.status, 0);
    assert.deepEqual(JSON.parse(readFileSync(`${ws.root}/cua.sarif`, 'utf8')).runs[0].invocations[0], { executionSuccessful: true, exitCode: 0 });
    const missing = runAction(ws.root, { 'sarif-file': 'cua.sarif', templates: 'azuredeploy.json\nmissing/azuredeploy.json' });
    assert.equal(missing.status, 1);
    const invocation = JSON.parse(readFileSync(`${ws.root}/cua.sarif`, 'utf8')).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.exitCode, 1);
  } finally {
    ws.dispose();
  }
});
