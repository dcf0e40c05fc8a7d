// The deployment calls cua-guard makes, at whichever of the four scopes: one switch per call maps
// an ArmScope onto the SDK's per-scope method (resource group, subscription, management group,
// tenant). Every call carries the abort signal.
import { isRestError } from '@azure/arm-resourcesdeployments';
import type {
  Deployment,
  DeploymentExtended,
  DeploymentOperation,
  DeploymentProperties,
  DeploymentValidateResult,
  DeploymentWhatIfProperties,
  DeploymentsClient,
  WhatIfOperationResult,
} from '@azure/arm-resourcesdeployments';
import type { ArmScope, DeploymentAt } from './scope.ts';
import type { AzureSession } from './session.ts';

/**
 * The part of the SDK's long-running-operation poller (core-lro PollerLike) cua-guard drives
 * itself. Never `await` a poller or return it from an async function: it is a thenable, and
 * awaiting it would start the SDK's own polling loop instead of ours (see lro.ts).
 */
export interface ArmPoller<T> {
  readonly isDone: boolean;
  readonly result: T | undefined;
  readonly operationState: { status: string; error?: Error } | undefined;
  submitted(): Promise<void>;
  poll(options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

export type { DeploymentExtended, DeploymentOperation, DeploymentValidateResult, WhatIfOperationResult };

function client(session: AzureSession, scope: ArmScope): DeploymentsClient {
  return session.deployments(scope.kind === 'resourceGroup' || scope.kind === 'subscription' ? scope.subscriptionId : undefined);
}

/** Reads one deployment; undefined when it does not exist. */
export async function getDeployment(session: AzureSession, scope: ArmScope, name: string, abortSignal: AbortSignal): Promise<DeploymentExtended | undefined> {
  const ops = client(session, scope).deployments;
  try {
    switch (scope.kind) {
      case 'resourceGroup':
        return await ops.get(scope.resourceGroup, name, { abortSignal });
      case 'subscription':
        return await ops.getAtSubscriptionScope(name, { abortSignal });
      case 'managementGroup':
        return await ops.getAtManagementGroupScope(scope.managementGroupId, name, { abortSignal });
      case 'tenant':
        return await ops.getAtTenantScope(name, { abortSignal });
    }
  } catch (error) {
    if (isRestError(error) && error.statusCode === 404) return undefined;
    throw error;
  }
}

/** Every deployment at the scope: the list API cannot filter by correlationId, so all pages are read. */
export async function listDeployments(session: AzureSession, scope: ArmScope, abortSignal: AbortSignal): Promise<DeploymentExtended[]> {
  const ops = client(session, scope).deployments;
  const pages =
    scope.kind === 'resourceGroup'
      ? ops.listByResourceGroup(scope.resourceGroup, { abortSignal })
      : scope.kind === 'subscription'
        ? ops.listAtSubscriptionScope({ abortSignal })
        : scope.kind === 'managementGroup'
          ? ops.listAtManagementGroupScope(scope.managementGroupId, { abortSignal })
          : ops.listAtTenantScope({ abortSignal });
  const all: DeploymentExtended[] = [];
  for await (const deployment of pages) all.push(deployment);
  return all;
}

export async function listOperations(session: AzureSession, scope: ArmScope, name: string, abortSignal: AbortSignal): Promise<DeploymentOperation[]> {
  const ops = client(session, scope).deploymentOperations;
  const pages =
    scope.kind === 'resourceGroup'
      ? ops.list(scope.resourceGroup, name, { abortSignal })
      : scope.kind === 'subscription'
        ? ops.listAtSubscriptionScope(name, { abortSignal })
        : scope.kind === 'managementGroup'
          ? ops.listAtManagementGroupScope(scope.managementGroupId, name, { abortSignal })
          : ops.listAtTenantScope(name, { abortSignal });
  const all: DeploymentOperation[] = [];
  for await (const operation of pages) all.push(operation);
  return all;
}

export interface DeploymentRequest {
  properties: DeploymentProperties;
  /** Required above resource-group scope. */
  location?: string;
  tags?: Record<string, string>;
}

function scoped(request: DeploymentRequest): Deployment & { location: string } {
  return { ...request, location: request.location ?? '' };
}

export function beginDeploy(
  session: AzureSession,
  { scope, name }: DeploymentAt,
  request: DeploymentRequest,
  abortSignal: AbortSignal,
): ArmPoller<DeploymentExtended> {
  const ops = client(session, scope).deployments;
  switch (scope.kind) {
    case 'resourceGroup':
      return ops.createOrUpdate(scope.resourceGroup, name, request, { abortSignal });
    case 'subscription':
      return ops.createOrUpdateAtSubscriptionScope(name, request, { abortSignal });
    case 'managementGroup':
      return ops.createOrUpdateAtManagementGroupScope(scope.managementGroupId, name, scoped(request), { abortSignal });
    case 'tenant':
      return ops.createOrUpdateAtTenantScope(name, scoped(request), { abortSignal });
  }
}

export function beginValidate(
  session: AzureSession,
  { scope, name }: DeploymentAt,
  request: DeploymentRequest,
  abortSignal: AbortSignal,
): ArmPoller<DeploymentValidateResult> {
  const ops = client(session, scope).deployments;
  switch (scope.kind) {
    case 'resourceGroup':
      return ops.validate(scope.resourceGroup, name, request, { abortSignal });
    case 'subscription':
      return ops.validateAtSubscriptionScope(name, request, { abortSignal });
    case 'managementGroup':
      return ops.validateAtManagementGroupScope(scope.managementGroupId, name, scoped(request), { abortSignal });
    case 'tenant':
      return ops.validateAtTenantScope(name, scoped(request), { abortSignal });
  }
}

export function beginWhatIf(
  session: AzureSession,
  { scope, name }: DeploymentAt,
  request: { properties: DeploymentWhatIfProperties; location?: string },
  abortSignal: AbortSignal,
): ArmPoller<WhatIfOperationResult> {
  const ops = client(session, scope).deployments;
  const located = { ...request, location: request.location ?? '' };
  switch (scope.kind) {
    case 'resourceGroup':
      return ops.whatIf(scope.resourceGroup, name, request, { abortSignal });
    case 'subscription':
      return ops.whatIfAtSubscriptionScope(name, located, { abortSignal });
    case 'managementGroup':
      return ops.whatIfAtManagementGroupScope(scope.managementGroupId, name, located, { abortSignal });
    case 'tenant':
      return ops.whatIfAtTenantScope(name, located, { abortSignal });
  }
}

/** Cancels a running deployment; false when ARM says there is nothing to cancel (409/404). */
export async function cancelDeployment(session: AzureSession, scope: ArmScope, name: string, abortSignal: AbortSignal): Promise<boolean> {
  const ops = client(session, scope).deployments;
  try {
    switch (scope.kind) {
      case 'resourceGroup':
        await ops.cancel(scope.resourceGroup, name, { abortSignal });
        break;
      case 'subscription':
        await ops.cancelAtSubscriptionScope(name, { abortSignal });
        break;
      case 'managementGroup':
        await ops.cancelAtManagementGroupScope(scope.managementGroupId, name, { abortSignal });
        break;
      case 'tenant':
        await ops.cancelAtTenantScope(name, { abortSignal });
        break;
    }
    return true;
  } catch (error) {
    if (isRestError(error) && (error.statusCode === 409 || error.statusCode === 404)) return false;
    throw error;
  }
}

export function beginDeleteDeployment(session: AzureSession, scope: ArmScope, name: string, abortSignal: AbortSignal): ArmPoller<void> {
  const ops = client(session, scope).deployments;
  switch (scope.kind) {
    case 'resourceGroup':
      return ops.delete(scope.resourceGroup, name, { abortSignal });
    case 'subscription':
      return ops.deleteAtSubscriptionScope(name, { abortSignal });
    case 'managementGroup':
      return ops.deleteAtManagementGroupScope(scope.managementGroupId, name, { abortSignal });
    case 'tenant':
      return ops.deleteAtTenantScope(name, { abortSignal });
  }
}
