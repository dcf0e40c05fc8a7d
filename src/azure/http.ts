// What every Azure client of cua-guard shares: a pipeline policy that counts requests and keeps
// the last response's Retry-After (the LRO driver waits at least that long), and the retry settings.
import type { DeploymentsClientOptionalParams } from '@azure/arm-resourcesdeployments';

export type AdditionalPolicy = NonNullable<DeploymentsClientOptionalParams['additionalPolicies']>[number];
type PipelinePolicy = AdditionalPolicy['policy'];
type PipelineResponse = Awaited<ReturnType<PipelinePolicy['sendRequest']>>;

export interface LastResponse {
  status: number;
  /** Milliseconds the server asked us to wait (Retry-After, retry-after-ms, x-ms-retry-after-ms). */
  retryAfterMs: number | undefined;
  /** Parsed JSON body of an error or long-running-operation status response (kept for messages only). */
  body: unknown;
}

export interface RequestMeter {
  /** Requests sent, counting every retry and every page. */
  readonly count: number;
  readonly last: LastResponse | undefined;
  /** Counts a request made outside the SDK pipelines (the GitHub OIDC token request). */
  countExternal(): void;
  /** Add to ARM clients' additionalPolicies; per retry so each attempt on the wire is counted. */
  readonly policy: AdditionalPolicy;
  /** For the credential's token requests: counts them without touching `last`. */
  readonly tokenPolicy: AdditionalPolicy;
}

/**
 * Retries for 429 and 503 honour Retry-After (the SDK's throttling strategy); other 5xx, 408 and
 * network errors back off exponentially from 2 s up to 60 s. ARM throttles per principal and
 * recovers within a minute or two, so 8 attempts ride out a storm without hanging for long.
 */
export const RETRY_OPTIONS = { maxRetries: 8, retryDelayInMs: 2_000, maxRetryDelayInMs: 60_000 } as const;

/** Poll interval when ARM sends no Retry-After (it normally does). */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

export function createRequestMeter(): RequestMeter {
  let count = 0;
  let last: LastResponse | undefined;
  const policy: PipelinePolicy = {
    name: 'cuaGuardRequestMeter',
    async sendRequest(request, next) {
      count++;
      const response = await next(request);
      last = { status: response.status, retryAfterMs: retryAfterMs(response), body: usefulBody(response) };
      return response;
    },
  };
  const tokenPolicy: PipelinePolicy = {
    name: 'cuaGuardTokenRequestMeter',
    sendRequest(request, next) {
      count++;
      return next(request);
    },
  };
  return {
    get count() {
      return count;
    },
    get last() {
      return last;
    },
    countExternal() {
      count++;
    },
    policy: { policy, position: 'perRetry' },
    tokenPolicy: { policy: tokenPolicy, position: 'perRetry' },
  };
}

export function retryAfterMs(response: Pick<PipelineResponse, 'headers'>): number | undefined {
  const ms = response.headers.get('retry-after-ms') ?? response.headers.get('x-ms-retry-after-ms');
  if (ms !== undefined && /^\d+$/.test(ms.trim())) return Number(ms.trim());
  const value = response.headers.get('retry-after');
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function usefulBody(response: PipelineResponse): unknown {
  const text = response.bodyAsText;
  // Only small JSON bodies that can explain a failure: errors, and LRO status documents.
  if (!text || text.length > 256_000 || !text.trimStart().startsWith('{')) return undefined;
  // Successful responses matter only as LRO status documents, which are small.
  if (response.status < 400 && (text.length > 16_000 || !/"(status|error)"\s*:/.test(text))) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
