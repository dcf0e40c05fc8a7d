// An inline suppression ("metadata": {"cua-guard": {"ignore": [...], "reason": "..."}}) shows in
// every report as suppressed, with its reason, and never fails the check or uses an annotation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { formatText } from '../../src/report/text.ts';
import { formatJson } from '../../src/report/json.ts';
import { buildSarif } from '../../src/report/sarif.ts';
import { formatMarkdownSummary } from '../../src/report/markdown-summary.ts';
import { planAnnotations } from '../../src/report/annotations.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { runCli } from '../support/run-dist.ts';
import { GUID, RG_SCHEMA, template, trackingResource } from '../support/templates.ts';
import { RULES } from '../../src/rules/index.ts';

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

    const json = JSON.parse(formatJson(report)) as {
      files: { findings: { ruleId: string; suppressed?: { reason: string } }[] }[];
      counts: { suppressed: number };
    };
    assert.deepEqual(json.files[0]?.findings.find((f) => f.ruleId === 'CUA011')?.suppressed, { reason: REASON });
    assert.equal(json.files[0]?.findings.find((f) => f.ruleId === 'CUA014')?.suppressed, undefined);
    assert.equal(json.counts.suppressed, 1);

    const results = buildSarif(report, { rules: RULES }).runs[0]?.results ?? [];
    assert.deepEqual(results.find((r) => r.ruleId === 'CUA011')?.suppressions, [{ kind: 'inSource', justification: REASON }]);
    assert.equal(results.find((r) => r.ruleId === 'CUA014')?.suppressions, undefined);

    const summary = formatMarkdownSummary(report, { rules: RULES });
    assert.match(summary, new RegExp(`~~tracking deployment .*~~ suppressed: ${REASON}`));
    assert.match(summary, /0 error\(s\), 1 warning\(s\), 0 notice\(s\), 1 suppressed\./);

    const plan = planAnnotations(file.findings, { rules: RULES });
    assert.deepEqual(
      plan.annotations.map((a) => a.title),
      ['CUA014 tracking-api-version'],
    );
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

test('a suppression that cannot work as written is a located CUA013 warning, in the main and in linked templates', () => {
  const ws = createTempWorkspace();
  try {
    const text = [
      '{',
      `  "$schema": "${RG_SCHEMA}",`,
      '  "metadata": { "cua-guard": { "ignore": ["CUA001"] } },',
      '  "resources": [',
      `    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-${GUID}", "condition": false,`,
      '      "metadata": { "cua-guard": { "ignore": ["CUA011", "CUA999", 11], "reasons": "typo" } },',
      '      "properties": { "mode": "Incremental", "template": { "resources": [] } } },',
      '    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st", "metadata": { "cua-guard": { "ignore": "CUA006", "reason": 5 } } },',
      '    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "linked", "properties": { "mode": "Incremental", "templateLink": { "relativePath": "nested/part.json" } } }',
      '  ]',
      '}',
    ].join('\n');
    ws.write('azuredeploy.json', text);
    ws.write(
      'nested/part.json',
      `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "app", "metadata": { "cua-guard": "CUA004" } }\n  ]\n}\n`,
    );
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS });
    const mistakes = report.files[0]?.findings.filter((f) => f.ruleId === 'CUA013').map((f) => `${f.severity} ${f.file}:${f.line}:${f.column} ${f.message}`);
    assert.deepEqual(mistakes, [
      'warning azuredeploy.json:3:17 metadata.cua-guard applies to a resource, not to the whole template: move it into the metadata of the resource whose finding it suppresses',
      'warning azuredeploy.json:6:57 unknown rule id \'CUA999\' in metadata.cua-guard.ignore (known: CUA001…CUA205, or "*"); it suppresses nothing',
      'warning azuredeploy.json:6:67 metadata.cua-guard.ignore[2] must be a rule id string such as "CUA011", not number 11',
      "warning azuredeploy.json:6:72 unknown key 'reasons' in metadata.cua-guard (known: ignore, reason)",
      'warning azuredeploy.json:8:133 metadata.cua-guard.ignore must be a list of rule ids such as ["CUA011"], not the string "CUA006"; nothing is suppressed',
      'warning azuredeploy.json:8:153 metadata.cua-guard.reason must be a string, not number 5',
      'warning nested/part.json:4:108 metadata.cua-guard must be an object like { "ignore": ["CUA011"], "reason": "…" }; nothing is suppressed',
    ]);
    // The valid entry still suppresses; the verdict is unchanged by the warnings.
    assert.ok(report.files[0]?.findings.some((f) => f.ruleId === 'CUA011' && f.suppressed));
    assert.equal(report.files[0]?.verdict, 'pass');
    // Off means off.
    const quiet = checkWorkspace({ workspace: openWorkspace(ws.root), settings: { ...DEFAULT_CHECK_SETTINGS, severities: { CUA013: 'off' } } });
    assert.deepEqual(
      quiet.files[0]?.findings.filter((f) => f.ruleId === 'CUA013'),
      [],
    );
  } finally {
    ws.dispose();
  }
});
