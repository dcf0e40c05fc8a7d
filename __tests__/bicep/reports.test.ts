// Everything else works the same for Bicep: SARIF points at the .bicep file, `only-changed` keeps a
// template whose module or .bicepparam file changed, module scopes and a named parameters file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterReportToChanges } from '../../src/app/only-changed.ts';
import { buildSarif } from '../../src/report/sarif.ts';
import { RULES } from '../../src/rules/index.ts';
import { bicep, checkFiles, located, GUID } from './support.ts';

const TRACKING_MODULE = ["module pid './modules/empty.bicep' = {", `  name: 'pid-${GUID}'`];

test('SARIF results name the .bicep file and the region where the mistake is written', async () => {
  const report = await checkFiles({
    'main.bicep': bicep("module inner './modules/inner.bicep' = {", "  name: 'inner'", '}'),
    'modules/inner.bicep': bicep(
      "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {",
      `  name: 'pid-${GUID}'`,
      "  properties: { mode: 'Incremental', template: { '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] } }",
      '}',
    ),
  });
  const log = buildSarif(report, { rules: RULES });
  const results = log.runs[0]?.results ?? [];
  const nested = results.find((r) => r.ruleId === 'CUA004');
  const location = nested?.locations?.[0]?.physicalLocation;
  assert.equal(location?.artifactLocation?.uri, 'modules/inner.bicep');
  assert.equal(location?.region?.startLine, 2);
  assert.equal(location?.region?.startColumn, 9);
});

test('only-changed keeps a Bicep template when its module file or its .bicepparam changes', async () => {
  const report = await checkFiles({
    'app/main.bicep': bicep('param location string', ...TRACKING_MODULE, '}', "module st './modules/storage.bicep' = {", "  name: 'st'", '}'),
    'app/main.bicepparam': bicep("using './main.bicep'", "param location = 'westeurope'"),
    'app/modules/empty.bicep': bicep('// nothing'),
    'app/modules/storage.bicep': bicep("resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {", "  name: 'sa1'", "  location: 'westeurope'", '}'),
    'other/main.bicep': bicep(...TRACKING_MODULE, '}'),
    'other/modules/empty.bicep': bicep('// nothing'),
  });
  const kept = (changed: string[]): string[] => filterReportToChanges(report, new Set(changed)).report.files.map((f) => f.path);
  assert.deepEqual(kept(['app/modules/storage.bicep']), ['app/main.bicep']);
  assert.deepEqual(kept(['app/main.bicepparam']), ['app/main.bicep']);
  assert.deepEqual(kept(['other/modules/empty.bicep']), ['other/main.bicep']);
  assert.deepEqual(kept(['README.md']), []);
});

test('module scopes: management group and tenant modules from a tenant file, a resource group symbol', async () => {
  const files = {
    'main.bicep': bicep(
      "targetScope = 'tenant'",
      "module pid './modules/empty.bicep' = {",
      `  name: 'pid-${GUID}-\${uniqueString(deployment().location)}'`,
      "  scope: managementGroup('mg1')",
      '}',
    ),
    'modules/empty.bicep': bicep("targetScope = 'managementGroup'"),
  };
  assert.deepEqual(located(await checkFiles(files)), []);
  const rgSymbol = {
    'main.bicep': bicep(
      "targetScope = 'subscription'",
      "resource rg 'Microsoft.Resources/resourceGroups@2023-07-01' = {",
      "  name: 'rg1'",
      "  location: 'westeurope'",
      '}',
      ...TRACKING_MODULE,
      '  scope: rg',
      '}',
    ),
    'modules/empty.bicep': bicep('// nothing'),
  };
  // Deployed into the resource group: its fixed name and missing location are fine there.
  assert.deepEqual(located(await checkFiles(rgSymbol)), []);
});

test('a named .bicepparam parameters file gives the values', async () => {
  const files = {
    'main.bicep': bicep(
      'param trackingId string',
      "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {",
      "  name: 'pid-${trackingId}'",
      "  properties: { mode: 'Incremental', template: {} }",
      '}',
    ),
    'prod.bicepparam': bicep("using './main.bicep'", `param trackingId = '${GUID}'`),
  };
  const report = await checkFiles(files, { parametersFile: 'prod.bicepparam' });
  assert.equal(report.files[0]?.parametersFile, 'prod.bicepparam');
  assert.equal(report.files[0]?.tracking[0]?.resolvedName, `pid-${GUID}`);
});

test('a suppression comment above the decorators applies to the declaration', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      'param enable bool = true',
      '// cua-guard ignore CUA011: switched off only in tests',
      "@description('tracking')",
      "resource pid 'Microsoft.Resources/deployments@2021-04-01' = if (enable) {",
      `  name: 'pid-${GUID}'`,
      "  properties: { mode: 'Incremental', template: { '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] } }",
      '}',
    ),
  });
  assert.deepEqual(located(report), ['CUA011 on-by-default main.bicep:4:65 suppressed']);
});
