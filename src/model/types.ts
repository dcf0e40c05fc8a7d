// What the template model says about where a resource sits and where a template deploys.

export type Placement = 'top-level' | 'nested-inline' | 'child' | 'linked';

export type DeploymentScope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';
