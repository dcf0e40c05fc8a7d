// The fake ARM's state (resource groups, deployments with their operations, resources) and its
// deployment engine: a template is planned (conditions, names, nested deployments and their
// target scopes) and then applied, failing the resources a scenario says must fail.
import { randomUUID } from 'node:crypto';
import { evaluate, isRecord, resolveParameters, type EvalContext, type EvalScope } from './template-eval.ts';

export interface ArmErrorBody {
  code: string;
  message: string;
  details?: ArmErrorBody[];
}

export interface FakeOperation {
  id: string;
  operationId: string;
  properties: {
    provisioningOperation: string;
    provisioningState: string;
    timestamp: string;
    duration: string;
    statusCode?: string;
    /** Free-form in the spec (StatusMessage is `{status, error}` there, but RPs send other shapes). */
    statusMessage?: unknown;
    targetResource?: { id: string; resourceType: string; resourceName: string };
  };
}

export interface FakeDeployment {
  id: string;
  name: string;
  /** Canonical scope id ('' for the tenant). */
  scope: string;
  location?: string;
  properties: {
    provisioningState: string;
    correlationId: string;
    timestamp: string;
    mode: string;
    template: Record<string, unknown>;
    parameters: Record<string, unknown>;
    error?: ArmErrorBody;
    validatedResources?: { id: string }[];
    /** What the deployment provisioned itself (DeploymentPropertiesExtended.outputResources). */
    outputResources?: { id: string }[];
  };
  operations: FakeOperation[];
}

export interface FakeResourceGroup {
  id: string;
  name: string;
  subscriptionId: string;
  location: string;
}

export interface PlannedItem {
  kind: 'deployment' | 'resourceGroup' | 'resource';
  id: string;
  type: string;
  name: string;
  /** For nested deployments: where they deploy, their template and parameters, and their own plan. */
  targetScope?: string;
  /** A nested deployment's own location (never inherited from its parent). */
  location?: string;
  template?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  children?: PlannedItem[];
  /**
   * Its parameters hold a reference(): validation cannot evaluate them and skips its resources
   * (diagnostic NestedDeploymentShortCircuited in the spec's PostDeploymentValidateOnResourceGroup example).
   */
  shortCircuited?: boolean;
}

export interface EngineOptions {
  /** Resource names (lower case) that fail with this error. */
  failResources: Record<string, ArmErrorBody>;
  /** Resource names (lower case) whose failed operation carries this statusMessage instead of `{status, error}`. */
  rawStatusMessages?: Record<string, unknown>;
}

export class FakeState {
  readonly resourceGroups = new Map<string, FakeResourceGroup>();
  readonly deployments = new Map<string, FakeDeployment>();
  readonly resources = new Map<string, { id: string; type: string; deploymentId: string }>();

