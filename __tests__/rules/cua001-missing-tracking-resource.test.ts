import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua001 } from '../../src/rules/cua001-missing-tracking-resource.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, MG_SCHEMA, RG_SCHEMA, SUB_SCHEMA, TENANT_SCHEMA, emptyTemplate, storageAccount, trackingResource } from '../support/templates.ts';

const ids = { trackingIds: [GUID] };
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const template = (resources: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  $schema: RG_SCHEMA,
  contentVersion: '1.0.0.0',
  ...extra,
  resources,
});
/** The deployment `cua-guard fix` inserts at resource-group scope. */
const inserted = {
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2021-04-01',
  name: `pid-${GUID}`,
  properties: { mode: 'Incremental', template: emptyTemplate() },
};
const nested = (): Record<string, unknown> =>
  trackingResource({ name: 'wrapper', properties: { mode: 'Incremental', template: { ...emptyTemplate(), resources: [trackingResource()] } } });
/** The key "resources" on line 4 of a template written by `template()`. */
const atResources = { line: 4, column: 3, endLine: 4, endColumn: 14 };

ruleTester(cua001, {
  valid: [
    { name: 'a top-level tracking deployment', template: template([trackingResource(), storageAccount()]) },
    {
      name: 'the type differs only in case (ARM compares types case-insensitively)',
      template: template([trackingResource({ type: 'microsoft.resources/DEPLOYMENTS' })]),
    },
    {
      name: 'a symbolic resource in languageVersion 2.0',
      template: template({ tracking: trackingResource(), st: storageAccount() }, { languageVersion: '2.0' }),
    },
  ],
  invalid: [
    {
      name: 'none: inserted as the first resource with the first registered id',
      template: template([storageAccount()]),
      settings: { trackingIds: [GUID, '11111111-2222-3333-4444-555555555555'] },
      errors: [{ messageId: 'missing', ...atResources }],
      output: text(template([inserted, storageAccount()])),
    },
    {
      name: 'an empty resources array',
      template: template([]),
      settings: ids,
      errors: [{ messageId: 'missing', ...atResources }],
      output: text(template([inserted])),
    },
    {
      name: 'no tracking id given: nothing to insert',
      template: template([storageAccount()]),
      errors: [{ messageId: 'missing', ...atResources }],
      output: null,
    },
    {
      name: 'languageVersion 2.0: a new symbolic resource, first, under a free name',
      template: template({ pidTracking: storageAccount('a'), st: storageAccount() }, { languageVersion: '2.0' }),
      settings: ids,
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 14 }],
      output: text(template({ pidTracking2: inserted, pidTracking: storageAccount('a'), st: storageAccount() }, { languageVersion: '2.0' })),
    },
    ...[SUB_SCHEMA, MG_SCHEMA, TENANT_SCHEMA].map((schema) => ({
      name: `at ${schema.split('/').pop() ?? ''}: with a location, a per-location name and the scope's schema`,
      template: template([], { $schema: schema }),
      settings: ids,
      errors: [{ messageId: 'missing', ...atResources }],
      output: text(
        template(
          [
            {
              type: 'Microsoft.Resources/deployments',
              apiVersion: '2021-04-01',
              name: `[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`,
              location: '[deployment().location]',
              properties: { mode: 'Incremental', template: { ...emptyTemplate(), $schema: schema } },
            },
          ],
          { $schema: schema },
        ),
      ),
    })),
    {
      name: 'only inside a nested template: the top-level one is inserted, the nested one stays',
      template: template([nested()]),
      settings: ids,
      errors: [{ messageId: 'misplaced', ...atResources }],
      output: text(template([inserted, nested()])),
    },
    {
      name: 'a top-level deployment name that cannot be resolved might be it: counted, and the tracking deployment still inserted',
      template: template([trackingResource({ name: "[parameters('deploymentName')]" })], { parameters: { deploymentName: { type: 'string' } } }),
      settings: ids,
      errors: [{ messageId: 'missingUnresolved', data: { count: 1 }, line: 9, column: 3, endLine: 9, endColumn: 14 }],
      output: text(template([inserted, trackingResource({ name: "[parameters('deploymentName')]" })], { parameters: { deploymentName: { type: 'string' } } })),
    },
    {
      name: 'a top-level deployment named pid-… by a broken expression is meant as the tracking one: nothing inserted',
      template: template([trackingResource({ name: `[concat('pid-${GUID}', )]` })]),
      settings: ids,
      errors: [{ messageId: 'missing', ...atResources }],
      output: null,
    },
  ],
});

test('CUA001 says why it attached no fix', () => {
  const none = runRule(cua001, { name: 'no id', template: template([]) }).findings[0];
  assert.equal(none?.notFixable, "no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)");
  const broken = runRule(cua001, { name: 'broken', template: template([trackingResource({ name: `[concat('pid-${GUID}', )]` })]), settings: ids }).findings[0];
  assert.match(
    broken?.notFixable ?? '',
    /^the deployment named "\[concat\('pid-4f3c9a7e[^"]*', \)\]" looks like the tracking deployment, but its name cannot be evaluated; fix the expression by hand$/,
  );
});

test('CUA001 messages render', () => {
  const render = (value: unknown) => runRule(cua001, { name: 'render', template: value as Record<string, unknown> }).findings[0]?.message;
  const missing = "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'";
  assert.equal(render(template([])), missing);
  assert.equal(render(template([nested()])), `${missing} (a pid- resource exists, but not as a top-level deployment: see the other findings)`);
  const unresolved = template([nested(), trackingResource({ name: "[parameters('n')]" })], { parameters: { n: { type: 'string' } } });
  assert.equal(
    render(unresolved),
    `${missing} (a pid- resource exists, but not as a top-level deployment: see the other findings); 1 top-level deployment name(s) could not be resolved and might be it`,
  );
  assert.equal(
    render(template([trackingResource({ name: "[parameters('n')]" })], { parameters: { n: { type: 'string' } } })),
    `${missing}; 1 top-level deployment name(s) could not be resolved and might be it`,
  );
});
