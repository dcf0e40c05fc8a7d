// Values produced by evaluating ARM template expressions statically.
// Anything that is only known at deployment time is an `Unknown` that says, as data, why it is
// unknown (its `cause`), and remembers the expression text it stands for, for messages only.
import type { BudgetLimit } from './budget.ts';

/** The deployment-context functions: their values are the deployment's own. */
export type ContextFunction = 'deployment' | 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant' | 'environment' | 'deployer';

/** Why a parameter has no value here. */
export type MissingParameterValue =
  /** No value given and no default: the customer chooses it at deployment. */
  | 'no-value'
  /** A Key Vault reference: in the parameters file, or passed by a nested or linked deployment (no `value`). */
  | 'key-vault'
  /** A secure parameter: never evaluated. */
  | 'secure'
  /** A linked deployment's values live in a parameters file the check does not read. */
  | 'linked-parameters-file'
  /** `_artifactsLocation`: the Marketplace sets it to the package's location, whatever its default. */
  | 'package-location';

/** What makes a value unknown before deployment. */
export type UnknownCause =
  /** uniqueString()/guid() over inputs not all known: a hash of always the same length. */
  | { kind: 'hash'; fn: 'uniqueString' | 'guid'; inputs: readonly ArmValue[] }
  /** A parameter with no value here. */
  | { kind: 'parameter'; name: string; reason: MissingParameterValue }
  /** deployment(), resourceGroup(), subscription(), …: known when the deployment runs. */
  | { kind: 'context'; fn: ContextFunction }
  /** A property or element of an unknown value (`deployment().location`), or any element at an unknown key. */
  | { kind: 'member'; of: ArmValue; key: ArmValue }
  /** copyIndex() outside a loop the evaluator unrolls (a resource copy loop's index). */
  | { kind: 'copy-index' }
  /**
   * A function whose value only the deployment knows (reference(), list*(), utcNow(), newGuid(),
   * a user-defined function), or one over inputs not all known. `fn` is the name as written (ARM
   * names are case-insensitive); `inputs` are the arguments it evaluated.
   */
  | { kind: 'call'; fn: string; inputs: readonly ArmValue[]; namespace?: string }
  /** A copy loop (variable or property) whose count is not known. */
  | { kind: 'copy-loop'; name: string }
  /**
   * Not evaluated past a bound: nested too deep, a copy count over ARM's limit, or past the work
   * budget (budget.ts: a value too large to keep, or an evaluation that took too many steps).
   */
  | { kind: 'limit'; limit: 'depth' | 'copy-count' | BudgetLimit }
  /** An expression ARM rejects; the error says why. */
  | { kind: 'invalid' }
  /** A value that was not evaluated (shown as written). */
  | { kind: 'not-evaluated' };

/** A value known only at deployment (uniqueString(...), resourceGroup().location, ...). */
export class Unknown {
  readonly kind = 'unknown' as const;
  /** The expression text it stands for: for messages only, never to decide anything. */
  readonly text: string;
  readonly cause: UnknownCause;
  /**
   * An upper bound of its length when it is a string (uniqueString → 13, guid → 36), so
   * take(concat('pid-', guid, '-', uniqueString(...)), 64) can stay a partial string.
   */
  readonly maxLength: number | undefined;
  /** Its size in budget units, once measured (budget.ts sizeOf; a value never changes). */
  #size: number | undefined;
  constructor(text: string, cause: UnknownCause, maxLength?: number) {
    this.text = text;
    this.cause = cause;
    this.maxLength = maxLength;
  }
  /** The size `measure` gives, measured at most once. */
  sizeBy(measure: (value: Unknown) => number): number {
    return (this.#size ??= measure(this));
  }
}

/** A string some of whose parts are known: `pid-<guid>-` + uniqueString(...). */
export class PartialString {
  readonly kind = 'partial' as const;
  readonly parts: readonly (string | Unknown)[];
  /** Its size in budget units, once measured (budget.ts sizeOf; a value never changes). */
  #size: number | undefined;
  constructor(parts: readonly (string | Unknown)[]) {
    this.parts = parts;
  }
  /** The size `measure` gives, measured at most once. */
  sizeBy(measure: (value: PartialString) => number): number {
    return (this.#size ??= measure(this));
  }
}

export type ArmValue = string | number | boolean | null | ArmValue[] | { [key: string]: ArmValue } | Unknown | PartialString;

/** Known leading text of a string-like value ('' when nothing is known). */
export function knownPrefix(value: ArmValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PartialString) {
    let prefix = '';
    for (const part of value.parts) {
      if (typeof part !== 'string') break;
      prefix += part;
    }
    return prefix;
  }
  return '';
}

/** Renders a string-like value for messages: unknown parts as `{text}`. */
export function describeString(value: ArmValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Unknown) return `{${value.text}}`;
  if (value instanceof PartialString) {
    return value.parts.map((p) => (typeof p === 'string' ? p : `{${p.text}}`)).join('');
  }
  try {
    const text = JSON.stringify(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}'; // nested too deep to render
  }
}

