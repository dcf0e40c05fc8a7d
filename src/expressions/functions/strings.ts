// String functions. Those that matter for resource names keep partly known strings
// (PartialString) instead of giving up: concat, format, toLower/toUpper, take, skip, ...
import { armGuid } from '../guid.ts';
import { composeFormat } from '../dotnet-format.ts';
import { armUniqueString } from '../unique-string.ts';
import { MAX_VALUE_SIZE, sizeOf } from '../budget.ts';
import { PartialString, Unknown, knownPrefix, type ArmValue } from '../value.ts';
import {
  compactJson,
  fromJson,
  isFullyKnown,
  isObject,
  isStringLike,
  joinParts,
  knownSuffix,
  maxLengthOf,
  numberText,
  partsOf,
  quote,
  scalarText,
  typeName,
  type StringLike,
} from '../value-helpers.ts';
import { fn, type Call, type FunctionTable } from './types.ts';

const GUID_LENGTH = 36;
const UNIQUE_STRING_LENGTH = 13;

/** A known integer argument, Unknown when not static, or a recorded error. */
export function intArg(call: Call, i: number): number | Unknown {
  const value = call.arg(i);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return call.fail(`function '${call.name}' expects an integer as argument ${i + 1}, got ${typeName(value)}`);
}

/** A known string argument, Unknown when not static, or a recorded error. */
function stringArg(call: Call, i: number): string | Unknown {
  const value = call.arg(i);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  if (typeof value === 'string') return value;
  return call.fail(`function '${call.name}' expects a string as argument ${i + 1}, got ${typeName(value)}`);
}

/** The first argument as a string-like value (strings, partial strings, unknowns). */
function textArg(call: Call, i: number): StringLike | undefined {
  const value = call.arg(i);
  if (isStringLike(value)) return value;
  call.fail(`function '${call.name}' expects a string as argument ${i + 1}, got ${typeName(value)}`);
  return undefined;
}

function concat(call: Call): ArmValue {
  // Most names concatenate known strings and numbers: join them as they come, without the parts
  // list. At the first other value the general path takes over; it sees the same values, as
  // call.arg() evaluates each argument once.
  let text = '';
  for (let i = 0; i < call.argCount; i++) {
    const value = call.arg(i);
    if (typeof value === 'string') text += value;
    else if (typeof value === 'number') text += numberText(value);
    else return concatValues(call);
  }
  return text;
}

/** concat over any values: arrays, unknowns and partly known strings. */
function concatValues(call: Call): ArmValue {
  const values = call.args();
  if (values.some(Array.isArray)) {
    if (values.every(Array.isArray)) return values.flat(1);
    if (values.every((v) => Array.isArray(v) || v instanceof Unknown)) return call.unknown();
    return call.fail('concat cannot mix arrays with other values');
  }
  const parts: (string | Unknown)[] = [];
  let sawText = false;
  for (const value of values) {
    if (value === null) continue;
    if (value instanceof Unknown) parts.push(value);
    else if (value instanceof PartialString) {
      parts.push(...value.parts);
      sawText = true;
    } else if (typeof value === 'object') return call.fail('concat expects strings, integers or arrays, got an object');
    else {
      parts.push(scalarText(value));
      sawText = true;
    }
  }
  // Only unknowns: they could as well be arrays, so nothing is known about the result.
  if (!sawText) return call.unknown();
  return joinParts(parts);
}

function format(call: Call): ArmValue {
  const template = call.arg(0);
  if (template instanceof Unknown || template instanceof PartialString) return call.unknown();
  if (typeof template !== 'string') return call.fail(`format expects a format string, got ${typeName(template)}`);
  const values = call.args();
  // Each '{' may repeat an argument: bound what that could build before building it.
  let largest = 0;
  for (let i = 1; i < values.length; i++) largest = Math.max(largest, sizeOf(values[i] ?? null));
  if (template.length + countOf(template, '{') * largest > MAX_VALUE_SIZE) return call.overBudget('size');
  const result = composeFormat(template, values, 1);
  if (typeof result === 'string') return result;
  if (result.kind === 'error') return call.fail(`format: ${result.message}`);
  if (result.kind === 'unknown') return call.unknown();
  return joinParts(result.parts);
}

