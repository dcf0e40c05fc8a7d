// Inputs → VerifySettings, credential choice, and the small pure helpers of the Azure adapter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParametersInput, parseVerifySettings, type VerifyInputs } from '../../src/settings/verify-settings.ts';
import { planCredential } from '../../src/azure/credential-plan.ts';
import { trackingMatcher } from '../../src/azure/tracking-match.ts';
import { locateInTemplate } from '../../src/azure/locate.ts';
import { deploymentNameFor } from '../../src/azure/verify-template.ts';
import { shouldCleanUp, type CleanupJournal } from '../../src/azure/journal.ts';
import { describeResourceId, parseDeploymentId, scopeContains } from '../../src/azure/scope.ts';
import { formatError, redact } from '../../src/azure/errors.ts';
import { UsageError } from '../../src/settings/usage-error.ts';

const SUB = '0b7e4f4a-0000-4000-8000-0000000000a1';
const reader = (inputs: VerifyInputs): VerifyInputs => inputs;

test('resource-group scope with defaults', () => {
  const s = parseVerifySettings(reader({ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg' }));
  assert.deepEqual(s.scope, { kind: 'resourceGroup', subscriptionId: SUB, resourceGroup: 'rg' });
  assert.equal(s.cleanup, 'always');
  assert.equal(s.timeoutMs, 60 * 60_000);
  assert.equal(s.environment, 'AzureCloud');
  assert.deepEqual(s.parameters, { kind: 'none' });
  assert.equal(s.createResourceGroup, false);
});

test('every scope, environment names and a custom endpoint', () => {
  assert.deepEqual(parseVerifySettings(reader({ verify: 'validate', scope: 'Subscription', 'subscription-id': SUB, region: 'eastus' })).scope, {
    kind: 'subscription',
    subscriptionId: SUB,
  });
  assert.deepEqual(parseVerifySettings(reader({ verify: 'what-if', scope: 'managementgroup', 'management-group-id': 'mg1', region: 'eastus' })).scope, {
    kind: 'managementGroup',
    managementGroupId: 'mg1',
  });
  assert.deepEqual(parseVerifySettings(reader({ verify: 'existing', scope: 'tenant', 'deployment-name': 'd1' })).scope, { kind: 'tenant' });
  assert.equal(
    parseVerifySettings(reader({ verify: 'existing', scope: 'tenant', 'deployment-name': 'd', environment: 'azureusgovernment' })).environment,
    'AzureUSGovernment',
  );
  const stack = parseVerifySettings(
    reader({ verify: 'existing', scope: 'tenant', 'deployment-name': 'd', 'resource-manager-endpoint': 'https://management.local.azurestack.external/' }),
  );
  assert.equal(stack.resourceManagerEndpoint, 'https://management.local.azurestack.external');
  assert.equal(parseVerifySettings(reader({ verify: 'existing', scope: 'tenant', 'deployment-name': 'd', 'timeout-minutes': '0.5' })).timeoutMs, 30_000);
});

test('combinations that cannot work are usage errors that say what to change', () => {
  const cases: [VerifyInputs, RegExp][] = [
    [{ verify: 'deploy', 'resource-group': 'rg' }, /needs subscription-id/],
    [{ verify: 'deploy', 'subscription-id': SUB }, /needs resource-group/],
    [{ verify: 'deploy', 'subscription-id': 'nope', 'resource-group': 'rg' }, /not a GUID/],
    [{ verify: 'deploy', scope: 'subscription', 'subscription-id': SUB }, /needs region/],
    [
      { verify: 'deploy', scope: 'subscription', 'subscription-id': SUB, 'resource-group': 'rg', region: 'x' },
      /resource-group is not used with scope: subscription/,
    ],
    [{ verify: 'deploy', scope: 'tenant', 'management-group-id': 'mg', region: 'x' }, /management-group-id is not used with scope: tenant/],
    [{ verify: 'deploy', scope: 'managementgroup', region: 'x' }, /needs management-group-id/],
    [{ verify: 'existing', 'subscription-id': SUB, 'resource-group': 'rg' }, /existing needs deployment-name/],
    [
      { verify: 'existing', 'subscription-id': SUB, 'resource-group': 'rg', 'deployment-name': 'd', 'create-resource-group': 'true' },
      /cannot be used with verify: existing/,
    ],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', 'create-resource-group': 'true' }, /needs region/],
    [{ verify: 'deploy', scope: 'subscription', 'subscription-id': SUB, region: 'x', 'create-resource-group': 'true' }, /only for scope: resourcegroup/],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', 'client-id': SUB }, /client-id and tenant-id go together/],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', 'timeout-minutes': '0' }, /timeout-minutes/],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', environment: 'AzureStack' }, /resource-manager-endpoint/],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', 'resource-manager-endpoint': 'http://x' }, /must be an https URL/],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', 'deployment-name': 'a/b' }, /not a valid deployment name/],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', cleanup: 'sometimes' }, /cleanup must be one of/],
    [{ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', parameters: '{"a":' }, /does not parse/],
    [{ verify: 'none' }, /nothing to verify/],
  ];
  for (const [inputs, message] of cases) {
    assert.throws(
      () => parseVerifySettings(reader(inputs)),
      (e: unknown) => e instanceof UsageError && message.test(e.message),
      JSON.stringify(inputs),
    );
  }
});

