// Recognises the tracking deployment among deployment names. The static check hands over the
// names it resolved, with parts known only at deployment time shown as `{…}`; those parts match
// anything. Without resolved names any `pid-` deployment counts (the correlationId filter has
// already limited the candidates to this deployment's own).

export type NameMatcher = (name: string) => boolean;

const UNKNOWN_PART = /\{[^{}]*\}/g;
const PID_PREFIX = /^pid-/i;

export function trackingMatcher(resolvedNames: readonly string[]): NameMatcher {
  const patterns = resolvedNames.filter((n) => PID_PREFIX.test(n)).map(toPattern);
  if (patterns.length === 0) return (name) => PID_PREFIX.test(name);
  // ARM deployment names compare without case.
  return (name) => patterns.some((p) => p.test(name));
}

function toPattern(resolved: string): RegExp {
  const parts = resolved.split(UNKNOWN_PART).map(escapeRegExp);
  return new RegExp(`^${parts.join('.+')}$`, 'i');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** For messages: the names looked for, or `pid-…`. */
export function describeExpectedNames(resolvedNames: readonly string[]): string {
  const names = resolvedNames.filter((n) => PID_PREFIX.test(n));
  return names.length > 0 ? names.map((n) => `'${n}'`).join(' or ') : "a 'pid-…' deployment";
}
