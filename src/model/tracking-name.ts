// Reads a (possibly partly resolved) deployment name as a CUA tracking name:
// pid-<GUID>, pid-<GUID>-<suffix> (landing zones) or pid-<id>-partnercenter.
// A partly known name is judged on what is known: a bad GUID stays bad whatever follows it.
import { GUID_PREFIX, isGuid } from '../parse/guid.ts';
import { PartialString, Unknown, knownPrefix, describeString, unknownParts, type ArmValue } from '../expressions/value.ts';

export type TrackingNameForm = 'guid' | 'guid-with-suffix' | 'partner-center' | 'invalid' | 'unresolved';

export interface TrackingName {
  /** The name rendered for messages, unknown parts as `{…}`. */
  display: string;
  form: TrackingNameForm;
  /** Lower-case GUID, or the partner-center id (without `pid-`). */
  trackingId?: string;
  suffix?: string;
  /** Why the name is invalid, or which part is unresolved. */
  problem?: TrackingNameProblem;
  fullyKnown: boolean;
  /** The name as evaluated: what its unknown parts are made of (`display` is for messages). */
  value: ArmValue;
}

/** Why `text` cannot start with a GUID (8-4-4-4-12 hex digits); groups count from 1. */
export type GuidShapeProblem =
  | { kind: 'group-length'; group: number; digits: number; expected: number }
  | { kind: 'not-hex'; group: number; char: string }
  | { kind: 'ends-early'; group: number }
  | { kind: 'separator'; group: number; char: string };

/** Why a tracking id (what follows `pid-`) is not one. */
export type BadTrackingId =
  | { kind: 'braces'; shown: string }
  | { kind: 'not-a-guid'; attempt: string; shape: GuidShapeProblem }
  | { kind: 'partner-center-case'; shown: string }
  | { kind: 'neither'; shown: string };

/**
 * What is wrong with a tracking name, as data; the rules word it. Texts of unknown parts
 * (`uniqueString(deployment().name)`) are for messages only.
 */
export type TrackingNameProblem =
  /** Longer than ARM allows; `atLeast` when unknown parts may add more. `counted`: unknowns of fixed length counted in. */
  | { kind: 'too-long'; length: number; max: number; atLeast: boolean; counted: readonly { text: string; length: number }[] }
  | { kind: 'bad-character'; char: string }
  /** A placeholder where the id belongs: the nil GUID, all-X groups, `<…>`, `${…}`, `{{…}}`, `__…__`. */
  | { kind: 'placeholder'; text: string }
  /** The whole name of a deployment of the tracking shape is a build placeholder: the id is filled in when the package is built. */
  | { kind: 'build-placeholder'; text: string }
  /** `PID-`, `Pid-`: the prefix in the wrong case. */
  | { kind: 'prefix-case'; prefix: string }
  | { kind: 'no-prefix' }
  /** The id is malformed; `rest`: unknown parts that cannot make it valid. */
  | { kind: 'bad-id'; id: BadTrackingId; rest?: readonly string[] }
  /** Known text right after the GUID that does not start with '-'. */
  | { kind: 'suffix-without-dash'; text: string }
  /** A hash (uniqueString(), guid()) right after the GUID: it never starts with '-'. */
  | { kind: 'hash-after-guid'; text: string }
  | { kind: 'strict-suffix'; suffix: string }
  /** The id depends on these unknown parts. */
  | { kind: 'unresolved'; unknowns: readonly string[] };

type Part = string | Unknown;

const GUID_GROUPS = [8, 4, 4, 4, 12] as const;
const PARTNER_CENTER = /^[a-z0-9-]+-partnercenter$/;
const PARTNER_CENTER_END = '-partnercenter';
const PARTNER_CENTER_CHARS = /^[a-z0-9-]*$/;
const NAME_CHARS = /^[A-Za-z0-9\-._()]*$/;
export const MAX_DEPLOYMENT_NAME = 64;

const PID_WORD = /(?:^|[^a-z0-9])pid-/i;

/**
 * True when a resource name is meant to be a tracking resource: its known text has `pid-` at
 * the start or after a separator (`amba-alz-pid-…` is an attempt that Partner Center ignores;
 * `rapid-deploy` is not one).
 */
export function looksLikeTrackingName(name: ArmValue): boolean {
  if (typeof name === 'string') return PID_WORD.test(name);
  return knownTexts(name).some((text) => PID_WORD.test(text));
}

