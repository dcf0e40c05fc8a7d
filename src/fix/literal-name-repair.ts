// The intended name for a malformed literal tracking name, when it is clear: pure string work,
// no template needed.

/** A well-formed GUID (the whole string). */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NameRepair {
  name?: string;
  reason: string;
}

/** The intended tracking name for a malformed literal one, when it is clear. */
export function repairLiteralName(raw: string, knownIds: readonly string[], strictNames: boolean): NameRepair {
  const match = /^pid-(.*)$/is.exec(raw);
  if (!match) return { reason: "it does not start with 'pid-', so the intended name is not clear" };
  const reasons: string[] = [];
  if (!raw.startsWith('pid-')) reasons.push("lower-case 'pid-'");
  let rest = match[1] ?? '';
  const braced = /^\{([^{}]*)\}(.*)$/.exec(rest);
  if (braced) {
    rest = `${braced[1] ?? ''}${braced[2] ?? ''}`;
    reasons.push('no braces round the GUID');
  }
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(rest)?.[0];
  if (guid !== undefined) {
    const suffix = rest.slice(guid.length);
    if (suffix === '' || suffix === '-partnercenter' || (suffix.startsWith('-') && !strictNames)) {
      return reasons.length > 0 ? { name: `pid-${guid}${suffix}`, reason: reasons.join(', ') } : { reason: 'the intended name is not clear' };
    }
    return { reason: 'what follows the GUID is not a valid suffix; the intended name is not clear' };
  }
  if (/^[a-z0-9-]+-partnercenter$/i.test(rest) && reasons.length > 0) {
    return { name: `pid-${rest.toLowerCase()}`, reason: [...reasons, 'lower-case Partner Center id'].join(', ') };
  }
  // A GUID with a digit missing, doubled or mistyped: clear only when one given id is that close.
  const digits = rest.replace(/[-{}\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(digits)) return { reason: 'it is not a GUID with a few characters wrong, so the intended id is not clear' };
  const near = [...new Set(knownIds.filter((id) => GUID.test(id)))].filter((id) => editDistance(id.replace(/-/g, '').toLowerCase(), digits) <= 2);
  if (near.length === 1) return { name: `pid-${near[0]}`, reason: [...reasons, `the GUID is at most 2 characters away from the given id ${near[0]}`].join(', ') };
  return {
    reason: near.length > 1 ? 'several given ids are that close, so the intended id is not clear' : 'no given tracking id is within 2 characters of it, so the intended id is not clear (give it with --tracking-id)',
  };
}

/** Levenshtein distance, stopping early past 3. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
