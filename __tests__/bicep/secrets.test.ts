// Bicep secrets (issue 11, item 3): `@secure()` parameters (string and object), parameters whose
// type is a user-defined type declared `@secure()` (directly, through an alias, an import, an array
// of it, an object type's `@secure()` property), values a .bicepparam file or a module deployment
// gives them: never shown, found by the secrets search exactly as JSON `securestring` and
// `secureObject` are (so masked by the same policy), and never printed by the fix diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspaceLoadingGrammars } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import { fixWorkspace, unifiedDiff } from '../../src/fix/index.ts';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';
import { lowerBicep } from '../../src/model/bicep/lower.ts';
import { hasSecurePart } from '../../src/parse/secure-type.ts';
import { createSecretsSearch, protectReport, type SecretSources } from '../../src/secrets/report-secrets.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createWorkspaceFiles } from '../../src/workspace/workspace-files.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { bicep, GUID } from './support.ts';
import { BICEP_PLANTED, BICEP_UNMASKED, writeBicepSecrets } from '../support/bicep-secrets.ts';

const settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] };

/** The check and the secrets search as the CLI and the action run them: each main template searched once checked. */
async function checkAndProtect(root: string, sources: SecretSources = {}) {
  const workspace = openWorkspace(root);
  const cache = createWorkspaceFiles(workspace);
  const search = createSecretsSearch(cache, sources);
  const report = await checkWorkspaceLoadingGrammars({ workspace, files: cache, settings, cwd: root, secrets: search });
  return { report, shield: protectReport(cache, report, { search }) };
}

async function checkedAndProtected(files: Record<string, string>) {
  const ws = createTempWorkspace('cua-guard-bicep-secrets-');
  try {
    for (const [path, text] of Object.entries(files)) ws.write(path, text);
    return await checkAndProtect(ws.root);
  } finally {
    ws.dispose();
  }
}

function assertNothingPlanted(text: string, where: string): void {
  for (const [name, value] of Object.entries(BICEP_PLANTED)) assert.ok(!text.includes(value), `${where}: the ${name} secret appears`);
  for (const value of BICEP_UNMASKED)
    assert.ok(!text.includes(`pid-${value}`) && !text.includes(`'${value}'`), `${where}: the short default '${value}' appears`);
}

test('Bicep: every secure form is never evaluated or shown, and is found and masked as JSON secure values are', async () => {
  const ws = createTempWorkspace('cua-guard-bicep-secrets-');
  try {
    writeBicepSecrets(ws);
    const { report, shield } = await checkAndProtect(ws.root, { runTimeValues: { fromFile: 'Run-Time-Value-abc' } });
    // The check itself never evaluates them: nothing to redact afterwards.
    assertNothingPlanted(JSON.stringify(report), 'the unprotected report');
    assert.equal(shield.report, report, 'nothing is withheld: the secrets of each template are established');
    for (const [name, value] of Object.entries(BICEP_PLANTED)) {
      assert.ok(shield.secrets.includes(value), `${name} is not found`);
      assert.ok(shield.masks.includes(value), `${name} is not masked`);
    }
    for (const value of BICEP_UNMASKED) assert.ok(shield.secrets.includes(value) && !shield.masks.includes(value), `short default '${value}'`);
    assert.ok(shield.masks.includes('Run-Time-Value-abc'), 'a value given at run time to a secure parameter is masked');
    // The findings are where the values flow (each stays reported, its value unknown).
    const main = report.files.find((f) => f.path === 'a/main.bicep');
    assert.ok(main && main.findings.some((f) => f.ruleId === 'CUA010'), JSON.stringify(main?.findings.map((f) => f.ruleId)));
  } finally {
    ws.dispose();
  }
});

test('Bicep: a template with nothing secure keeps its report and its values', async () => {
  const { report, shield } = await checkedAndProtected({
    'main.bicep': bicep(
      "param name string = 'pid-not-a-guid'",
      "resource t 'Microsoft.Resources/deployments@2021-04-01' = {",
      '  name: name',
      "  properties: { mode: 'Incremental', template: {} }",
      '}',
    ),
  });
  assert.deepEqual(shield.secrets, []);
  assert.equal(shield.report, report);
  assert.match(report.files[0]?.findings.map((f) => f.message).join('\n') ?? '', /pid-not-a-guid/);
});

test('Bicep: a template the search did not see lowered (no syntax trees) is unsure when it may hold a secret: its findings are withheld', async () => {
  const ws = createTempWorkspace('cua-guard-bicep-secrets-');
  try {
    ws.write(
      'main.bicep',
      bicep('@secure()', "param p string = 'Planted-Unsure-Secret-77'", "resource t 'Microsoft.Resources/deployments@2021-04-01' = {", "  name: 'pid-x'", '}'),
    );
    const workspace = openWorkspace(ws.root);
    const report = await checkWorkspaceLoadingGrammars({ workspace, settings, cwd: ws.root });
    const shown = protectReport(workspace, report);
    assert.match(shown.report.files[0]?.findings[0]?.message ?? '', /^message withheld: .*Bicep grammar was not loaded/);
  } finally {
    ws.dispose();
  }
});

