// What the check does not evaluate in Bicep (`import`ed symbols, loadJsonContent()/loadTextContent()
// files) is never guessed: a tracking name that depends on it is a located CUA010 that says it
// cannot be resolved and why, even when the file it comes from is in the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicep, checkFiles, located, GUID } from './support.ts';
import type { WorkspaceCheckReport } from '../../src/app/check-workspace.ts';

const EMPTY = "{ '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] }";

function tracking(symbol: string, name: string): string[] {
  return [
    `resource ${symbol} 'Microsoft.Resources/deployments@2021-04-01' = {`,
    `  name: ${name}`,
    `  properties: { mode: 'Incremental', template: ${EMPTY} }`,
    '}',
  ];
}

function dataOf(report: WorkspaceCheckReport, ruleId: string): unknown[] {
  return report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === ruleId).map((x) => x.data));
}

test('a name from an imported symbol (plain, aliased, or through a namespace) is unresolved, not read from the other file', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      "import { trackingId } from 'shared.bicep'",
      "import { offerId as offer } from 'shared.bicep'",
      "import * as ids from 'shared.bicep'",
      ...tracking('a', "'pid-${trackingId}'"),
      ...tracking('b', "'pid-${offer}-x'"),
      ...tracking('c', "'pid-${ids.trackingId}'"),
    ),
    // The file is there; cua-guard does not follow imports, so it concludes nothing from it.
    'shared.bicep': bicep('@export()', `var trackingId = '${GUID}'`, '@export()', `var offerId = '${GUID}'`),
  });
  assert.deepEqual(
    located(report).filter((f) => f.startsWith('CUA010')),
    ['CUA010 unresolvedNotEvaluated main.bicep:5:9', 'CUA010 unresolvedNotEvaluated main.bicep:9:9', 'CUA010 unresolvedNotEvaluated main.bicep:13:9'],
  );
  assert.deepEqual(dataOf(report, 'CUA010'), [
    { name: 'pid-{trackingId}', unknowns: 'trackingId', notEvaluated: 'trackingId' },
    { name: 'pid-{offer}-x', unknowns: 'offer', notEvaluated: 'offer' },
    { name: 'pid-{ids.trackingId}', unknowns: 'ids.trackingId', notEvaluated: 'ids' },
  ]);
  assert.deepEqual(
    report.files[0]?.tracking.map((t) => t.form),
    ['unresolved', 'unresolved', 'unresolved'],
  );
  assert.match(
    report.files[0]?.findings.find((f) => f.ruleId === 'CUA010')?.message ?? '',
    /does not evaluate trackingId \(Bicep imports, load…Content\(\) files/,
  );
});

test('a name from loadJsonContent() or loadTextContent() is unresolved, at the name', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      "var settings = loadJsonContent('settings.json')",
      ...tracking('a', "'pid-${settings.trackingId}'"),
      ...tracking('b', "'pid-${trim(loadTextContent('tracking-id.txt'))}-x'"),
    ),
    'settings.json': JSON.stringify({ trackingId: GUID }),
    'tracking-id.txt': GUID,
  });
  assert.deepEqual(
    located(report).filter((f) => f.startsWith('CUA010')),
    ['CUA010 unresolvedNotEvaluated main.bicep:3:9', 'CUA010 unresolvedNotEvaluated main.bicep:7:9'],
  );
  assert.deepEqual(dataOf(report, 'CUA010'), [
    { name: 'pid-{settings.trackingId}', unknowns: 'settings.trackingId', notEvaluated: "loadJsonContent('settings.json')" },
    {
      name: "pid-{trim(loadTextContent('tracking-id.txt'))}-x",
      unknowns: "trim(loadTextContent('tracking-id.txt'))",
      notEvaluated: "loadTextContent('tracking-id.txt')",
    },
  ]);
});

test('a deployment whose whole name is imported, with no tracking deployment visible: it might be the one, and that is said', async () => {
  const report = await checkFiles({
    'main.bicep': bicep("import * as names from 'names.bicep'", "module pid './empty.bicep' = {", '  name: names.tracking', '}'),
    'empty.bicep': bicep('// deploys nothing'),
  });
  assert.deepEqual(located(report), ['CUA001 missingUnresolved main.bicep:1:1', 'CUA010 unresolvedDeploymentNotEvaluated main.bicep:3:9']);
  assert.deepEqual(dataOf(report, 'CUA010'), [{ expression: 'names.tracking', notEvaluated: 'names' }]);
});
