// `cua-guard fix` and the action's `fix: suggest` make only the repairs the check would ask for:
// not for a rule that is off for the template (configuration overrides, --rule: it reports
// nothing), nor for a finding suppressed on the resource (metadata.cua-guard.ignore: noted). The CLI runs in-process; the
// action from its source entry, as the runner starts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/app/cli/cli.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { runAction } from '../support/run-dist.ts';
import { emptyTemplate, GUID, template, trackingResource } from '../support/templates.ts';

/**
 * a/: mode Complete and apiVersion 'latest', CUA014 suppressed on the resource → only the mode is fixed.
 * b/: the same, with CUA007 off for b/** in the configuration → only the apiVersion is fixed.
 */
function workspace(): TempWorkspace {
  const ws = createTempWorkspace();
  const broken = (extra: Record<string, unknown> = {}) =>
    trackingResource({ apiVersion: 'latest', properties: { mode: 'Complete', template: emptyTemplate() }, ...extra });
  ws.write('a/azuredeploy.json', template([broken({ metadata: { 'cua-guard': { ignore: ['CUA014'], reason: 'pinned by the platform team' } } })]));
  ws.write('b/azuredeploy.json', template([broken()]));
  ws.write('.cua-guard.json', JSON.stringify({ 'tracking-ids': [GUID], overrides: [{ files: ['b/**'], rules: { CUA007: 'off' } }] }, null, 2));
  return ws;
}

async function cli(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { status, stdout, stderr };
}

test('cli fix: no repair for a rule that is off for the template or suppressed on the resource', async () => {
  const ws = workspace();
  try {
    const run = await cli(['fix'], ws.root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const lines = run.stdout.split('\n');
    assert.deepEqual(
      lines.filter((l) => /^[ab]\/azuredeploy\.json:\d+: /.test(l)),
      [
        `a/azuredeploy.json:10: set properties.mode of 'pid-${GUID}' to 'Incremental' (was 'Complete')`,
        `b/azuredeploy.json:7: set apiVersion of 'pid-${GUID}' to '2021-04-01' (was 'latest')`,
      ],
    );
    assert.ok(
      lines.includes(
        `a/azuredeploy.json: left alone: a/azuredeploy.json:7:21 CUA014 tracking deployment 'pid-${GUID}' has apiVersion 'latest', not a date-form version such as 2021-04-01 (CUA014 is suppressed on this resource: pinned by the platform team)`,
      ),
      run.stdout,
    );
    // CUA007 is off for b/: the rule is not run, so it reports nothing to repair or to note.
    assert.ok(!lines.some((l) => l.startsWith('b/azuredeploy.json: ') && l.includes('CUA007')), run.stdout);
    assert.match(readFileSync(join(ws.root, 'a/azuredeploy.json'), 'utf8'), /"apiVersion": "latest"/);
    assert.match(readFileSync(join(ws.root, 'b/azuredeploy.json'), 'utf8'), /"mode": "Complete"/);
    // --rule works the same way: with CUA014 off as well, b/ has nothing left to change.
    const again = createTempWorkspace();
    try {
      again.write(
        'b/azuredeploy.json',
        readFileSync(join(ws.root, 'b/azuredeploy.json'), 'utf8').replace('"2021-04-01",\n      "name"', '"latest",\n      "name"'),
      );
      const flagged = await cli(['fix', '--tracking-id', GUID, '--rule', 'CUA007=off,CUA014=off'], again.root);
      assert.match(flagged.stdout, /1 template\(s\): 0 changed, 1 unchanged/);
    } finally {
      again.dispose();
    }
  } finally {
    ws.dispose();
  }
});

test('action fix: suggest: the suggested diff leaves what is off or suppressed, and says so', () => {
  const ws = workspace();
  try {
    const run = runAction(ws.root, { fix: 'suggest' }, 'src/app/action/main-entry.ts');
    assert.match(run.summary, /- `a\/azuredeploy\.json:10` set properties\.mode of 'pid-[^']+' to 'Incremental' \(was 'Complete'\)/);
    assert.match(run.summary, /- `b\/azuredeploy\.json:7` set apiVersion of 'pid-[^']+' to '2021-04-01' \(was 'latest'\)/);
    assert.doesNotMatch(run.summary, /`a\/azuredeploy\.json:\d+` set apiVersion/);
    assert.doesNotMatch(run.summary, /`b\/azuredeploy\.json:\d+` set properties\.mode/);
    assert.match(
      run.summary,
      /- `a\/azuredeploy\.json`: left alone: a\/azuredeploy\.json:7:21 CUA014 tracking deployment 'pid-[^']+' has apiVersion 'latest'.* \(CUA014 is suppressed on this resource: pinned by the platform team\)/,
    );
    assert.doesNotMatch(run.summary, /- `b\/azuredeploy\.json`: .*CUA007/, 'a rule that is off reports nothing to note');
    const patch = readFileSync(run.outputs['fix-patch'] ?? '', 'utf8');
    assert.deepEqual(
      patch.split('\n').filter((l) => /^[-+]\s/.test(l)),
      ['-        "mode": "Complete",', '+        "mode": "Incremental",', '-      "apiVersion": "latest",', '+      "apiVersion": "2021-04-01",'],
    );
  } finally {
    ws.dispose();
  }
});
