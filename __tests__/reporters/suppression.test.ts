// An inline suppression ("metadata": {"cua-guard": {"ignore": [...], "reason": "..."}}) shows in
// every report as suppressed, with its reason, and never fails the check or uses an annotation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/engine/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { formatText } from '../../src/reporters/text.ts';
import { formatJson } from '../../src/reporters/json.ts';
import { buildSarif } from '../../src/reporters/sarif.ts';
import { formatMarkdownSummary } from '../../src/reporters/markdown-summary.ts';
import { planAnnotations } from '../../src/reporters/annotations.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { runCli } from '../support/run-dist.ts';
import { template, trackingResource } from '../support/templates.ts';

const REASON = 'tracking is switched on by the marketplace offer';

function suppressedWorkspace() {
  const ws = createTempWorkspace();
  ws.write(
    'azuredeploy.json',
    template([trackingResource({ condition: false, apiVersion: 'latest', metadata: { 'cua-guard': { ignore: ['CUA011'], reason: REASON } } })]),
  );
  return ws;
}

test('text, JSON, SARIF and the summary show the suppressed finding as suppressed; it fails nothing', () => {
  const ws = suppressedWorkspace();
  try {
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS });
    const file = report.files[0];
    assert.ok(file);
    assert.equal(file.verdict, 'pass', 'a suppressed error does not fail the template');
    assert.deepEqual(report.counts, { error: 0, warning: 1, notice: 0, suppressed: 1 });

    const text = formatText(report);
    assert.match(text, new RegExp(`azuredeploy\\.json:\\d+:\\d+ error CUA011 .* \\(suppressed: ${REASON}\\)`));
    assert.match(text, /1 template checked, 0 failed: 0 errors, 1 warning, 0 notices, 1 suppressed/);

    const json = JSON.parse(formatJson(report)) as { files: { findings: { ruleId: string; suppressed?: { reason: string } }[] }[]; counts: { suppressed: number } };
    assert.deepEqual(json.files[0]?.findings.find((f) => f.ruleId === 'CUA011')?.suppressed, { reason: REASON });
    assert.equal(json.files[0]?.findings.find((f) => f.ruleId === 'CUA014')?.suppressed, undefined);
    assert.equal(json.counts.suppressed, 1);

    const results = buildSarif(report).runs[0]?.results ?? [];
    assert.deepEqual(results.find((r) => r.ruleId === 'CUA011')?.suppressions, [{ kind: 'inSource', justification: REASON }]);
    assert.equal(results.find((r) => r.ruleId === 'CUA014')?.suppressions, undefined);

    const summary = formatMarkdownSummary(report);
    assert.match(summary, new RegExp(`~~tracking deployment .*~~ suppressed: ${REASON}`));
    assert.match(summary, /0 error\(s\), 1 warning\(s\), 0 notice\(s\), 1 suppressed\./);

    const plan = planAnnotations(file.findings);
    assert.deepEqual(plan.annotations.map((a) => a.title), ['CUA014 tracking-api-version']);
    assert.deepEqual(plan.omitted, []);
  } finally {
    ws.dispose();
  }
});

test('the bundled CLI exits 0 when the only error is suppressed', () => {
  const ws = suppressedWorkspace();
  try {
    const run = runCli(['check'], ws.root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\(suppressed: tracking is switched on by the marketplace offer\)/);
  } finally {
    ws.dispose();
  }
});
