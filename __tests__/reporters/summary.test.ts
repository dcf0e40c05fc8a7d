// The job summary: within GitHub's 1 MiB step-summary limit however many templates there are
// (failing templates first, then counts, then where everything is), and the tracking id line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMarkdownSummary } from '../../src/report/markdown-summary.ts';
import type { CheckReport, Finding, TemplateResult } from '../../src/engine/types.ts';
import { check, emptyTemplate, GUID, storageAccount, template, trackingResource } from '../support/templates.ts';
import { RULES } from '../../src/rules/index.ts';

function finding(file: string, i: number): Finding {
  return {
    ruleId: 'CUA007',
    severity: 'error',
    messageId: 'mode',
    message: `tracking deployment has mode 'Complete' ${'and a long explanation '.repeat(10)}#${i}`,
    file,
    line: 10 + i,
    column: 3,
  };
}

/** `count` templates; every third one fails with 20 findings. */
function manyTemplates(count: number): CheckReport {
  const files: TemplateResult[] = [];
  for (let i = 0; i < count; i++) {
    const path = `solutions/s${String(i).padStart(5, '0')}/azuredeploy.json`;
    const failing = i % 3 === 0;
    files.push({
      path,
      verdict: failing ? 'fail' : 'pass',
      findings: failing ? Array.from({ length: 20 }, (_, k) => finding(path, k)) : [],
      tracking: [],
      linkedFiles: [],
    });
  }
  const errors = files.reduce((n, f) => n + f.findings.length, 0);
  return { tool: { name: 'cua-guard', version: '0' }, files, counts: { error: errors, warning: 0, notice: 0, suppressed: 0 } };
}

test('a summary over the budget: the verdict and the table of failing templates first, then their findings while they fit, then where everything is', () => {
  const report = manyTemplates(3000);
  const unlimited = formatMarkdownSummary(report, { rules: RULES });
  assert.ok(Buffer.byteLength(unlimited) > 1024 * 1024, `the test needs more than 1 MiB (${Buffer.byteLength(unlimited)})`);
  const budget = 900 * 1024;
  const summary = formatMarkdownSummary(report, { rules: RULES, maxBytes: budget, fullReport: ['cua-guard-report.json', 'results/cua.sarif'] });
  assert.ok(Buffer.byteLength(summary) <= budget, `${Buffer.byteLength(summary)} bytes`);
  assert.match(summary, /^## ❌ cua-guard: 1000 of 3000 templates fail · 20000 errors · 0 warnings · 0 notices\n/, 'the totals are for everything');
  const rows = [...summary.matchAll(/^\| `([^`]+)` \| _none found_ \| 20 \| CUA007 line 10 \|$/gm)].map((m) => m[1]);
  assert.deepEqual(
    rows,
    report.files.filter((f) => f.verdict === 'fail').map((f) => f.path),
    'every failing template is in the table, in order',
  );
  const full = [...summary.matchAll(/^<details><summary>❌ <code>([^<]+)<\/code>: 20 errors<\/summary>$/gm)].map((m) => m[1]);
  assert.ok(full.length > 50, `${full.length} failing templates in full`);
  assert.deepEqual(full, rows.slice(0, full.length), 'failing templates in order');
  assert.equal([...summary.matchAll(/<details>/g)].length, [...summary.matchAll(/<\/details>/g)].length, 'every <details> is closed');
  assert.match(
    summary,
    new RegExp(
      `> Shortened: the findings of ${1000 - full.length} failing templates, \\d+ passing templates of the list do not fit in GitHub's 1 MiB summary\\. Every finding is in \`cua-guard-report\\.json\` and \`results/cua\\.sarif\``,
    ),
  );
  // Within the budget, the summary is what it always was.
  const small = manyTemplates(6);
  assert.equal(formatMarkdownSummary(small, { rules: RULES, maxBytes: budget }), formatMarkdownSummary(small, { rules: RULES }));
});

test('the tracking id line shows an invalid or unresolved name as it resolved, not "none found"', () => {
  const invalid = check(template([trackingResource({ name: 'pid-eb7927c8-dd66-43e1-b0cf-c346a422063' })]));
  const unresolved = check(template([trackingResource({ name: "[concat('pid-', parameters('id'))]" })], { parameters: { id: { type: 'string' } } }));
  const nested = check(
    template([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: 'wrap',
        properties: { mode: 'Incremental', template: { ...emptyTemplate(), resources: [trackingResource()] } },
      },
    ]),
  );
  const none = check(template([storageAccount()]));
  const valid = check(template([trackingResource()]));
  // A failing template's details say `Tracking id: …`; the list of passing templates `· tracking id …`.
  const line = (result: TemplateResult) =>
    /(?:^Tracking id: |· tracking id )[^·\n]*/m
      .exec(
        formatMarkdownSummary(
          { tool: { name: 'cua-guard', version: '0' }, files: [result], counts: { error: 0, warning: 0, notice: 0, suppressed: 0 } },
          { rules: RULES },
        ),
      )?.[0]
      .replace(/^· tracking id /, 'Tracking id: ')
      .trim();
  assert.equal(line(invalid), 'Tracking id: `pid-eb7927c8-dd66-43e1-b0cf-c346a422063` (invalid)');
  assert.equal(line(unresolved), "Tracking id: `pid-{parameters('id')}` (unresolved)");
  // Partly known, but the known text already rules out an id: invalid, read from the name's form.
  const partlyKnownInvalid = check(template([trackingResource({ name: "[concat('pid-NOT_A_GUID-', uniqueString(deployment().name))]" })]));
  assert.equal(line(partlyKnownInvalid), 'Tracking id: `pid-NOT_A_GUID-{uniqueString(deployment().name)}` (invalid)');
  assert.equal(line(nested), `Tracking id: _none at the top level_ (\`pid-${GUID}\` is in a nested template)`);
  assert.equal(line(none), 'Tracking id: _none found_');
  assert.equal(line(valid), `Tracking id: \`${GUID}\``);
});
