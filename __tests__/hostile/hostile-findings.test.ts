// Issue 11, item 7, through the bundle as it is started: 100,100 findings (100 templates of 1,000
// `pid-` resources of the wrong type each) through dist/index.js as the runner starts it and
// dist/cli.js. The action used to order its annotations by copying an array per finding (24,000
// findings took it 65 s, 100,000 over 15 minutes); now it ends, with its annotations within
// GitHub's caps, its summary within 1 MiB and every finding in the JSON report. No time is
// asserted here: the bound (the action within 2× the CLI's time) is the benchmark's findings row
// (scripts/bench.ts --findings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, runAction, runCli } from '../support/run-dist.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { GUID, template } from '../support/templates.ts';

const HAVE_DIST = existsSync(join(DIST_DIR, 'index.js')) && existsSync(join(DIST_DIR, 'cli.js'));
const dist = { skip: HAVE_DIST ? false : 'dist/ is missing: run npm run bundle', timeout: 600_000 };

const TEMPLATES = 100;
const PER_TEMPLATE = 1000;
/** Each template: one CUA006 per resource, and CUA001 (no tracking deployment). */
const FINDINGS = TEMPLATES * (PER_TEMPLATE + 1);

function manyFindings(): TempWorkspace {
  const ws = createTempWorkspace('cua-guard-hostile-findings-');
  for (let t = 0; t < TEMPLATES; t++) {
    const resources = Array.from({ length: PER_TEMPLATE }, (_, i) => ({
      type: 'Microsoft.Resources/tags',
      apiVersion: '2021-04-01',
      name: `pid-${GUID}-${t}-${i}`,
    }));
    ws.write(`s${t}/azuredeploy.json`, template(resources));
  }
  return ws;
}

interface JsonReport {
  counts: { error: number };
  files: { findings: unknown[] }[];
}

test('dist/index.js and dist/cli.js: 100,100 findings end with every finding reported and annotations within the caps', dist, () => {
  const ws = manyFindings();
  try {
    // Generous time limits: the machine may be busy; the bound itself is the benchmark's.
    const run = runAction(ws.root, { templates: '**/azuredeploy.json', report: 'out/report.json' }, 'dist/index.js', 240_000);
    assert.equal(run.status, 1, run.stderr.slice(0, 2000));
    assert.doesNotMatch(run.stdout + run.stderr, /internal error/);
    const report = JSON.parse(readFileSync(join(ws.root, 'out/report.json'), 'utf8')) as JsonReport;
    assert.equal(report.counts.error, FINDINGS);
    assert.equal(
      report.files.reduce((n, f) => n + f.findings.length, 0),
      FINDINGS,
    );
    assert.equal(run.outputs['error-count'], String(FINDINGS));
    assert.equal(run.outputs['result'], 'fail');
    // GitHub shows at most 10 error annotations of a step; the action writes a bounded number.
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    assert.ok(annotations.length > 0 && annotations.length <= 50, `${annotations.length} annotations`);
    assert.ok(Buffer.byteLength(run.summary) < 1024 * 1024, `summary of ${Buffer.byteLength(run.summary)} bytes`);

    // To a file: the report is larger than what a pipe to this test may buffer.
    const cli = runCli(['check', '--format', 'json', '-o', 'out/cli.json', '.'], ws.root, undefined, 240_000);
    assert.equal(cli.status, 1, cli.stderr.slice(0, 2000));
    assert.equal((JSON.parse(readFileSync(join(ws.root, 'out/cli.json'), 'utf8')) as JsonReport).counts.error, FINDINGS);
  } finally {
    ws.dispose();
  }
});
