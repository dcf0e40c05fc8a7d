// Templates and ids for the Azure scenarios.
import type { VerifyTemplate } from '../../../src/azure/step.ts';
import type { TempWorkspace } from '../temp-workspace.ts';

export const SUB = '0b7e4f4a-0000-4000-8000-0000000000a1';
export const OTHER_SUB = '0b7e4f4a-0000-4000-8000-0000000000a2';
export const MG = 'mg-cua-guard';
export const TRACKING_ID = 'b7a2c9e4-1d3f-4a5b-8c6d-0e1f2a3b4c5d';
export const PID = `pid-${TRACKING_ID}`;

export const SCHEMAS = {
  resourceGroup: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  subscription: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
  managementGroup: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
  tenant: 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
} as const;

type Json = Record<string, unknown>;

/** The tracking resource: an empty nested deployment named pid-<GUID>. */
export function pidResource(extra: Json = {}): Json {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: PID,
    ...extra,
    properties: {
      mode: 'Incremental',
      template: { $schema: SCHEMAS.resourceGroup, contentVersion: '1.0.0.0', resources: [] },
    },
  };
}

export function storage(name: string): Json {
  return {
    type: 'Microsoft.Storage/storageAccounts',
    apiVersion: '2023-01-01',
    name,
    location: '[resourceGroup().location]',
    sku: { name: 'Standard_LRS' },
    kind: 'StorageV2',
  };
}

export function template(scope: keyof typeof SCHEMAS, resources: Json[], parameters: Json = {}): Json {
  return { $schema: SCHEMAS[scope], contentVersion: '1.0.0.0', parameters, resources };
}

/** A nested deployment of `resources` into another resource group (optionally another subscription). */
export function nestedInto(name: string, resourceGroup: string, resources: Json[], subscriptionId?: string): Json {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name,
    resourceGroup,
    ...(subscriptionId ? { subscriptionId } : {}),
    properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: template('resourceGroup', resources) },
  };
}

/** Writes the template into the workspace (pretty-printed, so findings have real lines). */
export function addTemplate(ws: TempWorkspace, path: string, body: Json, trackingNames: string[] = [PID]): VerifyTemplate {
  const absolutePath = ws.write(path, body);
  return { path, absolutePath, trackingNames: trackingNames.map((name) => ({ display: name, parts: [{ text: name }] })) };
}

/** Action inputs for `verify: deploy` into a resource group the action creates in westeurope. */
export function resourceGroupDeployInputs(group: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    verify: 'deploy',
    scope: 'resourcegroup',
    'subscription-id': SUB,
    'resource-group': group,
    'create-resource-group': 'true',
    region: 'westeurope',
    ...extra,
  };
}
