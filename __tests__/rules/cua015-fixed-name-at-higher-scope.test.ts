import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua015 } from '../../src/rules/cua015-fixed-name-at-higher-scope.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, MG_SCHEMA, SUB_SCHEMA, template, trackingResource, type Json } from '../support/templates.ts';

/** A subscription-scope template whose tracking deployment has `name` and `location`. */
const atSubscription = (name: string, location = '[deployment().location]', extra: Json = {}) =>
  template([trackingResource({ name, location })], { $schema: SUB_SCHEMA, ...extra });
/** The suggestion in a JSON template's message: ARM's syntax. */
const armExample = (location: string): string => `"[format('pid-${GUID}-{0}', uniqueString(${location}))]"`;
const locationParameter = { parameters: { location: { type: 'string', defaultValue: 'westeurope' } } };

ruleTester(cua015, {
  valid: [
    {
      name: "a suffix derived from deployment().name: reusing the outer deployment's name in another location fails first",
      template: atSubscription(`[format('pid-${GUID}-{0}', uniqueString(deployment().name))]`),
    },
    { name: 'a suffix derived from deployment().location', template: atSubscription(`[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`) },
    {
      name: 'a suffix derived from deployment().location through a variable',
      template: atSubscription("[variables('names').pid]", '[deployment().location]', {
        variables: { names: { pid: `[concat('pid-${GUID}-', uniqueString(deployment().location))]` } },
      }),
    },
    {
      name: "a name built from the deployment's own location expression, even when it resolves",
      template: atSubscription(`[concat('pid-${GUID}-', parameters('location'))]`, "[parameters('location')]", locationParameter),
    },
    {
      name: 'a name that is new on every run (utcNow() through a parameter default)',
      template: atSubscription(`[concat('pid-${GUID}-', uniqueString(subscription().id, parameters('now')))]`, '[deployment().location]', {
        parameters: { now: { type: 'string', defaultValue: '[utcNow()]' } },
      }),
    },
    { name: 'a fixed name when the location is written as text (every deployment goes there)', template: atSubscription(`pid-${GUID}`, 'westeurope') },
    {
      name: 'a name that includes the location parameter through a variable, the location given through another',
      template: atSubscription("[variables('trackingName')]", "[variables('region')]", {
        parameters: { location: { type: 'string', defaultValue: 'westeurope' } },
        variables: { trackingName: `[format('pid-${GUID}-{0}', toLower(parameters('location')))]`, region: "[parameters('location')]" },
      }),
    },
    { name: 'resource-group scope', template: template([trackingResource()]) },
    {
      name: 'a deployment that targets a resource group from a subscription template',
      template: template([trackingResource({ resourceGroup: 'rg1' })], { $schema: SUB_SCHEMA }),
    },
  ],
  invalid: [
    {
      name: 'a fixed name at subscription scope',
      template: atSubscription(`pid-${GUID}`),
      errors: [
        {
          messageId: 'fixed-name',
          data: {
            name: `pid-${GUID}`,
            scope: 'subscription',
            trackingId: `${GUID}`,
            location: 'deployment().location',
            example: armExample('deployment().location'),
          },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 57,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'a computed suffix that does not follow the location',
      template: atSubscription(`[concat('pid-${GUID}-', uniqueString(subscription().id))]`),
      errors: [
        {
          messageId: 'name-ignores-location',
          data: {
            name: `pid-${GUID}-{uniqueString(subscription().id)}`,
            scope: 'subscription',
            trackingId: `${GUID}`,
            location: 'deployment().location',
            example: armExample('deployment().location'),
            parts: 'uniqueString(subscription().id)',
          },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 103,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: "a location parameter in the name that is not the deployment's location",
      template: atSubscription(`[concat('pid-${GUID}-', parameters('location'))]`, '[deployment().location]', locationParameter),
      errors: [
        {
          messageId: 'fixed-name',
          data: {
            name: `pid-${GUID}-westeurope`,
            scope: 'subscription',
            trackingId: `${GUID}`,
            location: 'deployment().location',
            example: armExample('deployment().location'),
          },
          line: 14,
          column: 15,
          endLine: 14,
          endColumn: 94,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: "the suggestion uses the deployment's own location expression, at management-group scope",
      template: template([trackingResource({ location: "[parameters('where')]" })], { $schema: MG_SCHEMA, parameters: { where: { type: 'string' } } }),
      errors: [
        {
          messageId: 'fixed-name',
          data: {
            name: `pid-${GUID}`,
            scope: 'managementGroup',
            trackingId: `${GUID}`,
            location: `parameters('where')`,
            example: armExample(`parameters('where')`),
          },
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 57,
          severity: 'warning',
        },
      ],
      output: null,
    },
  ],
});

test('CUA015 messages render', () => {
  const render = (tpl: Json) => runRule(cua015, { name: 'render', template: tpl }).findings.map((f) => f.message);
  assert.deepEqual(render(atSubscription(`pid-${GUID}`)), [
    `tracking deployment 'pid-${GUID}' at subscription scope has a fixed name; deploying again in another location fails with InvalidDeploymentLocation. Append a location-derived suffix, e.g. "[format('pid-${GUID}-{0}', uniqueString(deployment().location))]"`,
  ]);
  assert.deepEqual(render(atSubscription(`[concat('pid-${GUID}-', uniqueString(subscription().id))]`)), [
    `tracking deployment 'pid-${GUID}-{uniqueString(subscription().id)}' at subscription scope has a name that does not change with its location (uniqueString(subscription().id) uses neither deployment().location nor the deployment's location); deploying again in another location fails with InvalidDeploymentLocation. Append a location-derived suffix, e.g. "[format('pid-${GUID}-{0}', uniqueString(deployment().location))]"`,
  ]);
});
