import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua014 } from '../../src/rules/cua014-tracking-api-version.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, emptyTemplate, template, trackingResource } from '../support/templates.ts';

const NAME = `pid-${GUID}`;
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const withVersion = (apiVersion: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => template([trackingResource({ apiVersion })], extra);
const noVersion = (): Record<string, unknown> => {
  const resource = trackingResource();
  delete resource['apiVersion'];
  return resource;
};
/** apiVersion's value on line 7 of a template written by `template()`. */
const atVersion = (length: number) => ({ line: 7, column: 21, endLine: 7, endColumn: 21 + length, severity: 'warning' as const });

ruleTester(cua014, {
  valid: [
    { name: 'a date', template: withVersion('2021-04-01') },
    { name: 'a preview date', template: withVersion('2022-09-01-preview') },
    {
      name: 'an expression that gives a date',
      template: withVersion("[parameters('v')]", { parameters: { v: { type: 'string', defaultValue: '2021-04-01' } } }),
    },
  ],
  invalid: [
    {
      name: 'none: added',
      template: template([noVersion()]),
      errors: [{ messageId: 'missing', data: { name: NAME }, line: 5, column: 5, endLine: 5, endColumn: 6, severity: 'warning' }],
      output: text(template([{ ...noVersion(), apiVersion: '2021-04-01' }])),
    },
    {
      name: 'a literal that is not a date: replaced',
      template: withVersion('latest'),
      errors: [{ messageId: 'notDate', data: { name: NAME, apiVersion: "'latest'" }, ...atVersion(8) }],
      output: text(withVersion('2021-04-01')),
    },
    {
      name: 'a month that does not exist',
      template: withVersion('2021-13-01'),
      errors: [{ messageId: 'notDate', data: { name: NAME, apiVersion: "'2021-13-01'" }, ...atVersion(12) }],
      output: text(withVersion('2021-04-01')),
    },
    {
      name: 'not a string',
      template: withVersion(2021),
      errors: [{ messageId: 'notDate', data: { name: NAME, apiVersion: '2021' }, ...atVersion(4) }],
      output: text(withVersion('2021-04-01')),
    },
    {
      // The rule reads the value as ARM does; the repair rewrites only what is written as a literal.
      name: 'an expression that gives a non-date: reported, not rewritten',
      template: withVersion("[parameters('v')]", { parameters: { v: { type: 'string', defaultValue: 'latest' } } }),
      errors: [{ messageId: 'notDate', data: { name: NAME, apiVersion: "'latest'" }, line: 13, column: 21, endLine: 13, endColumn: 40, severity: 'warning' }],
      output: null,
    },
    {
      name: 'inside a nested template: reported, never edited',
      template: template([
        trackingResource({
          name: 'outer',
          properties: { mode: 'Incremental', template: { ...emptyTemplate(), resources: [trackingResource({ apiVersion: 'latest' })] } },
        }),
      ]),
      errors: [{ messageId: 'notDate', data: { name: NAME, apiVersion: "'latest'" }, line: 17, column: 29, endLine: 17, endColumn: 37, severity: 'warning' }],
      output: null,
    },
  ],
});

test('CUA014 says why it attached no fix to an expression', () => {
  const [finding] = runRule(cua014, {
    name: 'expression',
    template: withVersion("[parameters('v')]", { parameters: { v: { type: 'string', defaultValue: 'latest' } } }),
  }).findings;
  assert.equal(finding?.notFixable, 'the apiVersion is computed by an expression; make it give a date-form version');
});

test('CUA014 messages render', () => {
  const render = (value: Record<string, unknown>) => runRule(cua014, { name: 'render', template: value }).findings[0]?.message;
  assert.equal(render(template([noVersion()])), `tracking deployment '${NAME}' has no apiVersion (for example "2021-04-01")`);
  assert.equal(render(withVersion('latest')), `tracking deployment '${NAME}' has apiVersion 'latest', not a date-form version such as 2021-04-01`);
});
