// Each rule with a template that passes it and one that fails it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GUID, SUB_SCHEMA, check, emptyTemplate, findingsOf, ruleIds, storageAccount, template, trackingResource,
} from '../support/templates.ts';

const good = template([trackingResource(), storageAccount()]);

test('a correct template has no findings and passes', () => {
  const result = check(good);
  assert.deepEqual(result.findings, []);
  assert.equal(result.verdict, 'pass');
  assert.deepEqual(result.tracking.map((t) => t.trackingId), [GUID]);
});

// CUA002's own cases are in __tests__/rules; this one is about the names a loop deploys.
describe('CUA002 duplicate-tracking-resource', () => {
  describe('copy loops count their copies against max-tracking-resources', () => {
    const perOffer = (count: unknown) => trackingResource({
      name: "[concat('pid-', variables('offers')[copyIndex()])]",
      copy: { name: 'offers', count },
    });
    test("each iteration's name is checked (copyIndex() bound), so a resolved loop is not CUA010", () => {
      const bad = { offers: [GUID, 'not-a-guid'] };
      const result = check(template([perOffer(2)], { variables: bad }), { maxTrackingResources: 2 });
      assert.deepEqual(ruleIds(result), ['CUA003']);
      assert.match(findingsOf(result, 'CUA003')[0]?.message ?? '', /in copy iteration 1 \('pid-not-a-guid'\)/);
    });
  });
});

describe('CUA003 invalid-tracking-name', () => {
  const nameCheck = (name: string, strictNames = false) => findingsOf(check(template([trackingResource({ name })]), { strictNames }), 'CUA003');
  test('accepts pid-GUID in any case, with a suffix, and Partner Center ids', () => {
    assert.deepEqual(nameCheck(`pid-${GUID.toUpperCase()}`), []);
    assert.deepEqual(nameCheck(`pid-${GUID}-westeurope`), []);
    assert.deepEqual(nameCheck('pid-contoso-myoffer-partnercenter'), []);
    assert.deepEqual(nameCheck(`pid-${GUID}-partnercenter`, true), []);
  });
  test("rejects the docs' sample GUID with 11 digits in its last group", () => {
    const [finding] = nameCheck('pid-eb7927c8-dd66-43e1-b0cf-c346a422063');
    assert.match(finding?.message ?? '', /group 5 has 11 hex digits, expected 12/);
  });
  test('rejects braces, bad characters, over-long names and upper-case PID-', () => {
    assert.match(nameCheck(`pid-{${GUID}}`)[0]?.message ?? '', /braces|not allowed/);
    assert.match(nameCheck(`pid-${GUID}-a/b`)[0]?.message ?? '', /'\/' is not allowed/);
    assert.match(nameCheck(`pid-${GUID}-${'x'.repeat(40)}`)[0]?.message ?? '', /at most 64/);
    assert.match(nameCheck(`PID-${GUID}`)[0]?.message ?? '', /lower-case 'pid-'/);
  });
  test('rejects a suffix with strict-names', () => {
    assert.match(nameCheck(`pid-${GUID}-westeurope`, true)[0]?.message ?? '', /strict-names/);
  });
  test("rejects the docs' sample GUID followed by a computed suffix, with or without strict-names, and no CUA010", () => {
    const name = "[format('pid-eb7927c8-dd66-43e1-b0cf-c346a422063-{0}', uniqueString(deployment().name))]";
    for (const strictNames of [false, true]) {
      const result = check(template([trackingResource({ name })]), { strictNames });
      assert.deepEqual(ruleIds(result), ['CUA003']);
      assert.match(findingsOf(result, 'CUA003')[0]?.message ?? '', /group 5 has 11 hex digits, expected 12/);
    }
  });
  test('rejects known text that is no id whatever follows it', () => {
    const result = check(template([trackingResource({ name: "[concat('pid-NOT_A_GUID-', uniqueString(deployment().name))]" })]));
    assert.deepEqual(ruleIds(result), ['CUA003']);
  });
  test('accepts a valid GUID with a uniqueString() suffix; strict-names forbids it', () => {
    const name = `[concat('pid-${GUID}-', uniqueString(deployment().name))]`;
    assert.deepEqual(nameCheck(name), []);
    assert.match(nameCheck(name, true)[0]?.message ?? '', /strict-names/);
  });
  test('64 characters pass and 65 fail, for literal names and with uniqueString() counted as 13', () => {
    const fill = (n: number) => 'x'.repeat(n);
    assert.deepEqual(nameCheck(`pid-${GUID}-${fill(23)}`), []);
    assert.match(nameCheck(`pid-${GUID}-${fill(24)}`)[0]?.message ?? '', /65 characters long/);
    const hashed = (n: number) => `[concat('pid-${GUID}-${fill(n)}-', uniqueString(deployment().name))]`;
    assert.deepEqual(nameCheck(hashed(9)), []);
    assert.match(nameCheck(hashed(10))[0]?.message ?? '', /at least 65 characters long/);
  });
});

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

