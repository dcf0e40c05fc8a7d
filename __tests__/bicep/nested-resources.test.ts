// Resources declared inside a parent resource's body are lowered as the Bicep compiler writes them:
// the child `parentType/childType` named `parentName/childName`, of its parent's API version unless
// it gives one, depending on its parent, under its parent's condition (and loop).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicep, checkFiles, located, GUID } from './support.ts';
import { RG_SCHEMA } from '../support/templates.ts';
import { lowerBicep } from '../../src/model/bicep/lower.ts';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';
import type { WorkspaceCheckReport } from '../../src/app/check-workspace.ts';

const EMPTY = `{ '$schema': '${RG_SCHEMA}', contentVersion: '1.0.0.0', resources: [] }`;
const TRACKING = [
  "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {",
  `  name: 'pid-${GUID}'`,
  `  properties: { mode: 'Incremental', template: ${EMPTY} }`,
  '}',
];
const TRACKING_JSON = {
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2021-04-01',
  name: `pid-${GUID}`,
  properties: { mode: 'Incremental', template: { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [] } },
};

async function lowered(text: string): Promise<unknown[]> {
  const parser = await createSyntaxParser('bicep');
  const tree = parser.parse(text);
  assert.ok(tree);
  try {
    const { root } = lowerBicep('main.bicep', text, tree.rootNode, () => ({ kind: 'missing' }));
    return root['resources'] as unknown[];
  } finally {
    tree.delete();
  }
}

/** Rule, message id and data of each finding (file names in data left out), sorted. */
function meaning(report: WorkspaceCheckReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => `${x.ruleId} ${x.messageId} ${JSON.stringify(x.data ?? {})}`)).sort();
}

test('a nested resource is the compiled child: full type and name, inherited API version, dependsOn, the conditions of all its parents', async () => {
  const resources = await lowered(
    bicep(
      'param createParent bool',
      'param createChild bool',
      "resource parent 'My.Rp/parentType@2020-12-01' = if (createParent) {",
      "  name: 'p'",
      "  resource child 'childType' = if (createChild) {",
      "    name: 'c'",
      "    resource grandchild 'grandchildType@2021-01-01' = {",
      "      name: 'g'",
      '    }',
      '  }',
      '}',
      "resource known 'My.Rp/parentType@2020-12-01' existing = {",
      "  name: 'e'",
      "  resource looped 'childType' = [for i in range(0, 2): {",
      "    name: 'c${i}'",
      '  }]',
      '}',
    ),
  );
  assert.deepEqual(resources, [
    { type: 'My.Rp/parentType', apiVersion: '2020-12-01', condition: "[parameters('createParent')]", name: 'p' },
    {
      type: 'My.Rp/parentType/childType',
      apiVersion: '2020-12-01',
      condition: "[and(parameters('createParent'), parameters('createChild'))]",
      name: "[format('{0}/{1}', 'p', 'c')]",
      dependsOn: ["[resourceId('My.Rp/parentType', 'p')]"],
    },
    {
      type: 'My.Rp/parentType/childType/grandchildType',
      apiVersion: '2021-01-01',
      condition: "[and(parameters('createParent'), parameters('createChild'))]",
      name: "[format('{0}/{1}/{2}', 'p', 'c', 'g')]",
      dependsOn: ["[resourceId('My.Rp/parentType/childType', 'p', 'c')]", "[resourceId('My.Rp/parentType', 'p')]"],
    },
    // An `existing` parent is not deployed, nor depended on; what is declared in it is.
    {
      type: 'My.Rp/parentType/childType',
      apiVersion: '2020-12-01',
      copy: { name: 'looped', count: '[length(range(0, 2))]' },
      name: "[format('{0}/{1}', 'e', format('c{0}', range(0, 2)[copyIndex()]))]",
    },
  ]);
});

test("a resource nested in a looped parent is deployed once per the parent's iteration (Bicep itself refuses it: BCP160)", async () => {
  const resources = await lowered(
    bicep(
      "resource parent 'My.Rp/parentType@2020-12-01' = [for x in ['a', 'b']: {",
      '  name: x',
      "  resource child 'childType' = {",
      "    name: 'c-${x}'",
      '  }',
      '}]',
    ),
  );
  assert.deepEqual(resources[1], {
    type: 'My.Rp/parentType/childType',
    apiVersion: '2020-12-01',
    copy: { name: 'child', count: "[length(createArray('a', 'b'))]" },
    name: "[format('{0}/{1}', createArray('a', 'b')[copyIndex()], format('c-{0}', createArray('a', 'b')[copyIndex()]))]",
    dependsOn: ["[resourceId('My.Rp/parentType', createArray('a', 'b')[copyIndex()])]"],
  });
});