test('parameters: a path, a parameters-file document, wrapped or plain values', () => {
  assert.deepEqual(parseParametersInput('params/dev.json'), { kind: 'file', path: 'params/dev.json' });
  assert.deepEqual(parseParametersInput('{"$schema":"x","contentVersion":"1.0.0.0","parameters":{"a":{"value":1}}}'), {
    kind: 'inline',
    values: { a: { value: 1 } },
  });
  assert.deepEqual(parseParametersInput('{"parameters":{"a":{"value":1}}}'), { kind: 'inline', values: { a: { value: 1 } } });
  assert.deepEqual(parseParametersInput('{"a":{"value":1},"b":{"reference":{"keyVault":{"id":"kv"},"secretName":"s"}}}'), {
    kind: 'inline',
    values: { a: { value: 1 }, b: { reference: { keyVault: { id: 'kv' }, secretName: 's' } } },
  });
  assert.deepEqual(parseParametersInput('{"a":1,"b":{"x":2}}'), { kind: 'inline', values: { a: { value: 1 }, b: { value: { x: 2 } } } });
});

test('credential: pin, then OpenID Connect, then AZURE_* variables, then the Azure CLI', () => {
  const oidcEnv = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' };
  assert.deepEqual(planCredential({ clientId: 'c', tenantId: 't' }, oidcEnv), { kind: 'oidc', clientId: 'c', tenantId: 't' });
  assert.throws(() => planCredential({ clientId: 'c', tenantId: 't' }, {}), /id-token: write/);
  const envCred = { AZURE_CLIENT_ID: 'c', AZURE_TENANT_ID: 't', AZURE_CLIENT_SECRET: 's' };
  assert.deepEqual(planCredential({}, envCred), { kind: 'environment' });
  assert.deepEqual(planCredential({}, {}), { kind: 'azure-cli' });
  assert.deepEqual(planCredential({}, { ...envCred, CUA_GUARD_CREDENTIAL: 'azure-cli' }), { kind: 'azure-cli' });
  assert.deepEqual(planCredential({}, { ...envCred, ...oidcEnv, CUA_GUARD_CREDENTIAL: 'oidc' }), { kind: 'oidc', clientId: 'c', tenantId: 't' });
  assert.throws(() => planCredential({}, { CUA_GUARD_CREDENTIAL: 'environment' }), /AZURE_CLIENT_SECRET/);
  assert.throws(() => planCredential({}, { CUA_GUARD_CREDENTIAL: 'managed-identity' }), /must be one of/);
});

test('tracking names: exact, with unknown parts, or any pid- prefix', () => {
  const exact = trackingMatcher([{ display: 'pid-b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d', parts: [{ text: 'pid-b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d' }] }]);
  assert.equal(exact('PID-B7A2C9E4-1D3F-4A5B-8C6D-0E1F2A3B4C5D'), true);
  assert.equal(exact('pid-b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d-x'), false);
  const partial = trackingMatcher([
    { display: 'pid-b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d-{…}', parts: [{ text: 'pid-b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d-' }, { unknown: true }] },
  ]);
  // The display text is for people only: braces in a known part are matched as text.
  const braces = trackingMatcher([{ display: 'pid-{x}', parts: [{ text: 'pid-{x}' }] }]);
  assert.equal(braces('pid-{x}'), true);
  assert.equal(braces('pid-abc'), false);
  assert.equal(partial('pid-b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d-westeurope'), true);
  assert.equal(partial('pid-b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d'), false);
  const any = trackingMatcher([]);
  assert.equal(any('pid-anything'), true);
  assert.equal(any('rapid-deploy'), false);
});

test('findings are located on the resource name, else its type, else line 1', () => {
  const text = '{\n  "resources": [\n    {\n      "type": "Microsoft.Storage/storageAccounts",\n      "name": "stdata"\n    }\n  ]\n}\n';
  assert.deepEqual(locateInTemplate(text, ['stdata', 'Microsoft.Storage/storageAccounts']), { line: 5, column: 15 });
  assert.deepEqual(locateInTemplate(text, ['other', 'microsoft.storage/storageaccounts']), { line: 4, column: 15 });
  assert.deepEqual(locateInTemplate(text, ['nothing']), { line: 1, column: 1 });
});

