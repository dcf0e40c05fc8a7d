// Turns what ARM and the SDK throw into short messages: the ARM error code and message, with the
// inner details that say what actually went wrong, and nothing that could be a secret.
import { isRecord } from '../parse/template-source.ts';

export interface ArmErrorInfo {
  code?: string;
  message: string;
  details: ArmErrorInfo[];
}

/** Reads `{ error: {...} }`, `{ code, message, details }` or an SDK RestError's parsed details. */
export function errorFromBody(body: unknown): ArmErrorInfo | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body['error'])) return errorFromBody(body['error']);
  // Some resource providers write errors in .NET casing (Code, Message, Details).
  const field = (name: string): unknown => body[name] ?? body[name[0]?.toUpperCase() + name.slice(1)];
  const message = typeof field('message') === 'string' ? (field('message') as string) : undefined;
  const code = typeof field('code') === 'string' ? (field('code') as string) : undefined;
  if (message === undefined && code === undefined) return undefined;
  const rawDetails = field('details');
  const details = Array.isArray(rawDetails) ? rawDetails.map(errorFromBody).filter((d): d is ArmErrorInfo => d !== undefined) : [];
  return { ...(code !== undefined ? { code } : {}), message: message ?? code ?? 'unknown error', details };
}

/**
 * Signing in failed: the credential could not get a token, or ARM did not accept it (401). Such a
 * failure is the same for every template and belongs to no line of one.
 */
export function isSignInError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError'].includes(error.name)) return true;
  return isRecord(error) && error['statusCode'] === 401;
}

/** Best description of a thrown error, preferring ARM's structured error. */
export function errorInfo(error: unknown, body?: unknown): ArmErrorInfo {
  const fromError = isRecord(error)
    ? (errorFromBody(error['details']) ?? errorFromBody(isRecord(error['response']) ? parseJson(error['response']['bodyAsText']) : undefined))
    : undefined;
  const fromBody = errorFromBody(body);
  const structured = fromError ?? fromBody;
  if (structured) return structured;
  const message = error instanceof Error ? error.message : error === undefined ? 'unknown error' : String(error);
  const code = isRecord(error) && typeof error['code'] === 'string' ? error['code'] : undefined;
  return { ...(code !== undefined ? { code } : {}), message, details: [] };
}

/** `Code: message` followed by the innermost details, which name the failing resource and cause. */
export function formatError(info: ArmErrorInfo): string {
  const head = info.code ? `${info.code}: ${info.message}` : info.message;
  const leaves = leafDetails(info).filter((leaf) => leaf !== info);
  const tail =
    leaves.length > 0
      ? ` (${leaves
          .slice(0, 5)
          .map((l) => (l.code ? `${l.code}: ${l.message}` : l.message))
          .join('; ')}${leaves.length > 5 ? '; …' : ''})`
      : '';
  return redact(`${head}${tail}`);
}

function leafDetails(info: ArmErrorInfo): ArmErrorInfo[] {
  if (info.details.length === 0) return [info];
  return info.details.flatMap(leafDetails);
}

/** Masks things that look like credentials, in case a service echoes them in a message. */
export function redact(text: string): string {
  return text
    .replace(/(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, '$1***')
    .replace(/([?&](?:sig|se|sv|skoid|sktid|client_secret|client_assertion|access_token|code)=)[^&\s"']+/gi, '$1***')
    .replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, '***');
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || !text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
