// Default discovery takes main.bicep, mainTemplate.bicep and azuredeploy.bicep (and the modules they
// reach). Other .bicep files are not checked, and the report says which, so that `check .` on a
// repository of module-named entry files (Azure/ALZ-Bicep: 80 .bicep files, one named main.bicep)
// does not look like a full check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicep, checkFiles, GUID } from './support.ts';

const EMPTY = "{ '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] }";
const TRACKING = bicep(
  "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {",
  `  name: 'pid-${GUID}'`,
  `  properties: { mode: 'Incremental', template: ${EMPTY} }`,
  '}',
);

const REPOSITORY = {
  'main.bicep': `${TRACKING}module storage 'modules/storage.bicep' = {\n  name: 'storage'\n}\n`,
  'modules/storage.bicep': bicep('// deploys nothing'),
  'modules/network/network.bicep': TRACKING,
  'tools/helper.bicep': bicep('// deploys nothing'),
  'main.bicepparam': bicep("using 'main.bicep'"),
};

test('the .bicep files default discovery neither takes nor reaches are listed in one problem, with every path', async () => {
  const report = await checkFiles(REPOSITORY);
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['main.bicep'],
  );
  const problems = report.problems.filter((p) => p.kind === 'unchecked-bicep');
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0]?.files, ['modules/network/network.bicep', 'tools/helper.bicep']);
  assert.equal(
    problems[0]?.message,
    "2 .bicep files are neither named main.bicep, mainTemplate.bicep or azuredeploy.bicep nor a module of a checked template, and were not checked: 'modules/network/network.bicep', 'tools/helper.bicep'; name them (templates input or command-line paths) to check them",
  );
});

test('named files and a repository whose .bicep files are all reached give no such problem', async () => {
  const named = await checkFiles(REPOSITORY, { paths: ['main.bicep', 'modules/network/network.bicep'] });
  assert.deepEqual(
    named.problems.filter((p) => p.kind === 'unchecked-bicep'),
    [],
  );
  const reached = await checkFiles({ 'main.bicep': REPOSITORY['main.bicep'], 'modules/storage.bicep': REPOSITORY['modules/storage.bicep'] });
  assert.deepEqual(
    reached.problems.filter((p) => p.kind === 'unchecked-bicep'),
    [],
  );
});
