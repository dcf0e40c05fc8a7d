// Array and object functions (several also accept strings, as in ARM).
import { PartialString, Unknown, knownPrefix, type ArmValue } from '../value.ts';
import { armEquals, getProperty, isFullyKnown, isObject, isStringLike, knownSuffix, partsOf, setProperty, typeName, type ArmObject } from '../value-helpers.ts';
import { intArg } from './strings.ts';
import { fn, type Call, type FunctionTable } from './types.ts';

/** ARM's range() limit; also keeps hostile input small. */
const MAX_RANGE = 10_000;

function createObject(call: Call): ArmValue {
  if (call.argCount % 2 !== 0) return call.fail('createObject expects an even number of arguments (key, value pairs)');
  const out: ArmObject = {};
  for (let i = 0; i < call.argCount; i += 2) {
    const key = call.arg(i);
    if (key instanceof Unknown || key instanceof PartialString) {
      call.args();
      return call.unknown();
    }
    if (typeof key !== 'string') return call.fail(`createObject keys must be strings, got ${typeName(key)}`);
    setProperty(out, key, call.arg(i + 1));
  }
  return out;
}

function array(call: Call): ArmValue {
  const value = call.arg(0);
  if (Array.isArray(value)) return value;
  if (value instanceof Unknown) return call.unknown();
  return [value];
}

function firstOrLast(call: Call, first: boolean): ArmValue {
  const value = call.arg(0);
  if (value === null) return null;
  if (Array.isArray(value)) return (first ? value[0] : value[value.length - 1]) ?? null;
  if (typeof value === 'string') return (first ? value[0] : value[value.length - 1]) ?? '';
  if (value instanceof PartialString) {
    const known = first ? knownPrefix(value) : knownSuffix(value);
    if (known !== '') return (first ? known[0] : known[known.length - 1]) ?? '';
    return call.unknown();
  }
  if (value instanceof Unknown) return call.unknown();
  return call.fail(`function '${call.name}' expects an array or a string, got ${typeName(value)}`);
}

function length(call: Call): ArmValue {
  const value = call.arg(0);
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  if (isObject(value)) return Object.keys(value).length;
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  return call.fail(`length expects an array, a string or an object, got ${typeName(value)}`);
}

function empty(call: Call): ArmValue {
  const value = call.arg(0);
  if (value === null) return true;
  if (Array.isArray(value) || typeof value === 'string') return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  if (value instanceof PartialString) return value.parts.some((p) => typeof p === 'string' && p !== '') ? false : call.unknown();
  if (value instanceof Unknown) return call.unknown();
  return call.fail(`empty expects an array, a string, an object or null, got ${typeName(value)}`);
}

function contains(call: Call): ArmValue {
  const container = call.arg(0);
  const item = call.arg(1);
  if (isObject(container)) {
    if (typeof item === 'string') return getProperty(container, item) !== undefined; // keys: case-insensitive
    return item instanceof Unknown || item instanceof PartialString ? call.unknown() : call.fail('contains expects a string key for an object');
  }
  if (Array.isArray(container)) return arrayIndex(container, item, false, call);
  if (isStringLike(container)) {
    if (typeof item !== 'string' && typeof item !== 'number') return isStringLike(item) ? call.unknown() : call.fail('contains expects a string to look for');
    const needle = typeof item === 'number' ? String(item) : item;
    // String search is case-sensitive (ARM docs); a match in a known part proves it.
    if (typeof container === 'string') return container.includes(needle);
    return partsOf(container).some((p) => typeof p === 'string' && p.includes(needle)) ? true : call.unknown();
  }
  return call.fail(`contains expects an array, an object or a string, got ${typeName(container)}`);
}

/** contains (as boolean) or indexOf/lastIndexOf (as index) over an array. */
function arrayIndex(items: readonly ArmValue[], item: ArmValue, last: boolean, call: Call, asIndex = false): ArmValue {
  let undecided = false;
  const order = last ? [...items.keys()].reverse() : [...items.keys()];
  for (const i of order) {
    const equal = armEquals(items[i] ?? null, item);
    if (equal === true && !undecided) return asIndex ? i : true;
    if (equal === true) return asIndex ? call.unknown() : true;
    if (equal === undefined) undecided = true;
  }
  if (undecided) return call.unknown();
  return asIndex ? -1 : false;
}

