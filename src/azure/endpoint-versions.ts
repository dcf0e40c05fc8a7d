// Chooses the api-versions for the session (see api-versions.ts): the api-profile input, else for a
// custom resource-manager-endpoint the provider registration, else the SDK's defaults.
import type { MessageData } from '../engine/rule.ts';
import {
  API_PROFILES,
  chooseApiVersions,
  describeApiVersions,
  OLDEST_SPOKEN,
  PROVIDER_PROBE_VERSION,
  SDK_API_VERSIONS,
  type ApiVersions,
} from './api-versions.ts';
import { errorInfo, formatError } from './errors.ts';
import type { AzureSession } from './session.ts';
import type { VerifySettings } from '../settings/verify-settings.ts';

export type SessionVersions =
  | { ok: true; session: AzureSession; note: string }
  | { ok: false; error: unknown; problem: { messageId: 'apiVersionsUnreadable' | 'noSpokenApiVersion'; data: MessageData } };

export async function withEndpointApiVersions(session: AzureSession, settings: VerifySettings, signal: AbortSignal): Promise<SessionVersions> {
  if (settings.apiProfile) {
    const versions = API_PROFILES[settings.apiProfile];
    return { ok: true, session: session.withApiVersions(versions), note: `api-versions of profile ${settings.apiProfile}: ${describeApiVersions(versions)}` };
  }
  if (!settings.resourceManagerEndpoint)
    return { ok: true, session, note: `api-versions: ${describeApiVersions(undefined)} (the SDK's, for ${settings.environment})` };
  const scope = settings.scope;
  if (scope.kind !== 'resourceGroup' && scope.kind !== 'subscription') {
    return {
      ok: true,
      session,
      note: `api-versions: ${describeApiVersions(undefined)} (no subscription to read the endpoint's from: set api-profile for Azure Stack Hub)`,
    };
  }
  let versions: ApiVersions;
  try {
    const probe = session.withApiVersions({ resources: PROVIDER_PROBE_VERSION });
    const provider = await probe.providers(scope.subscriptionId).get('Microsoft.Resources', { abortSignal: signal });
    const chosen = chooseApiVersions(provider.resourceTypes ?? []);
    if (!chosen.ok) {
      const data = { ...chosen.served, oldest: OLDEST_SPOKEN, sdk: `${SDK_API_VERSIONS.deployments} / ${SDK_API_VERSIONS.resources}` };
      return { ok: false, error: undefined, problem: { messageId: 'noSpokenApiVersion', data } };
    }
    versions = chosen.versions;
  } catch (error) {
    const data = { error: formatError(errorInfo(error, session.meter.last?.body)) };
    return { ok: false, error, problem: { messageId: 'apiVersionsUnreadable', data } };
  }
  return {
    ok: true,
    session: session.withApiVersions(versions),
    note: `api-versions read from ${settings.resourceManagerEndpoint}: ${describeApiVersions(versions)}`,
  };
}
