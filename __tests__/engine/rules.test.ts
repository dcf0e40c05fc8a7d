// Each rule with a template that passes it and one that fails it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GUID, MG_SCHEMA, SUB_SCHEMA, TENANT_SCHEMA, check, emptyTemplate, findingsOf, ruleIds, storageAccount, template, trackingResource,
} from '../support/templates.ts';

const good = template([trackingResource(), storageAccount()]);

test('a correct template has no findings and passes', () => {
  const result = check(good);
  assert.deepEqual(result.findings, []);
  assert.equal(result.verdict, 'pass');
  assert.deepEqual(result.tracking.map((t) => t.trackingId), [GUID]);
});

describe('CUA001 missing-tracking-resource', () => {
  test('fails without a tracking deployment, pointing at "resources"', () => {
    const text = JSON.stringify(template([storageAccount()]), null, 2);
    const result = check(text);
    const [finding] = findingsOf(result, 'CUA001');
    assert.ok(finding);
    assert.equal(finding.severity, 'error');
    assert.equal(result.verdict, 'fail');
    const line = text.split('\n').findIndex((l) => l.includes('"resources"')) + 1;
    assert.deepEqual([finding.line, finding.column], [line, 3]);
  });
  test('passes when the type differs only in case (ARM compares types case-insensitively)', () => {
    assert.deepEqual(ruleIds(check(template([trackingResource({ type: 'microsoft.resources/DEPLOYMENTS' })]))), []);
  });
  test('fails when the only pid- deployment is nested, and says so', () => {
    const nested = trackingResource({ name: 'wrapper' });
    (nested['properties'] as { template: { resources: unknown[] } }).template.resources = [trackingResource()];
    const result = check(template([nested]));
    assert.match(findingsOf(result, 'CUA001')[0]?.message ?? '', /not as a top-level deployment/);
  });
});