/** toLower/toUpper: known parts are converted, unknown parts are wrapped. */
function changeCase(call: Call, convert: (s: string) => string, fnName: string): ArmValue {
  const value = textArg(call, 0);
  if (value === undefined) return call.unknown();
  if (typeof value === 'string') return convert(value);
  if (value instanceof Unknown) return wrapUnknown(value, call.text, fnName);
  return joinParts(value.parts.map((part) => (typeof part === 'string' ? convert(part) : wrapUnknown(part, `${fnName}(${part.text})`, fnName))));
}

/** toLower(x)/toUpper(x) of an unknown x: as long as x. */
function wrapUnknown(unknown: Unknown, text: string, fnName: string): Unknown {
  return new Unknown(text, { kind: 'call', fn: fnName, inputs: [unknown] }, unknown.maxLength);
}

function take(call: Call): ArmValue {
  const source = call.arg(0);
  const count = intArg(call, 1);
  if (count instanceof Unknown) return count;
  if (Array.isArray(source)) return source.slice(0, Math.max(0, count));
  if (source === null) return null;
  if (!isStringLike(source)) return call.fail(`take expects an array or a string, got ${typeName(source)}`);
  if (typeof source === 'string') return count <= 0 ? '' : source.slice(0, count);
  if (count <= 0) return '';
  const max = maxLengthOf(source);
  if (max !== undefined && max <= count) return source; // nothing can be cut off
  const prefix = knownPrefix(source);
  if (count <= prefix.length) return prefix.slice(0, count);
  return joinParts([...partsThatFit(partsOf(source), count), call.unknown()]);
}

/**
 * The leading parts that survive take(…, count) whatever the unknowns turn out to be: known text
 * and hashes of bounded length (uniqueString, guid), so `take(format('{0}-app', uniqueString(…)), 64)`
 * keeps its shape. The first part that might be cut ends the run.
 */
function partsThatFit(parts: readonly (string | Unknown)[], count: number): (string | Unknown)[] {
  const kept: (string | Unknown)[] = [];
  let length = 0;
  for (const part of parts) {
    const max = typeof part === 'string' ? part.length : part.maxLength;
    if (max === undefined || length + max > count) {
      if (typeof part === 'string' && part.length > 0 && length < count) kept.push(part.slice(0, count - length));
      break;
    }
    kept.push(part);
    length += max;
  }
  return kept;
}

function skip(call: Call): ArmValue {
  const source = call.arg(0);
  const count = intArg(call, 1);
  if (count instanceof Unknown) return count;
  if (Array.isArray(source)) return source.slice(Math.max(0, count));
  if (source === null) return null;
  if (!isStringLike(source)) return call.fail(`skip expects an array or a string, got ${typeName(source)}`);
  if (typeof source === 'string') return source.slice(Math.max(0, count));
  if (count <= 0) return source;
  const parts = partsOf(source);
  const first = parts[0];
  if (typeof first === 'string' && count <= first.length) return joinParts([first.slice(count), ...parts.slice(1)]);
  return call.unknown();
}

function substring(call: Call): ArmValue {
  const source = textArg(call, 0);
  const start = intArg(call, 1);
  const length = call.argCount > 2 ? intArg(call, 2) : undefined;
  if (source === undefined) return call.unknown();
  if (start instanceof Unknown) return start;
  if (length instanceof Unknown) return length;
  if (start < 0) return call.fail(`substring start index cannot be negative: ${start}`);
  if (length !== undefined && length < 0) return call.fail(`substring length cannot be negative: ${length}`);
  if (typeof source !== 'string') {
    const prefix = knownPrefix(source);
    if (length !== undefined && start + length <= prefix.length) return prefix.substring(start, start + length);
    return call.unknown();
  }
  if (start > source.length) return call.fail(`substring start index ${start} is beyond the end of a string of length ${source.length}`);
  if (length === undefined) return source.slice(start);
  if (start + length > source.length) {
    return call.fail(`substring index ${start} and length ${length} must refer to a location within a string of length ${source.length}`);
  }
  return source.substring(start, start + length);
}

