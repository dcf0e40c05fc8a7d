// The same template in Bicep and in hand-written equivalent JSON (what the Bicep compiler writes)
// gives the same findings: the same rules, messages and data, each where it is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicep, checkFiles, GUID } from './support.ts';
import { SUB_SCHEMA, RG_SCHEMA } from '../support/templates.ts';
import type { WorkspaceCheckReport } from '../../src/app/check-workspace.ts';

const EMPTY_TEMPLATE = { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [] };

/**
 * Rule, message id and data of each finding (file names as written in messages left out).
 * `spelled`: how Bicep writes an expression the JSON writes in ARM's syntax (messages show what the author wrote).
 */
function meaning(report: WorkspaceCheckReport, spelled: Record<string, string> = {}): string[] {
  return report.files
    .flatMap((f) =>
      f.findings.map((x) => {
        let text = `${x.ruleId} ${x.messageId} ${JSON.stringify(x.data ?? {})}`.replace(/\((main\.bicep|azuredeploy\.json)\)/g, '(…)');
        for (const [arm, bicep] of Object.entries(spelled)) text = text.replaceAll(arm, bicep);
        return text;
      }),
    )
    .sort();
}

test('subscription scope, a condition, an interpolated name with defaults, a module with resources and a nested tracking module', async () => {
  const source = bicep(
    "targetScope = 'subscription'",
    `param trackingId string = '${GUID}'`,
    'param enable bool = false',
    "var suffix = 'x'",
    "resource pid 'Microsoft.Resources/deployments@2021-04-01' = if (enable) {",
    "  name: 'pid-${trackingId}'",
    '  properties: {',
    "    mode: 'Incremental'",
    `    template: { '$schema': '${RG_SCHEMA}', contentVersion: '1.0.0.0', resources: [] }`,
    '  }',
    '}',
    "module withStuff './stuff.bicep' = {",
    "  name: 'pid-${trackingId}-${suffix}'",
    "  scope: resourceGroup('rg1')",
    '}',
  );
  const stuff = bicep("resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {", "  name: 'sa1'", "  location: 'westeurope'", '}');
  const json = {
    $schema: SUB_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { trackingId: { type: 'string', defaultValue: GUID }, enable: { type: 'bool', defaultValue: false } },
    variables: { suffix: 'x' },
    resources: [
      {
        condition: "[parameters('enable')]",
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: "[format('pid-{0}', parameters('trackingId'))]",
        properties: { mode: 'Incremental', template: EMPTY_TEMPLATE },
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: "[format('pid-{0}-{1}', parameters('trackingId'), variables('suffix'))]",
        resourceGroup: 'rg1',
        properties: {
          expressionEvaluationOptions: { scope: 'inner' },
          mode: 'Incremental',
          template: {
            ...EMPTY_TEMPLATE,
            resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'sa1', location: 'westeurope' }],
          },
        },
      },
    ],
  };
  const fromBicep = await checkFiles({ 'main.bicep': source, 'stuff.bicep': stuff });
  const fromJson = await checkFiles({ 'azuredeploy.json': JSON.stringify(json, null, 2) });
  assert.ok(meaning(fromJson).length >= 3, `the fixture has findings: ${meaning(fromJson).join('; ')}`);
  // CUA015 suggests a name in the file's own language.
  const suggestion = {
    [`\\"[format('pid-${GUID}-{0}', uniqueString(deployment().location))]\\"`]: `'pid-${GUID}-\${uniqueString(deployment().location)}'`,
  };
  assert.deepEqual(meaning(fromBicep), meaning(fromJson, suggestion));
  assert.deepEqual(
    fromBicep.files[0]?.tracking.map((t) => t.resolvedName),
    fromJson.files[0]?.tracking.map((t) => t.resolvedName),
  );
});

test('a tracking module nested in a module, and a copy loop', async () => {
  const source = bicep(
    "module outer './outer.bicep' = {",
    "  name: 'outer'",
    `  params: { id: '${GUID}' }`,
    '}',
    "resource looped 'Microsoft.Resources/deployments@2021-04-01' = [for i in range(0, 2): {",
    `  name: 'pid-${GUID}-\${i}'`,
    `  properties: { mode: 'Incremental', template: { '$schema': '${RG_SCHEMA}', contentVersion: '1.0.0.0', resources: [] } }`,
    '}]',
  );
  const outer = bicep('param id string', "module pid './empty.bicep' = {", "  name: 'pid-${id}'", '}');
  const nested = {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: "[format('pid-{0}', parameters('id'))]",
    properties: { expressionEvaluationOptions: { scope: 'inner' }, mode: 'Incremental', template: EMPTY_TEMPLATE },
  };
  const json = {
    $schema: RG_SCHEMA,
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'outer',
        properties: {
          expressionEvaluationOptions: { scope: 'inner' },
          mode: 'Incremental',
          parameters: { id: { value: GUID } },
          template: { ...EMPTY_TEMPLATE, parameters: { id: { type: 'string' } }, resources: [nested] },
        },
      },
      {
        copy: { name: 'looped', count: '[length(range(0, 2))]' },
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: `[format('pid-${GUID}-{0}', range(0, 2)[copyIndex()])]`,
        properties: { mode: 'Incremental', template: EMPTY_TEMPLATE },
      },
    ],
  };
  const fromBicep = await checkFiles({ 'main.bicep': source, 'outer.bicep': outer, 'empty.bicep': bicep('// nothing') });
  const fromJson = await checkFiles({ 'azuredeploy.json': JSON.stringify(json, null, 2) });
  assert.ok(
    meaning(fromJson).some((m) => m.startsWith('CUA004')),
    meaning(fromJson).join('; '),
  );
  // The loop variable is named as the Bicep file names it.
  assert.deepEqual(meaning(fromBicep), meaning(fromJson, { 'range(0, 2)[copyIndex()]': 'i' }));
});
