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

test('a summary over the budget: failing templates in full first, then one line of counts per template, then where everything is', () => {
  const report = manyTemplates(3000);
  const unlimited = formatMarkdownSummary(report, { rules: RULES });
  assert.ok(Buffer.byteLength(unlimited) > 1024 * 1024, `the test needs more than 1 MiB (${Buffer.byteLength(unlimited)})`);
  const budget = 900 * 1024;
  const summary = formatMarkdownSummary(report, { rules: RULES, maxBytes: budget, fullReport: ['cua-guard-report.json', 'results/cua.sarif'] });
  assert.ok(Buffer.byteLength(summary) <= budget, `${Buffer.byteLength(summary)} bytes`);
  assert.match(summary, /❌ \*\*1000 of 3000 template\(s\) fail\.\*\*\n\n20000 error\(s\)/, 'the totals are for everything');
  assert.match(
    summary,
    /> This summary is shortened to fit GitHub's 1 MiB limit: failing templates first, then one line per template\. Every finding is in `cua-guard-report\.json` and `results\/cua\.sarif`/,
  );
  const full = [...summary.matchAll(/^### ❌ fail: `([^`]+)`/gm)].map((m) => m[1]);
  assert.ok(full.length > 50, `${full.length} failing templates in full`);
  assert.deepEqual(
    full,
    report.files
      .filter((f) => f.verdict === 'fail')
      .slice(0, full.length)
      .map((f) => f.path),
    'failing templates in order',
  );
  assert.doesNotMatch(summary, /^### ✅ pass/m, 'no passing template in full while failing ones wait');
  const rows = [...summary.matchAll(/^\| (❌|✅) \| `([^`]+)` \| (\d+) \| 0 \| 0 \|$/gm)];
  assert.ok(rows.length > 0);
  assert.equal(rows[0]?.[1], '❌', 'the failing templates left over come first in the counts');
  assert.equal(rows[0]?.[3], '20');
  const listed = full.length + rows.length;
  assert.match(summary, new RegExp(`\\n${3000 - listed} more template\\(s\\) are not listed here\\. Every finding is in`));
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
  const line = (result: TemplateResult) =>
    /^Tracking id: [^·\n]*/m
      .exec(
        formatMarkdownSummary(
          { tool: { name: 'cua-guard', version: '0' }, files: [result], counts: { error: 0, warning: 0, notice: 0, suppressed: 0 } },
          { rules: RULES },
        ),
      )?.[0]
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
