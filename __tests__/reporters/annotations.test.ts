// Annotation budgeting: GitHub shows 10 error, 10 warning and 10 notice annotations per step
// (50 per job). With 200 findings across 30 files the plan must pick exactly the right ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTreeOrder, planAnnotations, toAnnotation } from '../../src/report/annotations.ts';
import type { Finding, Severity } from '../../src/engine/types.ts';
import { RULES } from '../../src/rules/index.ts';

const SUPPRESSED = new Set([0, 37, 74, 111, 148, 185]);

/**
 * Finding k (0…199) is in file t<k mod 30>, on line k+1. Its severity follows the round
 * floor(k/30): error, warning, notice, error, warning, notice, error. So files t00…t19 have 7
 * findings and t20…t29 have 6; findings 0, 37, 74, 111, 148 and 185 are suppressed.
 */
function twoHundredFindings(): Finding[] {
  const bySeverity: Severity[] = ['error', 'warning', 'notice'];
  return Array.from({ length: 200 }, (_, k) => ({
    ruleId: 'CUA001',
    severity: bySeverity[Math.floor(k / 30) % 3] as Severity,
    messageId: 'finding',
    message: `finding ${k}`,
    file: `t${String(k % 30).padStart(2, '0')}/azuredeploy.json`,
    line: k + 1,
    column: 1,
    ...(SUPPRESSED.has(k) ? { suppressed: { reason: 'test' } } : {}),
  }));
}

const ids = (plan: { annotations: { startLine: number }[] }): number[] => plan.annotations.map((a) => a.startLine - 1);

test('200 findings in 30 files: changed files first, then files take turns, within each severity budget', () => {
  const findings = twoHundredFindings();
  const plan = planAnnotations(findings, {
    rules: RULES,
    changedFiles: new Set(['t05/azuredeploy.json', 't21/azuredeploy.json']),
    reserved: { error: 1, warning: 2 }, // the failure message, two discovery warnings
  });
  assert.deepEqual(
    ids(plan),
    [
      // errors: 9 (10 minus the failure message). Changed files t05, t21 take turns (111 and 185
      // are suppressed), then t00 (whose first error, 0, is suppressed), t01, t02, …
      5, 21, 95, 90, 1, 2, 3, 4, 6,
      // warnings: 8 (10 minus two warnings of the step's own)
      35, 51, 125, 141, 30, 31, 32, 33,
      // notices: 10
      65, 81, 155, 171, 60, 61, 62, 63, 64, 66,
    ],
  );
  assert.deepEqual(
    plan.annotations.map((a) => a.severity),
    [...Array(9).fill('error'), ...Array(8).fill('warning'), ...Array(10).fill('notice')],
  );
  // Everything else that is not suppressed is omitted, and nothing is lost or doubled.
  assert.equal(plan.omitted.length, 200 - SUPPRESSED.size - 27);
  assert.ok(plan.omitted.every((f) => !f.suppressed));
  const seen = new Set([...ids(plan), ...plan.omitted.map((f) => f.line - 1)]);
  assert.equal(seen.size, 200 - SUPPRESSED.size);
  for (const k of SUPPRESSED) assert.ok(!seen.has(k), `suppressed finding ${k} is neither annotated nor counted as omitted`);
});

test('without changed files the first ten errors cover ten different templates', () => {
  const plan = planAnnotations(twoHundredFindings(), { rules: RULES });
  assert.deepEqual(ids(plan).slice(0, 10), [90, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(new Set(plan.annotations.filter((a) => a.severity === 'error').map((a) => a.file)).size, 10);
  assert.equal(plan.annotations.length, 30);
});

test('the per-job total caps the plan after the reserved slots', () => {
  const plan = planAnnotations(twoHundredFindings(), { rules: RULES, total: 20, reserved: { error: 1, warning: 2 } });
  assert.equal(plan.annotations.length, 17);
  assert.deepEqual(
    plan.annotations.map((a) => a.severity),
    [...Array(9).fill('error'), ...Array(8).fill('warning')],
  );
  assert.equal(plan.omitted.filter((f) => f.severity === 'notice').length, 60 - 1); // every notice but suppressed 74
});

test('annotations carry title, file, line and column; an end column only on one-line spans', () => {
  const finding: Finding = {
    ruleId: 'CUA007',
    severity: 'error',
    messageId: 'm',
    message: 'm',
    file: 'a b/x.json',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
  };
  assert.deepEqual(toAnnotation(finding, RULES), {
    severity: 'error',
    message: 'm',
    title: 'CUA007 tracking-mode-not-incremental',
    file: 'a b/x.json',
    startLine: 3,
    startColumn: 5,
    endLine: 3,
    endColumn: 9,
  });
  assert.deepEqual(Object.keys(toAnnotation({ ...finding, endLine: 4 }, RULES)).sort(), ['file', 'message', 'severity', 'startColumn', 'startLine', 'title']);
});

test('files take turns in folder-tree order', () => {
  assert.deepEqual(['bad mode/m.json', 'broken/a.json', 'bad/a.json', 'a/b/c.json', 'a.json'].sort(compareTreeOrder), [
    'a/b/c.json',
    'a.json',
    'bad/a.json',
    'bad mode/m.json',
    'broken/a.json',
  ]);
});
