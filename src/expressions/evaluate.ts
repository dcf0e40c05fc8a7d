// Static evaluation of parsed expressions and of raw template JSON (strings are expressions,
// objects and arrays are walked). Anything only known at deployment becomes an Unknown that
// keeps its source text; problems become ExpressionErrors, never exceptions.
import { accessIndex, accessProperty } from './access.ts';
import type { CallNode, Node } from './ast.ts';
import { MAX_VALUE_SIZE, sizeOf, type BudgetLimit } from './budget.ts';
import { staticError, type ExpressionDiagnostic } from './diagnostics.ts';
import { MAX_DEPTH, newEvalState, report, reportBudget, reportStatic, sourceText, spend, type CopyBinding, type EvalState, type Frame } from './frame.ts';
import { parseExpression } from './parser.ts';
import { hasProperty, isRecord, propertyOf } from './raw.ts';
import type { ScopeImpl } from './scope.ts';
import type { ExpressionError } from './types.ts';
import { Unknown, type ArmValue } from './value.ts';
import { setProperty, typeName, type ArmObject } from './value-helpers.ts';
import type { Call } from './functions/types.ts';

/** Where evaluating raw template JSON happens. */
export interface RawContext {
  scope: ScopeImpl;
  errors: ExpressionError[];
  state: EvalState;
  copy: readonly CopyBinding[];
  withOffsets: boolean;
}

/** ARM's limit on copy loops; also keeps hostile counts from exhausting memory. */
export const MAX_COPY_COUNT = 800;

const NO_COPY: readonly CopyBinding[] = [];

export function evaluateRaw(raw: unknown, ctx: RawContext): ArmValue {
  if (typeof raw === 'string') return evaluateString(raw, ctx.scope, ctx.errors, ctx.state, ctx.copy, ctx.withOffsets);
  if (raw === null || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'object') return null;
  if (!spend(ctx.state, 1)) return rawOverBudget(ctx, 'steps');
  if (++ctx.state.depth > MAX_DEPTH) {
    ctx.state.depth--;
    ctx.errors.push({ message: `value nests deeper than ${MAX_DEPTH} levels` });
    return new Unknown('(value nested too deeply)', { kind: 'limit', limit: 'depth' });
  }
  try {
    // Offsets refer to the caller's own string; leaves of objects are other strings.
    const nested: RawContext = ctx.withOffsets ? { ...ctx, withOffsets: false } : ctx;
    if (Array.isArray(raw)) {
      const out: ArmValue[] = new Array<ArmValue>(raw.length);
      for (let i = 0; i < raw.length; i++) out[i] = evaluateRaw(raw[i], nested);
      return sizeOf(out) > MAX_VALUE_SIZE ? rawOverBudget(ctx, 'size') : out;
    }
    const object = evaluateObject(raw as Record<string, unknown>, nested);
    return sizeOf(object) > MAX_VALUE_SIZE ? rawOverBudget(ctx, 'size') : object;
  } finally {
    ctx.state.depth--;
  }
}

function rawOverBudget(ctx: RawContext, limit: BudgetLimit): Unknown {
  if (limit === 'size' || !ctx.state.exhausted) reportBudget(ctx.errors, limit, undefined);
  if (limit === 'steps') ctx.state.exhausted = true;
  return new Unknown('(value over the evaluation budget)', { kind: 'limit', limit });
}

/**
 * The top-level evaluation of one string in a scope (what evaluateValue does for a string).
 * Not cached per scope: names rarely repeat within a template, and a cache of every distinct
 * name cost more than it saved (the corpus check was no faster with it, and a template of
 * 50,000 resources took 190 ms with it against 140 ms without).
 */
export function evaluateTopLevelString(raw: string, scope: ScopeImpl): { value: ArmValue; errors: ExpressionError[] } {
  const errors: ExpressionError[] = [];
  const value = evaluateString(raw, scope, errors, newEvalState(scope.budget), NO_COPY, true);
  return { value, errors: dedupe(errors) };
}

