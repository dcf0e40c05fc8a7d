// An authenticated connection to ARM: the credential, one deployments client per subscription and
// the resource-group client, all sharing the request meter, the retry settings, the user agent, the
// run's correlation id, the api-versions chosen for the cloud and the step's abort signal.
import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/identity';
import { TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import type { ApiVersions } from './api-versions.ts';
import type { CloudEndpoints } from './clouds.ts';
import { createCredential } from './credential.ts';
import type { CredentialPlan } from './credential-plan.ts';
import { RETRY_OPTIONS, type AdditionalPolicy, type RequestMeter } from './http.ts';

export interface AzureSession {
  readonly cloud: CloudEndpoints;
  readonly plan: CredentialPlan;
  readonly meter: RequestMeter;
  readonly userAgentPrefix: string;
  /** Sent as x-ms-correlation-request-id on every request: ARM gives it to the deployments the run starts. */
  readonly correlationId: string;
  /** Deployments client; the subscription matters only for resource-group and subscription scope. */
  deployments(subscriptionId?: string): DeploymentsClient;
  resourceGroups(subscriptionId: string): ResourceManagementClient['resourceGroups'];
  providers(subscriptionId: string): ResourceManagementClient['providers'];
  /** The api-versions this session speaks (undefined: the SDK's defaults). */
  readonly apiVersions: ApiVersions | undefined;
  /** The same connection (credential, meter, signal) speaking other api-versions. */
  withApiVersions(apiVersions: ApiVersions): AzureSession;
  /**
   * A deployment operation's statusMessage as ARM sent it (by the operation's resource id): the
   * spec types it `{status, error}` and the SDK keeps only those, but providers send other shapes.
   */
  rawStatusMessage(operationResourceId: string): unknown;
}

export interface SessionOptions {
  userAgentPrefix: string;
  env: NodeJS.ProcessEnv;
  correlationId: string;
  /** api-versions other than the SDK's defaults (Azure Stack Hub). */
  apiVersions?: ApiVersions;
  /**
   * Given to every request that has no signal of its own: the SDK fetches later list pages (and
   * waits between retries) without the caller's signal.
   */
  signal?: AbortSignal;
}

/**
 * `pid-<id> cua-guard/<version>`: with a tracking id configured, the action's own ARM calls are
 * attributed to it too (the user-agent form of customer usage attribution).
 */
export function userAgentPrefixFor(trackingIds: readonly string[]): string {
  const tool = `${TOOL_NAME}/${TOOL_VERSION}`;
  const first = trackingIds[0];
  return first ? `pid-${first} ${tool}` : tool;
}

export function createSession(cloud: CloudEndpoints, plan: CredentialPlan, meter: RequestMeter, session: SessionOptions): AzureSession {
  const credential: TokenCredential = createCredential(plan, cloud, meter, session.env);
  return buildSession({ cloud, plan, meter, credential, statusMessages: new Map() }, session);
}

interface Connection {
  cloud: CloudEndpoints;
  plan: CredentialPlan;
  meter: RequestMeter;
  credential: TokenCredential;
  statusMessages: Map<string, unknown>;
}

function buildSession(connection: Connection, session: SessionOptions): AzureSession {
  const { cloud, plan, meter, credential, statusMessages } = connection;
  const { userAgentPrefix, correlationId, apiVersions, signal } = session;
  const options = {
    endpoint: cloud.resourceManager,
    credentials: { scopes: [cloud.tokenScope] },
    userAgentOptions: { userAgentPrefix },
    retryOptions: { ...RETRY_OPTIONS },
    additionalPolicies: [runPolicy(correlationId, signal), statusMessagePolicy(statusMessages), meter.policy],
  };
  const deploymentClients = new Map<string, DeploymentsClient>();
  const resourceClients = new Map<string, ResourceManagementClient>();
  const resourceClient = (subscriptionId: string): ResourceManagementClient => {
    const key = subscriptionId.toLowerCase();
    let client = resourceClients.get(key);
    if (!client) {
      client = new ResourceManagementClient(credential, subscriptionId, {
        ...options,
        ...(apiVersions?.resources ? { apiVersion: apiVersions.resources } : {}),
      });
      resourceClients.set(key, client);
    }
    return client;
  };
  return {
    cloud,
    plan,
    meter,
    userAgentPrefix,
    correlationId,
    deployments(subscriptionId = '') {
      const key = subscriptionId.toLowerCase();
      let client = deploymentClients.get(key);
      if (!client) {
        const clientOptions = { ...options, ...(apiVersions?.deployments ? { apiVersion: apiVersions.deployments } : {}) };
        client = subscriptionId ? new DeploymentsClient(credential, subscriptionId, clientOptions) : new DeploymentsClient(credential, clientOptions);
        deploymentClients.set(key, client);
      }
      return client;
    },
    resourceGroups: (subscriptionId) => resourceClient(subscriptionId).resourceGroups,
    providers: (subscriptionId) => resourceClient(subscriptionId).providers,
    apiVersions,
    withApiVersions: (versions) => buildSession(connection, { ...session, apiVersions: versions }),
    rawStatusMessage: (id) => statusMessages.get(id.toLowerCase()),
  };
}

const OPERATIONS_LIST = /\/deployments\/[^/]+\/operations(?:\?|$)/i;

/** Keeps each listed operation's statusMessage as sent (bounded: operation lists are small). */
function statusMessagePolicy(statusMessages: Map<string, unknown>): AdditionalPolicy {
  return {
    position: 'perCall',
    policy: {
      name: 'cuaGuardStatusMessages',
      async sendRequest(request, next) {
        const response = await next(request);
        if (response.status !== 200 || !OPERATIONS_LIST.test(request.url) || !response.bodyAsText || response.bodyAsText.length > 4_000_000) return response;
        try {
          const body = JSON.parse(response.bodyAsText) as { value?: { id?: unknown; properties?: { statusMessage?: unknown } }[] };
          for (const operation of body.value ?? []) {
            const message = operation.properties?.statusMessage;
            if (typeof operation.id === 'string' && message !== undefined && statusMessages.size < 10_000) {
              statusMessages.set(operation.id.toLowerCase(), message);
            }
          }
        } catch {
          // Not JSON: the SDK reports it.
        }
        return response;
      },
    },
  };
}

/** Per call (before the retries): the run's correlation id, and the step's signal where the SDK gives none. */
function runPolicy(correlationId: string, signal: AbortSignal | undefined): AdditionalPolicy {
  return {
    position: 'perCall',
    policy: {
      name: 'cuaGuardRun',
      sendRequest(request, next) {
        request.headers.set('x-ms-correlation-request-id', correlationId);
        if (signal && !request.abortSignal) request.abortSignal = signal;
        return next(request);
      },
    },
  };
}
