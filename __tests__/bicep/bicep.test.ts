// Bicep read natively: every rule that applies, on fixtures written here, each finding asserted
// with its rule, file, line and column (in the .bicep file, or the module file it is written in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicep, checkFiles, located, GUID } from './support.ts';

const DEPLOYMENTS = "'Microsoft.Resources/deployments@2021-04-01'";

/** A tracking deployment resource; `head` is its first line, `extra` lines go after the name. */
function tracking(name: string, { head = `resource pid ${DEPLOYMENTS} = {`, extra = [] as string[], mode = 'Incremental' } = {}): string[] {
  return [
    head,
    `  name: ${name}`,
    ...extra,
    '  properties: {',
    `    mode: '${mode}'`,
    '    template: {',
    "      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'",
    "      contentVersion: '1.0.0.0'",
    '      resources: []',
    '    }',
    '  }',
    '}',
  ];
}

const STORAGE = ["resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {", "  name: 'sa1'", "  location: 'westeurope'", '}'];

async function findings(files: Record<string, string>, options: Parameters<typeof checkFiles>[1] = {}): Promise<string[]> {
  return located(await checkFiles(files, options));
}

test('a literal pid- name in the resource form passes; so does the module form whose file deploys nothing', async () => {
  assert.deepEqual(await findings({ 'main.bicep': bicep(...tracking(`'pid-${GUID}'`)) }), []);
  assert.deepEqual(
    await findings({ 'main.bicep': bicep("module pid './empty.bicep' = {", `  name: 'pid-${GUID}'`, '}'), 'empty.bicep': bicep('// deploys nothing') }),
    [],
  );
});

test('CUA001: no tracking deployment, at the top of the file', async () => {
  assert.deepEqual(await findings({ 'main.bicep': bicep('param location string = resourceGroup().location', ...STORAGE) }), ['CUA001 missing main.bicep:1:1']);
});

test('interpolated names resolve through parameter defaults and variables (CUA009 at the name)', async () => {
  const report = await checkFiles(
    {
      'main.bicep': bicep(`param trackingId string = '${GUID}'`, "var prefix = 'pid-'", ...tracking("'${prefix}${trackingId}'")),
    },
    { settings: { trackingIds: ['11111111-1111-1111-1111-111111111111'] } },
  );
  assert.deepEqual(located(report), ['CUA009 unregistered main.bicep:4:9']);
  assert.equal(report.files[0]?.tracking[0]?.resolvedName, `pid-${GUID}`);
});

test('a name with uniqueString resolves as its compiled JSON would', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      "targetScope = 'subscription'",
      `param trackingId string = '${GUID}'`,
      "param location string = 'westeurope'",
      ...tracking("'pid-${trackingId}-${uniqueString(location)}'", { extra: ['  location: location'] }),
    ),
  });
  assert.deepEqual(located(report), []);
  assert.match(report.files[0]?.tracking[0]?.resolvedName ?? '', new RegExp(`^pid-${GUID}-[a-z0-9]{13}$`));
});

test('CUA003 and CUA010: a name that is no tracking id, and one that depends on a parameter without a value', async () => {
  assert.deepEqual(await findings({ 'main.bicep': bicep(...tracking("'pid-notaguid'")) }), ['CUA003 neither main.bicep:2:9']);
  assert.deepEqual(await findings({ 'main.bicep': bicep('param trackingId string', ...tracking("'pid-${trackingId}'")) }), [
    'CUA010 unresolved main.bicep:3:9',
  ]);
});

test('.bicepparam values are the parameter values', async () => {
  const files = {
    'main.bicep': bicep('param trackingId string', ...tracking("'pid-${trackingId}'")),
    'main.bicepparam': bicep("using './main.bicep'", `param trackingId = '${GUID}'`),
  };
  const report = await checkFiles(files);
  assert.deepEqual(located(report), []);
  assert.equal(report.files[0]?.parametersFile, 'main.bicepparam');
});

test('CUA011: a condition is reported at the if', async () => {
  const head = `resource pid ${DEPLOYMENTS} = if (enable) {`;
  assert.deepEqual(await findings({ 'main.bicep': bicep('param enable bool = false', ...tracking(`'pid-${GUID}'`, { head })) }), [
    'CUA011 off-by-default main.bicep:2:65',
  ]);
});

test('a loop is a copy loop (CUA002 at the for)', async () => {
  const head = `resource pid ${DEPLOYMENTS} = [for i in range(0, 2): {`;
  const lines = tracking(`'pid-${GUID}-\${i}'`, { head });
  lines[lines.length - 1] = '}]';
  assert.deepEqual(await findings({ 'main.bicep': bicep(...lines) }), ['CUA002 too-many-in-loop main.bicep:1:61']);
});