function knownTexts(name: ArmValue): string[] {
  if (name instanceof PartialString) return name.parts.filter((p): p is string => typeof p === 'string');
  return [];
}

function partsOf(name: ArmValue): readonly Part[] {
  if (typeof name === 'string') return [name];
  if (name instanceof PartialString) return name.parts;
  return name instanceof Unknown ? [name] : [];
}

/**
 * The length of an unknown that is always the same: uniqueString() is 13 characters, guid() 36.
 * The evaluator bounds both (BoundedUnknown); other bounded unknowns, such as take(…), are only
 * at most that long, so they count 0 toward a minimum.
 */
export function fixedLengthOf(part: Unknown): number | undefined {
  return part.cause.kind === 'hash' ? part.maxLength : undefined;
}

/** The shortest the name can be at deployment: known text plus unknowns of fixed length. */
export function minimumLength(name: ArmValue): number {
  let length = 0;
  for (const part of partsOf(name)) length += typeof part === 'string' ? part.length : (fixedLengthOf(part) ?? 0);
  return length;
}

export function analyzeTrackingName(name: ArmValue, strictNames: boolean): TrackingName {
  return { ...analyze(name, strictNames), value: name };
}

type Analysis = Omit<TrackingName, 'value'>;

function analyze(name: ArmValue, strictNames: boolean): Analysis {
  const display = describeString(name);
  const known = knownPrefix(name);
  const fullyKnown = typeof name === 'string';
  const parts = partsOf(name);
  const invalid = (problem: TrackingNameProblem, extra: Partial<Analysis> = {}): Analysis => ({ display, form: 'invalid', problem, fullyKnown, ...extra });

  // A placeholder is said to be one, before its length or characters are complained about.
  const placeholder = placeholderIn(parts);
  if (placeholder !== undefined) return invalid({ kind: 'placeholder', text: placeholder });
  const lengthProblem = describeLengthProblem(name, parts, fullyKnown);
  if (lengthProblem !== undefined) return invalid(lengthProblem);
  const badChar = firstBadNameChar(parts);
  if (badChar !== undefined) return invalid({ kind: 'bad-character', char: badChar });
  if (!known.startsWith('pid-')) {
    return known.slice(0, 4).toLowerCase() === 'pid-' ? invalid({ kind: 'prefix-case', prefix: known.slice(0, 4) }) : invalid({ kind: 'no-prefix' });
  }

  const afterPrefix = known.slice(4);
  const guid = GUID_PREFIX.exec(afterPrefix)?.[0];
  if (guid !== undefined) return analyzeAfterGuid(guid, afterPrefix.slice(guid.length), { display, fullyKnown, strictNames, name, parts });
  if (fullyKnown) {
    return PARTNER_CENTER.test(afterPrefix)
      ? { display, form: 'partner-center', trackingId: afterPrefix, fullyKnown }
      : invalid({ kind: 'bad-id', id: explainBadId(afterPrefix, true, /partnercenter$/i.test(afterPrefix)) });
  }
  const unknown = unknownParts(name).map((p) => p.text);
  if (knownTextRulesOutIds(afterPrefix, parts)) {
    const endsAsPartnerCenter = knownEnd(parts).endsWith(PARTNER_CENTER_END);
    return invalid({ kind: 'bad-id', id: explainBadId(afterPrefix, false, endsAsPartnerCenter), rest: unknown });
  }
  return { display, form: 'unresolved', fullyKnown, problem: { kind: 'unresolved', unknowns: unknown } };
}

function describeLengthProblem(name: ArmValue, parts: readonly Part[], fullyKnown: boolean): TrackingNameProblem | undefined {
  const length = minimumLength(name);
  if (length <= MAX_DEPLOYMENT_NAME) return undefined;
  const fixed = new Map<string, number>();
  for (const part of parts) {
    const fixedLength = typeof part === 'string' ? undefined : fixedLengthOf(part);
    if (fixedLength !== undefined && typeof part !== 'string') fixed.set(part.text, fixedLength);
  }
  const counted = [...fixed].map(([text, n]) => ({ text, length: n }));
  return { kind: 'too-long', length, max: MAX_DEPLOYMENT_NAME, atLeast: !fullyKnown, counted };
}

function firstBadNameChar(parts: readonly Part[]): string | undefined {
  for (const part of parts) {
    if (typeof part === 'string' && !NAME_CHARS.test(part)) return [...part].find((c) => !NAME_CHARS.test(c));
  }
  return undefined;
}

