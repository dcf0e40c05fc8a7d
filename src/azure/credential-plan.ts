// Which credential cua-guard uses, decided explicitly (never DefaultAzureCredential, whose chain
// probes the managed-identity endpoint 169.254.169.254 and tries tools one after another).
//
// Order: the CUA_GUARD_CREDENTIAL pin, if set; OpenID Connect when client-id and tenant-id are
// given (the GitHub token is exchanged here, no azure/login needed); EnvironmentCredential when
// AZURE_CLIENT_ID, AZURE_TENANT_ID and a secret or certificate are set; else the Azure CLI session
// that azure/login leaves behind.
//
// Tests pin the credential (CUA_GUARD_CREDENTIAL=environment or oidc) and point
// resource-manager-endpoint at a fake ARM server whose metadata names itself as the login
// endpoint, so token requests go to that server with instance discovery off: nothing reaches
// login.microsoftonline.com or the managed-identity endpoint.
import { UsageError } from '../settings/parse-options.ts';

export const CREDENTIAL_KINDS = ['oidc', 'environment', 'azure-cli'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];
/** Environment variable that pins the credential kind. */
export const CREDENTIAL_PIN_VARIABLE = 'CUA_GUARD_CREDENTIAL';

export interface CredentialPlan {
  kind: CredentialKind;
  /** For oidc: the app registration (federated credential) and its tenant. */
  clientId?: string;
  tenantId?: string;
}

export interface LoginInputs {
  clientId?: string;
  tenantId?: string;
}

/** Decides the credential from inputs and environment; throws a UsageError when it cannot work. */
export function planCredential(login: LoginInputs, env: NodeJS.ProcessEnv): CredentialPlan {
  const pinned = (env[CREDENTIAL_PIN_VARIABLE] ?? '').trim().toLowerCase();
  if (pinned !== '' && !(CREDENTIAL_KINDS as readonly string[]).includes(pinned)) {
    throw new UsageError(`${CREDENTIAL_PIN_VARIABLE} must be one of ${CREDENTIAL_KINDS.join(', ')}, not '${pinned}'`);
  }
  const kind = (pinned || undefined) as CredentialKind | undefined;
  const oidcWanted = kind === 'oidc' || (kind === undefined && login.clientId !== undefined);
  if (oidcWanted) {
    const clientId = login.clientId ?? env['AZURE_CLIENT_ID'];
    const tenantId = login.tenantId ?? env['AZURE_TENANT_ID'];
    if (!clientId || !tenantId) throw new UsageError('OpenID Connect login needs client-id and tenant-id');
    if (!env['ACTIONS_ID_TOKEN_REQUEST_URL'] || !env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
      throw new UsageError("client-id and tenant-id are set but the job cannot request a GitHub OIDC token: add 'permissions: id-token: write' to the job");
    }
    return { kind: 'oidc', clientId, tenantId };
  }
  if (kind === 'environment' || (kind === undefined && hasEnvironmentCredential(env))) {
    if (!hasEnvironmentCredential(env)) {
      throw new UsageError('the environment credential needs AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH');
    }
    return { kind: 'environment' };
  }
  return { kind: 'azure-cli' };
}

function hasEnvironmentCredential(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env['AZURE_CLIENT_ID'] && env['AZURE_TENANT_ID'] && (env['AZURE_CLIENT_SECRET'] || env['AZURE_CLIENT_CERTIFICATE_PATH']));
}

export function describeCredential(plan: CredentialPlan): string {
  switch (plan.kind) {
    case 'oidc':
      return `GitHub OpenID Connect token exchanged for client ${plan.clientId}`;
    case 'environment':
      return 'service principal from AZURE_* environment variables';
    case 'azure-cli':
      return 'Azure CLI session (azure/login)';
  }
}

/**
 * Azure Stack Hub with AD FS issues tokens for the tenant 'adfs' only; with a directory GUID the
 * token request fails with an obscure error, so say what to set instead. The Azure CLI session
 * (azure/login with environment: AzureStack) already knows its tenant.
 */
export function adfsTenantProblem(plan: CredentialPlan, identityProvider: 'adfs' | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (identityProvider !== 'adfs' || plan.kind === 'azure-cli') return undefined;
  const tenant = plan.kind === 'oidc' ? plan.tenantId : env['AZURE_TENANT_ID'];
  if (tenant?.toLowerCase() === 'adfs') return undefined;
  const input = plan.kind === 'oidc' ? 'the tenant-id input' : 'AZURE_TENANT_ID';
  return `this Azure Stack Hub signs in with AD FS (its metadata names an /adfs login endpoint): set ${input} to adfs, not '${tenant ?? ''}'`;
}