  addResourceGroup(subscriptionId: string, name: string, location = 'westeurope'): FakeResourceGroup {
    const group = { id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`, name, subscriptionId, location };
    this.resourceGroups.set(key(group.id), group);
    return group;
  }

  hasResourceGroup(subscriptionId: string, name: string): boolean {
    return this.resourceGroups.has(key(`/subscriptions/${subscriptionId}/resourceGroups/${name}`));
  }

  /** Deletes a resource group with everything in it. */
  deleteResourceGroup(id: string): void {
    const prefix = `${key(id)}/`;
    this.resourceGroups.delete(key(id));
    for (const k of [...this.deployments.keys()]) if (k.startsWith(prefix)) this.deployments.delete(k);
    for (const k of [...this.resources.keys()]) if (k.startsWith(prefix)) this.resources.delete(k);
  }

  deploymentsAt(scope: string): FakeDeployment[] {
    return [...this.deployments.values()].filter((d) => key(d.scope) === key(scope));
  }

  getDeployment(scope: string, name: string): FakeDeployment | undefined {
    return this.deployments.get(key(deploymentIdOf(scope, name)));
  }

  /** Creates (or replaces, as ARM does for the same name) a deployment record in Accepted state. */
  createDeployment(
    scope: string,
    name: string,
    body: { location?: string; template: Record<string, unknown>; parameters: Record<string, unknown>; mode?: string },
    correlationId: string,
  ): FakeDeployment {
    const deployment: FakeDeployment = {
      id: deploymentIdOf(scope, name),
      name,
      scope,
      ...(body.location ? { location: body.location } : {}),
      properties: {
        provisioningState: 'Accepted',
        correlationId,
        timestamp: new Date().toISOString(),
        mode: body.mode ?? 'Incremental',
        template: body.template,
        parameters: body.parameters,
      },
      operations: [],
    };
    this.deployments.set(key(deployment.id), deployment);
    return deployment;
  }

  /** Everything the deployment's template would deploy, nested deployments expanded. */
  plan(
    deployment: Pick<FakeDeployment, 'scope' | 'name' | 'location'> & { template: Record<string, unknown>; parameters: Record<string, unknown> },
  ): PlannedItem[] {
    const scope = evalScope(deployment.scope, deployment.location, this);
    const base = { variables: isRecord(deployment.template['variables']) ? deployment.template['variables'] : {}, scope, deploymentName: deployment.name };
    const ctx: EvalContext = { ...base, parameters: resolveParameters(deployment.template, deployment.parameters, base) };
    const resources = deployment.template['resources'];
    const list = Array.isArray(resources) ? resources : isRecord(resources) ? Object.values(resources) : [];
    const items: PlannedItem[] = [];
    for (const raw of list) {
      if (!isRecord(raw)) continue;
      if ('condition' in raw && !evaluate(raw['condition'], ctx)) continue;
      const type = String(evaluate(raw['type'], ctx));
      const name = String(evaluate(raw['name'], ctx));
      if (type.toLowerCase() === 'microsoft.resources/deployments') {
        const targetScope = nestedScope(deployment.scope, raw, ctx);
        const props = isRecord(raw['properties']) ? raw['properties'] : {};
        const template = isRecord(props['template']) ? props['template'] : {};
        const inner = isRecord(props['expressionEvaluationOptions']) && String(props['expressionEvaluationOptions']['scope']).toLowerCase() === 'inner';
        const passed = isRecord(props['parameters']) ? (evaluate(props['parameters'], ctx) as Record<string, unknown>) : {};
        const parameters = inner ? passed : { ...Object.fromEntries(Object.entries(ctx.parameters).map(([k, v]) => [k, { value: v }])), ...passed };
        const nestedTemplate = inner
          ? template
          : {
              ...template,
              parameters: {
                ...(isRecord(deployment.template['parameters']) ? deployment.template['parameters'] : {}),
                ...(isRecord(template['parameters']) ? template['parameters'] : {}),
              },
            };
        // A nested deployment does not inherit its parent's location: above resource-group scope ARM
        // stores the record in the location it is given and rejects one without (the spec's
        // Deployment.location: "The location to store the deployment data", required at those scopes).
        const location = typeof raw['location'] === 'string' ? String(evaluate(raw['location'], ctx)) : undefined;
        if (location === undefined && !/\/resourceGroups\/[^/]+$/i.test(targetScope)) {
          throw new Error(`InvalidDeployment: the nested deployment '${name}' at ${targetScope || 'the tenant'} needs a location`);
        }
        const children = this.plan({ scope: targetScope, name, ...(location ? { location } : {}), template: nestedTemplate, parameters });
        const shortCircuited = /\breference\s*\(/i.test(JSON.stringify(props['parameters'] ?? {}));
        items.push({
          kind: 'deployment',
          ...(location ? { location } : {}),
          id: deploymentIdOf(targetScope, name),
          type,
          name,
          targetScope,
          template: nestedTemplate,
          parameters,
          children,
          ...(shortCircuited ? { shortCircuited } : {}),
        });
      } else if (type.toLowerCase() === 'microsoft.resources/resourcegroups') {
        items.push({ kind: 'resourceGroup', id: `/subscriptions/${scope.subscriptionId}/resourceGroups/${name}`, type, name });
      } else {
        items.push({ kind: 'resource', id: resourceIdOf(deployment.scope, type, name), type, name });
      }
    }
    return items;
  }

  /** Runs the deployment to its end state, creating resources, nested deployments and operations. */
  apply(deployment: FakeDeployment, options: EngineOptions): void {
    let items: PlannedItem[];
    try {
      items = this.plan({ ...deployment, template: deployment.properties.template, parameters: deployment.properties.parameters });
    } catch (error) {
      this.finish(deployment, { code: 'InvalidTemplate', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const failures: ArmErrorBody[] = [];
    const provisioned: { id: string }[] = [];
    for (const item of items) {
      const op = operation(deployment, item);
      if (item.kind === 'deployment') {
        const target = item.targetScope ?? '';
        const rg = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(target);
        if (rg && !this.hasResourceGroup(rg[1] ?? '', rg[2] ?? '')) {
          fail(op, { code: 'ResourceGroupNotFound', message: `Resource group '${rg[2]}' could not be found.` });
        } else {
          const nested = this.createDeployment(
            target,
            item.name,
            { template: item.template ?? {}, parameters: item.parameters ?? {}, ...(item.location ? { location: item.location } : {}) },
            deployment.properties.correlationId,
          );
          // A scenario can fail a nested deployment itself (e.g. the tracking deployment).
          const scripted = options.failResources[item.name.toLowerCase()];
          if (scripted) this.finish(nested, scripted);
          else this.apply(nested, options);
          if (nested.properties.provisioningState !== 'Succeeded')
            fail(op, nested.properties.error ?? { code: 'DeploymentFailed', message: 'nested deployment failed' });
        }
      } else if (item.kind === 'resourceGroup') {
        const sub = /^\/subscriptions\/([^/]+)/i.exec(item.id)?.[1] ?? '';
        this.addResourceGroup(sub, item.name);
        provisioned.push({ id: item.id });
      } else {
        const failure = options.failResources[item.name.toLowerCase()];
        if (failure) fail(op, failure, options.rawStatusMessages?.[item.name.toLowerCase()]);
        else {
          this.resources.set(key(item.id), { id: item.id, type: item.type, deploymentId: deployment.id });
          provisioned.push({ id: item.id });
        }
      }
      if (op.properties.provisioningState === 'Failed') failures.push(errorOf(op, item));
      deployment.operations.push(op);
    }
    deployment.properties.outputResources = provisioned;
    // ARM ends a successful deployment with a target-less bookkeeping operation.
    if (failures.length === 0) {
      deployment.operations.push({
        id: `${deployment.id}/operations/${randomUUID()}`,
        operationId: randomUUID(),
        properties: {
          provisioningOperation: 'EvaluateDeploymentOutput',
          provisioningState: 'Succeeded',
          timestamp: new Date().toISOString(),
          duration: 'PT0S',
        },
      });
    }
    this.finish(
      deployment,
      failures.length === 0
        ? undefined
        : {
            code: 'DeploymentFailed',
            message: 'At least one resource deployment operation failed. Please list deployment operations for details.',
            details: failures,
          },
    );
  }

  finish(deployment: FakeDeployment, error: ArmErrorBody | undefined): void {
    deployment.properties.provisioningState = error ? 'Failed' : 'Succeeded';
    if (error) deployment.properties.error = error;
  }
}

function operation(deployment: FakeDeployment, item: PlannedItem): FakeOperation {
  const operationId = randomUUID().replace(/-/g, '').toUpperCase().slice(0, 16);
  return {
    id: `${deployment.id}/operations/${operationId}`,
    operationId,
    properties: {
      provisioningOperation: 'Create',
      provisioningState: 'Succeeded',
      timestamp: new Date().toISOString(),
      duration: 'PT1S',
      statusCode: 'OK',
      targetResource: { id: item.id, resourceType: item.type, resourceName: item.name },
    },
  };
}

function fail(op: FakeOperation, error: ArmErrorBody, rawStatusMessage?: unknown): void {
  op.properties.provisioningState = 'Failed';
  op.properties.statusCode = 'Conflict';
  op.properties.statusMessage = rawStatusMessage ?? { status: 'Failed', error };
}

/** The deployment's error detail for a failed operation (ARM wraps a free-form one as Conflict). */
function errorOf(op: FakeOperation, item: PlannedItem): ArmErrorBody {
  const status = op.properties.statusMessage;
  if (isRecord(status) && isRecord(status['error'])) return status['error'] as unknown as ArmErrorBody;
  return { code: 'Conflict', message: `${item.type} '${item.name}' failed: ${JSON.stringify(status)}` };
}

/** Where a nested deployment deploys: resourceGroup / subscriptionId / scope properties. */
function nestedScope(parent: string, raw: Record<string, unknown>, ctx: EvalContext): string {
  const sub = raw['subscriptionId'] !== undefined ? String(evaluate(raw['subscriptionId'], ctx)) : undefined;
  const rg = raw['resourceGroup'] !== undefined ? String(evaluate(raw['resourceGroup'], ctx)) : undefined;
  const explicit = raw['scope'] !== undefined ? String(evaluate(raw['scope'], ctx)) : undefined;
  if (explicit !== undefined) return explicit === '/' ? '' : explicit.startsWith('/') ? explicit : `/providers/${explicit}`;
  const parentSub = /^\/subscriptions\/([^/]+)/i.exec(parent)?.[1];
  if (rg !== undefined) return `/subscriptions/${sub ?? parentSub ?? ''}/resourceGroups/${rg}`;
  if (sub !== undefined) return `/subscriptions/${sub}`;
  return parent;
}

function evalScope(scope: string, location: string | undefined, state: FakeState): EvalScope {
  const rg = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(scope);
  if (rg) {
    const group = state.resourceGroups.get(key(scope));
    return { subscriptionId: rg[1] ?? '', resourceGroup: rg[2] ?? '', location: group?.location ?? location ?? 'westeurope' };
  }
  const sub = /^\/subscriptions\/([^/]+)$/i.exec(scope);
  if (sub) return { subscriptionId: sub[1] ?? '', ...(location ? { location } : {}) };
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
  if (mg) return { managementGroupId: mg[1] ?? '', ...(location ? { location } : {}) };
  return location ? { location } : {};
}

export function deploymentIdOf(scope: string, name: string): string {
  return `${scope}/providers/Microsoft.Resources/deployments/${name}`;
}

export function resourceIdOf(scope: string, type: string, name: string): string {
  const [namespace, ...types] = type.split('/');
  const names = name.split('/');
  return `${scope}/providers/${namespace}/${types.map((t, i) => `${t}/${names[i] ?? ''}`).join('/')}`;
}

export function key(id: string): string {
  return id.toLowerCase();
}

export { isRecord };
