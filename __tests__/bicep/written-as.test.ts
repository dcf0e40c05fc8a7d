// Findings in a Bicep file show its expressions as the Bicep file writes them (`trackingId`,
// `'pid-${id}'`, `telemetry == 'on'`), never the ARM text the check lowered them to
// (`parameters('trackingId')`, `[format('pid-{0}', …)]`), in message data and in the tracking summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicep, checkFiles, GUID } from './support.ts';
import { encodeDiagnostics } from '../../src/expressions/index.ts';
import type { WorkspaceCheckReport } from '../../src/app/check-workspace.ts';

const EMPTY = "{ '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] }";

function tracking(name: string, { head = "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {", extra = [] as string[], end = '}' } = {}): string[] {
  return [head, `  name: ${name}`, ...extra, `  properties: { mode: 'Incremental', template: ${EMPTY} }`, end];
}

/** Each finding as `RULE messageId line:column` with its data. */
function withData(report: WorkspaceCheckReport): { at: string; data: unknown }[] {
  return report.files.flatMap((f) => f.findings.map((x) => ({ at: `${x.ruleId} ${x.messageId} ${x.file}:${x.line}:${x.column}`, data: x.data })));
}

test('CUA010: the name, what it depends on, and the tracking summary, as written in Bicep', async () => {
  const report = await checkFiles({
    'main.bicep': bicep('param trackingId string', 'param location string', ...tracking("'pid-${trackingId}-${uniqueString(location)}'")),
  });
  assert.deepEqual(withData(report), [
    {
      at: 'CUA010 unresolved main.bicep:4:9',
      data: { name: 'pid-{trackingId}-{uniqueString(location)}', unknowns: 'trackingId, uniqueString(location)' },
    },
  ]);
  const [summary] = report.files[0]?.tracking ?? [];
  assert.equal(summary?.nameExpression, "'pid-${trackingId}-${uniqueString(location)}'");
  assert.equal(summary?.resolvedName, 'pid-{trackingId}-{uniqueString(location)}');
  assert.doesNotMatch(report.files[0]?.findings[0]?.message ?? '', /parameters\(|format\(/);
});

test('CUA010: a deployment name known only at deployment is shown as written', async () => {
  const report = await checkFiles({
    'main.bicep': bicep('param deploymentName string', "module m './inner.bicep' = {", '  name: deploymentName', '}'),
    'inner.bicep': bicep('// deploys nothing'),
  });
  assert.deepEqual(
    withData(report).filter((f) => f.at.startsWith('CUA010')),
    [{ at: 'CUA010 unresolvedDeployment main.bicep:3:9', data: { expression: 'deploymentName', unknown: 'deploymentName' } }],
  );
});

test('CUA003: a hash glued to the GUID is named as written', async () => {
  const report = await checkFiles({ 'main.bicep': bicep(...tracking(`'pid-${GUID}\${uniqueString(resourceGroup().id)}'`)) });
  assert.deepEqual(withData(report), [
    {
      at: 'CUA003 hashAfterGuid main.bicep:2:9',
      data: { name: `pid-${GUID}{uniqueString(resourceGroup().id)}`, hash: 'uniqueString(resourceGroup().id)' },
    },
  ]);
});

test('CUA011: a condition and what it depends on, as written', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      'param telemetry string',
      ...tracking(`'pid-${GUID}'`, { head: "resource pid 'Microsoft.Resources/deployments@2021-04-01' = if (telemetry == 'on') {" }),
    ),
  });
  assert.deepEqual(withData(report), [{ at: 'CUA011 unknown main.bicep:2:65', data: { name: `pid-${GUID}`, dependency: "telemetry == 'on'" } }]);
  const off = await checkFiles({
    'main.bicep': bicep(...tracking(`'pid-${GUID}'`, { head: "resource pid 'Microsoft.Resources/deployments@2021-04-01' = if (1 == 2) {" })),
  });
  assert.deepEqual(withData(off), [{ at: 'CUA011 always-off main.bicep:1:65', data: { name: `pid-${GUID}`, condition: '1 == 2' } }]);
});

test('CUA002: a loop variable and a copy count, as written', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      'param offers int',
      ...tracking(`'pid-${GUID}-\${i}'`, { head: "resource pid 'Microsoft.Resources/deployments@2021-04-01' = [for i in range(0, offers): {", end: '}]' }),
    ),
  });
  assert.deepEqual(withData(report), [
    { at: 'CUA002 unknown-count main.bicep:2:61', data: { name: `pid-${GUID}-{i}`, count: 'length(range(0, offers))', max: 1 } },
  ]);
});

test('CUA015: what the name uses, the location, and a suggestion in Bicep', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      "targetScope = 'subscription'",
      "param location string = 'westeurope'",
      ...tracking(`'pid-${GUID}-\${uniqueString(subscription().id)}'`, { extra: ['  location: location'] }),
    ),
  });
  assert.deepEqual(withData(report), [
    {
      at: 'CUA015 name-ignores-location main.bicep:4:9',
      data: {
        name: `pid-${GUID}-{uniqueString(subscription().id)}`,
        scope: 'subscription',
        trackingId: GUID,
        location: 'location',
        example: `'pid-${GUID}-\${uniqueString(location)}'`,
        parts: 'uniqueString(subscription().id)',
      },
    },
  ]);
});

test('CUA016: the value as written, without positions in ARM text nobody wrote', async () => {
  const report = await checkFiles({ 'main.bicep': bicep(...tracking("'pid-${substring('abc')}'")) });
  assert.deepEqual(withData(report), [
    {
      at: 'CUA016 invalid main.bicep:2:9',
      data: {
        where: 'name',
        value: "'pid-${substring('abc')}'",
        problems: encodeDiagnostics([{ code: 'arity', function: 'substring', min: 2, max: 3, got: 1 }]),
      },
    },
  ]);
  assert.deepEqual(
    report.files.flatMap((f) => f.findings.map((x) => x.message)),
    [`name 'pid-\${substring('abc')}': function 'substring' expects 2 to 3 arguments but got 1`],
  );
});

test('a variable, a member and a user-defined function (not evaluated, and said so) are named as written; a multi-line expression on one line', async () => {
  const report = await checkFiles({
    'main.bicep': bicep(
      'param settings object',
      "func suffix(x string) string => '-${x}'",
      'var id = settings.trackingId',
      ...tracking(['concat(', "  'pid-',", '  id,', "  suffix('a')", ')'].join('\n')),
    ),
  });
  assert.deepEqual(withData(report), [
    {
      at: 'CUA010 unresolvedNotEvaluated main.bicep:5:9',
      data: { name: "pid-{settings.trackingId}{suffix('a')}", unknowns: "settings.trackingId, suffix('a')", notEvaluated: "suffix('a')" },
    },
  ]);
  assert.equal(report.files[0]?.tracking[0]?.nameExpression, "concat( 'pid-', id, suffix('a') )");
});

test('CUA004: the module deployment a nested tracking deployment sits under is named as written', async () => {
  const report = await checkFiles({
    'main.bicep': bicep('param prefix string', "var names = { inner: '${prefix}-inner' }", "module m './inner.bicep' = {", '  name: names.inner', '}'),
    'inner.bicep': bicep(...tracking(`'pid-${GUID}'`)),
  });
  const nested = withData(report).filter((f) => f.at.startsWith('CUA004'));
  assert.equal(nested.length, 1);
  const chain = (nested[0]?.data as { chain: string }).chain;
  assert.match(chain, /names\.inner/);
  assert.doesNotMatch(chain, /variables\(/);
});
