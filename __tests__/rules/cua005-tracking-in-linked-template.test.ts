import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua005 } from '../../src/rules/cua005-tracking-in-linked-template.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, storageAccount, template, trackingResource, type Json } from '../support/templates.ts';

const OTHER = '11111111-2222-3333-4444-555555555555';

function linkTo(name: string, templateLink: Json, parameters: Json = {}): Json {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', templateLink, parameters } };
}

const artifactsParameters = {
  _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' },
  _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
};

/** A linked template with a tracking deployment on line 18. */
const child = template([storageAccount(), trackingResource({ name: `pid-${OTHER}` })]);

const forms: [string, Json, Json][] = [
  ['relativePath', { relativePath: 'nested/child.json' }, {}],
  ['uri(deployment().properties.templateLink.uri, …)', { uri: "[uri(deployment().properties.templateLink.uri, 'nested/child.json')]" }, {}],
  [
    'uri(_artifactsLocation, concat(…, sasToken))',
    { uri: "[uri(parameters('_artifactsLocation'), concat('nested/child.json', parameters('_artifactsLocationSasToken')))]" },
    artifactsParameters,
  ],
  [
    'concat(_artifactsLocation, …, sasToken)',
    { uri: "[concat(parameters('_artifactsLocation'), 'nested/child.json', parameters('_artifactsLocationSasToken'))]" },
    artifactsParameters,
  ],
];

ruleTester(cua005, {
  valid: [
    {
      name: 'linked templates without tracking resources',
      template: template([trackingResource(), linkTo('child', { relativePath: 'nested/child.json' })]),
      linked: { 'nested/child.json': template([storageAccount()]) },
    },
    {
      name: 'a pid- resource of another type in a linked template is CUA006, not this',
      template: template([trackingResource(), linkTo('child', { relativePath: 'nested/child.json' })]),
      linked: { 'nested/child.json': template([{ ...storageAccount(), name: `pid-${OTHER}` }]) },
    },
  ],
  invalid: [
    ...forms.map(([form, templateLink, parameters]) => ({
      name: `in a file linked by ${form}: at its own file and line`,
      template: template([trackingResource(), linkTo('child', templateLink)], { parameters }),
      linked: { 'nested/child.json': child },
      errors: [
        {
          messageId: 'linkedBesideTopLevel',
          data: { name: `pid-${OTHER}`, main: 'azuredeploy.json', chain: "'child' (azuredeploy.json)" },
          line: 18,
          column: 15,
          endLine: 18,
          endColumn: 57,
          file: 'nested/child.json',
        },
      ],
      output: null,
    })),
    {
      name: 'the chain names every deployment on the way; a linked file links onwards from the package root',
      template: template(
        [trackingResource(), linkTo('level1', { relativePath: 'nested/one.json' }, { _artifactsLocation: { value: "[parameters('_artifactsLocation')]" } })],
        { parameters: artifactsParameters },
      ),
      linked: {
        'nested/one.json': template([linkTo('level2', { uri: "[concat(parameters('_artifactsLocation'), 'nested/two.json')]" })], {
          parameters: { _artifactsLocation: { type: 'string' } },
        }),
        'nested/two.json': template([trackingResource()]),
      },
      errors: [
        {
          messageId: 'linkedBesideTopLevel',
          data: { name: `pid-${GUID}`, main: 'azuredeploy.json', chain: `'level1' (azuredeploy.json) → 'level2' (nested/one.json)` },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 57,
          file: 'nested/two.json',
        },
      ],
      output: null,
    },
  ],
});

test('CUA005 messages render', () => {
  const { findings } = runRule(cua005, {
    name: 'render',
    template: template([trackingResource(), linkTo('child', { relativePath: 'nested/child.json' })]),
    linked: { 'nested/child.json': template([trackingResource()]) },
  });
  assert.deepEqual(
    findings.map((f) => f.message),
    [
      `tracking deployment 'pid-${GUID}' is in a linked template reached from azuredeploy.json through 'child' (azuredeploy.json); the main template already deploys one at the top level: remove this one`,
    ],
  );
  // Without a top-level one, the message does not say to remove it (the fix inserts the top-level one).
  const alone = runRule(cua005, {
    name: 'render',
    template: template([linkTo('child', { relativePath: 'nested/child.json' })]),
    linked: { 'nested/child.json': template([trackingResource()]) },
  });
  assert.deepEqual(
    alone.findings.map((f) => f.message),
    [
      `tracking deployment 'pid-${GUID}' is in a linked template reached from azuredeploy.json through 'child' (azuredeploy.json); only the main template may deploy it`,
    ],
  );
});
