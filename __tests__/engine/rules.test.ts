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
  test('fails on a copy loop', () => {
    const result = check(template([trackingResource({ copy: { name: 'loop', count: 3 } })]));
    assert.match(findingsOf(result, 'CUA002')[0]?.message ?? '', /copy loop \(3 copies\)/);
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
});

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

describe('CUA011 conditional-tracking', () => {
  test('is a notice for an opt-out condition that is on by default', () => {
    const tpl = template([trackingResource({ condition: "[equals(parameters('telemetryOptOut'), 'No')]" })], { parameters: { telemetryOptOut: { type: 'string', defaultValue: 'No' } } });
    const [finding] = findingsOf(check(tpl), 'CUA011');
    assert.equal(finding?.severity, 'notice');
    assert.match(finding?.message ?? '', /on by default/);
    assert.equal(check(tpl).verdict, 'pass');
  });
  test('is an error when the condition is literally false', () => {
    for (const condition of [false, '[false()]']) {
      const [finding] = findingsOf(check(template([trackingResource({ condition })])), 'CUA011');
      assert.equal(finding?.severity, 'error', String(condition));
    }
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
  test('warns for a fixed name at subscription scope', () => {
    const result = check(template([trackingResource({ location: 'westeurope' })], { $schema: SUB_SCHEMA }));
    assert.equal(findingsOf(result, 'CUA015')[0]?.severity, 'warning');
  });
  test('passes a location-derived suffix', () => {
    const name = `[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`;
    assert.deepEqual(findingsOf(check(template([trackingResource({ name, location: '[deployment().location]' })], { $schema: SUB_SCHEMA })), 'CUA015'), []);
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