describe('CUA002 duplicate-tracking-resource', () => {
  test('fails on a second tracking deployment', () => {
    const result = check(template([trackingResource(), trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' })]));
    assert.equal(findingsOf(result, 'CUA002').length, 1);
  });
  test('passes two offers when max-tracking-resources allows them', () => {
    const result = check(template([trackingResource(), trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' })]), { maxTrackingResources: 2 });
    assert.deepEqual(ruleIds(result), []);
  });
  test('fails on the same name declared twice even when more are allowed', () => {
    const result = check(template([trackingResource(), trackingResource()]), { maxTrackingResources: 3 });
    assert.match(findingsOf(result, 'CUA002')[0]?.message ?? '', /declared twice/);
  });
  test('fails on a copy loop whose iterations share one name', () => {
    const result = check(template([trackingResource({ copy: { name: 'loop', count: 3 } })]), { maxTrackingResources: 3 });
    assert.match(findingsOf(result, 'CUA002')[0]?.message ?? '', /copy loop in which two iterations get the same name \('pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6'\)/);
  });
  describe('copy loops count their copies against max-tracking-resources', () => {
    const perOffer = (count: unknown) => trackingResource({
      name: "[concat('pid-', variables('offers')[copyIndex()])]",
      copy: { name: 'offers', count },
    });
    const offers = { offers: [GUID, '11111111-2222-3333-4444-555555555555', '22222222-3333-4444-5555-666666666666'] };
    test('a count that resolves to 1 is one deployment', () => {
      assert.deepEqual(ruleIds(check(template([trackingResource({ copy: { name: 'one', count: "[length(createArray('x'))]" } })]))), []);
    });
    test('three copies pass with max 3 and fail with max 2, without "exactly once"', () => {
      const tpl = template([perOffer("[length(variables('offers'))]")], { variables: offers });
      assert.deepEqual(ruleIds(check(tpl, { maxTrackingResources: 3 })), []);
      const [finding] = findingsOf(check(tpl, { maxTrackingResources: 2 }), 'CUA002');
      assert.match(finding?.message ?? '', /^3 tracking deployments in one main template, more than the 2 allowed \(input max-tracking-resources\); .* is in a copy loop of 3$/);
      assert.doesNotMatch(finding?.message ?? '', /exactly once/);
    });
    test('copies add to the other tracking deployments', () => {
      const tpl = template([trackingResource({ name: 'pid-33333333-4444-5555-6666-777777777777' }), perOffer(2)], { variables: offers });
      assert.deepEqual(ruleIds(check(tpl, { maxTrackingResources: 3 })), []);
      assert.match(findingsOf(check(tpl, { maxTrackingResources: 2 }), 'CUA002')[0]?.message ?? '', /^3 tracking deployments/);
    });
    test("each iteration's name is checked (copyIndex() bound), so a resolved loop is not CUA010", () => {
      const bad = { offers: [GUID, 'not-a-guid'] };
      const result = check(template([perOffer(2)], { variables: bad }), { maxTrackingResources: 2 });
      assert.deepEqual(ruleIds(result), ['CUA003']); // the message: __tests__/rules/cua003-invalid-tracking-name.test.ts
    });
    test('an iteration that repeats another tracking name is a duplicate', () => {
      const tpl = template([trackingResource(), perOffer(2)], { variables: offers });
      assert.match(findingsOf(check(tpl, { maxTrackingResources: 5 }), 'CUA002')[0]?.message ?? '', /declared twice/);
    });
    test('a count of 0 deploys nothing, which is an error', () => {
      assert.match(findingsOf(check(template([perOffer(0)], { variables: offers })), 'CUA002')[0]?.message ?? '', /count is 0: it is never deployed/);
    });
    test('an unknown count is an error that says so, whatever the maximum', () => {
      const tpl = template([perOffer("[parameters('offerCount')]")], { variables: offers, parameters: { offerCount: { type: 'int' } } });
      const [finding] = findingsOf(check(tpl, { maxTrackingResources: 3 }), 'CUA002');
      assert.equal(finding?.severity, 'error');
      assert.match(finding?.message ?? '', /copy loop whose count \("\[parameters\('offerCount'\)\]"\) is not known before deployment.*the 3 allowed/);
    });
  });
});

// CUA003, CUA009 and CUA010: __tests__/rules/cua0{03,09,10}-*.test.ts (RuleTester).

describe('CUA004 tracking-in-nested-template', () => {
  test('fails for a pid- deployment inside an inline nested template, with the chain', () => {
    const wrapper = trackingResource({ name: 'wrapper' });
    (wrapper['properties'] as { template: { resources: unknown[] } }).template.resources = [trackingResource()];
    const [finding] = findingsOf(check(template([trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' }), wrapper])), 'CUA004');
    assert.match(finding?.message ?? '', /inside the nested template of 'wrapper'/);
  });
  test('fails for a pid- deployment among child resources', () => {
    const parent = { ...storageAccount(), resources: [trackingResource()] };
    assert.equal(findingsOf(check(template([parent])), 'CUA004').length, 1);
  });
  test('passes a plain top-level tracking deployment', () => {
    assert.deepEqual(findingsOf(check(good), 'CUA004'), []);
  });
});

describe('CUA006 tracking-name-wrong-type', () => {
  test('fails for a pid- resource of another type', () => {
    const result = check(template([trackingResource(), { ...storageAccount(), name: 'pid-11111111-2222-3333-4444-555555555555' }]));
    assert.match(findingsOf(result, 'CUA006')[0]?.message ?? '', /Microsoft\.Storage\/storageAccounts/);
  });
  test('passes other resources with ordinary names', () => {
    assert.deepEqual(findingsOf(check(good), 'CUA006'), []);
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

describe('CUA008 tracking-template-not-empty', () => {
  test('warns when the inner template has resources', () => {
    const tracking = trackingResource({ properties: { mode: 'Incremental', template: { ...emptyTemplate(), resources: [storageAccount()] } } });
    const [finding] = findingsOf(check(template([tracking])), 'CUA008');
    assert.equal(finding?.severity, 'warning');
  });
  test('warns for a templateLink', () => {
    const tracking = trackingResource({ properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/empty.json' } } });
    assert.match(findingsOf(check(template([tracking])), 'CUA008')[0]?.message ?? '', /templateLink/);
  });
  test('passes an empty inline template', () => {
    assert.deepEqual(findingsOf(check(good), 'CUA008'), []);
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
    assert.deepEqual(result.tracking.map((t) => t.resolvedName), [`pid-${GUID}`, 'pid-11111111-2222-3333-4444-555555555555']);
  });
  test('a parameters file value wins over the default', () => {
    const tpl = template([trackingResource({ name: "[concat('pid-', parameters('id'))]" })], { parameters: { id: { type: 'string', defaultValue: 'not-a-guid' } } });
    assert.deepEqual(ruleIds(check(tpl, {}, { id: GUID })), []);
    assert.deepEqual(ruleIds(check(tpl)), ['CUA003']);
  });
});

describe('CUA011 conditional-tracking', () => {
  test('is a notice for an opt-out condition that is on by default', () => {
    const tpl = template([trackingResource({ condition: "[equals(parameters('telemetryOptOut'), 'No')]" })], { parameters: { telemetryOptOut: { type: 'string', defaultValue: 'No' } } });
    const [finding] = findingsOf(check(tpl), 'CUA011');
    assert.equal(finding?.severity, 'notice');
    assert.match(finding?.message ?? '', /on by default/);
    assert.equal(check(tpl).verdict, 'pass');
  });
  test('is an error when the condition is false whatever the parameters', () => {
    const tpl = (condition: unknown) => template([trackingResource({ condition })], { variables: { off: false }, parameters: { p: { type: 'string', defaultValue: 'x' } } });
    for (const condition of [false, '[false()]', 'false', 'False', 0, '[bool(0)]', '[equals(1, 2)]', "[variables('off')]", "[and(false(), equals(parameters('p'), 'x'))]"]) {
      const [finding] = findingsOf(check(tpl(condition)), 'CUA011');
      assert.equal(finding?.severity, 'error', String(condition));
      const expression = typeof condition === 'string' && condition.startsWith('[');
      assert.match(finding?.message ?? '', expression ? /, which is false whatever the parameters: tracking is always off/ : /^[^,]*: tracking is always off/, String(condition));
      assert.doesNotMatch(finding?.message ?? '', /known only at deployment/, String(condition));
    }
  });
  test('is a warning when off by default, even when the parameters file turns it on', () => {
    const tpl = template([trackingResource({ condition: "[equals(parameters('telemetryOptOut'), 'No')]" })], { parameters: { telemetryOptOut: { type: 'string', defaultValue: 'Yes' } } });
    assert.match(findingsOf(check(tpl), 'CUA011')[0]?.message ?? '', /is off by default: its condition is false with the default parameter values/);
    const [finding] = findingsOf(check(tpl, {}, { telemetryOptOut: 'No' }), 'CUA011');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /is off with the default parameter values but on with the parameters file; customers who keep the template defaults are not tracked/);
  });
  test('says so when the defaults keep tracking on but the parameters file turns it off', () => {
    const tpl = template([trackingResource({ condition: "[equals(parameters('telemetryOptOut'), 'No')]" })], { parameters: { telemetryOptOut: { type: 'string', defaultValue: 'No' } } });
    const [finding] = findingsOf(check(tpl, {}, { telemetryOptOut: 'Yes' }), 'CUA011');
    assert.equal(finding?.severity, 'notice');
    assert.match(finding?.message ?? '', /is on with the default parameter values but off with the parameters file$/);
    assert.doesNotMatch(finding?.message ?? '', /off by default|keep the defaults/);
  });
  test('names what a condition without defaults depends on', () => {
    const tpl = template([trackingResource({ condition: "[parameters('telemetry')]" })], { parameters: { telemetry: { type: 'bool' } } });
    const [finding] = findingsOf(check(tpl), 'CUA011');
    assert.equal(finding?.severity, 'notice');
    assert.match(finding?.message ?? '', /known only at deployment \(it depends on parameters\('telemetry'\)\)/);
  });
  test('passes without a condition', () => {
    assert.deepEqual(findingsOf(check(good), 'CUA011'), []);
  });
});

describe('CUA012 tracking-location-missing', () => {
  const name = `[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`;
  for (const schema of [SUB_SCHEMA, MG_SCHEMA, TENANT_SCHEMA]) {
    test(`fails without location at ${schema.split('/').pop()}`, () => {
      assert.equal(findingsOf(check(template([trackingResource({ name })], { $schema: schema })), 'CUA012').length, 1);
    });
  }
  test('passes with a location, and at resource-group scope without one', () => {
    assert.deepEqual(findingsOf(check(template([trackingResource({ name, location: '[deployment().location]' })], { $schema: SUB_SCHEMA })), 'CUA012'), []);
    assert.deepEqual(findingsOf(check(good), 'CUA012'), []);
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

describe('CUA014 tracking-api-version', () => {
  test('warns without an apiVersion or with a non-date one', () => {
    const noVersion = trackingResource();
    delete noVersion['apiVersion'];
    assert.equal(findingsOf(check(template([noVersion])), 'CUA014')[0]?.severity, 'warning');
    assert.equal(findingsOf(check(template([trackingResource({ apiVersion: 'latest' })])), 'CUA014').length, 1);
    assert.equal(findingsOf(check(template([trackingResource({ apiVersion: '2021-13-01' })])), 'CUA014').length, 1);
  });
  test('passes date versions, also -preview', () => {
    assert.deepEqual(findingsOf(check(template([trackingResource({ apiVersion: '2022-09-01-preview' })])), 'CUA014'), []);
  });
});

describe('CUA015 fixed-name-at-higher-scope', () => {
  const atSubscription = (name: string, location = '[deployment().location]', extra = {}) =>
    findingsOf(check(template([trackingResource({ name, location })], { $schema: SUB_SCHEMA, ...extra })), 'CUA015');
  test('warns for a fixed name at subscription scope', () => {
    const [finding] = atSubscription(`pid-${GUID}`);
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /has a fixed name/);
  });
  test('warns for a computed suffix that does not follow the location', () => {
    const [finding] = atSubscription(`[concat('pid-${GUID}-', uniqueString(subscription().id))]`);
    assert.match(finding?.message ?? '', /does not change with its location/);
  });
  test("passes a suffix derived from deployment().name: reusing the outer deployment's name in another location fails first", () => {
    assert.deepEqual(atSubscription(`[format('pid-${GUID}-{0}', uniqueString(deployment().name))]`), []);
  });
  test('passes a suffix derived from deployment().location, also through a variable', () => {
    assert.deepEqual(atSubscription(`[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`), []);
    const viaVariable = { variables: { names: { pid: `[concat('pid-${GUID}-', uniqueString(deployment().location))]` } } };
    assert.deepEqual(atSubscription("[variables('names').pid]", '[deployment().location]', viaVariable), []);
  });
  test("passes a name built from the deployment's own location expression, even when it resolves", () => {
    const parameters = { parameters: { location: { type: 'string', defaultValue: 'westeurope' } } };
    assert.deepEqual(atSubscription(`[concat('pid-${GUID}-', parameters('location'))]`, "[parameters('location')]", parameters), []);
    assert.equal(atSubscription(`[concat('pid-${GUID}-', parameters('location'))]`, '[deployment().location]', parameters).length, 1);
  });
  test('passes a name that is new on every run (utcNow() through a parameter default)', () => {
    const now = { parameters: { now: { type: 'string', defaultValue: '[utcNow()]' } } };
    assert.deepEqual(atSubscription(`[concat('pid-${GUID}-', uniqueString(subscription().id, parameters('now')))]`, '[deployment().location]', now), []);
  });
  test('passes a fixed name when the location is written as text (every deployment goes there)', () => {
    assert.deepEqual(atSubscription(`pid-${GUID}`, 'westeurope'), []);
  });
  test('is silent at resource-group scope', () => {
    assert.deepEqual(findingsOf(check(good), 'CUA015'), []);
  });
});

describe('CUA016 invalid-expression', () => {
  test('reports an expression that does not parse, at the name', () => {
    const result = check(template([trackingResource({ name: "[concat('pid-', )]" })]));
    assert.equal(findingsOf(result, 'CUA016').length, 1);
  });
  test('reports an unknown function', () => {
    assert.match(findingsOf(check(template([trackingResource({ name: "[concatenate('pid-', 'x')]" })])), 'CUA016')[0]?.message ?? '', /concatenate/);
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
