// Issue 11, item 2: forty variables that each createArray the previous one twice (2^40 elements
// in 3 KB) and a tracking name built from string(variables('a40')) hung the check; with concat
// it exhausted the heap and took every other template's verdict with it. Now the evaluation
// stops at its budget: the doubling template gets a located finding, the healthy one beside it
// keeps its verdict. Run through the bundle as it is started: dist/cli.js as users run it, and
// dist/index.js as the runner starts it. No time is asserted here: the time and memory bounds are
// the benchmark's doubling row (scripts/bench.ts).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST_DIR, runAction, runCli } from '../support/run-dist.ts';
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

const HAVE_DIST = existsSync(join(DIST_DIR, 'index.js')) && existsSync(join(DIST_DIR, 'cli.js'));
const dist = { skip: HAVE_DIST ? false : 'dist/ is missing: run npm run bundle', timeout: 180_000 };

interface JsonReport {
  files: { path: string; verdict: string; findings: { ruleId: string; messageId: string; line: number; column: number; jsonPointer: string }[] }[];
}

for (const fn of ['createArray', 'concat'] as const) {
  test(`dist/cli.js: the ${fn} doubling template gets a located finding; the healthy one beside it passes`, dist, () => {
    const ws = workspace(fn);
    try {
      const child = runCli(['check', '--format', 'json', '.'], ws.root);
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
      // Located where the name is written.
      const text = readFileSync(join(ws.root, 'doubling/azuredeploy.json'), 'utf8');
      const nameLine = text.slice(0, text.indexOf(`"[concat('pid-'`)).split('\n').length;
      assert.equal(doubling?.findings[0]?.line, nameLine);
    } finally {
      ws.dispose();
    }
  });
}

for (const fn of ['createArray', 'concat'] as const) {
  test(`dist/index.js: the ${fn} doubling template fails with an annotation at its name; the healthy one passes`, dist, () => {
    const ws = workspace(fn);
    try {
      const run = runAction(ws.root, { templates: '**/azuredeploy.json', 'fail-on': 'error', report: 'out/report.json' });
      assert.equal(run.status, 1, run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, /internal error|heap out of memory/i);
      const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
      assert.deepEqual(
        annotations.map((l) => /title=(CUA\d+)[^\n]*file=([^,]+),line=(\d+)/.exec(l)?.slice(1, 3)),
        [['CUA016', 'doubling/azuredeploy.json']],
        annotations.join('\n'),
      );
      assert.match(annotations[0] ?? '', /evaluation budget/);
      const report = JSON.parse(run.outputs['report'] ? readFileSync(join(ws.root, 'out/report.json'), 'utf8') : '{}') as JsonReport;
      assert.equal(report.files.find((f) => f.path === 'healthy/azuredeploy.json')?.verdict, 'pass');
      assert.equal(run.outputs['result'], 'fail');
    } finally {
      ws.dispose();
    }
  });
}

test('dist/cli.js: a Bicep doubling template gets a located finding; the healthy Bicep template beside it passes', dist, () => {
  const ws = createTempWorkspace('cua-guard-budget-bicep-');
  try {
    const variables = ["var a0 = [ 'x' ]", ...Array.from({ length: 40 }, (_, i) => `var a${i + 1} = concat(a${i}, a${i})`)];
    const tracking = (name: string): string[] => [
      "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {",
      `  name: ${name}`,
      "  properties: { mode: 'Incremental', template: { '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] } }",
      '}',
    ];
    ws.write('doubling/main.bicep', [...variables, ...tracking("'pid-${string(a40)}'"), ''].join('\n'));
    ws.write('healthy/main.bicep', [...tracking(`'pid-${GUID}'`), ''].join('\n'));
    const child = runCli(['check', '--format', 'json', '.'], ws.root);
    assert.equal(child.status, 1, child.stderr);
    const report = JSON.parse(child.stdout) as JsonReport;
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('healthy/main.bicep')?.verdict, 'pass');
    assert.deepEqual(byPath.get('healthy/main.bicep')?.findings, []);
    assert.deepEqual(
      byPath.get('doubling/main.bicep')?.findings.map((f) => ({ ruleId: f.ruleId, line: f.line, over: ['tooCostly', 'tooLarge'].includes(f.messageId) })),
      [{ ruleId: 'CUA016', line: 43, over: true }],
    );
  } finally {
    ws.dispose();
  }
});
