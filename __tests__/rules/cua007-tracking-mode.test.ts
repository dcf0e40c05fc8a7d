import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua007 } from '../../src/rules/cua007-tracking-mode.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';

const ID = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6';
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const EMPTY = { $schema: SCHEMA, contentVersion: '1.0.0.0', resources: [] };

function template(properties: unknown, extra: Record<string, unknown> = {}): unknown {
  return {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    ...extra,
    resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name: `pid-${ID}`, ...(properties === undefined ? {} : { properties }) }],
  };
}

ruleTester(cua007, {
  valid: [
    { name: 'Incremental', template: template({ mode: 'Incremental', template: EMPTY }) },
    { name: 'any case', template: template({ mode: 'incremental', template: EMPTY }) },
    {
      name: 'from a parameter default',
      template: template({ mode: "[parameters('mode')]", template: EMPTY }, { parameters: { mode: { type: 'string', defaultValue: 'Incremental' } } }),
    },
    {
      name: 'not a tracking resource',
      template: { $schema: SCHEMA, resources: [{ type: 'Microsoft.Resources/deployments', name: 'other', properties: { mode: 'Complete' } }] },
    },
  ],
  invalid: [
    {
      name: 'Complete, fixed in place',
      template: template({ mode: 'Complete', template: EMPTY }),
      errors: [{ messageId: 'complete', data: { name: `pid-${ID}`, mode: 'Complete' }, line: 10, column: 17, endLine: 10, endColumn: 27 }],
      output: templateTextWith('"mode": "Complete"', '"mode": "Incremental"'),
    },
    {
      name: 'no mode: added as the first property',
      template: template({ template: EMPTY }),
      errors: [{ messageId: 'missing', data: { name: `pid-${ID}` }, line: 9, column: 21, endLine: 9, endColumn: 22 }],
      output: `${JSON.stringify(template({ mode: 'Incremental', template: EMPTY }), null, 2)}\n`,
    },
    {
      name: 'no properties at all',
      template: template(undefined),
      errors: [{ messageId: 'missing', data: { name: `pid-${ID}` }, line: 5, column: 5, endLine: 5, endColumn: 6 }],
      output: `${JSON.stringify(template({ mode: 'Incremental' }), null, 2)}\n`,
    },
    {
      name: 'a mode computed by an expression is reported, not rewritten',
      template: template({ mode: "[parameters('mode')]", template: EMPTY }, { parameters: { mode: { type: 'string' } } }),
      errors: [{ messageId: 'unknown', data: { name: `pid-${ID}`, mode: "{parameters('mode')}" }, line: 15, column: 17, endLine: 15, endColumn: 39 }],
      output: null,
    },
    {
      name: 'inside a nested template: reported, never edited',
      template: {
        $schema: SCHEMA,
        resources: [
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2021-04-01',
            name: 'outer',
            properties: {
              mode: 'Incremental',
              template: {
                ...EMPTY,
                resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name: `pid-${ID}`, properties: { mode: 'Complete' } }],
              },
            },
          },
        ],
      },
      errors: [{ messageId: 'complete', data: { name: `pid-${ID}`, mode: 'Complete' }, line: 19, column: 25, endLine: 19, endColumn: 35 }],
      output: null,
    },
  ],
});

function templateTextWith(from: string, to: string): string {
  return `${JSON.stringify(template({ mode: 'Complete', template: EMPTY }), null, 2)}\n`.replace(from, to);
}

test('CUA007 messages render', () => {
  const { findings } = runRule(cua007, { name: 'complete', template: template({ mode: 'Complete', template: EMPTY }) });
  assert.equal(
    findings[0]?.message,
    `tracking deployment 'pid-${ID}' has mode 'Complete'; it must be 'Incremental'; Complete mode would delete every other resource in the resource group`,
  );
});
