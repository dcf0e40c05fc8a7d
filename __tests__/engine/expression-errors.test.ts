// Expression errors (CUA016) and the other rules: what they would conclude from a value ARM
// rejects is left out. CUA016's own cases (where, what, once each) are in __tests__/rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, findingsOf, GUID, ruleIds, SUB_SCHEMA, template, trackingResource, storageAccount } from '../support/templates.ts';
import type { Finding } from '../../src/engine/types.ts';

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function only(findings: Finding[]): Finding {
  assert.equal(findings.length, 1, JSON.stringify(findings));
  return findings[0] as Finding;
}

test('an unbalanced quote in a condition is CUA016 at the condition, not a CUA011 "depends on" notice', () => {
  const condition = "[equals(parameters('telemetry'), 'on)]";
  const tpl = template([trackingResource({ condition })], { parameters: { telemetry: { type: 'string', defaultValue: 'on' } } });
  const text = JSON.stringify(tpl, null, 2);
  const result = check(text);
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.severity, 'error');
  assert.equal(finding.jsonPointer, '/resources/0/condition');
  assert.deepEqual({ line: finding.line, column: finding.column }, positionOf(text, JSON.stringify(condition)));
  assert.deepEqual(findingsOf(result, 'CUA011'), []);
  assert.equal(result.verdict, 'fail');
});

test('"location": "[foo()]" is CUA016 (unknown function) and not a missing location', () => {
  const result = check(template([trackingResource({ location: '[foo()]' })], { $schema: SUB_SCHEMA }));
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/resources/0/location');
  assert.deepEqual(findingsOf(result, 'CUA012'), []);
});

test('a broken parameter default is CUA016 at the default, once, however many values use it', () => {
  const tpl = template(
    [
      trackingResource({ location: "[parameters('where')]", condition: "[not(empty(parameters('where')))]" }),
      storageAccount("[concat('st', parameters('where'))]"),
    ],
    { $schema: SUB_SCHEMA, parameters: { where: { type: 'string', defaultValue: "[concat('a)]" } } },
  );
  const text = JSON.stringify(tpl, null, 2);
  const result = check(text);
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/parameters/where/defaultValue');
  assert.equal(finding.line, positionOf(text, `"[concat('a)]"`).line);
  // What the other rules would conclude from a value ARM rejects is left out.
  assert.deepEqual(findingsOf(result, 'CUA011'), []);
  assert.deepEqual(findingsOf(result, 'CUA012'), []);
});

test('an error in a variable reached through another variable is reported at the variable that has it', () => {
  const tpl = template([trackingResource({ name: "[variables('trackingName')]" })], {
    variables: { trackingName: "[concat('pid-', variables('ids').main)]", ids: { main: GUID, other: "[parameters('nope')]" } },
  });
  const result = check(tpl);
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/variables/ids/other');
  assert.deepEqual(findingsOf(result, 'CUA010'), [], 'the name is not "unresolved": it is broken');
});

test('a templateLink.relativePath ARM rejects is CUA016 at the path, not CUA017 "cannot be resolved"', () => {
  const link = {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: 'child',
    properties: { mode: 'Incremental', templateLink: { relativePath: "[concat('a.json']" } },
  };
  const result = check(template([trackingResource(), link]));
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/resources/1/properties/templateLink/relativePath');
  assert.deepEqual(findingsOf(result, 'CUA017'), []);
});

test('CUA016 on a tracking value can be suppressed on its resource; a correct template has none', () => {
  const metadata = { 'cua-guard': { ignore: ['CUA016'], reason: 'fixed upstream' } };
  const result = check(template([trackingResource({ condition: "[equals('a', 'b']", metadata })]));
  assert.deepEqual(
    findingsOf(result, 'CUA016').map((f) => f.suppressed),
    [{ reason: 'fixed upstream' }],
  );
  const clean = check(
    template([trackingResource({ condition: "[equals(parameters('p'), 'on')]" })], { parameters: { p: { type: 'string', defaultValue: 'on' } } }),
  );
  assert.deepEqual(
    ruleIds(clean).filter((id) => id === 'CUA016'),
    [],
  );
});
