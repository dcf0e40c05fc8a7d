// A deployment's own target scope: its resourceGroup, subscriptionId or scope property decides
// where it runs (and so whether ARM needs its location), not only the template's $schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTemplateModel } from '../../src/model/template-model.ts';
import { createTemplateSource } from '../../src/parse/template-source.ts';
import {
  check,
  findingsOf,
  MG_SCHEMA,
  RG_SCHEMA,
  storageAccount,
  SUB_SCHEMA,
  template,
  TENANT_SCHEMA,
  trackingResource,
  type Json,
} from '../support/templates.ts';

function targetScopes(tpl: Json): Record<string, string | undefined> {
  const model = buildTemplateModel(createTemplateSource('azuredeploy.json', JSON.stringify(tpl), tpl));
  return Object.fromEntries(model.resources.map((entry) => [String(entry.resource['name']), entry.targetScope]));
}

const mgScope = "[format('Microsoft.Management/managementGroups/{0}', parameters('mg'))]";

test('targetScope comes from resourceGroup, subscriptionId and scope, else from the template', () => {
  const deployments = [
    trackingResource({ name: 'pid-rg', resourceGroup: 'rg1' }),
    trackingResource({ name: 'pid-rg-other-sub', subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg1' }),
    trackingResource({ name: 'pid-sub', subscriptionId: '00000000-0000-0000-0000-000000000001' }),
    trackingResource({ name: 'pid-tenant-slash', scope: '/' }),
    trackingResource({ name: 'pid-tenant-fn', scope: '[tenant()]' }),
    trackingResource({ name: 'pid-mg', scope: mgScope }),
    trackingResource({ name: 'pid-mg-fn', scope: "[managementGroup('mg1')]" }),
    trackingResource({ name: 'pid-mg-id', scope: '/providers/Microsoft.Management/managementGroups/mg1' }),
    trackingResource({ name: 'pid-unknown', scope: "[parameters('where')]" }),
    trackingResource({ name: 'pid-inherited' }),
  ];
  const parameters = { mg: { type: 'string' }, where: { type: 'string' } };
  assert.deepEqual(targetScopes(template(deployments, { $schema: TENANT_SCHEMA, parameters })), {
    'pid-rg': 'resourceGroup',
    'pid-rg-other-sub': 'resourceGroup',
    'pid-sub': 'subscription',
    'pid-tenant-slash': 'tenant',
    'pid-tenant-fn': 'tenant',
    'pid-mg': 'managementGroup',
    'pid-mg-fn': 'managementGroup',
    'pid-mg-id': 'managementGroup',
    'pid-unknown': undefined,
    'pid-inherited': 'tenant',
  });
});

test("resources inside a nested deployment take the deployment's target scope", () => {
  const nested = {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: 'into-rg',
    resourceGroup: 'rg1',
    properties: { mode: 'Incremental', template: { contentVersion: '1.0.0.0', resources: [trackingResource({ name: 'pid-inside' })] } },
  };
  const model = buildTemplateModel(createTemplateSource('azuredeploy.json', '', template([nested], { $schema: SUB_SCHEMA })));
  const inside = model.resources.find((entry) => entry.resource['name'] === 'pid-inside');
  assert.equal(inside?.templateScope, 'resourceGroup');
});

test('CUA012: a tracking deployment with "resourceGroup" in a subscription template needs no location', () => {
  assert.deepEqual(findingsOf(check(template([trackingResource({ resourceGroup: 'rg1' })], { $schema: SUB_SCHEMA })), 'CUA012'), []);
  assert.deepEqual(
    findingsOf(
      check(template([trackingResource({ subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg1' })], { $schema: MG_SCHEMA })),
      'CUA012',
    ),
    [],
  );
  assert.equal(findingsOf(check(template([trackingResource()], { $schema: SUB_SCHEMA })), 'CUA012').length, 1);
});

test('CUA012: a tracking deployment aimed above its resource-group template needs a location', () => {
  for (const target of [{ subscriptionId: '00000000-0000-0000-0000-000000000001' }, { scope: '[tenant()]' }, { scope: mgScope }]) {
    const tpl = template([trackingResource(target), storageAccount()], { $schema: RG_SCHEMA, parameters: { mg: { type: 'string' } } });
    const [finding] = findingsOf(check(tpl), 'CUA012');
    assert.ok(finding, JSON.stringify(target));
    assert.match(finding.message, /has no location; at (subscription|tenant|managementGroup) scope ARM requires one/);
    const located = check(
      template([trackingResource({ ...target, location: '[deployment().location]' })], { $schema: RG_SCHEMA, parameters: { mg: { type: 'string' } } }),
    );
    assert.deepEqual(findingsOf(located, 'CUA012'), [], JSON.stringify(target));
  }
});