function indexOf(call: Call, last: boolean): ArmValue {
  const container = call.arg(0);
  const item = call.arg(1);
  if (Array.isArray(container)) return arrayIndex(container, item, last, call, true);
  if (typeof container === 'string' && typeof item === 'string') {
    // ARM compares case-insensitively here.
    const haystack = container.toLowerCase();
    const needle = item.toLowerCase();
    return last ? haystack.lastIndexOf(needle) : haystack.indexOf(needle);
  }
  if (isStringLike(container) && isStringLike(item)) {
    if (!last && typeof item === 'string') {
      const found = knownPrefix(container).toLowerCase().indexOf(item.toLowerCase());
      if (found !== -1) return found;
    }
    return call.unknown();
  }
  if (container instanceof Unknown) return call.unknown();
  return call.fail(`function '${call.name}' expects an array or a string, got ${typeName(container)}`);
}

function union(call: Call): ArmValue {
  const values = call.args();
  if (!values.every((v) => isFullyKnownShape(v))) return call.unknown();
  if (values.every(Array.isArray)) {
    const out: ArmValue[] = [];
    for (const list of values) {
      for (const item of list) {
        if (!call.afford(out.length)) return call.overBudget('steps'); // each item is compared with those kept
        const seen = out.some((existing) => armEquals(existing, item));
        if (!seen) out.push(item);
      }
    }
    return out;
  }
  if (values.every(isObject)) {
    let out: ArmObject = {};
    for (const object of values) out = merge(out, object);
    return out;
  }
  return call.fail('union expects arguments that are all arrays or all objects');
}

/** Objects merge recursively (later wins); anything else is replaced. */
function merge(target: ArmObject, patch: ArmObject): ArmObject {
  const out: ArmObject = { ...target };
  // Keys by lower case, first spelling wins: a lookup per key, not a scan (linear in the keys).
  const keys = new Map<string, string>();
  for (const key of Object.keys(out)) if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
  for (const [key, value] of Object.entries(patch)) {
    const existingKey = keys.get(key.toLowerCase());
    if (existingKey === undefined) keys.set(key.toLowerCase(), key);
    const existing = existingKey === undefined ? undefined : out[existingKey];
    if (existingKey !== undefined && existingKey !== key) delete out[existingKey];
    setProperty(out, existingKey ?? key, isObject(existing) && isObject(value) ? merge(existing, value) : value);
  }
  return out;
}

function isFullyKnownShape(value: ArmValue): boolean {
  return !(value instanceof Unknown) && !(value instanceof PartialString) && isFullyKnown(value);
}

function intersection(call: Call): ArmValue {
  const values = call.args();
  if (!values.every(isFullyKnownShape)) return call.unknown();
  const [first, ...rest] = values;
  if (Array.isArray(first) && rest.every(Array.isArray)) {
    const out: ArmValue[] = [];
    for (const item of first) {
      if (!call.afford(out.length + rest.reduce((n, list) => n + list.length, 0))) return call.overBudget('steps');
      if (out.some((o) => armEquals(o, item))) continue;
      if (rest.every((list) => list.some((other) => armEquals(other, item)))) out.push(item);
    }
    return out;
  }
  if (isObject(first) && rest.every(isObject)) {
    const out: ArmObject = {};
    for (const [key, value] of Object.entries(first)) {
      if (rest.every((o) => armEquals(getProperty(o, key) ?? null, value) === true && getProperty(o, key) !== undefined)) setProperty(out, key, value);
    }
    return out;
  }
  return call.fail('intersection expects arguments that are all arrays or all objects');
}

function items(call: Call): ArmValue {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!isObject(value)) return call.fail(`items expects an object, got ${typeName(value)}`);
  // ARM returns the entries sorted by key.
  return Object.keys(value)
    .sort()
    .map((key) => ({ key, value: value[key] ?? null }));
}