test('default deployment names are unique per run, attempt and template, and at most 64 characters', () => {
  const settings = parseVerifySettings(reader({ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg' }));
  const env = { GITHUB_RUN_ID: '9876543210', GITHUB_RUN_ATTEMPT: '2' };
  const a = deploymentNameFor(settings, { path: 'a/azuredeploy.json', index: 0, count: 1 }, env);
  const b = deploymentNameFor(settings, { path: 'b/azuredeploy.json', index: 0, count: 1 }, env);
  assert.match(a, /^cua-guard-9876543210-2-azuredeploy-[0-9a-f]{6}$/);
  assert.notEqual(a, b);
  const long = deploymentNameFor(settings, { path: `${'x'.repeat(100)}.json`, index: 2, count: 3 }, env);
  assert.ok(long.length <= 64 && long.endsWith('-3'), long);
  const named = parseVerifySettings(reader({ verify: 'deploy', 'subscription-id': SUB, 'resource-group': 'rg', 'deployment-name': 'mine' }));
  assert.equal(deploymentNameFor(named, { path: 'a.json', index: 1, count: 2 }, env), 'mine-2');
});

test('cleanup policy: on-success needs a verified outcome; never keeps everything', () => {
  const base: CleanupJournal = {
    version: 1,
    cleanup: 'always',
    connection: {
      cloud: { resourceManager: 'x', authorityHost: 'y', tokenScope: 'z', disableInstanceDiscovery: false },
      credential: { kind: 'azure-cli' },
      userAgentPrefix: '',
    },
    created: [{ kind: 'resourceGroup', subscriptionId: SUB, name: 'rg' }],
  };
  assert.equal(shouldCleanUp(base), true);
  assert.equal(shouldCleanUp({ ...base, cleanup: 'on-success' }), false, 'cancelled: no outcome');
  assert.equal(shouldCleanUp({ ...base, cleanup: 'on-success', outcome: 'verified' }), true);
  assert.equal(shouldCleanUp({ ...base, cleanup: 'never', outcome: 'verified' }), false);
  assert.equal(shouldCleanUp({ ...base, created: [] }), false);
});

test('deployment ids, scopes and error texts', () => {
  assert.deepEqual(parseDeploymentId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Resources/deployments/pid-x`), {
    scope: { kind: 'resourceGroup', subscriptionId: SUB, resourceGroup: 'rg' },
    name: 'pid-x',
  });
  assert.deepEqual(parseDeploymentId('/providers/Microsoft.Resources/deployments/t'), { scope: { kind: 'tenant' }, name: 't' });
  assert.equal(parseDeploymentId(`/subscriptions/${SUB}/providers/Microsoft.Storage/storageAccounts/s`), undefined);
  assert.ok(scopeContains({ kind: 'subscription', subscriptionId: SUB }, { kind: 'resourceGroup', subscriptionId: SUB.toUpperCase(), resourceGroup: 'rg' }));
  assert.equal(
    formatError({ code: 'DeploymentFailed', message: 'm', details: [{ code: 'Conflict', message: 'taken', details: [] }] }),
    'DeploymentFailed: m (Conflict: taken)',
  );
  assert.equal(redact('see https://x/blob?sv=1&sig=SECRET&se=2 with Bearer abc.def'), 'see https://x/blob?sv=***&sig=***&se=*** with Bearer ***');
});

test('resource ids described for the summary table: type and place', () => {
  assert.deepEqual(describeResourceId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/a`), {
    type: 'Microsoft.Network/virtualNetworks/subnets',
    subscriptionId: SUB,
    resourceGroup: 'rg',
  });
  assert.deepEqual(describeResourceId(`/subscriptions/${SUB}/resourceGroups/rg`), {
    type: 'Microsoft.Resources/resourceGroups',
    subscriptionId: SUB,
    resourceGroup: 'rg',
  });
  // An extension resource is typed by its last provider segment.
  assert.deepEqual(
    describeResourceId(
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Authorization/roleAssignments/r1`,
    ),
    {
      type: 'Microsoft.Authorization/roleAssignments',
      subscriptionId: SUB,
      resourceGroup: 'rg',
    },
  );
  assert.deepEqual(describeResourceId('/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p'), {
    type: 'Microsoft.Authorization/policyDefinitions',
    managementGroupId: 'mg1',
  });
  assert.deepEqual(describeResourceId('/providers/Microsoft.Management/managementGroups/mg-new'), { type: 'Microsoft.Management/managementGroups' });
});