interface AfterGuidContext {
  display: string;
  fullyKnown: boolean;
  strictNames: boolean;
  name: ArmValue;
  parts: readonly Part[];
}

function analyzeAfterGuid(guid: string, rest: string, context: AfterGuidContext): Analysis {
  const { display, fullyKnown, strictNames } = context;
  const trackingId = guid.toLowerCase();
  if (fullyKnown && rest === '') return { display, form: 'guid', trackingId, fullyKnown };
  // Partner Center shows such ids as `<GUID>-partnercenter`: that whole text is the id it attributes to.
  if (fullyKnown && rest.toLowerCase() === PARTNER_CENTER_END)
    return { display, form: 'partner-center', trackingId: `${trackingId}${PARTNER_CENTER_END}`, fullyKnown };
  const suffix = fullyKnown ? rest : `${rest}${describeString(context.name).slice(4 + guid.length + rest.length)}`;
  if (rest !== '' && !rest.startsWith('-')) {
    return { display, form: 'invalid', trackingId, fullyKnown, problem: { kind: 'suffix-without-dash', text: rest.slice(0, 12) } };
  }
  // uniqueString() and guid() never start with '-', so `pid-<GUID>{uniqueString(…)}` glues them together.
  const next = rest === '' ? context.parts.find((p): p is Unknown => typeof p !== 'string') : undefined;
  if (next !== undefined && fixedLengthOf(next) !== undefined) {
    return { display, form: 'invalid', trackingId, fullyKnown, problem: { kind: 'hash-after-guid', text: next.text } };
  }
  // Anything else glued to the GUID (`concat('pid-<GUID>', parameters('p'))`) decides the name:
  // empty, it is `pid-<GUID>`; '-x', a suffix; 'x', no tracking name at all. Known at deployment only.
  if (next !== undefined) {
    return { display, form: 'unresolved', trackingId, fullyKnown, problem: { kind: 'unresolved', unknowns: unknownParts(context.name).map((p) => p.text) } };
  }
  if (strictNames) {
    return { display, form: 'invalid', trackingId, suffix, fullyKnown, problem: { kind: 'strict-suffix', suffix } };
  }
  return { display, form: 'guid-with-suffix', trackingId, suffix, fullyKnown };
}

/**
 * For a partly known name whose known start is not a whole GUID: true when no value of the
 * unknown parts can make it `pid-<GUID>…` or `pid-<id>-partnercenter`. A GUID is ruled out when
 * the known start already breaks 8-4-4-4-12. A Partner Center id is ruled out by a character it
 * does not allow (upper case, `_`, `.`), by an end that cannot be `-partnercenter` (known text
 * that differs, or a uniqueString()/guid() hash, which never ends so), or, unless the known end is
 * `-partnercenter`, by a start that is plainly a GUID attempt (`eb7927c8-dd66-…-c346a422063-`):
 * such a name is a mistyped GUID, not a Partner Center id that happens to look like one.
 */
function knownTextRulesOutIds(afterPrefix: string, parts: readonly Part[]): boolean {
  if (guidShapeProblem(afterPrefix, false) === undefined) return false;
  const texts = parts.filter((p): p is string => typeof p === 'string');
  const [first = '', ...others] = texts;
  if (![first.slice(4), ...others].every((t) => PARTNER_CENTER_CHARS.test(t))) return true;
  const end = knownEnd(parts);
  if (end.endsWith(PARTNER_CENTER_END)) return false;
  const last = parts[parts.length - 1];
  const beforeEnd = typeof last === 'string' ? parts[parts.length - 2] : last;
  if (beforeEnd instanceof Unknown && fixedLengthOf(beforeEnd) !== undefined) return true;
  if (!PARTNER_CENTER_END.endsWith(end)) return true;
  return isGuidAttempt(afterPrefix, false);
}

/** Known text after the last unknown part ('' when the name ends with an unknown). */
function knownEnd(parts: readonly Part[]): string {
  const last = parts[parts.length - 1];
  return typeof last === 'string' ? last : '';
}

/**
 * Why `text` cannot start with a GUID (8-4-4-4-12 hex digits), or undefined when it can.
 * `complete`: nothing follows `text`; otherwise an unfinished last group may still be completed.
 */
