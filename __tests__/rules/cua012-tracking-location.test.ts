import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua012 } from '../../src/rules/cua012-tracking-location.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, MG_SCHEMA, SUB_SCHEMA, TENANT_SCHEMA, emptyTemplate, template, trackingResource } from '../support/templates.ts';

const NAME = `[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`;
const SHOWN = `pid-${GUID}-{uniqueString(deployment().location)}`;
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const at = (schema: string, overrides: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  template([trackingResource({ name: NAME, ...overrides })], { $schema: schema, ...extra });
const LOCATION = '[deployment().location]';

ruleTester(cua012, {
  valid: [
    { name: 'with a location', template: at(SUB_SCHEMA, { location: LOCATION }) },
    { name: 'at resource-group scope without one', template: template([trackingResource()]) },
    { name: '"resourceGroup" makes it a resource-group deployment', template: at(SUB_SCHEMA, { resourceGroup: 'rg1' }) },
    {
      name: 'a tracking deployment inside a nested template is not judged here (CUA004 reports it)',
      template: at(SUB_SCHEMA, {
        name: 'outer',
        location: LOCATION,
        properties: { mode: 'Incremental', template: { ...emptyTemplate(), resources: [trackingResource({ subscriptionId: '1' })] } },
      }),
    },
    {
      name: 'a location from a parameter default',
      template: at(SUB_SCHEMA, { location: "[parameters('location')]" }, { parameters: { location: { type: 'string', defaultValue: 'westeurope' } } }),
    },
  ],
  invalid: [
    ...[
      { schema: SUB_SCHEMA, scope: 'subscription' },
      { schema: MG_SCHEMA, scope: 'managementGroup' },
      { schema: TENANT_SCHEMA, scope: 'tenant' },
    ].map(({ schema, scope }) => ({
      name: `none at ${scope} scope: added`,
      template: at(schema),
      errors: [{ messageId: 'missing', data: { name: SHOWN, scope }, line: 5, column: 5, endLine: 5, endColumn: 6 }],
      output: text(at(schema, { location: LOCATION })),
    })),
    {
      name: "'' is missing to ARM: replaced",
      template: at(SUB_SCHEMA, { location: '' }),
      errors: [{ messageId: 'missing', data: { name: SHOWN, scope: 'subscription' }, line: 17, column: 19, endLine: 17, endColumn: 21 }],
      output: text(at(SUB_SCHEMA, { location: LOCATION })),
    },
    {
      name: 'null is missing to ARM: replaced',
      template: at(SUB_SCHEMA, { location: null }),
      errors: [{ messageId: 'missing', data: { name: SHOWN, scope: 'subscription' }, line: 17, column: 19, endLine: 17, endColumn: 23 }],
      output: text(at(SUB_SCHEMA, { location: LOCATION })),
    },
    {
      name: "an expression that gives '': reported, not rewritten",
      template: at(SUB_SCHEMA, { location: "[parameters('location')]" }, { parameters: { location: { type: 'string', defaultValue: '' } } }),
      errors: [{ messageId: 'missing', data: { name: SHOWN, scope: 'subscription' }, line: 23, column: 19, endLine: 23, endColumn: 45 }],
      output: null,
    },
    {
      name: '"subscriptionId" alone makes it a subscription deployment in a resource-group template',
      template: template([trackingResource({ subscriptionId: '00000000-0000-0000-0000-000000000001' })]),
      errors: [{ messageId: 'missing', data: { name: `pid-${GUID}`, scope: 'subscription' }, line: 5, column: 5, endLine: 5, endColumn: 6 }],
      output: text(template([trackingResource({ subscriptionId: '00000000-0000-0000-0000-000000000001', location: LOCATION })])),
    },
  ],
});

test('CUA012 says why it attached no fix to a location computed by an expression', () => {
  const [finding] = runRule(cua012, {
    name: 'expression',
    template: at(SUB_SCHEMA, { location: "[parameters('location')]" }, { parameters: { location: { type: 'string', defaultValue: '' } } }),
  }).findings;
  assert.equal(finding?.notFixable, 'the location is computed by an expression; make it give a location');
});

test('CUA012 messages render', () => {
  const [finding] = runRule(cua012, { name: 'render', template: at(SUB_SCHEMA) }).findings;
  assert.equal(
    finding?.message,
    `tracking deployment '${SHOWN}' has no location; at subscription scope ARM requires one (for example "location": "[deployment().location]")`,
  );
});