/** objectKeys(object): its keys, in order; unknown when the object is. */
function objectKeys(call: Call): ArmValue {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!isObject(value)) return call.fail(`objectKeys expects an object, got ${typeName(value)}`);
  return Object.keys(value);
}

function tryGet(call: Call): ArmValue {
  let current = call.arg(0);
  for (let i = 1; i < call.argCount; i++) {
    const key = call.arg(i);
    if (current === null) return null;
    if (current instanceof Unknown || key instanceof Unknown || key instanceof PartialString) return call.unknown();
    if (isObject(current) && typeof key === 'string') current = getProperty(current, key) ?? null;
    else if (Array.isArray(current) && typeof key === 'number') current = current[key] ?? null;
    else return null;
  }
  return current;
}

function coalesce(call: Call): ArmValue {
  for (let i = 0; i < call.argCount; i++) {
    const value = call.arg(i);
    if (value === null) continue;
    if (value instanceof Unknown) return call.unknown(); // it might be null at deployment
    return value;
  }
  return null;
}

function range(call: Call): ArmValue {
  const start = intArg(call, 0);
  const count = intArg(call, 1);
  if (start instanceof Unknown) return start;
  if (count instanceof Unknown) return count;
  if (count < 0 || count > MAX_RANGE) return call.fail(`range count must be between 0 and ${MAX_RANGE}, got ${count}`);
  return Array.from({ length: count }, (_, i) => start + i);
}

function minMax(call: Call, max: boolean): ArmValue {
  let values = call.args();
  const only = values[0];
  if (values.length === 1 && Array.isArray(only)) values = only;
  if (values.length === 0) return call.fail(`function '${call.name}' needs at least one value`);
  let best: number | undefined;
  for (const value of values) {
    if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
    if (typeof value !== 'number') return call.fail(`function '${call.name}' expects integers, got ${typeName(value)}`);
    if (best === undefined || (max ? value > best : value < best)) best = value;
  }
  return best ?? null;
}

function flatten(call: Call): ArmValue {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!Array.isArray(value)) return call.fail(`flatten expects an array of arrays, got ${typeName(value)}`);
  const out: ArmValue[] = [];
  for (const item of value) {
    if (item instanceof Unknown) return call.unknown();
    if (!Array.isArray(item)) return call.fail('flatten expects an array of arrays');
    out.push(...item);
  }
  return out;
}

function shallowMerge(call: Call): ArmValue {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!Array.isArray(value)) return call.fail(`shallowMerge expects an array of objects, got ${typeName(value)}`);
  const out: ArmObject = {};
  for (const item of value) {
    if (item instanceof Unknown) return call.unknown();
    if (!isObject(item)) return call.fail('shallowMerge expects an array of objects');
    for (const [key, entry] of Object.entries(item)) setProperty(out, key, entry);
  }
  return out;
}

export const collectionFunctions: FunctionTable = {
  createArray: fn(0, Infinity, (call) => call.args()),
  createObject: fn(0, Infinity, createObject),
  array: fn(1, 1, array),
  first: fn(1, 1, (call) => firstOrLast(call, true)),
  last: fn(1, 1, (call) => firstOrLast(call, false)),
  length: fn(1, 1, length),
  empty: fn(1, 1, empty),
  contains: fn(2, 2, contains),
  indexOf: fn(2, 2, (call) => indexOf(call, false)),
  lastIndexOf: fn(2, 2, (call) => indexOf(call, true)),
  union: fn(1, Infinity, union),
  intersection: fn(1, Infinity, intersection),
  items: fn(1, 1, items),
  objectKeys: fn(1, 1, objectKeys),
  tryGet: fn(2, Infinity, tryGet),
  coalesce: fn(1, Infinity, coalesce),
  range: fn(2, 2, range),
  min: fn(1, Infinity, (call) => minMax(call, false)),
  max: fn(1, Infinity, (call) => minMax(call, true)),
  flatten: fn(1, 1, flatten),
  shallowMerge: fn(1, 1, shallowMerge),
  null: fn(0, 0, () => null),
};
