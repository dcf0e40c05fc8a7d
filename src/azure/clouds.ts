// The Azure clouds azure/login knows by name, with the endpoints cua-guard needs. A custom
// resource-manager-endpoint (Azure Stack Hub) is described by its own metadata document instead
// (see cloud-metadata.ts), because its login endpoint and token audience are per installation.

import type { CloudName } from '../settings/verify-settings.ts';

export { CLOUD_NAMES, type CloudName } from '../settings/verify-settings.ts';

/** Where to send ARM requests and how to get a token for them. */
export interface CloudEndpoints {
  /** ARM base URL, no trailing slash. */
  resourceManager: string;
  /** Microsoft Entra (or AD FS) host that issues tokens, no trailing slash. */
  authorityHost: string;
  /** Token scope for ARM. */
  tokenScope: string;
  /**
   * Skip MSAL's instance discovery (a request to login.microsoftonline.com): needed for any
   * authority MSAL does not know, such as Azure Stack Hub's AD FS or a test server.
   */
  disableInstanceDiscovery: boolean;
  /** `adfs`: Azure Stack Hub signs in with AD FS, which issues tokens for the tenant 'adfs' only. */
  identityProvider?: 'adfs';
}

export const KNOWN_CLOUDS: Readonly<Record<CloudName, CloudEndpoints>> = {
  AzureCloud: {
    resourceManager: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    tokenScope: 'https://management.azure.com/.default',
    disableInstanceDiscovery: false,
  },
  AzureUSGovernment: {
    resourceManager: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    tokenScope: 'https://management.usgovcloudapi.net/.default',
    disableInstanceDiscovery: false,
  },
  AzureChinaCloud: {
    resourceManager: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    tokenScope: 'https://management.chinacloudapi.cn/.default',
    disableInstanceDiscovery: false,
  },
};

/** `https://x/` and `https://x` are the same endpoint. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** A token scope for an audience (`https://management.core.windows.net/` → `…windows.net/.default`). */
export function scopeForAudience(audience: string): string {
  return `${trimSlash(audience)}/.default`;
}
