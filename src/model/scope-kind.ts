// Reads the deployment scope of a template from its $schema, and the scope a deployment
// resource targets from its own properties, as ARM does.
import { PartialString, Unknown, contextPath, type ArmValue, type ContextFunction } from '../expressions/value.ts';
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

/**
 * Where a deployment resource deploys its template, from its own properties (ARM's rules:
 * `resourceGroup` → a resource group; `subscriptionId` alone → a subscription; `scope` "/" or
 * `tenant()` → the tenant, a management group id or `managementGroup(…)` → a management group).
 * `undefined` when none is set (the deployment runs at its template's scope); 'unknown' when `scope`
 * is set but cannot be read before deployment. `scopeValue` is the evaluated `scope` property.
 */
export function deploymentTargetScope(resource: Record<string, unknown>, scopeValue: ArmValue | undefined): DeploymentScope | 'unknown' | undefined {
  if (isSet(resource['resourceGroup'])) return 'resourceGroup';
  if (scopeValue !== undefined && scopeValue !== null) return scopeFromId(scopeValue) ?? 'unknown';
  if (isSet(resource['subscriptionId'])) return 'subscription';
  return undefined;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

const ID_SCOPES: readonly [RegExp, DeploymentScope][] = [
  [/^\/?$/, 'tenant'],
  [/^(\/providers\/)?Microsoft\.Management\/managementGroups\/[^/]*\/?$/i, 'managementGroup'],
  [/^\/subscriptions\/[^/]*\/resourceGroups\/[^/]*\/?$/i, 'resourceGroup'],
  [/^\/subscriptions\/[^/]*\/?$/i, 'subscription'],
];

/** The scope functions, and the scope a value read from each names (`subscription().id`). */
const FUNCTION_SCOPES: Partial<Record<ContextFunction, DeploymentScope>> = {
  tenant: 'tenant',
  managementGroup: 'managementGroup',
  subscription: 'subscription',
  resourceGroup: 'resourceGroup',
};

/** A scope id ('/', 'Microsoft.Management/managementGroups/mg1', …) or a scope function's result. */
function scopeFromId(value: ArmValue): DeploymentScope | undefined {
  if (value instanceof Unknown) {
    const context = contextPath(value);
    return context === undefined ? undefined : FUNCTION_SCOPES[context.fn];
  }
  // Unknown parts (a management group name from a parameter) stand for one path segment.
  const text =
    typeof value === 'string' ? value : value instanceof PartialString ? value.parts.map((p) => (typeof p === 'string' ? p : 'x')).join('') : undefined;
  if (text === undefined) return undefined;
  return ID_SCOPES.find(([pattern]) => pattern.test(text))?.[1];
}
