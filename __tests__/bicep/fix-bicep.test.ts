// `cua-guard fix` on Bicep: the tracking deployment is inserted as a `resource` declaration in the
// file's own indentation and line endings; other repairs are left to people, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import { fixWorkspace } from '../../src/fix/index.ts';
import { BICEP_NOT_FIXABLE } from '../../src/fix/plan-bicep-fix.ts';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { GUID } from './support.ts';

const settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] };

test('CUA001: a tracking resource declaration before the first resource, in the file’s indentation and line endings', async () => {
  const bicepParser = await createSyntaxParser('bicep');
  const ws = createTempWorkspace();
  try {
    const source = [
      "targetScope = 'subscription'",
      '',
      'param location string = deployment().location',
      '',
      '// the workload',
      "resource rg 'Microsoft.Resources/resourceGroups@2023-07-01' = {",
      "    name: 'rg1'",
      '    location: location',
      '}',
      '',
    ].join('\r\n');
    ws.write('main.bicep', source);
    const workspace = openWorkspace(ws.root);
    const report = fixWorkspace({ workspace, settingsFor: () => settings, write: true, bicepParser });
    const fixed = readFileSync(join(ws.root, 'main.bicep'), 'utf8');
    const inserted = [
      "resource pidTracking 'Microsoft.Resources/deployments@2021-04-01' = {",
      `    name: format('pid-${GUID}-{0}', uniqueString(deployment().location))`,
      '    location: deployment().location',
      '    properties: {',
      "        mode: 'Incremental'",
      '        template: {',
      "            '$schema': 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#'",
      "            contentVersion: '1.0.0.0'",
      '            resources: []',
      '        }',
      '    }',
      '}',
      '',
      '',
    ].join('\r\n');
    const at = source.indexOf('// the workload');
    assert.equal(fixed, source.slice(0, at) + inserted + source.slice(at));
    assert.equal(report.files[0]?.changes[0]?.line, 5);
    assert.deepEqual(report.files[0]?.remainingErrors, []);
    const again = fixWorkspace({ workspace, settingsFor: () => settings, write: true, bicepParser });
    assert.equal(again.files[0]?.fixed, again.files[0]?.original, 'a second run changes nothing');
  } finally {
    ws.dispose();
  }
});

test('a repair other than the insertion is left alone in Bicep, with the reason', async () => {
  const bicepParser = await createSyntaxParser('bicep');
  const ws = createTempWorkspace();
  try {
    const source = [
      "resource pid 'Microsoft.Resources/deployments@2021-04-01' = {",
      `  name: 'pid-${GUID}'`,
      "  properties: { mode: 'Complete', template: { '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] } }",
      '}',
      '',
    ].join('\n');
    ws.write('main.bicep', source);
    const report = fixWorkspace({ workspace: openWorkspace(ws.root), settingsFor: () => settings, write: true, bicepParser });
    assert.equal(readFileSync(join(ws.root, 'main.bicep'), 'utf8'), source);
    const note = report.files[0]?.notes[0];
    assert.equal(note?.kind, 'left-alone');
    assert.equal(note?.kind === 'left-alone' ? [note.finding.ruleId, note.reason].join(': ') : '', `CUA007: ${BICEP_NOT_FIXABLE}`);
  } finally {
    ws.dispose();
  }
});
