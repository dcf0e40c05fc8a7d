// Parameters files: a Key Vault reference is a value known only at deployment; the template's
// defaultValue must not stand in for it, and the reference is never printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parameterValuesFromText } from '../../src/workspace/parameter-files.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { KNOWN_AT_DEPLOYMENT } from '../../src/parse/types.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { GUID, template, trackingResource } from '../support/templates.ts';

const vaultId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/partner-vault';
const reference = { reference: { keyVault: { id: vaultId }, secretName: 'tracking-id-secret' } };

test('a Key Vault reference is known only at deployment; plain values are read', () => {
  const text = JSON.stringify({ parameters: { trackingId: reference, region: { value: 'westeurope' } } });
  assert.deepEqual(parameterValuesFromText(text, 'p.json').values, { trackingId: KNOWN_AT_DEPLOYMENT, region: 'westeurope' });
});

test('a parameter given by Key Vault reference does not fall back to its default, and the reference is not shown', () => {
  const ws = createTempWorkspace();
  try {
    const main = template([trackingResource({ name: "[concat('pid-', parameters('trackingId'))]" })], {
      parameters: { trackingId: { type: 'string', defaultValue: GUID } },
    });
    ws.write('app/azuredeploy.json', main);
    ws.write('app/azuredeploy.parameters.json', { parameters: { trackingId: reference } });
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, paths: ['app/azuredeploy.json'], cwd: ws.root });
    const [result] = report.files;
    assert.equal(result?.parametersFile, 'app/azuredeploy.parameters.json');
    assert.deepEqual(
      result?.tracking.map((t) => t.resolvedName),
      ["pid-{parameters('trackingId')}"],
    );
    const everything = JSON.stringify(report);
    assert.doesNotMatch(everything, /partner-vault|tracking-id-secret/);
  } finally {
    ws.dispose();
  }
});