describe('CUA009 unregistered-tracking-id', () => {
  test('fails for an id not in tracking-ids', () => {
    const result = check(good, { trackingIds: ['11111111-2222-3333-4444-555555555555'] });
    assert.equal(findingsOf(result, 'CUA009').length, 1);
  });
  test('passes a registered id, compared case-insensitively', () => {
    assert.deepEqual(findingsOf(check(template([trackingResource({ name: `pid-${GUID.toUpperCase()}` })]), { trackingIds: [GUID] }), 'CUA009'), []);
  });
  test('is silent when no ids are configured', () => {
    assert.deepEqual(findingsOf(check(good), 'CUA009'), []);
  });
  test("checks every iteration's id of a resolved copy loop", () => {
    const other = '11111111-2222-3333-4444-555555555555';
    const loop = template([trackingResource({ name: "[concat('pid-', variables('offers')[copyIndex()])]", copy: { name: 'offers', count: 2 } })], { variables: { offers: [GUID, other] } });
    const [finding, ...more] = findingsOf(check(loop, { trackingIds: [GUID], maxTrackingResources: 2 }), 'CUA009');
    assert.equal(more.length, 0);
    assert.match(finding?.message ?? '', new RegExp(`uses id ${other}, which is not the registered id ${GUID}`));
    assert.deepEqual(findingsOf(check(loop, { trackingIds: [GUID, other], maxTrackingResources: 2 }), 'CUA009'), []);
  });
});

describe('CUA010 unresolved-tracking-name', () => {
  test('warns when the GUID comes from a parameter without a default, naming the part', () => {
    const result = check(template([trackingResource({ name: "[concat('pid-', parameters('trackingGuid'))]" })], { parameters: { trackingGuid: { type: 'string' } } }));
    const [finding] = findingsOf(result, 'CUA010');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /parameters\('trackingGuid'\)/);
  });
  test('resolves concat and format of literals, variables and parameter defaults', () => {
    const tpl = template(
      [trackingResource({ name: "[concat('pid-', variables('id'))]" }), trackingResource({ name: "[format('pid-{0}', parameters('offer'))]" })],
      { variables: { id: GUID }, parameters: { offer: { type: 'string', defaultValue: '11111111-2222-3333-4444-555555555555' } } },
    );
    const result = check(tpl, { maxTrackingResources: 2 });
    assert.deepEqual(ruleIds(result), []);
    assert.deepEqual(result.tracking.map((t) => t.resolvedName), [`pid-${GUID}`, 'pid-11111111-2222-3333-4444-555555555555']);
  });
  test('a parameters file value wins over the default', () => {
    const tpl = template([trackingResource({ name: "[concat('pid-', parameters('id'))]" })], { parameters: { id: { type: 'string', defaultValue: 'not-a-guid' } } });
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
    assert.match(check({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: {} }).findings[0]?.message ?? '', /parameters file/);
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
