// Reads the deployment scope of a template from its $schema, as ARM does.
import type { DeploymentScope } from './types.ts';

const SCHEMA_SCOPES: readonly [RegExp, DeploymentScope][] = [
  [/\/subscriptionDeploymentTemplate\.json/i, 'subscription'],
  [/\/managementGroupDeploymentTemplate\.json/i, 'managementGroup'],
  [/\/tenantDeploymentTemplate\.json/i, 'tenant'],
  [/\/deploymentTemplate\.json/i, 'resourceGroup'],
];

export function scopeFromSchema(schema: unknown): DeploymentScope | undefined {
  if (typeof schema !== 'string') return undefined;
  for (const [pattern, scope] of SCHEMA_SCOPES) if (pattern.test(schema)) return scope;
  return undefined;
}

/** Schemas of JSON files that are not deployment templates but are often mistaken for one. */
export function describeOtherSchema(schema: unknown): string | undefined {
  if (typeof schema !== 'string') return undefined;
  if (/deploymentParameters\.json/i.test(schema)) return 'a parameters file';
  if (/CreateUIDefinition/i.test(schema)) return 'a createUiDefinition file';
  return undefined;
}
