// Which api-versions to speak. Public Azure, Azure US Government and Azure China serve the SDK's
// defaults. Azure Stack Hub (any custom resource-manager-endpoint) serves older ones: its
// 2020-09-01-hybrid profile has Microsoft.Resources at 2019-10-01, where the SDK's 2026-06-01
// deployments and 2025-04-01 resource groups answer 400. So either the api-profile input names
// the profile, or the provider registration (GET /subscriptions/{id}/providers/Microsoft.Resources)
// says what the endpoint serves, and the newest version the SDK can speak is chosen.

import type { ApiProfileName } from '../settings/verify-settings.ts';

export interface ApiVersions {
  /** Deployments and deployment operations; undefined = the SDK's default. */
  deployments?: string;
  /** Resource groups and providers; undefined = the SDK's default. */
  resources?: string;
}

/** The SDKs' own versions (@azure/arm-resourcesdeployments 2.x, @azure/arm-resources 8.x). */
export const SDK_API_VERSIONS = { deployments: '2026-06-01', resources: '2025-04-01' } as const;

/**
 * The oldest versions whose requests and answers the SDK's models still describe: 2019-10-01 has
 * every call cua-guard makes (what-if included) with the same shapes.
 */
export const OLDEST_SPOKEN = '2019-10-01';

/** Azure Stack Hub API profiles (learn.microsoft.com: "Resource provider API versions supported by profiles in Azure Stack Hub"). */
export const API_PROFILES: Readonly<Record<ApiProfileName, Required<ApiVersions>>> = {
  '2020-09-01-hybrid': { deployments: '2019-10-01', resources: '2019-10-01' },
};

/** The api-version used to read the provider registration: served by the hybrid profile and by public Azure. */
export const PROVIDER_PROBE_VERSION = '2019-10-01';

export interface ProviderResourceType {
  resourceType?: string;
  apiVersions?: string[];
}

/** Without a version: what the endpoint serves, for the message. */
export type Chosen = { ok: true; versions: Required<ApiVersions> } | { ok: false; served: { deployments: string; resourceGroups: string } };

/** The newest version per family that the endpoint serves and the SDK speaks. */
export function chooseApiVersions(resourceTypes: readonly ProviderResourceType[]): Chosen {
  const served = (type: string): string[] =>
    resourceTypes.find((t) => (t.resourceType ?? '').toLowerCase() === type.toLowerCase())?.apiVersions?.map((v) => v.toLowerCase()) ?? [];
  const pick = (type: string, newest: string): string | undefined =>
    served(type)
      .filter((v) => !v.endsWith('-preview') && v >= OLDEST_SPOKEN && v <= newest)
      .sort()
      .at(-1);
  const deployments = pick('deployments', SDK_API_VERSIONS.deployments);
  const resources = pick('resourceGroups', SDK_API_VERSIONS.resources);
  if (!deployments || !resources) {
    const list = (type: string): string => served(type).join(', ') || 'none';
    return { ok: false, served: { deployments: list('deployments'), resourceGroups: list('resourceGroups') } };
  }
  return { ok: true, versions: { deployments, resources } };
}

export function describeApiVersions(versions: ApiVersions | undefined): string {
  return `deployments ${versions?.deployments ?? SDK_API_VERSIONS.deployments}, resource groups ${versions?.resources ?? SDK_API_VERSIONS.resources}`;
}