function guidShapeProblem(text: string, complete: boolean): GuidShapeProblem | undefined {
  let position = 0;
  for (let group = 0; group < GUID_GROUPS.length; group++) {
    const expected = GUID_GROUPS[group] ?? 0;
    const start = position;
    while (position < text.length && /[0-9a-f]/i.test(text.charAt(position))) position++;
    const digits = position - start;
    const next = text.charAt(position);
    if (next === '' && !complete && digits <= expected) return undefined;
    if (digits > expected || next === '' || next === '-') {
      if (digits !== expected) return { kind: 'group-length', group: group + 1, digits, expected };
    } else if (digits < expected) {
      return { kind: 'not-hex', group: group + 1, char: next };
    }
    if (group === GUID_GROUPS.length - 1) return undefined; // what follows is the suffix's business
    if (next === '') return { kind: 'ends-early', group: group + 1 };
    if (next !== '-') return { kind: 'separator', group: group + 1, char: next };
    position++;
  }
  return undefined;
}

/**
 * The text starts like a GUID: hex blocks with digits in them, at least two of them or a first
 * one of 8 or more. A Partner Center id (`contoso-myoffer-partnercenter`) starts with words.
 */
function isGuidAttempt(text: string, complete: boolean): boolean {
  const blocks = text.split('-');
  const finished = complete ? blocks : blocks.slice(0, -1);
  const leading: string[] = [];
  for (const block of finished.slice(0, GUID_GROUPS.length)) {
    if (!/^[0-9a-f]+$/i.test(block)) break;
    leading.push(block);
  }
  if (!leading.some((b) => /\d/.test(b))) return false;
  return leading.length >= 2 || (leading[0]?.length ?? 0) >= GUID_GROUPS[0];
}

/** Explains a malformed id, such as the docs' sample GUID with 11 digits in its last group. */
function explainBadId(text: string, complete: boolean, endsAsPartnerCenter: boolean): BadTrackingId {
  const id = complete ? text.replace(/-partnercenter$/i, '') : text;
  const shown = complete ? id : `${id}…`;
  if (id.startsWith('{')) return { kind: 'braces', shown };
  const guidProblem = guidShapeProblem(id, complete);
  if (guidProblem !== undefined && isGuidAttempt(id, complete)) return { kind: 'not-a-guid', attempt: guidAttemptText(id), shape: guidProblem };
  if (/[A-Z]/.test(id) && endsAsPartnerCenter) return { kind: 'partner-center-case', shown: complete ? text : shown };
  return { kind: 'neither', shown };
}

/** The first five dash-separated blocks: the part of the text that was meant to be the GUID. */
function guidAttemptText(text: string): string {
  return text.split('-').slice(0, GUID_GROUPS.length).join('-');
}

/**
 * Normalizes a configured tracking id as Partner Center shows it: a GUID, `<GUID>-partnercenter`
 * or `<lowercase letters, digits, dashes>-partnercenter`; with or without `pid-`, any case.
 */
export function normalizeTrackingId(raw: string): string | undefined {
  const id = raw.trim().replace(/^pid-/i, '').toLowerCase();
  if (id === '') return undefined;
  const guid = isGuid(id);
  if (placeholderIn([id]) !== undefined) return undefined;
  return guid || PARTNER_CENTER.test(id) ? id : undefined;
}

/** The other form of an id: with `-partnercenter` dropped, or added (Partner Center ids of a GUID). */
export function partnerCenterCounterpart(id: string): string {
  return id.endsWith(PARTNER_CENTER_END) ? id.slice(0, -PARTNER_CENTER_END.length) : `${id}${PARTNER_CENTER_END}`;
}

const PLACEHOLDER =
  /<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}|__[A-Za-z0-9][A-Za-z0-9_.-]*__|(?<![0-9a-f])0{8}-0{4}-0{4}-0{4}-0{12}(?![0-9a-f])|x{8}-x{4}-x{4}-x{4}-x{12}/i;

/** A whole name that a build step fills in: `${start}`, `{{trackingId}}`, `__PID__`, `<tracking id>`. */
const BUILD_PLACEHOLDER = /^(?:\$\{[^{}]+\}|\{\{[^{}]+\}\}|__[A-Za-z0-9][A-Za-z0-9_.-]*__|<[^<>]+>)$/;

export function isBuildPlaceholder(name: string): boolean {
  return BUILD_PLACEHOLDER.test(name.trim());
}

/** The placeholder in a name's known text (what someone forgot to replace with the id), if any. */
export function placeholderIn(parts: readonly (string | Unknown)[]): string | undefined {
  for (const part of parts) {
    if (typeof part !== 'string') continue;
    const match = PLACEHOLDER.exec(part);
    if (match) return match[0].length > 60 ? `${match[0].slice(0, 57)}…` : match[0];
  }
  return undefined;
}
