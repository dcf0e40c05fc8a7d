import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua004 } from '../../src/rules/cua004-tracking-in-nested-template.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, storageAccount, template, trackingResource } from '../support/templates.ts';

const OTHER = '11111111-2222-3333-4444-555555555555';
/** A deployment whose inline template holds `resources`. */
const wrapper = (name: string, resources: unknown[]) => trackingResource({ name, properties: { mode: 'Incremental', template: template(resources) } });

ruleTester(cua004, {
  valid: [
    { name: 'a plain top-level tracking deployment', template: template([trackingResource(), storageAccount()]) },
    {
      name: 'a pid- resource of another type among child resources is CUA006, not this',
      template: template([{ ...storageAccount(), resources: [{ ...storageAccount(), name: `pid-${GUID}` }] }]),
    },
  ],
  invalid: [
    {
      name: 'inside an inline nested template, with the chain',
      template: template([trackingResource({ name: `pid-${OTHER}` }), wrapper('wrapper', [trackingResource()])]),
      errors: [
        {
          messageId: 'nestedBesideTopLevel',
          data: { name: `pid-${GUID}`, chain: `'wrapper' (azuredeploy.json)` },
          line: 31,
          column: 23,
          endLine: 31,
          endColumn: 65,
        },
      ],
      output: null,
    },
    {
      name: 'two levels deep: the chain names both deployments',
      template: template([trackingResource({ name: `pid-${OTHER}` }), wrapper('outer', [wrapper('inner', [trackingResource()])])]),
      errors: [
        {
          messageId: 'nestedBesideTopLevel',
          data: { name: `pid-${GUID}`, chain: `'outer' (azuredeploy.json) → 'inner' (azuredeploy.json)` },
          line: 41,
          column: 31,
          endLine: 41,
          endColumn: 73,
        },
      ],
      output: null,
    },
    {
      name: 'among child resources',
      template: template([{ ...storageAccount(), resources: [trackingResource()] }]),
      errors: [{ messageId: 'child', data: { name: `pid-${GUID}` }, line: 18, column: 19, endLine: 18, endColumn: 61 }],
      output: null,
    },
  ],
});

test('CUA004 messages render', () => {
  const render = (resources: unknown[]) => runRule(cua004, { name: 'render', template: template(resources) }).findings.map((f) => f.message);
  assert.deepEqual(render([wrapper('wrapper', [trackingResource()])]), [
    `tracking deployment 'pid-${GUID}' is inside the nested template of 'wrapper' (azuredeploy.json); Partner Center only attributes a tracking deployment made by the main template: move it to the top-level resources`,
  ]);
  assert.deepEqual(render([{ ...storageAccount(), resources: [trackingResource()] }]), [
    `tracking deployment 'pid-${GUID}' is a child resource; declare it in the main template's top-level resources`,
  ]);
});
