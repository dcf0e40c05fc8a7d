// Parameters known only at deployment whatever their default: the unknowns they evaluate to say why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GUID, trackingResource } from '../support/templates.ts';
import { PartialString, Unknown } from '../../src/expressions/value.ts';
import { buildTemplateModel } from '../../src/model/template-model.ts';
import { createTemplateSource } from '../../src/parse/template-source.ts';
import { KNOWN_AT_DEPLOYMENT } from '../../src/parse/types.ts';

test('a parameters-file Key Vault reference and _artifactsLocation are deployment-time parameters, with their reason', () => {
  const root = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    parameters: { id: { type: 'string', defaultValue: GUID }, _artifactsLocation: { type: 'string', defaultValue: 'https://example.com/' } },
    resources: [
      trackingResource({ name: "[concat('pid-', parameters('id'))]" }),
      trackingResource({ name: "[concat('pid-', parameters('_artifactsLocation'))]" }),
    ],
  };
  const text = JSON.stringify(root);
  const model = buildTemplateModel(createTemplateSource('t.json', text, root), { parameterValues: { id: KNOWN_AT_DEPLOYMENT } });
  const causes = model.resources
    .map((r) => (r.name instanceof PartialString ? r.name.parts[1] : undefined))
    .map((u) => (u instanceof Unknown ? u.cause : undefined));
  assert.deepEqual(causes, [
    { kind: 'parameter', name: 'id', reason: 'key-vault' },
    { kind: 'parameter', name: '_artifactsLocation', reason: 'package-location' },
  ]);
});
