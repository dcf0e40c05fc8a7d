// Chooses the api-versions for the session (see api-versions.ts): the api-profile input, else for a
// custom resource-manager-endpoint the provider registration, else the SDK's defaults.
import { API_PROFILES, chooseApiVersions, describeApiVersions, PROVIDER_PROBE_VERSION, type ApiVersions } from './api-versions.ts';
import { errorInfo, formatError } from './errors.ts';
import type { AzureSession } from './session.ts';
import type { VerifySettings } from '../settings/verify-settings.ts';

export type SessionVersions = { ok: true; session: AzureSession; note: string } | { ok: false; error: unknown; message: string };

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
    if (!chosen.ok) return { ok: false, error: undefined, message: chosen.message };
    versions = chosen.versions;
  } catch (error) {
    return {
      ok: false,
      error,
      message: `reading the endpoint's Microsoft.Resources api-versions failed: ${formatError(errorInfo(error, session.meter.last?.body))}`,
    };
  }
  return {
    ok: true,
    session: session.withApiVersions(versions),
    note: `api-versions read from ${settings.resourceManagerEndpoint}: ${describeApiVersions(versions)}`,
  };
}
