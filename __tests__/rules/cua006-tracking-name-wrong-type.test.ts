import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua006 } from '../../src/rules/cua006-tracking-name-wrong-type.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, storageAccount, template, trackingResource } from '../support/templates.ts';

const OTHER = '11111111-2222-3333-4444-555555555555';

ruleTester(cua006, {
  valid: [
    { name: 'other resources with ordinary names', template: template([trackingResource(), storageAccount()]) },
    { name: 'the deployment type in any case', template: template([trackingResource({ type: 'microsoft.resources/DEPLOYMENTS' })]) },
  ],
  invalid: [
    {
      name: 'a pid- resource of another type',
      template: template([trackingResource(), { ...storageAccount(), name: `pid-${OTHER}` }]),
      errors: [
        {
          messageId: 'wrong-type',
          data: { name: `pid-${OTHER}`, type: 'Microsoft.Storage/storageAccounts' },
          line: 19,
          column: 15,
          endLine: 19,
          endColumn: 50,
        },
      ],
      output: null,
    },
    {
      name: 'a pid- resource with no type, pointed at the resource',
      template: template([trackingResource(), { apiVersion: '2021-04-01', name: `pid-${OTHER}` }]),
      errors: [{ messageId: 'no-type', data: { name: `pid-${OTHER}` }, line: 18, column: 5, endLine: 18, endColumn: 6 }],
      output: null,
    },
  ],
});

test('CUA006 messages render', () => {
  const render = (resource: unknown) => runRule(cua006, { name: 'render', template: template([resource]) }).findings.map((f) => f.message);
  assert.deepEqual(render({ ...storageAccount(), name: `pid-${GUID}` }), [
    `resource 'pid-${GUID}' has type 'Microsoft.Storage/storageAccounts'; a tracking resource must be of type Microsoft.Resources/deployments`,
  ]);
  assert.deepEqual(render({ name: `pid-${GUID}` }), [
    `resource 'pid-${GUID}' has type '(no type)'; a tracking resource must be of type Microsoft.Resources/deployments`,
  ]);
});
