import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua011 } from '../../src/rules/cua011-conditional-tracking.ts';
import { ruleTester, runRule, type InvalidCase } from '../support/rule-tester.ts';
import { GUID, template, trackingResource, type Json } from '../support/templates.ts';

const NAME = `pid-${GUID}`;
const optOut = "[equals(parameters('telemetryOptOut'), 'No')]";
/** The tracking deployment with `condition`. */
const conditional = (condition: unknown, extra: Json = {}) => template([trackingResource({ condition })], extra);
const withOptOut = (defaultValue: string) => conditional(optOut, { parameters: { telemetryOptOut: { type: 'string', defaultValue } } });
/** Where the condition's value is, on `line`. */
const at = (condition: unknown, line: number) => ({ line, column: 20, endLine: line, endColumn: 20 + JSON.stringify(condition).length });

/** Conditions that are false whatever the parameters: always an error. */
const alwaysFalse: [unknown, 'always-off' | 'literal-off'][] = [
  [false, 'literal-off'],
  ['false', 'literal-off'],
  ['False', 'literal-off'],
  [0, 'literal-off'],
  ['[false()]', 'always-off'],
  ['[bool(0)]', 'always-off'],
  ['[equals(1, 2)]', 'always-off'],
  ["[variables('off')]", 'always-off'],
  ["[and(false(), equals(parameters('p'), 'x'))]", 'always-off'],
];

