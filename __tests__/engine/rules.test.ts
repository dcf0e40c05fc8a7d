// Each rule with a template that passes it and one that fails it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GUID, check, emptyTemplate, findingsOf, ruleIds, storageAccount, template, trackingResource } from '../support/templates.ts';

const good = template([trackingResource(), storageAccount()]);

test('a correct template has no findings and passes', () => {
  const result = check(good);
  assert.deepEqual(result.findings, []);
  assert.equal(result.verdict, 'pass');
  assert.deepEqual(
    result.tracking.map((t) => t.trackingId),
    [GUID],
  );
});

// CUA002's own cases are in __tests__/rules; this one is about the names a loop deploys.
describe('CUA002 duplicate-tracking-resource', () => {
  describe('copy loops count their copies against max-tracking-resources', () => {
    const perOffer = (count: unknown) =>
      trackingResource({
        name: "[concat('pid-', variables('offers')[copyIndex()])]",
        copy: { name: 'offers', count },
      });
    test("each iteration's name is checked (copyIndex() bound), so a resolved loop is not CUA010", () => {
      const bad = { offers: [GUID, 'not-a-guid'] };
      const result = check(template([perOffer(2)], { variables: bad }), { maxTrackingResources: 2 });
      assert.deepEqual(ruleIds(result), ['CUA003']); // the message: __tests__/rules/cua003-invalid-tracking-name.test.ts
    });
  });
});

// CUA003, CUA009 and CUA010: __tests__/rules/cua0{03,09,10}-*.test.ts (RuleTester).

describe('CUA007 tracking-mode-not-incremental', () => {
  test('fails for Complete mode and warns what it would do', () => {
    const result = check(template([trackingResource({ properties: { mode: 'Complete', template: emptyTemplate() } })]));
    assert.match(findingsOf(result, 'CUA007')[0]?.message ?? '', /'Complete'.*delete/);
  });
  test('fails without a mode', () => {
    assert.equal(findingsOf(check(template([trackingResource({ properties: { template: emptyTemplate() } })])), 'CUA007').length, 1);
  });
  test('passes incremental in any case', () => {
    assert.deepEqual(findingsOf(check(template([trackingResource({ properties: { mode: 'incremental', template: emptyTemplate() } })])), 'CUA007'), []);
  });
});

describe('tracking names resolve through expressions', () => {
  test('resolves concat and format of literals, variables and parameter defaults', () => {
    const tpl = template(
      [trackingResource({ name: "[concat('pid-', variables('id'))]" }), trackingResource({ name: "[format('pid-{0}', parameters('offer'))]" })],
      { variables: { id: GUID }, parameters: { offer: { type: 'string', defaultValue: '11111111-2222-3333-4444-555555555555' } } },
    );
    const result = check(tpl, { maxTrackingResources: 2 });
    assert.deepEqual(ruleIds(result), []);
    assert.deepEqual(
      result.tracking.map((t) => t.resolvedName),
      [`pid-${GUID}`, 'pid-11111111-2222-3333-4444-555555555555'],
    );
  });
  test('a parameters file value wins over the default', () => {
    const tpl = template([trackingResource({ name: "[concat('pid-', parameters('id'))]" })], {
      parameters: { id: { type: 'string', defaultValue: 'not-a-guid' } },
    });
    assert.deepEqual(ruleIds(check(tpl, {}, { id: GUID })), []);
    assert.deepEqual(ruleIds(check(tpl)), ['CUA003']);
  });
});

describe('CUA013 invalid-template', () => {
  test('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "$schema": "x",\n  "resources": [\n    { "name": "a" "type": "b" }\n  ]\n}';
    const [finding] = check(text).findings;
    assert.equal(finding?.ruleId, 'CUA013');
    assert.deepEqual([finding?.line, finding?.column], [4, 19]);
    assert.match(finding?.message ?? '', /comma expected.*line 4, column 19/);
  });
  test('reports empty files, parameter files and resources of the wrong shape', () => {
    assert.match(check('  \n').findings[0]?.message ?? '', /empty/);
    assert.match(
      check({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: {} }).findings[0]?.message ?? '',
      /parameters file/,
    );
    assert.match(check({ $schema: 'x', resources: { a: {} } }).findings[0]?.message ?? '', /must be an array/);
  });
  test('accepts languageVersion 2.0 templates whose resources are an object', () => {
    const result = check({ $schema: 'x', languageVersion: '2.0', resources: { tracking: trackingResource(), st: storageAccount() } });
    assert.deepEqual(ruleIds(result), []);
    assert.deepEqual(result.findings, []);
  });
});

describe('severities and suppression', () => {
  test('a configured severity wins, and off removes the rule', () => {
    const tpl = template([trackingResource({ properties: { mode: 'Complete', template: emptyTemplate() } })]);
    assert.equal(findingsOf(check(tpl, { severities: { CUA007: 'warning' } }), 'CUA007')[0]?.severity, 'warning');
    assert.deepEqual(findingsOf(check(tpl, { severities: { CUA007: 'off' } }), 'CUA007'), []);
  });
  test('metadata.cua-guard.ignore suppresses a rule on that resource, with the reason', () => {
    const tpl = template([trackingResource({ condition: false, metadata: { 'cua-guard': { ignore: ['CUA011'], reason: 'opt-out build' } } })]);
    const result = check(tpl);
    assert.deepEqual(findingsOf(result, 'CUA011')[0]?.suppressed, { reason: 'opt-out build' });
    assert.equal(result.verdict, 'pass');
  });
});
