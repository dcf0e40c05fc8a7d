// Issue 11, item 2: forty variables that each createArray the previous one twice (2^40 elements
// in 3 KB) and a tracking name built from string(variables('a40')) hung the check; with concat
// it exhausted the heap and took every other template's verdict with it. Now the evaluation
// stops at its budget: the doubling template gets a located finding, the healthy one beside it
// keeps its verdict. Run through the CLI and the action as they are started (source entries: the
// committed bundle is rebuilt after merging). No time is asserted here: the time and memory
// bounds are the benchmark's doubling row (scripts/bench.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, runAction } from '../support/run-dist.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { GUID, template, trackingResource, type Json } from '../support/templates.ts';

/** The attack template: `fn` of the previous variable twice, forty times, into the tracking name. */
function doublingTemplate(fn: 'createArray' | 'concat'): Json {
  const variables: Record<string, unknown> = { a0: fn === 'concat' ? "[createArray('x')]" : 'x' };
  for (let i = 1; i <= 40; i++) variables[`a${i}`] = `[${fn}(variables('a${i - 1}'), variables('a${i - 1}'))]`;
  return template([trackingResource({ name: "[concat('pid-', string(variables('a40')))]" })], { variables });
}

function workspace(fn: 'createArray' | 'concat'): TempWorkspace {
  const ws = createTempWorkspace('cua-guard-budget-');
  ws.write('doubling/azuredeploy.json', doublingTemplate(fn));
  ws.write('healthy/azuredeploy.json', template([trackingResource({ name: `pid-${GUID}` })]));
  return ws;
}

interface JsonReport {
  files: { path: string; verdict: string; findings: { ruleId: string; messageId: string; line: number; column: number; jsonPointer: string }[] }[];
}

for (const fn of ['createArray', 'concat'] as const) {
  test(`CLI: the ${fn} doubling template gets a located finding; the healthy one beside it passes`, () => {
    const ws = workspace(fn);
    try {
      const child = spawnSync(process.execPath, [join(REPO_ROOT, 'src/app/cli/cli-entry.ts'), 'check', '--format', 'json', '.'], {
        cwd: ws.root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(child.status, 1, child.stderr);
      const report = JSON.parse(child.stdout) as JsonReport;
      const byPath = new Map(report.files.map((f) => [f.path, f]));
      assert.deepEqual(byPath.get('healthy/azuredeploy.json'), { ...byPath.get('healthy/azuredeploy.json'), verdict: 'pass', findings: [] });
      const doubling = byPath.get('doubling/azuredeploy.json');
      assert.equal(doubling?.verdict, 'fail');
      assert.deepEqual(
        doubling?.findings.map((f) => ({ ruleId: f.ruleId, jsonPointer: f.jsonPointer, over: ['tooCostly', 'tooLarge'].includes(f.messageId) })),
        [{ ruleId: 'CUA016', jsonPointer: '/resources/0/name', over: true }],
      );
    } finally {
      ws.dispose();
    }
  });
}

test('action: the doubling template fails with an annotation at its name; the healthy one passes', () => {
  const ws = workspace('createArray');
  try {
    const run = runAction(ws.root, { templates: '**/azuredeploy.json', 'fail-on': 'error' }, 'src/app/action/main-entry.ts');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /::error title=CUA016[^\n]*file=doubling\/azuredeploy\.json,line=\d+[^\n]*evaluation budget/);
    assert.doesNotMatch(run.stdout, /file=healthy\/azuredeploy\.json/);
    assert.equal(run.outputs['result'], 'fail');
  } finally {
    ws.dispose();
  }
});
