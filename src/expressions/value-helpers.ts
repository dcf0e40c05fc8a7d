// Helpers over ArmValue (value.ts): building partly known strings, deep equality with
// unknowns, ARM's string renderings and case-insensitive property lookup.
import { PartialString, Unknown, knownPrefix, type ArmValue } from './value.ts';

export type ArmObject = { [key: string]: ArmValue };
export type StringLike = string | PartialString | Unknown;
type Part = string | Unknown;

export function isObject(value: ArmValue | undefined): value is ArmObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unknown) && !(value instanceof PartialString);
}

export function isStringLike(value: ArmValue): value is StringLike {
  return typeof value === 'string' || value instanceof PartialString || value instanceof Unknown;
}

export function partsOf(value: StringLike): readonly Part[] {
  if (typeof value === 'string') return [value];
  if (value instanceof PartialString) return value.parts;
  return [value];
}

/** Joins parts into the simplest value: merges adjacent strings, drops empty ones. */
export function joinParts(parts: readonly Part[]): StringLike {
  const out: Part[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part === '') continue;
      const last = out.length - 1;
      const previous = out[last];
      if (typeof previous === 'string') out[last] = previous + part;
      else out.push(part);
    } else {
      out.push(part);
    }
  }
  if (out.length === 0) return '';
  const only = out[0];
  if (out.length === 1 && only !== undefined) return only;
  return new PartialString(out);
}

/** Known text at the end of a string-like value ('' when it ends with an unknown). */
export function knownSuffix(value: StringLike): string {
  const parts = partsOf(value);
  let suffix = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (typeof part !== 'string') break;
    suffix = part + suffix;
  }
  return suffix;
}

/** Upper bound of a string-like value's length, when every unknown part is bounded. */
export function maxLengthOf(value: StringLike): number | undefined {
  let total = 0;
  for (const part of partsOf(value)) {
    if (typeof part === 'string') total += part.length;
    else if (part.maxLength !== undefined) total += part.maxLength;
    else return undefined;
  }
  return total;
}

/** True when the value (deeply) holds no unknown part. */
export function isFullyKnown(value: ArmValue): boolean {
  if (value instanceof Unknown || value instanceof PartialString) return false;
  if (Array.isArray(value)) return value.every(isFullyKnown);
  if (isObject(value)) {
    for (const key in value) {
      const item = value[key];
      if (item !== undefined && !isFullyKnown(item)) return false;
    }
  }
  return true;
}

/** Own property, exact first, then case-insensitive (ARM property names are case-insensitive). */
export function getProperty(object: ArmObject, name: string): ArmValue | undefined {
  if (Object.hasOwn(object, name)) return object[name];
  const key = foldedKey(object, name);
  return key === undefined ? undefined : object[key];
}

/** Objects with more keys than this get an index of their lower-cased keys on the first miss. */
const SCAN_KEYS = 16;
const foldedIndexes = new WeakMap<ArmObject, Map<string, string>>();

/** The first key equal to `name` ignoring case; a large object is indexed once (values are not changed once made). */
function foldedKey(object: ArmObject, name: string): string | undefined {
  const lower = name.toLowerCase();
  const keys = Object.keys(object);
  if (keys.length <= SCAN_KEYS) return keys.find((key) => key.toLowerCase() === lower);
  let index = foldedIndexes.get(object);
  if (index === undefined) {
    index = new Map();
    for (const key of keys) if (!index.has(key.toLowerCase())) index.set(key.toLowerCase(), key);
    foldedIndexes.set(object, index);
  }
  return index.get(lower);
}

/** Assigns an own property, even `__proto__`, without touching the prototype. */
export function setProperty(object: ArmObject, key: string, value: ArmValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Plain JSON (a parameters file value) as an ArmValue; nothing is evaluated. */
export function fromJson(raw: unknown, depth = 0): ArmValue {
  if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (depth > 200) return new Unknown('(value nested too deeply)', { kind: 'limit', limit: 'depth' });
  if (Array.isArray(raw)) return raw.map((item) => fromJson(item, depth + 1));
  if (typeof raw === 'object') {
    const out: ArmObject = {};
    for (const [key, item] of Object.entries(raw)) setProperty(out, key, fromJson(item, depth + 1));
    return out;
  }
  return null;
}

/** ARM equality: deep, case-sensitive for strings; undefined when unknowns decide it. */
export function armEquals(a: ArmValue, b: ArmValue): boolean | undefined {
  if (isStringLike(a) && isStringLike(b) && (typeof a !== 'string' || typeof b !== 'string')) return partialEquals(a, b);
  if (a instanceof Unknown || b instanceof Unknown || a instanceof PartialString || b instanceof PartialString) return undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const result = armEquals(a[i] ?? null, b[i] ?? null);
      if (result === false) return false;
      if (result === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    let unknown = false;
    for (const key of keys) {
      const other = getProperty(b, key);
      if (other === undefined) return false;
      const result = armEquals(a[key] ?? null, other);
      if (result === false) return false;
      if (result === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  return a === b;
}

/** Two strings where at least one is partly known: different known ends prove inequality. */
function partialEquals(a: StringLike, b: StringLike): boolean | undefined {
  const prefixA = knownPrefix(a);
  const prefixB = knownPrefix(b);
  const n = Math.min(prefixA.length, prefixB.length);
  if (prefixA.slice(0, n) !== prefixB.slice(0, n)) return false;
  const suffixA = knownSuffix(a);
  const suffixB = knownSuffix(b);
  const m = Math.min(suffixA.length, suffixB.length);
  if (suffixA.slice(suffixA.length - m) !== suffixB.slice(suffixB.length - m)) return false;
  return undefined;
}

/** How ARM renders a scalar inside concat()/format()/string(): .NET style booleans. */
export function scalarText(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'number' ? numberText(value) : value;
}

export function numberText(value: number): string {
  // Integers print plainly; avoid JS exponent notation for large ones where possible.
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/** Compact JSON, as string() renders objects and arrays. Only for fully known values. */
export function compactJson(value: ArmValue): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Unknown || item instanceof PartialString) throw new Error('compactJson on an unknown value');
    return item;
  });
}

/** An ARM string literal for synthesized texts: 'it''s'. */
export function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Describes a value's type for error messages. */
export function typeName(value: ArmValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Unknown) return 'unknown';
  if (value instanceof PartialString) return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : 'string';
}