ruleTester(cua011, {
  valid: [{ name: 'no condition', template: template([trackingResource()]) }],
  invalid: [
    ...alwaysFalse.map(([condition, messageId]): InvalidCase => ({
      name: `false whatever the parameters: ${JSON.stringify(condition)}`,
      template: conditional(condition, { variables: { off: false }, parameters: { p: { type: 'string', defaultValue: 'x' } } }),
      errors: [{ messageId, data: { name: NAME, condition: previewOf(condition) }, ...at(condition, 26), severity: 'error' }],
      output: null,
    })),
    {
      name: 'an opt-out that is on by default is a notice',
      template: withOptOut('No'),
      errors: [{ messageId: 'on-by-default', data: { name: `pid-${GUID}` }, line: 23, column: 20, endLine: 23, endColumn: 67, severity: 'notice' }],
      output: null,
    },
    {
      name: 'off by default is a warning',
      template: withOptOut('Yes'),
      errors: [{ messageId: 'off-by-default', data: { name: `pid-${GUID}` }, line: 23, column: 20, endLine: 23, endColumn: 67, severity: 'warning' }],
      output: null,
    },
    {
      name: 'off by default stays a warning when the parameters file turns it on',
      template: withOptOut('Yes'),
      parameterValues: { telemetryOptOut: 'No' },
      errors: [{ messageId: 'defaults-off-file-on', data: { name: `pid-${GUID}` }, line: 23, column: 20, endLine: 23, endColumn: 67, severity: 'warning' }],
      output: null,
    },
    {
      name: 'on by default but off with the parameters file is a notice that says so',
      template: withOptOut('No'),
      parameterValues: { telemetryOptOut: 'Yes' },
      errors: [{ messageId: 'defaults-on-file-off', data: { name: `pid-${GUID}` }, line: 23, column: 20, endLine: 23, endColumn: 67, severity: 'notice' }],
      output: null,
    },
    {
      name: 'without a default it names what the condition depends on',
      template: conditional("[parameters('telemetry')]", { parameters: { telemetry: { type: 'bool' } } }),
      errors: [
        {
          messageId: 'unknown',
          data: { name: `pid-${GUID}`, dependency: `parameters('telemetry')` },
          line: 22,
          column: 20,
          endLine: 22,
          endColumn: 47,
          severity: 'notice',
        },
      ],
      output: null,
    },
    {
      name: 'without a default, the parameters file turning it on is a notice',
      template: conditional("[parameters('telemetry')]", { parameters: { telemetry: { type: 'bool' } } }),
      parameterValues: { telemetry: true },
      errors: [
        {
          messageId: 'defaults-unknown-file-on',
          data: { name: `pid-${GUID}`, dependency: `parameters('telemetry')` },
          line: 22,
          column: 20,
          endLine: 22,
          endColumn: 47,
          severity: 'notice',
        },
      ],
      output: null,
    },
    {
      name: 'without a default, the parameters file turning it off is a warning',
      template: conditional("[parameters('telemetry')]", { parameters: { telemetry: { type: 'bool' } } }),
      parameterValues: { telemetry: false },
      errors: [
        {
          messageId: 'defaults-unknown-file-off',
          data: { name: `pid-${GUID}`, dependency: `parameters('telemetry')` },
          line: 22,
          column: 20,
          endLine: 22,
          endColumn: 47,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'always true, written as an expression',
      template: conditional('[true()]'),
      errors: [
        {
          messageId: 'always-on',
          data: { name: `pid-${GUID}`, condition: '"[true()]"' },
          line: 17,
          column: 20,
          endLine: 17,
          endColumn: 30,
          severity: 'notice',
        },
      ],
      output: null,
    },
    {
      name: 'always true, written as a literal',
      template: conditional(true),
      errors: [
        { messageId: 'literal-on', data: { name: `pid-${GUID}`, condition: 'true' }, line: 17, column: 20, endLine: 17, endColumn: 24, severity: 'notice' },
      ],
      output: null,
    },
    {
      name: 'a literal that is not a boolean',
      template: conditional('maybe'),
      errors: [
        {
          messageId: 'literal-not-boolean',
          data: { name: `pid-${GUID}`, condition: '"maybe"' },
          line: 17,
          column: 20,
          endLine: 17,
          endColumn: 27,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'an expression that is never a boolean',
      template: conditional("[concat('a', 'b')]"),
      errors: [
        {
          messageId: 'always-not-boolean',
          data: { name: `pid-${GUID}`, condition: `"[concat('a', 'b')]"`, value: '"ab"' },
          line: 17,
          column: 20,
          endLine: 17,
          endColumn: 40,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'a default that is not a boolean',
      template: conditional("[parameters('telemetry')]", { parameters: { telemetry: { type: 'string', defaultValue: 'sometimes' } } }),
      errors: [
        {
          messageId: 'not-boolean-by-default',
          data: { name: `pid-${GUID}`, value: '"sometimes"' },
          line: 23,
          column: 20,
          endLine: 23,
          endColumn: 47,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'a default that is not a boolean, turned on by the parameters file',
      template: conditional("[parameters('telemetry')]", { parameters: { telemetry: { type: 'string', defaultValue: 'sometimes' } } }),
      parameterValues: { telemetry: 'true' },
      errors: [
        {
          messageId: 'defaults-not-boolean-file-on',
          data: { name: `pid-${GUID}`, defaultValue: '"sometimes"' },
          line: 23,
          column: 20,
          endLine: 23,
          endColumn: 47,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'on by default, not a boolean with the parameters file',
      template: conditional("[parameters('telemetry')]", { parameters: { telemetry: { type: 'string', defaultValue: 'true' } } }),
      parameterValues: { telemetry: 'sometimes' },
      errors: [
        {
          messageId: 'defaults-on-file-not-boolean',
          data: { name: `pid-${GUID}`, fileValue: '"sometimes"' },
          line: 23,
          column: 20,
          endLine: 23,
          endColumn: 47,
          severity: 'notice',
        },
      ],
      output: null,
    },
  ],
});

function previewOf(condition: unknown): string {
  return typeof condition === 'string' ? JSON.stringify(condition) : String(condition);
}

test('CUA011 messages render', () => {
  const render = (tpl: Json, parameterValues?: Record<string, unknown>) =>
    runRule(cua011, { name: 'render', template: tpl, ...(parameterValues ? { parameterValues } : {}) }).findings.map((f) => f.message);
  const has = `tracking deployment '${NAME}' has`;
  assert.deepEqual(render(conditional('[equals(1, 2)]')), [
    `${has} condition "[equals(1, 2)]", which is false whatever the parameters: tracking is always off, so no usage is attributed`,
  ]);
  assert.deepEqual(render(conditional(false)), [`${has} condition false: tracking is always off, so no usage is attributed`]);
  assert.deepEqual(render(withOptOut('No')), [`${has} a condition (an opt-out); it is on by default (with the default parameter values)`]);
  assert.deepEqual(render(withOptOut('Yes')), [
    `tracking deployment '${NAME}' is off by default: its condition is false with the default parameter values; customers who keep the defaults are not tracked`,
  ]);
  assert.deepEqual(render(withOptOut('Yes'), { telemetryOptOut: 'No' }), [
    `${has} a condition that is off with the default parameter values but on with the parameters file; customers who keep the template defaults are not tracked`,
  ]);
  assert.deepEqual(render(withOptOut('No'), { telemetryOptOut: 'Yes' }), [
    `${has} a condition that is on with the default parameter values but off with the parameters file`,
  ]);
  const unknown = conditional("[parameters('telemetry')]", { parameters: { telemetry: { type: 'bool' } } });
  assert.deepEqual(render(unknown), [`${has} a condition that is known only at deployment (it depends on parameters('telemetry'))`]);
  assert.deepEqual(render(unknown, { telemetry: true }), [
    `${has} a condition that is not known from the default values (it depends on parameters('telemetry')) but on with the parameters file`,
  ]);
  assert.deepEqual(render(conditional("[concat('a', 'b')]")), [
    `${has} condition "[concat('a', 'b')]", which is "ab", not a boolean; ARM expects true or false`,
  ]);
});