function replace(call: Call): ArmValue {
  const source = textArg(call, 0);
  const oldValue = stringArg(call, 1);
  const newValue = stringArg(call, 2);
  if (source === undefined) return call.unknown();
  if (oldValue instanceof Unknown) return oldValue;
  if (newValue instanceof Unknown) return newValue;
  if (oldValue === '') return call.fail('replace: the string to replace cannot be empty');
  if (typeof source === 'string') {
    if (newValue.length > oldValue.length && source.length + countOf(source, oldValue) * (newValue.length - oldValue.length) > MAX_VALUE_SIZE)
      return call.overBudget('size');
    return source.replaceAll(oldValue, newValue);
  }
  // A one-character match cannot straddle a known/unknown boundary, so parts can be replaced one by one.
  if (oldValue.length !== 1 || source instanceof Unknown) return call.unknown();
  const args = `${quote(oldValue)}, ${quote(newValue)}`;
  return joinParts(
    source.parts.map((part) =>
      typeof part === 'string'
        ? part.replaceAll(oldValue, newValue)
        : new Unknown(`replace(${part.text}, ${args})`, { kind: 'call', fn: 'replace', inputs: [part, oldValue, newValue] }),
    ),
  );
}

/** Occurrences of `needle` (not empty) in `text`, without overlaps. */
function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

function trim(call: Call): ArmValue {
  const source = textArg(call, 0);
  if (source === undefined) return call.unknown();
  if (typeof source === 'string') return source.trim();
  if (source instanceof Unknown) return call.unknown();
  const parts = [...source.parts];
  const first = parts[0];
  const last = parts[parts.length - 1];
  // Only safe when known, non-blank text sits at both ends.
  if (typeof first !== 'string' || typeof last !== 'string' || first.trim() === '' || last.trim() === '') return call.unknown();
  parts[0] = first.trimStart();
  parts[parts.length - 1] = (parts[parts.length - 1] as string).trimEnd();
  return joinParts(parts);
}

function string(call: Call): ArmValue {
  const value = call.arg(0);
  if (value instanceof PartialString || typeof value === 'string') return value;
  if (value instanceof Unknown) return call.unknown();
  if (Array.isArray(value) || isObject(value)) return isFullyKnown(value) ? compactJson(value) : call.unknown();
  return scalarText(value);
}

function padLeft(call: Call): ArmValue {
  const value = call.arg(0);
  const total = intArg(call, 1);
  const pad = call.argCount > 2 ? stringArg(call, 2) : ' ';
  if (total instanceof Unknown) return total;
  if (pad instanceof Unknown) return pad;
  if (pad.length !== 1) return call.fail('padLeft expects a single padding character');
  if (total > MAX_VALUE_SIZE) return call.overBudget('size');
  if (typeof value === 'number' && Number.isInteger(value)) return scalarText(value).padStart(total, pad);
  if (typeof value === 'string') return value.padStart(total, pad);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  return call.fail(`padLeft expects a string or an integer, got ${typeName(value)}`);
}

function split(call: Call): ArmValue {
  const source = stringArg(call, 0);
  const delimiter = call.arg(1);
  if (source instanceof Unknown) return source;
  let delimiters: string[];
  if (typeof delimiter === 'string') delimiters = [delimiter];
  else if (Array.isArray(delimiter) && delimiter.every((d): d is string => typeof d === 'string')) delimiters = delimiter;
  else if (delimiter instanceof Unknown || Array.isArray(delimiter)) return call.unknown();
  else return call.fail(`split expects a string or an array of strings as delimiter, got ${typeName(delimiter)}`);
  delimiters = delimiters.filter((d) => d !== '');
  if (delimiters.length === 0) return [source];
  if (!call.afford(source.length * delimiters.length)) return call.overBudget('steps');
  const out: string[] = [];
  let start = 0;
  let i = 0;
  outer: while (i < source.length) {
    for (const d of delimiters) {
      if (source.startsWith(d, i)) {
        out.push(source.slice(start, i));
        i += d.length;
        start = i;
        continue outer;
      }
    }
    i++;
  }
  out.push(source.slice(start));
  return out;
}