test('targetScope sets the scope: subscription (CUA012, CUA015), management group, tenant', async () => {
  assert.deepEqual(await findings({ 'main.bicep': bicep("targetScope = 'subscription'", ...tracking(`'pid-${GUID}'`)) }), [
    'CUA012 missing main.bicep:2:1',
    'CUA015 fixed-name main.bicep:3:9',
  ]);
  const perLocation = `'pid-${GUID}-\${uniqueString(deployment().location)}'`;
  const located_ = { extra: ['  location: deployment().location'] };
  assert.deepEqual(await findings({ 'main.bicep': bicep("targetScope = 'managementGroup'", ...tracking(perLocation, located_)) }), []);
  assert.deepEqual(await findings({ 'main.bicep': bicep("targetScope = 'tenant'", ...tracking(`'pid-${GUID}'`, located_)) }), [
    'CUA015 fixed-name main.bicep:3:9',
  ]);
});

test('CUA006 and CUA007: a pid- name on another type, a Complete mode', async () => {
  const wrongType = ["resource pid 'Microsoft.Storage/storageAccounts@2023-01-01' = {", `  name: 'pid-${GUID}'`, "  location: 'westeurope'", '}'];
  assert.deepEqual(await findings({ 'main.bicep': bicep(...wrongType) }), ['CUA001 misplaced main.bicep:1:1', 'CUA006 wrong-type main.bicep:1:14']);
  assert.deepEqual(await findings({ 'main.bicep': bicep(...tracking(`'pid-${GUID}'`, { mode: 'Complete' })) }), ['CUA007 complete main.bicep:4:11']);
});

test('a module named pid- whose file deploys resources is CUA008, reported in that file', async () => {
  const files = { 'main.bicep': bicep("module pid './stuff.bicep' = {", `  name: 'pid-${GUID}'`, '}'), 'stuff.bicep': bicep('// storage', ...STORAGE) };
  assert.deepEqual(await findings(files), ['CUA008 hasResources stuff.bicep:2:1']);
});

test('CUA004: a tracking resource inside a module file is nested, reported where it is written', async () => {
  const files = {
    'main.bicep': bicep("module inner './modules/inner.bicep' = {", "  name: 'inner'", `  params: { id: '${GUID}' }`, '}'),
    'modules/inner.bicep': bicep('param id string', ...tracking("'pid-${id}'")),
  };
  const report = await checkFiles(files);
  assert.deepEqual(located(report), ['CUA001 misplaced main.bicep:1:1', 'CUA004 nested modules/inner.bicep:3:9']);
  assert.deepEqual(report.files[0]?.linkedFiles, ['modules/inner.bicep']);
  assert.equal(report.files[0]?.tracking[0]?.resolvedName, `pid-${GUID}`, 'the module parameter flows into the name');
});

test('a module scope sets the deployment target: in a resource group a fixed name is fine, at the subscription it is CUA015', async () => {
  const module = (scope: string[]): string[] => ["targetScope = 'subscription'", "module pid './empty.bicep' = {", `  name: 'pid-${GUID}'`, ...scope, '}'];
  const empty = bicep("targetScope = 'subscription'");
  assert.deepEqual(await findings({ 'main.bicep': bicep(...module(["  scope: resourceGroup('rg1')"])), 'empty.bicep': bicep('// nothing') }), []);
  // At subscription scope the compiler gives the module its location (no CUA012), but the name is fixed.
  assert.deepEqual(await findings({ 'main.bicep': bicep(...module([])), 'empty.bicep': empty }), ['CUA015 fixed-name main.bicep:3:9']);
});

test('CUA017: a registry module is not fetched, and a missing module file is said to be missing', async () => {
  const registry = ["module st 'br/public:avm/res/storage/storage-account:0.9.0' = {", "  name: 'st'", '}'];
  assert.deepEqual(await findings({ 'main.bicep': bicep(...tracking(`'pid-${GUID}'`), ...registry) }), ['CUA017 remote main.bicep:12:11']);
  const missing = ["module m './nope.bicep' = {", "  name: 'm'", '}'];
  assert.deepEqual(await findings({ 'main.bicep': bicep(...tracking(`'pid-${GUID}'`), ...missing) }), ['CUA017 missing main.bicep:12:10']);
});

test('syntax the grammar does not know is a located CUA013, and no verdict is guessed for it', async () => {
  const broken = ['type broken = {', '  a: string @@ what', '}'];
  // The tracking resource was read: only the unread region is reported.
  assert.deepEqual(await findings({ 'main.bicep': bicep(...tracking(`'pid-${GUID}'`), ...broken) }), ['CUA013 bicep-unread main.bicep:13:13']);
  // No tracking resource in what was read: it may be in the unread part, so no CUA001.
  const report = await checkFiles({ 'main.bicep': bicep(...broken, ...STORAGE) });
  assert.deepEqual(located(report), ['CUA013 bicep-unread main.bicep:2:13']);
  assert.equal(report.files[0]?.verdict, 'fail');
});

