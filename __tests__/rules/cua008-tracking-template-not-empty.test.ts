import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua008 } from '../../src/rules/cua008-tracking-template-not-empty.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, SUB_SCHEMA, emptyTemplate, storageAccount, template, trackingResource } from '../support/templates.ts';

const NAME = `pid-${GUID}`;
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const withProperties = (properties: unknown): Record<string, unknown> => template([trackingResource({ properties })]);
const bare = (): Record<string, unknown> => {
  const resource = trackingResource();
  delete resource['properties'];
  return resource;
};

ruleTester(cua008, {
  valid: [
    { name: 'an empty inline template', template: withProperties({ mode: 'Incremental', template: emptyTemplate() }) },
    { name: 'an empty symbolic resources object', template: withProperties({ mode: 'Incremental', template: { ...emptyTemplate(), resources: {} } }) },
  ],
  invalid: [
    {
      name: 'resources in the template: reported, never deleted',
      template: withProperties({ mode: 'Incremental', template: { ...emptyTemplate(), resources: [storageAccount()] } }),
      errors: [{ messageId: 'hasResources', data: { name: NAME, count: 1 }, line: 14, column: 24, endLine: 14, endColumn: 25, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a templateLink: reported, not replaced',
      template: withProperties({ mode: 'Incremental', templateLink: { uri: 'https://example.com/empty.json' } }),
      errors: [{ messageId: 'templateLink', data: { name: NAME }, line: 11, column: 25, endLine: 11, endColumn: 26, severity: 'warning' }],
      output: null,
    },
    {
      name: 'no template: an empty one is added',
      template: withProperties({ mode: 'Incremental' }),
      errors: [{ messageId: 'noTemplate', data: { name: NAME }, line: 9, column: 21, endLine: 9, endColumn: 22, severity: 'warning' }],
      output: text(withProperties({ mode: 'Incremental', template: emptyTemplate() })),
    },
    {
      name: "no properties: properties with an empty template, with the template's own scope schema",
      template: template([bare()], { $schema: SUB_SCHEMA }),
      errors: [{ messageId: 'noTemplate', data: { name: NAME }, line: 5, column: 5, endLine: 5, endColumn: 6, severity: 'warning' }],
      output: text(template([{ ...bare(), properties: { template: { ...emptyTemplate(), $schema: SUB_SCHEMA } } }], { $schema: SUB_SCHEMA })),
    },
    {
      name: 'a template that is not an object: reported, not replaced',
      template: withProperties({ mode: 'Incremental', template: 'empty' }),
      errors: [{ messageId: 'noTemplate', data: { name: NAME }, line: 11, column: 21, endLine: 11, endColumn: 28, severity: 'warning' }],
      output: null,
    },
    {
      name: 'inside a nested template: reported, never edited',
      template: template([
        trackingResource({
          name: 'outer',
          properties: { mode: 'Incremental', template: { ...emptyTemplate(), resources: [trackingResource({ properties: { mode: 'Incremental' } })] } },
        }),
      ]),
      errors: [{ messageId: 'noTemplate', data: { name: NAME }, line: 19, column: 29, endLine: 19, endColumn: 30, severity: 'warning' }],
      output: null,
    },
  ],
});

test('CUA008 messages render', () => {
  const render = (value: Record<string, unknown>) => runRule(cua008, { name: 'render', template: value }).findings[0]?.message;
  assert.equal(
    render(withProperties({ mode: 'Incremental', templateLink: { uri: 'https://example.com/empty.json' } })),
    `tracking deployment '${NAME}' uses templateLink; use an inline empty template so it deploys nothing and needs no download`,
  );
  assert.equal(
    render(withProperties({ mode: 'Incremental' })),
    `tracking deployment '${NAME}' has no inline properties.template; give it an empty template ({"$schema": …, "contentVersion": "1.0.0.0", "resources": []})`,
  );
  assert.equal(
    render(withProperties({ template: { ...emptyTemplate(), resources: [storageAccount(), storageAccount('b')] } })),
    `tracking deployment '${NAME}' deploys 2 resource(s); its template should be empty so it tracks without side effects`,
  );
});