function join(call: Call): ArmValue {
  const items = call.arg(0);
  const delimiter = stringArg(call, 1);
  if (delimiter instanceof Unknown) return delimiter;
  if (items instanceof Unknown) return call.unknown();
  if (!Array.isArray(items)) return call.fail(`join expects an array, got ${typeName(items)}`);
  if (sizeOf(items) + items.length * delimiter.length > MAX_VALUE_SIZE) return call.overBudget('size');
  const parts: (string | Unknown)[] = [];
  for (const [index, item] of items.entries()) {
    if (index > 0) parts.push(delimiter);
    if (item instanceof Unknown) parts.push(item);
    else if (item instanceof PartialString) parts.push(...item.parts);
    else if (typeof item === 'object' && item !== null) return call.fail('join expects an array of strings, integers or booleans');
    else parts.push(scalarText(item));
  }
  return joinParts(parts);
}

function startsOrEndsWith(call: Call, atStart: boolean): ArmValue {
  const source = textArg(call, 0);
  const affix = textArg(call, 1);
  if (source === undefined || affix === undefined) return call.unknown();
  if (typeof affix !== 'string') return call.unknown();
  const needle = affix.toLowerCase(); // ARM compares case-insensitively
  const known = (typeof source === 'string' ? source : atStart ? knownPrefix(source) : knownSuffix(source)).toLowerCase();
  if (typeof source === 'string') return atStart ? known.startsWith(needle) : known.endsWith(needle);
  if (known.length >= needle.length) return atStart ? known.startsWith(needle) : known.endsWith(needle);
  const overlap = atStart ? needle.startsWith(known) : needle.endsWith(known);
  return overlap ? call.unknown() : false;
}

/** guid()/uniqueString(): hash of the '-'-joined strings; a bounded Unknown when any is not static. */
function hashOf(call: Call, fnName: 'guid' | 'uniqueString', hash: (values: readonly string[]) => string, length: number): ArmValue {
  const values = call.args();
  let unknown = false;
  for (const [i, value] of values.entries()) {
    if (value instanceof Unknown || value instanceof PartialString) unknown = true;
    else if (typeof value !== 'string') return call.fail(`function '${call.name}' expects string arguments, argument ${i + 1} is ${typeName(value)}`);
  }
  if (unknown) return new Unknown(call.text, { kind: 'hash', fn: fnName, inputs: values }, length);
  return hash(values as string[]);
}

function base64(call: Call): ArmValue {
  const value = stringArg(call, 0);
  return value instanceof Unknown ? value : Buffer.from(value, 'utf8').toString('base64');
}

function base64ToString(call: Call): ArmValue {
  const value = stringArg(call, 0);
  return value instanceof Unknown ? value : Buffer.from(value, 'base64').toString('utf8');
}

function base64ToJson(call: Call): ArmValue {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  return parseJsonText(call, Buffer.from(value, 'base64').toString('utf8'));
}

/** json('...'): JSON.parse, accepting the single-quoted style ARM (Newtonsoft) also reads. */
function parseJsonText(call: Call, text: string): ArmValue {
  if (text.trim() === '') return null;
  try {
    return fromJson(JSON.parse(text));
  } catch {
    try {
      return fromJson(JSON.parse(singleToDoubleQuotes(text)));
    } catch {
      return call.fail('json: the argument is not valid JSON');
    }
  }
}

function singleToDoubleQuotes(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === undefined && (ch === "'" || ch === '"')) {
      quote = ch;
      out += '"';
    } else if (quote !== undefined && ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        out += "'";
        i++;
      } else {
        quote = undefined;
        out += '"';
      }
    } else if (quote === "'" && ch === '"') out += '\\"';
    else out += ch;
  }
  return out;
}

function dataUri(call: Call): ArmValue {
  const value = stringArg(call, 0);
  return value instanceof Unknown ? value : `data:text/plain;charset=utf8;base64,${Buffer.from(value, 'utf8').toString('base64')}`;
}