test('suppression in a Bicep comment, with its reason; a comment that cannot work is a warning', async () => {
  const head = `resource pid ${DEPLOYMENTS} = if (enable) {`;
  const report = await checkFiles({
    'main.bicep': bicep('param enable bool = false', '// cua-guard ignore CUA011: the offer switches it on', ...tracking(`'pid-${GUID}'`, { head })),
  });
  assert.deepEqual(located(report), ['CUA011 off-by-default main.bicep:3:65 suppressed']);
  assert.deepEqual(report.files[0]?.findings[0]?.suppressed, { reason: 'the offer switches it on' });
  assert.deepEqual(await findings({ 'main.bicep': bicep('// cua-guard ignore CUA999', ...tracking(`'pid-${GUID}'`)) }), [
    'CUA013 suppression-unknown-id main.bicep:1:1',
  ]);
});

test('CUA002: two tracking deployments', async () => {
  const second = tracking(`'pid-${GUID}'`, { head: `resource pid2 ${DEPLOYMENTS} = {` });
  assert.deepEqual(await findings({ 'main.bicep': bicep(...tracking(`'pid-${GUID}'`), ...second) }), ['CUA002 declared-twice main.bicep:12:1']);
});

test('discovery finds main.bicep, mainTemplate.bicep and azuredeploy.bicep by default; other .bicep files only when named', async () => {
  const report = await checkFiles({
    'a/main.bicep': bicep(...STORAGE),
    'b/mainTemplate.bicep': bicep(...STORAGE),
    'c/azuredeploy.bicep': bicep(...STORAGE),
    'd/network.bicep': bicep(...STORAGE),
  });
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['a/main.bicep', 'b/mainTemplate.bicep', 'c/azuredeploy.bicep'],
  );
  const named = await checkFiles({ 'd/network.bicep': bicep(...STORAGE) }, { paths: ['d/network.bicep'] });
  assert.deepEqual(located(named), ['CUA001 missing d/network.bicep:1:1']);
});

test('the JSON compiled from a checked Bicep file says that its findings are the Bicep file’s', async () => {
  const compiled = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'bicep', version: '0.30.0' } },
    resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'sa1', location: 'westeurope' }],
  };
  const report = await checkFiles({ 'azuredeploy.bicep': bicep(...STORAGE), 'azuredeploy.json': JSON.stringify(compiled) });
  const json = report.files.find((f) => f.path === 'azuredeploy.json');
  const source = report.files.find((f) => f.path === 'azuredeploy.bicep');
  assert.match(json?.findings[0]?.message ?? '', /compiled from azuredeploy\.bicep, which is checked too/);
  assert.doesNotMatch(source?.findings[0]?.message ?? '', /compiled/);
});

test('a module file reached by several deployments reports its mistake once, saying how often it is reached', async () => {
  const files = {
    'main.bicep': bicep(
      ...tracking(`'pid-${GUID}'`),
      "module inner './inner.bicep' = [for i in range(0, 3): {",
      "  name: 'inner${i}'",
      `  params: { id: '${GUID}' }`,
      '}]',
    ),
    'inner.bicep': bicep('param id string', ...tracking("'pid-${id}'")),
  };
  const twice = {
    ...files,
    'main.bicep': bicep(
      ...tracking(`'pid-${GUID}'`),
      "module a './inner.bicep' = {",
      "  name: 'a'",
      `  params: { id: '${GUID}' }`,
      '}',
      "module b './inner.bicep' = {",
      "  name: 'b'",
      `  params: { id: '${GUID}' }`,
      '}',
    ),
  };
  assert.deepEqual(await findings(files), ['CUA004 nestedBesideTopLevel inner.bicep:3:9']);
  const report = await checkFiles(twice);
  assert.deepEqual(located(report), ['CUA004 nestedBesideTopLevel inner.bicep:3:9']);
  assert.match(report.files[0]?.findings[0]?.message ?? '', /\(written once, reached by 2 module deployments\)$/);
});

test('an expression the grammar cannot read is unknown, never an error of its own', async () => {
  // `split(x, , '/')`: the grammar recovers around the gap; no CUA016 about argument counts.
  const report = await checkFiles({ 'main.bicep': bicep("param id string = 'a/b'", "var last = last(split(id, , '/'))", ...tracking(`'pid-${GUID}'`)) });
  assert.deepEqual(
    located(report).map((f) => f.split(' ')[0]),
    ['CUA013'],
  );
});
