// The tracking resource cua-guard inserts, for each deployment scope, and the snippet `new-id` prints.
//
// Resource group scope (and templates whose $schema says nothing): the classic form,
//   "name": "pid-<GUID>", no location.
// Subscription, management group and tenant scope: ARM requires a location for deployments there
// (CUA012), and reusing a deployment name in another location fails (CUA015), so
//   "location": "[deployment().location]",
//   "name": "[format('pid-<GUID>-{0}', uniqueString(deployment().location))]"
// (Partner Center reads the GUID after 'pid-' and accepts a suffix). With strict names, or a
// Partner Center id (whose suffix would hide where the id ends), the name stays 'pid-<id>'.
import type { DeploymentScope } from './types.ts';
import { isGuid } from '../parse/guid.ts';

export const TRACKING_API_VERSION = '2021-04-01';

const SCHEMAS: Record<DeploymentScope, string> = {
  resourceGroup: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  subscription: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
  managementGroup: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
  tenant: 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
};

export function isHigherScope(scope: DeploymentScope | undefined): scope is Exclude<DeploymentScope, 'resourceGroup'> {
  return scope === 'subscription' || scope === 'managementGroup' || scope === 'tenant';
}

export function trackingName(trackingId: string, scope: DeploymentScope | undefined, strictNames: boolean): string {
  if (isHigherScope(scope) && !strictNames && isGuid(trackingId)) {
    return `[format('pid-${trackingId}-{0}', uniqueString(deployment().location))]`;
  }
  return `pid-${trackingId}`;
}

export function emptyTemplate(scope: DeploymentScope | undefined): Record<string, unknown> {
  return { $schema: SCHEMAS[scope ?? 'resourceGroup'], contentVersion: '1.0.0.0', resources: [] };
}

export function trackingResource(trackingId: string, scope: DeploymentScope | undefined, strictNames = false): Record<string, unknown> {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: TRACKING_API_VERSION,
    name: trackingName(trackingId, scope, strictNames),
    ...(isHigherScope(scope) ? { location: '[deployment().location]' } : {}),
    properties: { mode: 'Incremental', template: emptyTemplate(scope) },
  };
}
