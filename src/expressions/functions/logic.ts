// Logical, comparison, numeric and conversion functions.
import { PartialString, Unknown, type ArmValue } from '../value.ts';
import { armEquals, typeName } from '../value-helpers.ts';
import { fn, type Call, type FunctionTable } from './types.ts';

/** if() is lazy: only the chosen branch is evaluated, and nothing when the condition is unknown. */
function ifFn(call: Call): ArmValue {
  const condition = call.arg(0);
  if (condition === true) return call.arg(1);
  if (condition === false) return call.arg(2);
  if (condition instanceof Unknown) return call.unknown();
  return call.fail(`if expects a boolean condition, got ${typeName(condition)}`);
}

function equals(call: Call): ArmValue {
  const result = armEquals(call.arg(0), call.arg(1));
  return result === undefined ? call.unknown() : result;
}

function not(call: Call): ArmValue {
  const value = call.arg(0);
  if (typeof value === 'boolean') return !value;
  if (value instanceof Unknown) return call.unknown();
  return call.fail(`not expects a boolean, got ${typeName(value)}`);
}

/** and/or: a deciding known value wins even when other arguments are unknown. */
function andOr(call: Call, isAnd: boolean): ArmValue {
  let unknown = false;
  let decided = false;
  for (const [i, value] of call.args().entries()) {
    if (typeof value === 'boolean') {
      if (value !== isAnd) decided = true;
    } else if (value instanceof Unknown) unknown = true;
    else return call.fail(`function '${call.name}' expects booleans, argument ${i + 1} is ${typeName(value)}`);
  }
  if (decided) return !isAnd;
  return unknown ? call.unknown() : isAnd;
}

function bool(call: Call): ArmValue {
  const value = call.arg(0);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return call.fail(`bool cannot convert '${value}'`);
  }
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  return call.fail(`bool expects a string, an integer or a boolean, got ${typeName(value)}`);
}

type Comparison = (order: number) => boolean;

/** less/greater/...: both integers or both strings (ordinal). */
function compare(call: Call, test: Comparison): ArmValue {
  const a = call.arg(0);
  const b = call.arg(1);
  if (typeof a === 'number' && typeof b === 'number') return test(a - b);
  if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
  if (isUnknownish(a) || isUnknownish(b)) return call.unknown();
  return call.fail(`function '${call.name}' expects two integers or two strings, got ${typeName(a)} and ${typeName(b)}`);
}

function isUnknownish(value: ArmValue): boolean {
  return value instanceof Unknown || value instanceof PartialString;
}

function arithmetic(call: Call, op: (a: number, b: number) => number | string): ArmValue {
  const a = call.arg(0);
  const b = call.arg(1);
  if (isUnknownish(a) || isUnknownish(b)) return call.unknown();
  if (typeof a !== 'number' || typeof b !== 'number') return call.fail(`function '${call.name}' expects integers, got ${typeName(a)} and ${typeName(b)}`);
  const result = op(a, b);
  return typeof result === 'string' ? call.fail(result) : result;
}

function toInt(call: Call): ArmValue {
  const value = call.arg(0);
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text)) return Number(text);
    return call.fail(`int cannot convert '${value}'`);
  }
  if (isUnknownish(value)) return call.unknown();
  return call.fail(`int expects a string or a number, got ${typeName(value)}`);
}

function toFloat(call: Call): ArmValue {
  const value = call.arg(0);
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Number(value.trim());
    return value.trim() !== '' && Number.isFinite(parsed) ? parsed : call.fail(`float cannot convert '${value}'`);
  }
  if (isUnknownish(value)) return call.unknown();
  return call.fail(`float expects a string or a number, got ${typeName(value)}`);
}

export const logicFunctions: FunctionTable = {
  if: fn(3, 3, ifFn),
  equals: fn(2, 2, equals),
  not: fn(1, 1, not),
  and: fn(1, Infinity, (call) => andOr(call, true)),
  or: fn(1, Infinity, (call) => andOr(call, false)),
  bool: fn(1, 1, bool),
  true: fn(0, 0, () => true),
  false: fn(0, 0, () => false),
  less: fn(2, 2, (call) => compare(call, (o) => o < 0)),
  lessOrEquals: fn(2, 2, (call) => compare(call, (o) => o <= 0)),
  greater: fn(2, 2, (call) => compare(call, (o) => o > 0)),
  greaterOrEquals: fn(2, 2, (call) => compare(call, (o) => o >= 0)),
  add: fn(2, 2, (call) => arithmetic(call, (a, b) => a + b)),
  sub: fn(2, 2, (call) => arithmetic(call, (a, b) => a - b)),
  mul: fn(2, 2, (call) => arithmetic(call, (a, b) => a * b)),
  // Integer division truncates toward zero, as in .NET.
  div: fn(2, 2, (call) => arithmetic(call, (a, b) => (b === 0 ? 'div: division by zero' : Math.trunc(a / b)))),
  mod: fn(2, 2, (call) => arithmetic(call, (a, b) => (b === 0 ? 'mod: division by zero' : a % b))),
  int: fn(1, 1, toInt),
  float: fn(1, 1, toFloat),
};
