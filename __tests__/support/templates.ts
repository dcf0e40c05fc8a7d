// Builders for the small templates the unit tests write inline.
import { RULES } from '../../src/rules/index.ts';
import { checkTemplateText } from '../../src/engine/check-template.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import type { Finding, TemplateResult } from '../../src/engine/types.ts';

export const RG_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const SUB_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
export const MG_SCHEMA = 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#';
export const TENANT_SCHEMA = 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#';
export const GUID = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6';

export type Json = Record<string, unknown>;

export function emptyTemplate(): Json {
  return { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [] };
}

export function trackingResource(overrides: Json = {}): Json {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: `pid-${GUID}`,
    properties: { mode: 'Incremental', template: emptyTemplate() },
    ...overrides,
  };
}

export function storageAccount(name = 'stdemo'): Json {
  return {
    type: 'Microsoft.Storage/storageAccounts',
    apiVersion: '2023-01-01',
    name,
    location: 'westeurope',
    sku: { name: 'Standard_LRS' },
    kind: 'StorageV2',
  };
}

export function template(resources: unknown[], extra: Json = {}): Json {
  return { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', ...extra, resources };
}

export function check(templateValue: Json | string, settings: Partial<CheckSettings> = {}, parameterValues?: Record<string, unknown>): TemplateResult {
  const text = typeof templateValue === 'string' ? templateValue : JSON.stringify(templateValue, null, 2);
  return checkTemplateText(
    { file: 'azuredeploy.json', text, ...(parameterValues ? { parameterValues } : {}) },
    { rules: RULES, settings: { ...DEFAULT_CHECK_SETTINGS, ...settings } },
  );
}

export function ruleIds(result: TemplateResult): string[] {
  return result.findings.map((f) => f.ruleId);
}

export function findingsOf(result: TemplateResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}