/** The same problem met twice (a variable used twice) is reported once. */
export function dedupe(errors: ExpressionError[]): ExpressionError[] {
  if (errors.length < 2) return errors;
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.offset ?? ''}|${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function evaluateString(
  raw: string,
  scope: ScopeImpl,
  errors: ExpressionError[],
  state: EvalState,
  copy: readonly CopyBinding[],
  withOffsets: boolean,
): ArmValue {
  // Only '[...]' is an expression; inside it, '[[' escapes a literal string ("[[x]" is "[x]").
  if (raw.length < 2 || !raw.startsWith('[') || !raw.endsWith(']')) return raw;
  if (raw.startsWith('[[')) return raw.slice(1);
  const parsed = parseExpression(raw);
  if (!parsed.ok) {
    const { syntax, offset } = parsed.error;
    errors.push(staticError({ code: 'syntax', ...syntax }, withOffsets ? offset : undefined));
    return new Unknown(scope.spelling?.spellExpression(raw, 1, raw.length - 1) ?? raw.slice(1, -1).trim(), { kind: 'invalid' });
  }
  const frame: Frame = { scope, source: raw, errors, withOffsets, copy, state };
  // Unknown function names are reported even in branches that are never evaluated.
  if (parsed.unknownFunctions !== undefined) reportUnknownFunctions(parsed.unknownFunctions, frame);
  return evaluateNode(parsed.node, frame);
}

/** Calls to functions ARM does not have, in source order. */
function reportUnknownFunctions(calls: readonly CallNode[], frame: Frame): void {
  for (const call of calls) reportStatic(frame, { code: 'unknown-function', name: callName(call, frame) }, call.start);
}

export interface CopyEntry {
  name: string;
  count: unknown;
  input: unknown;
}

/** A copy loop entry `{ "name": …, "count": …, "input": … }` (any case), or undefined. */
export function copyEntryOf(value: unknown): CopyEntry | undefined {
  if (!isRecord(value)) return undefined;
  const name = propertyOf(value, 'name');
  if (typeof name !== 'string' || !hasProperty(value, 'count') || !hasProperty(value, 'input')) return undefined;
  return { name, count: propertyOf(value, 'count'), input: propertyOf(value, 'input') };
}

function evaluateObject(raw: Record<string, unknown>, ctx: RawContext): ArmObject {
  const out: ArmObject = {};
  for (const key of Object.keys(raw)) {
    const item = raw[key];
    // Property iteration: "copy": [{ "name": "disks", "count": 2, "input": {...} }] builds "disks".
    const entries = key.toLowerCase() === 'copy' && Array.isArray(item) && item.length > 0 ? item.map(copyEntryOf) : undefined;
    if (entries !== undefined && entries.every((e) => e !== undefined)) {
      for (const entry of entries) setProperty(out, entry.name, expandCopy(entry, ctx, `copy('${entry.name}')`));
      continue;
    }
    setProperty(out, key, evaluateRaw(item, ctx));
  }
  return out;
}

/** The array a copy entry produces, or Unknown(unknownText) when its count is not static. */
export function expandCopy(entry: CopyEntry, ctx: RawContext, unknownText: string): ArmValue {
  const count = evaluateRaw(entry.count, ctx);
  if (count instanceof Unknown) return new Unknown(unknownText, { kind: 'copy-loop', name: entry.name });
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    ctx.errors.push({ message: `copy '${entry.name}': count must be a non-negative integer, got ${typeName(count)}` });
    return new Unknown(unknownText, { kind: 'invalid' });
  }
  if (count > MAX_COPY_COUNT) {
    ctx.errors.push({ message: `copy '${entry.name}': count ${count} exceeds ARM's limit of ${MAX_COPY_COUNT}` });
    return new Unknown(unknownText, { kind: 'limit', limit: 'copy-count' });
  }
  const items: ArmValue[] = [];
  const name = entry.name.toLowerCase();
  for (let index = 0; index < count; index++) {
    items.push(evaluateRaw(entry.input, { ...ctx, copy: [...ctx.copy, { name, index }] }));
  }
  return items;
}

function nodeText(node: Node, frame: Frame): string {
  return sourceText(frame, node.start, node.end);
}

function evaluateNode(node: Node, frame: Frame): ArmValue {
  // A literal is part of the expression text: no work, no budget.
  if (node.kind === 'string' || node.kind === 'number') return node.value;
  if (++frame.state.depth > MAX_DEPTH) {
    frame.state.depth--;
    report(frame, `expression nests deeper than ${MAX_DEPTH} levels`, node.start);
    return new Unknown(nodeText(node, frame), { kind: 'limit', limit: 'depth' });
  }
  try {
    if (!spend(frame.state, 1)) return overBudget(node, frame, 'steps');
    switch (node.kind) {
      case 'call':
        return bounded(evaluateCall(node, frame), node, frame);
      case 'property':
        return bounded(accessProperty(evaluateNode(node.target, frame), node.name, node.start, node.end, frame), node, frame);
      case 'index':
        return bounded(accessIndex(evaluateNode(node.target, frame), evaluateNode(node.index, frame), node.start, node.end, frame), node, frame);
    }
  } finally {
    frame.state.depth--;
  }
}