/** The unknown parts of a string-like value, for "cannot be resolved" messages. */
export function unknownParts(value: ArmValue): Unknown[] {
  if (value instanceof Unknown) return [value];
  if (value instanceof PartialString) return value.parts.filter((p): p is Unknown => p instanceof Unknown);
  return [];
}

/**
 * The unknowns a value depends on, transitively: the unknown itself, then what its cause was
 * computed from (a hash's inputs, a property's object, a function's arguments), depth first.
 */
export function* dependenciesOf(value: ArmValue, depth = 0): Generator<Unknown> {
  if (depth > MAX_DEPENDENCY_DEPTH) return;
  if (value instanceof Unknown) {
    yield value;
    for (const input of causeInputs(value.cause)) yield* dependenciesOf(input, depth + 1);
  } else if (value instanceof PartialString) {
    for (const part of value.parts) if (part instanceof Unknown) yield* dependenciesOf(part, depth + 1);
  } else if (Array.isArray(value)) {
    for (const item of value) yield* dependenciesOf(item, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      const item = value[key];
      if (item !== undefined) yield* dependenciesOf(item, depth + 1);
    }
  }
}

/** Values nest at most this deep before the evaluator gives up; the walk stops there too. */
const MAX_DEPENDENCY_DEPTH = 400;

function causeInputs(cause: UnknownCause): readonly ArmValue[] {
  switch (cause.kind) {
    case 'hash':
    case 'call':
      return cause.inputs;
    case 'member':
      return [cause.of, cause.key];
    default:
      return [];
  }
}

/** True when the value depends on an unknown that `test` accepts. */
export function dependsOn(value: ArmValue, test: (unknown: Unknown) => boolean): boolean {
  for (const unknown of dependenciesOf(value)) if (test(unknown)) return true;
  return false;
}

/**
 * A deployment-context value and the properties read from it: `deployment().properties.templateLink.uri`
 * is `{ fn: 'deployment', path: ['properties', 'templateLink', 'uri'] }`. Undefined for other unknowns.
 * Keys that are not known text (`subscription()[parameters('p')]`) appear as undefined.
 */
export function contextPath(unknown: Unknown): { fn: ContextFunction; path: (string | number | undefined)[] } | undefined {
  const path: (string | number | undefined)[] = [];
  let current: Unknown = unknown;
  for (let depth = 0; depth < MAX_DEPENDENCY_DEPTH; depth++) {
    const cause = current.cause;
    if (cause.kind === 'context') return { fn: cause.fn, path: path.reverse() };
    if (cause.kind !== 'member' || !(cause.of instanceof Unknown)) return undefined;
    path.push(typeof cause.key === 'string' || typeof cause.key === 'number' ? cause.key : undefined);
    current = cause.of;
  }
  return undefined;
}

/** Two unknowns that stand for the same deployment-time value (same cause, same inputs). */
export function sameUnknown(a: Unknown, b: Unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPENDENCY_DEPTH) return false;
  const x = a.cause;
  const y = b.cause;
  switch (x.kind) {
    case 'hash':
    case 'call':
      return y.kind === x.kind && y.fn.toLowerCase() === x.fn.toLowerCase() && sameValues(x.inputs, y.inputs, depth);
    case 'parameter':
      return y.kind === 'parameter' && y.name.toLowerCase() === x.name.toLowerCase();
    case 'context':
      return y.kind === 'context' && y.fn === x.fn;
    case 'member':
      return y.kind === 'member' && sameValues([x.of, x.key], [y.of, y.key], depth);
    case 'copy-index':
      return y.kind === 'copy-index';
    case 'copy-loop':
      return y.kind === 'copy-loop' && y.name.toLowerCase() === x.name.toLowerCase();
    default:
      return false; // limits, errors and unevaluated values say nothing about what they stand for
  }
}

function sameValues(a: readonly ArmValue[], b: readonly ArmValue[], depth: number): boolean {
  if (a.length !== b.length) return false;
  return a.every((item, i) => sameValue(item, b[i] ?? null, depth + 1));
}

function sameValue(a: ArmValue, b: ArmValue, depth: number): boolean {
  if (a instanceof Unknown || b instanceof Unknown) return a instanceof Unknown && b instanceof Unknown && sameUnknown(a, b, depth);
  if (a instanceof PartialString || b instanceof PartialString) {
    return a instanceof PartialString && b instanceof PartialString && sameValues(a.parts, b.parts, depth);
  }
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameValues(a, b, depth);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key] ?? null, b[key] ?? null, depth + 1));
  }
  return a === b;
}

/**
 * A key equal for values that stand for the same thing: known parts as they are, an unknown by
 * its expression and what it was computed from (`uniqueString(…, string(copyIndex()))` differs per
 * copy iteration once copyIndex() is bound). Undefined when the value nests too deep to write out.
 */
export function valueKey(value: ArmValue): string | undefined {
  try {
    return JSON.stringify(value, (_key, item: unknown) => {
      if (item instanceof Unknown) return { unknown: item.text, from: causeInputs(item.cause) };
      if (item instanceof PartialString) return { parts: item.parts };
      return item;
    });
  } catch {
    return undefined; // nested too deep to render
  }
}
