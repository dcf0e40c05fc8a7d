// Recognises the tracking deployment among deployment names. The static check hands over the
// names it resolved as parts: known text, and parts known only at deployment time, which match
// any text. Without resolved names any `pid-` deployment counts (the correlationId filter has
// already limited the candidates to this deployment's own).
import type { NamePart } from '../engine/types.ts';

export type NameMatcher = (name: string) => boolean;

/** A tracking name the static check resolved: for people (`display`) and as data (`parts`). */
export interface ExpectedTrackingName {
  display: string;
  parts: NamePart[];
}

const PID_PREFIX = 'pid-';

export function trackingMatcher(names: readonly ExpectedTrackingName[]): NameMatcher {
  const expected = names.filter(startsWithPid);
  if (expected.length === 0) return (name) => name.toLowerCase().startsWith(PID_PREFIX);
  // ARM deployment names compare without case.
  return (name) => expected.some((e) => matchesParts(name.toLowerCase(), lowerParts(e.parts)));
}

/** Names without unknown parts: the exact deployment names the template will use. */
export function knownTrackingNames(names: readonly ExpectedTrackingName[]): string[] {
  return names
    .filter(startsWithPid)
    .filter((n) => n.parts.every((p) => 'text' in p))
    .map((n) => n.parts.map((p) => ('text' in p ? p.text : '')).join(''));
}

/** For messages: the names looked for, or `pid-…`. */
export function describeExpectedNames(names: readonly ExpectedTrackingName[]): string {
  const expected = names.filter(startsWithPid);
  return expected.length > 0 ? expected.map((n) => `'${n.display}'`).join(' or ') : "a 'pid-…' deployment";
}

function startsWithPid(name: ExpectedTrackingName): boolean {
  const first = name.parts[0];
  return first !== undefined && 'text' in first && first.text.toLowerCase().startsWith(PID_PREFIX);
}

function lowerParts(parts: readonly NamePart[]): NamePart[] {
  return parts.map((p) => ('text' in p ? { text: p.text.toLowerCase() } : p));
}

/** Known parts in order, each unknown part standing for one or more characters. */
function matchesParts(name: string, parts: readonly NamePart[]): boolean {
  const [head, ...rest] = parts;
  if (head === undefined) return name === '';
  if ('text' in head) return name.startsWith(head.text) && matchesParts(name.slice(head.text.length), rest);
  for (let taken = 1; taken <= name.length; taken++) if (matchesParts(name.slice(taken), rest)) return true;
  return false;
}