function dataUriToString(call: Call): ArmValue {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  const comma = value.indexOf(',');
  if (!value.toLowerCase().startsWith('data:') || comma === -1) return call.fail('dataUriToString expects a data URI');
  const header = value.slice(0, comma).toLowerCase();
  const body = value.slice(comma + 1);
  try {
    return header.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
  } catch {
    return call.fail('dataUriToString: the data URI is malformed');
  }
}

/** uri(base, relative) like .NET's Uri(Uri, string). With an unknown base (a template's own
 * location), the result is that base's directory followed by the relative path; a relative path
 * with an unknown tail (a SAS token) keeps its known start. */
function uri(call: Call): ArmValue {
  const base = textArg(call, 0);
  const relative = textArg(call, 1);
  if (base === undefined || relative === undefined) return call.unknown();
  const relativeParts = partsOf(relative);
  const head = relativeParts[0];
  if (typeof head !== 'string') return call.unknown();
  const tail = relativeParts.slice(1);
  if (typeof base === 'string') {
    let baseUrl: URL;
    try {
      baseUrl = new URL(base);
    } catch {
      return call.fail(`uri: '${base}' is not an absolute URI`);
    }
    try {
      return joinParts([new URL(head, baseUrl).href, ...tail]);
    } catch {
      return call.fail(`uri: cannot combine '${base}' with '${head}'`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(head) || head.startsWith('/')) return call.unknown();
  const parts = partsOf(base);
  const last = parts[parts.length - 1];
  if (typeof last === 'string') {
    // Known tail: drop everything after its last '/', as the URI resolution would.
    const slash = last.lastIndexOf('/');
    if (slash === -1) return call.unknown();
    return joinParts([...parts.slice(0, -1), last.slice(0, slash + 1), head, ...tail]);
  }
  return joinParts([...parts, head, ...tail]);
}

function uriComponent(call: Call): ArmValue {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  // .NET Uri.EscapeDataString leaves only RFC 3986 unreserved characters alone.
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function uriComponentToString(call: Call): ArmValue {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return call.fail('uriComponentToString: the value is not a valid encoded URI component');
  }
}

export const stringFunctions: FunctionTable = {
  concat: fn(1, Infinity, concat),
  format: fn(1, Infinity, format),
  toLower: fn(1, 1, (call) => changeCase(call, (s) => s.toLowerCase(), 'toLower')),
  toUpper: fn(1, 1, (call) => changeCase(call, (s) => s.toUpperCase(), 'toUpper')),
  take: fn(2, 2, take),
  skip: fn(2, 2, skip),
  substring: fn(2, 3, substring),
  replace: fn(3, 3, replace),
  trim: fn(1, 1, trim),
  string: fn(1, 1, string),
  padLeft: fn(2, 3, padLeft),
  split: fn(2, 2, split),
  join: fn(2, 2, join),
  startsWith: fn(2, 2, (call) => startsOrEndsWith(call, true)),
  endsWith: fn(2, 2, (call) => startsOrEndsWith(call, false)),
  guid: fn(1, Infinity, (call) => hashOf(call, 'guid', armGuid, GUID_LENGTH)),
  uniqueString: fn(1, Infinity, (call) => hashOf(call, 'uniqueString', armUniqueString, UNIQUE_STRING_LENGTH)),
  newGuid: fn(0, 0, (call) => call.unknown(GUID_LENGTH)),
  base64: fn(1, 1, base64),
  base64ToString: fn(1, 1, base64ToString),
  base64ToJson: fn(1, 1, base64ToJson),
  json: fn(1, 1, (call) => {
    const value = stringArg(call, 0);
    return value instanceof Unknown ? value : parseJsonText(call, value);
  }),
  dataUri: fn(1, 1, dataUri),
  dataUriToString: fn(1, 1, dataUriToString),
  uri: fn(2, 2, uri),
  uriComponent: fn(1, 1, uriComponent),
  uriComponentToString: fn(1, 1, uriComponentToString),
};
