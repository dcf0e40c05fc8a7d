import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);

// src/fix/tracking-resource.ts
var TRACKING_API_VERSION = "2021-04-01";
var SCHEMAS = {
  resourceGroup: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  subscription: "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  managementGroup: "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
  tenant: "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#"
};
function isHigherScope(scope) {
  return scope === "subscription" || scope === "managementGroup" || scope === "tenant";
}
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function trackingName(trackingId, scope, strictNames) {
  if (isHigherScope(scope) && !strictNames && GUID.test(trackingId)) {
    return `[format('pid-${trackingId}-{0}', uniqueString(deployment().location))]`;
  }
  return `pid-${trackingId}`;
}
function emptyTemplate(scope) {
  return { $schema: SCHEMAS[scope ?? "resourceGroup"], contentVersion: "1.0.0.0", resources: [] };
}
function trackingResource(trackingId, scope, strictNames = false) {
  return {
    type: "Microsoft.Resources/deployments",
    apiVersion: TRACKING_API_VERSION,
    name: trackingName(trackingId, scope, strictNames),
    ...isHigherScope(scope) ? { location: "[deployment().location]" } : {},
    properties: { mode: "Incremental", template: emptyTemplate(scope) }
  };
}

export {
  TRACKING_API_VERSION,
  isHigherScope,
  trackingName,
  emptyTemplate,
  trackingResource
};
