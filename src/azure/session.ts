// An authenticated connection to ARM: the credential, one deployments client per subscription and
// the resource-group client, all sharing the request meter, the retry settings and the user agent.
import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/identity';
import { TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import type { CloudEndpoints } from './clouds.ts';
import { createCredential } from './credential.ts';
import type { CredentialPlan } from './credential-plan.ts';
import { RETRY_OPTIONS, type RequestMeter } from './http.ts';

export interface AzureSession {
  readonly cloud: CloudEndpoints;
  readonly plan: CredentialPlan;
  readonly meter: RequestMeter;
  readonly userAgentPrefix: string;
  /** Deployments client; the subscription matters only for resource-group and subscription scope. */
  deployments(subscriptionId?: string): DeploymentsClient;
  resourceGroups(subscriptionId: string): ResourceManagementClient['resourceGroups'];
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

export function createSession(
  cloud: CloudEndpoints,
  plan: CredentialPlan,
  meter: RequestMeter,
  { userAgentPrefix, env }: { userAgentPrefix: string; env: NodeJS.ProcessEnv },
): AzureSession {
  const credential: TokenCredential = createCredential(plan, cloud, meter, env);
  const options = {
    endpoint: cloud.resourceManager,
    credentials: { scopes: [cloud.tokenScope] },
    userAgentOptions: { userAgentPrefix },
    retryOptions: { ...RETRY_OPTIONS },
    additionalPolicies: [meter.policy],
  };
  const deploymentClients = new Map<string, DeploymentsClient>();
  const groupClients = new Map<string, ResourceManagementClient>();
  return {
    cloud,
    plan,
    meter,
    userAgentPrefix,
    deployments(subscriptionId = '') {
      const key = subscriptionId.toLowerCase();
      let client = deploymentClients.get(key);
      if (!client) {
        client = subscriptionId ? new DeploymentsClient(credential, subscriptionId, options) : new DeploymentsClient(credential, options);
        deploymentClients.set(key, client);
      }
      return client;
    },
    resourceGroups(subscriptionId) {
      const key = subscriptionId.toLowerCase();
      let client = groupClients.get(key);
      if (!client) {
        client = new ResourceManagementClient(credential, subscriptionId, options);
        groupClients.set(key, client);
      }
      return client.resourceGroups;
    },
  };
}
