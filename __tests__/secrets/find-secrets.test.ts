// Which values count as secrets: secure parameter defaults and values (also in nested and linked
// templates), SAS tokens in template links and `…SasToken` parameters. And which do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSecrets, sasQueries, secretsInParameterValues, secureParameterNames } from '../../src/secrets/find-secrets.ts';
import { parseTemplateText } from '../../src/parse/parse-json.ts';
import { corpusDir, readManifest } from '../support/corpus.ts';

const SAS = 'sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00%3A00%3A00Z&sig=Zm9vYmFyU2lnbmF0dXJl%2BAbC%3D';

test('secure parameter defaults and values, strings and objects', () => {
  const root = {
    parameters: {
      adminPassword: { type: 'secureString', defaultValue: 'Default-Password-1!' },
      settings: { type: 'SecureObject', defaultValue: { connection: 'Server=x;Password=Obj-Secret-2', port: 1433, on: false, nested: ['Deep-Secret-3'] } },
      expression: { type: 'securestring', defaultValue: "[parameters('adminPassword')]" },
      flags: { type: 'secureObject', defaultValue: { enabled: false } },
      plain: { type: 'string', defaultValue: 'not-a-secret' },
      short: { type: 'securestring', defaultValue: 'ab' },
      empty: { type: 'securestring', defaultValue: '' },
      fromFile: { type: 'securestring' },
    },
    resources: [],
  };
  const secrets = findSecrets(root, { fromFile: 'File-Secret-4', plain: 'ignored-plain-value', ADMINPASSWORD: 'Case-Insensitive-5' });
  for (const s of ['Default-Password-1!', 'Server=x;Password=Obj-Secret-2', 'Deep-Secret-3', 'File-Secret-4', 'Case-Insensitive-5'])
    assert.ok(secrets.includes(s), s);
  assert.ok(secrets.includes(JSON.stringify(root.parameters.settings.defaultValue)), 'the object as JSON, as a message would show it');
  // Not secrets: plain parameters, too-short values, ARM expressions (template text), numbers and
  // booleans (masking them would hide every `false` and `1433` in the log).
  for (const s of ['not-a-secret', 'ignored-plain-value', 'ab', '', "[parameters('adminPassword')]", '1433', 'false', '{"enabled":false}'])
    assert.ok(!secrets.includes(s), s);
  assert.deepEqual(
    secrets,
    [...secrets].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)),
    'longest first, so masking never leaves a tail',
  );
});

test('secure values in nested inline templates and the values deployments pass to them', () => {
  const root = {
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        name: 'inner',
        properties: {
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: { innerPassword: { value: 'Passed-In-Secret-6' }, visible: { value: 'visible-value' } },
          template: {
            parameters: {
              innerPassword: { type: 'securestring' },
              visible: { type: 'string' },
              other: { type: 'secureString', defaultValue: 'Inner-Default-7' },
            },
            resources: [{ type: 'Microsoft.Web/sites', name: 'x', resources: [] }],
          },
        },
      },
      {
        type: 'Microsoft.Resources/deployments',
        name: 'linked',
        properties: {
          templateLink: { relativePath: 'nested/linked.json' },
          parameters: { linkedSecret: { value: 'Linked-Passed-8' }, plain: { value: 'linked-plain' } },
        },
      },
    ],
  };
  const secrets = findSecrets(root, {}, new Set(['linkedsecret']));
  for (const s of ['Passed-In-Secret-6', 'Inner-Default-7', 'Linked-Passed-8']) assert.ok(secrets.includes(s), s);
  for (const s of ['visible-value', 'linked-plain']) assert.ok(!secrets.includes(s), s);
});

