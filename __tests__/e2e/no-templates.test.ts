// No silent pass: the action started as the runner starts it (INPUT_*, GITHUB_OUTPUT, the step
// summary) on a repository with no ARM template. It runs the action's source entry, which is what
// dist/index.js bundles (dist-current.test.ts keeps the two equal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction } from '../support/run-dist.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { template, trackingResource } from '../support/templates.ts';

const ACTION_ENTRY = 'src/app/action/main-entry.ts';

const annotations = (stdout: string, kind: string) => stdout.split('\n').filter((l) => l.startsWith(`::${kind}`));

test('a repository of .bicep files only: the step fails by default and says what it found; warn and ignore let it pass', () => {
  const ws = createTempWorkspace();
  try {
    // Not named main.bicep (those are checked): Bicep modules the static check has no entry for.
    for (const name of ['infra/network.bicep', 'modules/net.bicep', 'modules/vm.bicep']) ws.write(name, 'param location string = resourceGroup().location\n');
    ws.write('bicepconfig.json', { analyzers: {} });
    const failed = runAction(ws.root, {}, ACTION_ENTRY);
    assert.equal(failed.status, 1);
    assert.equal(failed.outputs['result'], 'fail');
    assert.equal(failed.outputs['templates'], '[]');
    const message = 'no ARM template was checked: found 3 .bicep files, 1 JSON file that is not an ARM template, no ARM template';
    assert.ok(
      annotations(failed.stdout, 'error').some((l) => l.includes(message)),
      failed.stdout,
    );
    assert.match(failed.summary, /^## ❌ cua-guard: 0 templates checked; the check fails: no ARM template was checked: found 3 \.bicep files/m);
    assert.doesNotMatch(failed.summary, /all pass/);

    const warned = runAction(ws.root, { 'if-no-templates': 'warn' }, ACTION_ENTRY);
    assert.equal(warned.status, 0);
    assert.equal(warned.outputs['result'], 'pass');
    assert.ok(
      annotations(warned.stdout, 'warning').some((l) => l.includes(message)),
      warned.stdout,
    );
    assert.match(warned.summary, /^## ⚠️ cua-guard: no template checked/m);

    const ignored = runAction(ws.root, { 'if-no-templates': 'ignore' }, ACTION_ENTRY);
    assert.equal(ignored.status, 0);
    assert.deepEqual(annotations(ignored.stdout, 'warning'), []);
  } finally {
    ws.dispose();
  }
});

test('a templates glob that matches nothing fails the step too; a missing named path still fails it, and the headline agrees', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('infra/azuredeploy.json', template([trackingResource()]));
    const glob = runAction(ws.root, { templates: 'deploy/**/*.json' }, ACTION_ENTRY);
    assert.equal(glob.status, 1);
    assert.equal(glob.outputs['result'], 'fail');
    assert.match(glob.summary, /^## ❌ cua-guard: 0 templates checked; the check fails: no ARM template was checked/m);
    const missing = runAction(ws.root, { templates: 'infra/azuredeploy.json\n./nope/azuredeploy.json' }, ACTION_ENTRY);
    assert.equal(missing.status, 1);
    assert.equal(missing.outputs['result'], 'fail');
    assert.match(missing.summary, /^## ❌ cua-guard: 1 template checked; the check fails: 1 path\(s\) named in the templates input cannot be checked/m);
    const invalid = runAction(ws.root, { 'if-no-templates': 'sometimes' }, ACTION_ENTRY);
    assert.equal(invalid.status, 1);
    assert.match(invalid.stdout, /if-no-templates/);
  } finally {
    ws.dispose();
  }
});
