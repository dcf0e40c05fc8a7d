import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua017 } from '../../src/rules/cua017-linked-template-not-checked.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { storageAccount, template, trackingResource, type Json } from '../support/templates.ts';

function linkTo(name: string, templateLink: Json): Json {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', templateLink } };
}

const literalArtifactsParameters = {
  _artifactsLocation: { type: 'string', defaultValue: 'https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/foo/' },
  _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
};

ruleTester(cua017, {
  valid: [
    {
      name: 'a relativePath link to a file that is present',
      template: template([trackingResource(), linkTo('child', { relativePath: 'nested/x.json' })]),
      linked: { 'nested/x.json': template([storageAccount()]) },
    },
    {
      name: '_artifactsLocation with a literal URL default is the package base',
      template: template([trackingResource(), linkTo('x', { uri: "[concat(parameters('_artifactsLocation'), 'nestedtemplates/x.json')]" })], {
        parameters: literalArtifactsParameters,
      }),
      linked: { 'nestedtemplates/x.json': template([storageAccount()]) },
    },
    {
      name: 'a link ARM rejects is CUA016, not this',
      template: template([trackingResource(), linkTo('child', { relativePath: "[concat('a.json']" })]),
      linked: {},
    },
    {
      name: 'a linked file that is not valid JSON is CUA013, not this',
      template: template([trackingResource(), linkTo('broken', { relativePath: 'broken.json' })]),
      linked: { 'broken.json': '{ "resources": [ ' },
    },
  ],
  invalid: [
    {
      name: 'a remote link; its query (a SAS token) is never shown',
      template: template([trackingResource(), linkTo('remote', { uri: 'https://example.com/x.json?sv=2020&sig=secret' })]),
      errors: [
        {
          messageId: 'remote',
          data: { problem: 'linked template https://example.com/x.json?… is remote and was not fetched' },
          line: 24,
          column: 25,
          endLine: 24,
          endColumn: 26,
          severity: 'notice',
        },
      ],
      output: null,
    },
    {
      name: 'a link outside the workspace is never read',
      template: template([trackingResource(), linkTo('escape', { relativePath: '../../outside/evil.json' })]),
      linked: {},
      errors: [
        {
          messageId: 'outside-workspace',
          data: { problem: `linked template '../../outside/evil.json' is outside the workspace and was not read` },
          line: 24,
          column: 25,
          endLine: 24,
          endColumn: 26,
          severity: 'notice',
        },
      ],
      output: null,
    },
    {
      name: 'a missing file',
      template: template([trackingResource(), linkTo('missing', { relativePath: 'nope.json' })]),
      linked: {},
      errors: [
        {
          messageId: 'missing',
          data: { problem: `linked template 'nope.json' does not exist in the repository` },
          line: 24,
          column: 25,
          endLine: 24,
          endColumn: 26,
          severity: 'notice',
        },
      ],
      output: null,
    },
    {
      name: 'a link not known before deployment',
      template: template([trackingResource(), linkTo('unknown', { uri: "[parameters('where')]" })], { parameters: { where: { type: 'string' } } }),
      errors: [
        {
          messageId: 'unresolved',
          data: { problem: `templateLink.uri '{parameters('where')}' cannot be resolved to a file in the repository` },
          line: 29,
          column: 25,
          endLine: 29,
          endColumn: 26,
          severity: 'notice',
        },
      ],
      output: null,
    },
  ],
});

test('CUA017 messages render', () => {
  const { findings } = runRule(cua017, {
    name: 'render',
    template: template([trackingResource(), linkTo('remote', { uri: 'https://example.com/templates/network.json' })]),
  });
  assert.deepEqual(
    findings.map((f) => f.message),
    ['linked template https://example.com/templates/network.json is remote and was not fetched; a tracking resource inside it would not be seen'],
  );
});

test('CUA017: one notice per distinct target per main template, remote links grouped by host', () => {
  const tpl = template([
    trackingResource(),
    linkTo('a', { uri: 'https://example.blob.core.windows.net/t/a.json?sig=secret' }),
    linkTo('b', { uri: 'https://example.blob.core.windows.net/t/b.json' }),
    linkTo('c', { uri: 'https://example.blob.core.windows.net/t/b.json' }),
    linkTo('d', { uri: 'https://other.example.com/d.json' }),
    linkTo('e', { relativePath: 'nested/gone.json' }),
    linkTo('f', { relativePath: 'nested/gone.json' }),
  ]);
  const findings = runRule(cua017, { name: 'grouped', template: tpl, linked: {} }).findings;
  assert.deepEqual(
    findings.map((f) => [f.messageId, f.data]),
    [
      [
        'remoteHost',
        {
          count: 2,
          host: 'example.blob.core.windows.net',
          urls: 'https://example.blob.core.windows.net/t/a.json?…, https://example.blob.core.windows.net/t/b.json',
        },
      ],
      ['remote', { problem: 'linked template https://other.example.com/d.json is remote and was not fetched' }],
      ['missing', { problem: "linked template 'nested/gone.json' does not exist in the repository" }],
    ],
  );
  assert.ok(findings.every((f) => !f.message.includes('secret')));
});