test('SAS tokens in template links, SasToken parameters and parameters files', () => {
  const root = {
    parameters: {
      _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' },
      _artifactsLocationSasToken: { type: 'string', defaultValue: `?${SAS}` },
    },
    resources: [
      { type: 'Microsoft.Resources/deployments', name: 'a', properties: { templateLink: { uri: `https://acct.blob.core.windows.net/t/nested.json?${SAS}` } } },
      { type: 'Microsoft.Resources/deployments', name: 'b', properties: { templateLink: { relativePath: 'nested/x.json?sig=RelativeSig9&sv=2020' } } },
      {
        type: 'Microsoft.Resources/deployments',
        name: 'c',
        properties: { templateLink: { uri: "[concat(parameters('_artifactsLocation'), 'n.json', '?sv=2021&sig=InExpressionSig10')]" } },
      },
    ],
  };
  const secrets = findSecrets(root);
  for (const s of [
    SAS,
    `?${SAS}`,
    'Zm9vYmFyU2lnbmF0dXJl%2BAbC%3D',
    'Zm9vYmFyU2lnbmF0dXJl+AbC=',
    'sig=RelativeSig9&sv=2020',
    'RelativeSig9',
    'sv=2021&sig=InExpressionSig10',
    'InExpressionSig10',
  ]) {
    assert.ok(secrets.includes(s), `${s} in ${JSON.stringify(secrets)}`);
  }
  assert.ok(!secrets.some((s) => s.includes('https://acct')), 'the URI without its query is not a secret');
  assert.deepEqual(
    secretsInParameterValues({ _artifactsLocationSasToken: `?${SAS}`, location: 'westeurope' }, new Set()),
    [`?${SAS}`, SAS, 'Zm9vYmFyU2lnbmF0dXJl+AbC=', 'Zm9vYmFyU2lnbmF0dXJl%2BAbC%3D'].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)),
  );
});

test('SAS detection is linear and ignores words that merely contain sig=', () => {
  assert.deepEqual(sasQueries('design=x&ksig=y'), []);
  assert.deepEqual(sasQueries("'https://x/y?a=1&sig=abc' and more"), ['a=1&sig=abc']);
  const hostile = `${'a=b&'.repeat(250_000)}sig=${'x'.repeat(1000)}`;
  const started = performance.now();
  assert.equal(sasQueries(hostile).length, 1);
  assert.equal(sasQueries('=sig='.repeat(200_000)).length >= 0, true);
  assert.ok(performance.now() - started < 2_000, 'no catastrophic backtracking');
});

test('secureParameterNames, and hostile input never throws', () => {
  assert.deepEqual([...secureParameterNames({ parameters: { A: { type: 'SecureString' }, b: { type: 'string' }, c: null } })], ['a']);
  for (const root of [null, 7, 'x', [], { parameters: 'x', resources: 'y' }, { parameters: { p: { type: 7 } } }]) assert.deepEqual(findSecrets(root), []);
  let deep: unknown = 'Deep-Secret-Value';
  for (let i = 0; i < 10_000; i++) deep = [deep];
  assert.doesNotThrow(() => findSecrets({ parameters: { p: { type: 'secureObject', defaultValue: deep } } }));
});

const dir = corpusDir();
test('corpus: secrets found are secure values and SAS tokens only', { skip: dir ? false : '../shared/corpus is absent' }, (t) => {
  if (!dir) return;
  let templates = 0;
  let withSecrets = 0;
  const all: string[] = [];
  for (const entry of readManifest(dir)) {
    const parsed = parseTemplateText(readFileSync(join(dir, entry.path), 'utf8'));
    if (!parsed.ok) continue;
    templates++;
    const secrets = findSecrets(parsed.value);
    if (secrets.length > 0) withSecrets++;
    all.push(...secrets);
  }
  t.diagnostic(`${templates} corpus templates, ${withSecrets} with secret-looking values, ${new Set(all).size} distinct values`);
  // Secure defaults in public templates are placeholders or expressions, never resource types or API versions.
  for (const s of all) {
    assert.doesNotMatch(s, /^Microsoft\.[A-Za-z]+\/[A-Za-z]+$/, s);
    assert.doesNotMatch(s, /^\d{4}-\d{2}-\d{2}(-preview)?$/, s);
    assert.ok(s.trim().length >= 3, s);
  }
});