test('Bicep: fails closed where a type cannot be read (a registry import, syntax the grammar cannot read before a parameter)', async () => {
  const registry = 'Planted-Registry-Type-Secret-41';
  const unread = 'Planted-After-Unread-Secret-52';
  const { report, shield } = await checkedAndProtected({
    'main.bicep': bicep(
      "import { secretType } from 'br/public:avm/utl/types/avm-common-types:0.5.1'",
      `param reg secretType = '${registry}'`,
      // The grammar reads `@secure()`, then cannot read what follows it: the parameter after it is secure.
      '@secure() ~~~',
      `param after string = '${unread}'`,
      "resource t 'Microsoft.Resources/deployments@2021-04-01' = {",
      "  name: 'pid-${reg}-${after}'",
      "  properties: { mode: 'Incremental', template: {} }",
      '}',
    ),
  });
  const text = JSON.stringify(report);
  assert.ok(!text.includes(registry) && !text.includes(unread), text);
  assert.ok(shield.secrets.includes(registry) && shield.secrets.includes(unread), JSON.stringify(shield.secrets));
});

test('Bicep fix diff: secure defaults and values passed to a module’s secure parameters show as ***, however short', async () => {
  const bicepParser = await createSyntaxParser('bicep');
  const ws = createTempWorkspace('cua-guard-bicep-fix-secrets-');
  try {
    const sas = 'sv=2022-11-02&sr=c&sig=PlantedBicepFixSig93';
    ws.write(
      'main.bicep',
      bicep(
        '@secure()',
        'type secretString = string',
        '@secure()',
        'type secretObject = { key: string }',
        `param _artifactsLocationSasToken secretString = '${sas}'`,
        "param short secretString = 'pw'",
        "param settings secretObject = { key: 'Planted-Fix-Object-Secret-17' }",
        "module m './mod.bicep' = {",
        "  name: 'm'",
        "  params: { pw: 'Planted-Fix-Passed-Secret-28' }",
        '}',
      ),
    );
    ws.write('mod.bicep', bicep('@secure()', 'param pw string'));
    const report = fixWorkspace({ workspace: openWorkspace(ws.root), settingsFor: () => settings, write: false, bicepParser });
    assert.equal(report.files.length, 1);
    const diff = await unifiedDiff(report.files, { hideSecureDefaults: true });
    assert.match(diff, /^\+resource pidTracking /m, diff);
    for (const value of [sas, 'PlantedBicepFixSig93', "'pw'", 'Planted-Fix-Object-Secret-17', 'Planted-Fix-Passed-Secret-28'])
      assert.ok(!diff.includes(value), `${value} in\n${diff}`);
    assert.match(diff, /^ param _artifactsLocationSasToken secretString = '\*\*\*'$/m);
    assert.match(diff, /^ param short secretString = '\*\*\*'$/m);
    assert.match(diff, /^ param settings secretObject = '\*\*\*'$/m);
    assert.match(diff, /^ {3}params: \{ pw: '\*\*\*' \}$/m);
    // Unhidden, the diff is the change itself (what `cua-guard fix` writes).
    assert.ok((await unifiedDiff(report.files)).includes('Planted-Fix-Passed-Secret-28'));
  } finally {
    ws.dispose();
  }
});

test('Bicep types lower as the compiler writes them: definitions, $ref, items, properties, additionalProperties', async () => {
  const parser = await createSyntaxParser('bicep');
  const text = bicep(
    "import { exported } from './types.bicep'",
    '@secure()',
    'type secretString = string',
    'type alias = secretString',
    'type creds = {',
    '  user: string',
    '  @secure()',
    '  password: string',
    '  *: alias',
    '}',
    'param a alias',
    'param b creds[]',
    'param c exported',
    "param d 'x' | 'y'",
    'param e alias | creds',
  );
  const types = bicep('@export()', '@secure()', 'type exported = { v: string }');
  const read = (file: string) =>
    file === 'types.bicep'
      ? { kind: 'file' as const, text: types, root: (parser.parse(types) as NonNullable<ReturnType<typeof parser.parse>>).rootNode }
      : { kind: 'missing' as const };
  const { root } = lowerBicep('main.bicep', text, (parser.parse(text) as NonNullable<ReturnType<typeof parser.parse>>).rootNode, read);
  assert.deepEqual(root['definitions'], {
    secretString: { type: 'securestring' },
    alias: { $ref: '#/definitions/secretString' },
    creds: {
      type: 'object',
      properties: { user: { type: 'string' }, password: { type: 'securestring' } },
      additionalProperties: { $ref: '#/definitions/alias' },
    },
    '1:exported': { type: 'secureObject', properties: { v: { type: 'string' } } },
  });
  assert.deepEqual(root['parameters'], {
    a: { type: 'object', $ref: '#/definitions/alias' },
    b: { type: 'array', items: { $ref: '#/definitions/creds' } },
    c: { type: 'object', $ref: '#/definitions/1:exported' },
    d: { type: 'string' },
    e: { type: 'object', discriminator: { propertyName: 'type', mapping: { '0': { $ref: '#/definitions/alias' }, '1': { $ref: '#/definitions/creds' } } } },
  });
  // A union with a secure member is secure as a whole (the value may be that member).
  assert.equal(hasSecurePart((root['parameters'] as Record<string, unknown>)['e'], root), true);
  assert.equal(hasSecurePart((root['parameters'] as Record<string, unknown>)['d'], root), false);
});
