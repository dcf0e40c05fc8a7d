// How the rules word a tracking name's problem (model/tracking-name.ts decides it, as data).
// CUA003 and CUA010 build their messages from these texts; each problem kind is one message.
import type { MessageData } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import type { BadTrackingId, TrackingName, TrackingNameProblem } from '../model/tracking-name.ts';
import { renderMessage } from '../engine/rule.ts';

const BAD_ID_TEXTS = {
  braces: "the GUID must not be wrapped in braces ('{{id}}')",
  groupLength: "'{{attempt}}' is not a GUID: group {{group}} has {{digits}} hex digits, expected {{expected}} (8-4-4-4-12)",
  notHex: "'{{attempt}}' is not a GUID: '{{char}}' in group {{group}} is not a hex digit (8-4-4-4-12)",
  endsEarly: "'{{attempt}}' is not a GUID: it ends after group {{group}} of 5 (8-4-4-4-12)",
  separator: "'{{attempt}}' is not a GUID: group {{group}} is followed by '{{char}}' instead of '-' (8-4-4-4-12)",
  partnerCenterCase: "a Partner Center tracking id must be lower case ('{{id}}')",
  neither: "'{{id}}' is neither a GUID (8-4-4-4-12 hex digits) nor a Partner Center id ('<lowercase id>-partnercenter')",
} as const;

type BadIdKey = keyof typeof BAD_ID_TEXTS;
const REST = '; the rest ({{rest}}) cannot change that';

/** The problem part of a message, by problem (and, for a malformed id, by what is wrong with it). */
export const PROBLEM_TEXTS = {
  tooLong: 'it is {{length}} characters long; deployment names allow at most {{max}}',
  tooLongAtLeast: 'it is at least {{length}} characters long; deployment names allow at most {{max}}',
  tooLongCounting: 'it is at least {{length}} characters long (counting {{counted}}); deployment names allow at most {{max}}',
  badCharacter: "'{{char}}' is not allowed in a deployment name (letters, digits and -._() only)",
  placeholder: "'{{text}}' is a placeholder, not a tracking id: put the id registered for the offer in Partner Center here",
  buildPlaceholders:
    "'{{text}}' and {{others}} more deployments of the tracking shape are filled in when the package is built; this check cannot see their ids: check the built package's template for exactly one 'pid-' + the id registered in Partner Center",
  buildPlaceholder:
    "'{{text}}' is filled in when the package is built (a deployment of the tracking shape named by a build placeholder); this check cannot see the id: check the built package's template for 'pid-' + the id registered in Partner Center",
  prefixCase: "the prefix must be lower-case 'pid-', not '{{prefix}}'",
  noPrefix: "it must start with 'pid-'; Partner Center does not attribute '{{start}}'",
  ...BAD_ID_TEXTS,
  bracesRest: BAD_ID_TEXTS.braces + REST,
  groupLengthRest: BAD_ID_TEXTS.groupLength + REST,
  notHexRest: BAD_ID_TEXTS.notHex + REST,
  endsEarlyRest: BAD_ID_TEXTS.endsEarly + REST,
  separatorRest: BAD_ID_TEXTS.separator + REST,
  partnerCenterCaseRest: BAD_ID_TEXTS.partnerCenterCase + REST,
  neitherRest: BAD_ID_TEXTS.neither + REST,
  suffixWithoutDash: "the GUID is followed by '{{text}}'; a suffix must start with '-'",
  hashAfterGuid: "the GUID is followed directly by {{hash}}; a suffix must start with '-'",
  strictSuffix: "the suffix '{{suffix}}' after the GUID is not allowed (strict-names)",
  unresolved: 'the tracking id depends on {{unknowns}}, known only at deployment',
} as const;

export type ProblemKey = keyof typeof PROBLEM_TEXTS;

/** Which text words the problem, and its data. */
export function problemMessage(name: TrackingName, problem: TrackingNameProblem): { key: ProblemKey; data: MessageData } {
  switch (problem.kind) {
    case 'too-long': {
      const data = { length: problem.length, max: problem.max };
      if (!problem.atLeast) return { key: 'tooLong', data };
      if (problem.counted.length === 0) return { key: 'tooLongAtLeast', data };
      return { key: 'tooLongCounting', data: { ...data, counted: truncate(problem.counted.map((c) => `${c.text} as its ${c.length} characters`).join(', ')) } };
    }
    case 'bad-character':
      return { key: 'badCharacter', data: { char: problem.char } };
    case 'placeholder':
      return { key: 'placeholder', data: { text: problem.text } };
    case 'build-placeholder':
      return { key: 'buildPlaceholder', data: { text: problem.text } };
    case 'prefix-case':
      return { key: 'prefixCase', data: { prefix: problem.prefix } };
    case 'no-prefix':
      return { key: 'noPrefix', data: { start: name.display.slice(0, 40) } };
    case 'bad-id': {
      const { key, data } = badIdMessage(problem.id);
      return problem.rest === undefined ? { key, data } : { key: `${key}Rest`, data: { ...data, rest: truncate(problem.rest.join(', ')) } };
    }
    case 'suffix-without-dash':
      return { key: 'suffixWithoutDash', data: { text: problem.text } };
    case 'hash-after-guid':
      return { key: 'hashAfterGuid', data: { hash: problem.text } };
    case 'strict-suffix':
      return { key: 'strictSuffix', data: { suffix: problem.suffix } };
    case 'unresolved':
      return { key: 'unresolved', data: { unknowns: problem.unknowns.join(', ') } };
  }
}

function badIdMessage(id: BadTrackingId): { key: BadIdKey; data: MessageData } {
  switch (id.kind) {
    case 'braces':
      return { key: 'braces', data: { id: id.shown } };
    case 'partner-center-case':
      return { key: 'partnerCenterCase', data: { id: id.shown } };
    case 'neither':
      return { key: 'neither', data: { id: id.shown } };
    case 'not-a-guid': {
      const { shape } = id;
      switch (shape.kind) {
        case 'group-length':
          return { key: 'groupLength', data: { attempt: id.attempt, group: shape.group, digits: shape.digits, expected: shape.expected } };
        case 'not-hex':
          return { key: 'notHex', data: { attempt: id.attempt, group: shape.group, char: shape.char } };
        case 'ends-early':
          return { key: 'endsEarly', data: { attempt: id.attempt, group: shape.group } };
        case 'separator':
          return { key: 'separator', data: { attempt: id.attempt, group: shape.group, char: shape.char } };
      }
    }
  }
}

/** The problem in words, for notes outside a finding (the fixer's "left alone" notes). */
export function describeTrackingNameProblem(name: TrackingName): string | undefined {
  if (name.problem === undefined) return undefined;
  const { key, data } = problemMessage(name, name.problem);
  return renderMessage(PROBLEM_TEXTS[key], data);
}

/** One message per problem text: `prefix` + the text + `suffix`, keyed `<key><idSuffix>`. */
export function messagesFor<Suffix extends string>(prefix: string, idSuffix: Suffix, suffix = ''): Record<`${ProblemKey}${Suffix}`, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(PROBLEM_TEXTS)) out[`${key}${idSuffix}`] = `${prefix}${text}${suffix}`;
  return out as Record<`${ProblemKey}${Suffix}`, string>;
}