/** The value, or an Unknown when it is larger than the budget keeps (measured, not walked). */
function bounded(value: ArmValue, node: Node, frame: Frame): ArmValue {
  if (typeof value === 'string') return value.length > MAX_VALUE_SIZE ? overBudget(node, frame, 'size') : value;
  if (typeof value !== 'object' || value === null) return value;
  return sizeOf(value) > MAX_VALUE_SIZE ? overBudget(node, frame, 'size') : value;
}

/** Unknown at a bound of the budget; steps run out once per evaluation, so that is said once. */
export function overBudget(node: Node, frame: Frame, limit: BudgetLimit): Unknown {
  if (limit === 'size' || !frame.state.exhausted) reportBudget(frame.errors, limit, frame.withOffsets ? node.start : undefined);
  if (limit === 'steps') frame.state.exhausted = true;
  return new Unknown(nodeText(node, frame), { kind: 'limit', limit });
}

/** The function's name as written. */
function callName(node: CallNode, frame: Frame): string {
  return frame.source.slice(node.nameStart, node.nameEnd);
}

function evaluateCall(node: CallNode, frame: Frame): ArmValue {
  if (node.namespace !== undefined) {
    // User-defined functions (Bicep `functions`): not evaluated, but their arguments are checked.
    const inputs = node.args.map((arg) => evaluateNode(arg, frame));
    return new Unknown(nodeText(node, frame), { kind: 'call', fn: callName(node, frame), inputs, namespace: node.namespace });
  }
  const spec = node.resolved;
  if (typeof spec === 'object') {
    const call = new CallImpl(node, frame);
    const count = node.args.length;
    if (count < spec.minArgs || count > spec.maxArgs) return call.reject(arity(call.name, spec.minArgs, spec.maxArgs, count));
    return spec.impl(call);
  }
  if (spec === 'known') {
    // A function only the deployment can evaluate (reference(), list*(), utcNow(), …).
    const inputs = node.args.map((arg) => evaluateNode(arg, frame));
    return new Unknown(nodeText(node, frame), { kind: 'call', fn: callName(node, frame), inputs });
  }
  return new Unknown(nodeText(node, frame), { kind: 'invalid' }); // an unknown function: reported once the string is parsed
}

/** A wrong argument count; a function without an upper bound (maxArgs Infinity, which JSON cannot write) has no `max`. */
function arity(name: string, min: number, max: number, got: number): ExpressionDiagnostic {
  return max === Infinity ? { code: 'arity', function: name, min, got } : { code: 'arity', function: name, min, max, got };
}

class CallImpl implements Call {
  readonly frame: Frame;
  private readonly node: CallNode;
  /** Argument values by index, once evaluated (undefined is no ArmValue: not evaluated yet). */
  private readonly values: (ArmValue | undefined)[] = [];

  constructor(node: CallNode, frame: Frame) {
    this.node = node;
    this.frame = frame;
  }

  get name(): string {
    return callName(this.node, this.frame);
  }

  get text(): string {
    return nodeText(this.node, this.frame);
  }

  get argCount(): number {
    return this.node.args.length;
  }

  arg(i: number): ArmValue {
    const node = this.node.args[i];
    if (node === undefined) return null;
    if (node.kind === 'string' || node.kind === 'number') return node.value; // costs nothing to walk more than the text
    const cached = this.values[i];
    if (cached !== undefined) return cached;
    let value = evaluateNode(node, this.frame);
    // What the function may walk: an argument costs its size.
    if (!spend(this.frame.state, sizeOf(value))) value = overBudget(node, this.frame, 'steps');
    this.values[i] = value;
    return value;
  }

  args(): ArmValue[] {
    return this.node.args.map((_, i) => this.arg(i));
  }

  afford(units: number): boolean {
    return spend(this.frame.state, units);
  }

  overBudget(limit: BudgetLimit): Unknown {
    return overBudget(this.node, this.frame, limit);
  }

  fail(message: string): Unknown {
    report(this.frame, message, this.node.start);
    return new Unknown(this.text, { kind: 'invalid' });
  }

  reject(diagnostic: ExpressionDiagnostic): Unknown {
    reportStatic(this.frame, diagnostic, this.node.start);
    return new Unknown(this.text, { kind: 'invalid' });
  }

  unknown(maxLength?: number): Unknown {
    return new Unknown(this.text, { kind: 'call', fn: this.name, inputs: this.evaluatedArgs() }, maxLength);
  }

  /** The arguments evaluated so far (literals count as evaluated): what an unknown result came from. */
  private evaluatedArgs(): ArmValue[] {
    const inputs: ArmValue[] = [];
    this.node.args.forEach((node, i) => {
      if (node.kind === 'string' || node.kind === 'number') inputs.push(node.value);
      else {
        const value = this.values[i];
        if (value !== undefined) inputs.push(value);
      }
    });
    return inputs;
  }
}
