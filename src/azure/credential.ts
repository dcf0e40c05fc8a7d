// Builds the credential a CredentialPlan names (see credential-plan.ts for how the plan is chosen
// and pinned). Loaded only with the Azure SDK.
import { getIDToken } from '@actions/core';
import { setSecret } from '../github/runner.ts';
import { AzureCliCredential, ClientAssertionCredential, EnvironmentCredential, type TokenCredential } from '@azure/identity';
import type { CloudEndpoints } from './clouds.ts';
import type { CredentialPlan } from './credential-plan.ts';
import type { RequestMeter } from './http.ts';

const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
const ASSERTION_REUSE_MS = 4 * 60_000;

export function createCredential(plan: CredentialPlan, cloud: CloudEndpoints, meter: RequestMeter, env: NodeJS.ProcessEnv): TokenCredential {
  // Defence in depth: the runner masks registered secrets in every log line.
  const secret = env['AZURE_CLIENT_SECRET'];
  if (secret) setSecret(secret);
  const options = {
    authorityHost: cloud.authorityHost,
    disableInstanceDiscovery: cloud.disableInstanceDiscovery,
    additionalPolicies: [meter.tokenPolicy],
  };
  switch (plan.kind) {
    case 'oidc': {
      // MSAL may ask for the assertion more than once per token; a GitHub token lives 5+ minutes.
      let cached: { token: string; at: number } | undefined;
      const getAssertion = async (): Promise<string> => {
        if (cached && Date.now() - cached.at < ASSERTION_REUSE_MS) return cached.token;
        meter.countExternal();
        // getIDToken registers the token as a secret before returning it.
        cached = { token: await getIDToken(OIDC_AUDIENCE), at: Date.now() };
        return cached.token;
      };
      return new ClientAssertionCredential(plan.tenantId ?? '', plan.clientId ?? '', getAssertion, options);
    }
    case 'environment':
      return new EnvironmentCredential(options);
    case 'azure-cli':
      return new AzureCliCredential({ processTimeoutInMs: 60_000 });
  }
}
