// Endpoints for the cloud in use. Named clouds are known; a custom resource-manager-endpoint
// (Azure Stack Hub) publishes its login endpoint and token audience at /metadata/endpoints, which
// is what azure/login's `az cloud register` reads too.
//
// This one unauthenticated GET uses Node's fetch (which trusts NODE_EXTRA_CA_CERTS like the SDK
// does; set NODE_USE_ENV_PROXY=1 behind a proxy) because the SDK's pipeline needs a credential,
// and the credential needs these endpoints first.
import { KNOWN_CLOUDS, scopeForAudience, trimSlash, type CloudEndpoints, type CloudName } from './clouds.ts';
import type { RequestMeter } from './http.ts';
import { sleep } from './sleep.ts';
import { isRecord } from '../parse/template-source.ts';

const METADATA_API_VERSION = '2015-01-01';
const ATTEMPTS = 4;

export async function resolveCloud(
  environment: CloudName,
  resourceManagerEndpoint: string | undefined,
  meter: RequestMeter,
  signal: AbortSignal,
): Promise<CloudEndpoints> {
  if (resourceManagerEndpoint === undefined) return KNOWN_CLOUDS[environment];
  const metadata = await fetchMetadata(resourceManagerEndpoint, meter, signal);
  const entry = pickEntry(metadata, resourceManagerEndpoint);
  const auth = isRecord(entry?.['authentication']) ? entry['authentication'] : undefined;
  const loginEndpoint = typeof auth?.['loginEndpoint'] === 'string' ? auth['loginEndpoint'] : undefined;
  const audiences = Array.isArray(auth?.['audiences']) ? auth['audiences'].filter((a): a is string => typeof a === 'string') : [];
  if (!loginEndpoint || audiences.length === 0 || audiences[0] === undefined) {
    throw new Error(`the metadata of ${resourceManagerEndpoint} names no login endpoint or token audience`);
  }
  // AD FS publishes https://adfs.<region>.<domain>/adfs/; MSAL wants the host and tenant 'adfs'.
  const adfs = /\/adfs$/i.test(trimSlash(loginEndpoint));
  return {
    resourceManager: resourceManagerEndpoint,
    authorityHost: trimSlash(loginEndpoint).replace(/\/adfs$/i, ''),
    tokenScope: scopeForAudience(audiences[0]),
    disableInstanceDiscovery: true,
    ...(adfs ? { identityProvider: 'adfs' as const } : {}),
  };
}

async function fetchMetadata(endpoint: string, meter: RequestMeter, signal: AbortSignal): Promise<unknown> {
  const url = `${endpoint}/metadata/endpoints?api-version=${METADATA_API_VERSION}`;
  for (let attempt = 1; ; attempt++) {
    meter.countExternal();
    let response: Response;
    try {
      response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    } catch (error) {
      if (signal.aborted || attempt >= ATTEMPTS) throw new Error(`cannot read ${url}: ${describeFetchError(error)}`);
      await sleep(1_000 * attempt, signal);
      continue;
    }
    if (response.ok) return response.json();
    const transient = response.status === 429 || response.status >= 500;
    if (!transient || attempt >= ATTEMPTS) throw new Error(`cannot read ${url}: HTTP ${response.status}`);
    const retryAfter = Number(response.headers.get('retry-after') ?? '');
    await sleep(Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : 1_000 * attempt, signal);
  }
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  // undici hides the useful part (certificate problems, refused connections) in the cause.
  if (cause instanceof Error) return `${error.message} (${'code' in cause ? String(cause.code) : cause.message})`;
  return error.message;
}

/** Azure Stack returns one object; newer public-cloud metadata is an array of clouds. */
function pickEntry(metadata: unknown, endpoint: string): Record<string, unknown> | undefined {
  if (isRecord(metadata)) return metadata;
  if (!Array.isArray(metadata)) return undefined;
  const entries = metadata.filter(isRecord);
  const matches = (e: Record<string, unknown>): boolean => typeof e['resourceManager'] === 'string' && trimSlash(e['resourceManager']) === endpoint;
  return entries.find(matches) ?? entries[0];
}
