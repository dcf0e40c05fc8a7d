// Deployment scopes and the resource ids ARM builds from them. Pure: no SDK imports, so the
// post step's state can use them without loading the Azure SDK.

import type { ArmScope } from '../settings/verify-settings.ts';

export type { ArmScope } from '../settings/verify-settings.ts';

/** A deployment by where it is and its name. */
export interface DeploymentAt {
  scope: ArmScope;
  name: string;
}

const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';

/** The scope's resource id ('' for the tenant), as ARM writes it. */
export function scopeId(scope: ArmScope): string {
  switch (scope.kind) {
    case 'resourceGroup':
      return `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}`;
    case 'subscription':
      return `/subscriptions/${scope.subscriptionId}`;
    case 'managementGroup':
      return `/providers/Microsoft.Management/managementGroups/${scope.managementGroupId}`;
    case 'tenant':
      return '';
  }
}

export function deploymentId(scope: ArmScope, name: string): string {
  return `${scopeId(scope)}/providers/Microsoft.Resources/deployments/${name}`;
}

/** Case-insensitive key: ARM ids compare without case. */
export function idKey(id: string): string {
  return id.toLowerCase();
}

/** True when `inner` is `outer` or lies inside it (a deployment in a resource group of a subscription). */
export function scopeContains(outer: ArmScope, inner: ArmScope): boolean {
  const o = idKey(scopeId(outer));
  const i = idKey(scopeId(inner));
  return i === o || i.startsWith(`${o}/`);
}

export function describeScope(scope: ArmScope): string {
  switch (scope.kind) {
    case 'resourceGroup':
      return `resource group '${scope.resourceGroup}' (subscription ${scope.subscriptionId})`;
    case 'subscription':
      return `subscription ${scope.subscriptionId}`;
    case 'managementGroup':
      return `management group '${scope.managementGroupId}'`;
    case 'tenant':
      return 'the tenant';
  }
}

/** Reads a scope from its resource id; undefined for anything that is not one of the four. */
export function parseScopeId(id: string): ArmScope | undefined {
  const trimmed = id.replace(/\/+$/, '');
  if (trimmed === '') return { kind: 'tenant' };
  const rg = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)$/i.exec(trimmed);
  if (rg) return { kind: 'resourceGroup', subscriptionId: rg[1] ?? '', resourceGroup: rg[2] ?? '' };
  const sub = /^\/subscriptions\/([^/]+)$/i.exec(trimmed);
  if (sub) return { kind: 'subscription', subscriptionId: sub[1] ?? '' };
  const mg = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/i.exec(trimmed);
  if (mg) return { kind: 'managementGroup', managementGroupId: mg[1] ?? '' };
  return undefined;
}

/** Splits `<scope>/providers/Microsoft.Resources/deployments/<name>` into scope and name. */
export function parseDeploymentId(id: string): { scope: ArmScope; name: string } | undefined {
  const marker = '/providers/microsoft.resources/deployments/';
  const at = id.toLowerCase().lastIndexOf(marker);
  if (at < 0) return undefined;
  const name = id.slice(at + marker.length);
  if (name === '' || name.includes('/')) return undefined;
  const scope = parseScopeId(id.slice(0, at));
  return scope ? { scope, name } : undefined;
}

export function isDeploymentType(resourceType: string | undefined): boolean {
  return resourceType !== undefined && resourceType.toLowerCase() === DEPLOYMENTS_TYPE;
}

export interface ResourceIdParts {
  /** `Namespace/type[/childType…]`. */
  type: string;
  subscriptionId?: string;
  resourceGroup?: string;
  managementGroupId?: string;
}

/**
 * Type and place of a resource id, for people: the last `/providers/` segment names the type
 * (extension resources such as role assignments live under another resource); the part before it
 * says where it is.
 */
export function describeResourceId(id: string): ResourceIdParts {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
  const rg = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)/i.exec(id)?.[1];
  const mg = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)\/providers\//i.exec(id)?.[1];
  const place = { ...(sub ? { subscriptionId: sub } : {}), ...(rg ? { resourceGroup: rg } : {}), ...(mg ? { managementGroupId: mg } : {}) };
  const at = id.toLowerCase().lastIndexOf('/providers/');
  // A resource group's (or subscription's) own id has no providers segment.
  if (at < 0) return { type: rg ? 'Microsoft.Resources/resourceGroups' : sub ? 'Microsoft.Resources/subscriptions' : '', ...place };
  const [namespace = '', ...rest] = id.slice(at + '/providers/'.length).split('/');
  const types = rest.filter((_, i) => i % 2 === 0);
  return { type: [namespace, ...types].join('/'), ...place };
}