test('a pid- name on a nested resource is no tracking deployment: the same findings as its compiled JSON, where it is declared', async () => {
  const source = bicep(
    ...TRACKING,
    'param enableMarker bool = true',
    "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
    "  name: 'sa1'",
    "  location: 'westeurope'",
    "  resource blobs 'blobServices' = {",
    "    name: 'default'",
    '    // the pid- name belongs on a deployment, not here',
    "    resource marker 'containers@2023-05-01' = if (enableMarker) {",
    `      name: 'pid-${GUID}'`,
    '    }',
    '  }',
    '}',
  );
  const json = {
    $schema: RG_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { enableMarker: { type: 'bool', defaultValue: true } },
    resources: [
      TRACKING_JSON,
      { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'sa1', location: 'westeurope' },
      {
        type: 'Microsoft.Storage/storageAccounts/blobServices',
        apiVersion: '2023-01-01',
        name: "[format('{0}/{1}', 'sa1', 'default')]",
        dependsOn: ["[resourceId('Microsoft.Storage/storageAccounts', 'sa1')]"],
      },
      {
        condition: "[parameters('enableMarker')]",
        type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
        apiVersion: '2023-05-01',
        name: `[format('{0}/{1}/{2}', 'sa1', 'default', 'pid-${GUID}')]`,
        dependsOn: [
          "[resourceId('Microsoft.Storage/storageAccounts/blobServices', 'sa1', 'default')]",
          "[resourceId('Microsoft.Storage/storageAccounts', 'sa1')]",
        ],
      },
    ],
  };
  const fromBicep = await checkFiles({ 'main.bicep': source });
  const fromJson = await checkFiles({ 'azuredeploy.json': JSON.stringify(json, null, 2) });
  // The nested resource is seen (not lost), with its full type, where its type is written.
  assert.deepEqual(located(fromBicep), ['CUA006 wrong-type main.bicep:12:21']);
  assert.match(fromBicep.files[0]?.findings[0]?.message ?? '', /Microsoft\.Storage\/storageAccounts\/blobServices\/containers/);
  assert.deepEqual(meaning(fromBicep), meaning(fromJson));
  // The real tracking deployment is still the one top-level tracking deployment.
  assert.deepEqual(
    fromBicep.files[0]?.tracking.map((t) => [t.resolvedName, t.placement, t.line]),
    [
      [`pid-${GUID}`, 'top-level', 2],
      // Its own name is read as written, `pid-…` (the parents' names are not part of it).
      [`pid-${GUID}`, 'top-level', 13],
    ],
  );
});

test('a deployment declared inside a resource is a child type, not the tracking deployment: CUA001 says none is at the top level', async () => {
  const source = bicep(
    "targetScope = 'subscription'",
    "resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {",
    "  name: 'rg1'",
    "  location: 'westeurope'",
    "  resource pid 'deployments@2021-04-01' = {",
    `    name: 'pid-${GUID}'`,
    `    properties: { mode: 'Incremental', template: ${EMPTY} }`,
    '  }',
    '}',
  );
  const report = await checkFiles({ 'main.bicep': source });
  assert.deepEqual(located(report), ['CUA001 misplaced main.bicep:1:1', 'CUA006 wrong-type main.bicep:5:16']);
  assert.match(report.files[0]?.findings[1]?.message ?? '', /Microsoft\.Resources\/resourceGroups\/deployments/);
});

test('a nested resource is named by its parent: `child.name` elsewhere is the full name', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      "  name: 'sa1'",
      "  resource blobs 'blobServices' = {",
      "    name: 'default'",
      '  }',
      '}',
      "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {",
      "  name: 'pid-${blobs.name}'",
      `  properties: { mode: 'Incremental', template: ${EMPTY} }`,
      '}',
    ),
  });
  assert.deepEqual(located(report), ['CUA003 badCharacter main.bicep:8:9']);
  assert.equal(report.files[0]?.tracking[0]?.resolvedName, 'pid-sa1/default');
});

test('resources nested past the bound are reported where the bound is met, not lowered, and nothing crashes', async () => {
  const depth = 70;
  const lines: string[] = [...TRACKING];
  for (let i = 0; i < depth; i++)
    lines.push(`${'  '.repeat(i)}resource r${i} '${i === 0 ? 'My.Rp/t@2020-01-01' : 't'}' = {`, `${'  '.repeat(i)}  name: 'n${i}'`);
  for (let i = depth - 1; i >= 0; i--) lines.push(`${'  '.repeat(i)}}`);
  const report = await checkFiles({ 'main.bicep': bicep(...lines) });
  // r63, the 64th level, holds r64: the first not lowered.
  assert.deepEqual(located(report), ['CUA013 too-deep main.bicep:133:129']);
});
