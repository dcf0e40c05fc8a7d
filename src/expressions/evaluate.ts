// Static evaluation of parsed expressions and of raw template JSON (strings are expressions,
// objects and arrays are walked). Anything only known at deployment becomes an Unknown that
// keeps its source text; problems become ExpressionErrors, never exceptions.
import type { CallNode, Node } from './ast.ts';
import { MAX_DEPTH, report, type CopyBinding, type EvalState, type Frame } from './frame.ts';
import { isEscapedBracket, isExpressionString, parseExpression } from './parser.ts';
import type { ScopeImpl } from './scope.ts';
import type { ExpressionError } from './types.ts';
import { PartialString, Unknown, type ArmValue } from './value.ts';
import { BoundedUnknown, getProperty, isObject, numberText, quote, setProperty, typeName, type ArmObject } from './value-helpers.ts';
import { isKnownArmFunction, lookupFunction } from './functions/registry.ts';
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

export function evaluateRaw(raw: unknown, ctx: RawContext): ArmValue {
  if (typeof raw === 'string') return evaluateString(raw, ctx);
  if (raw === null || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'object') return null;
  if (++ctx.state.depth > MAX_DEPTH) {
    ctx.state.depth--;
    ctx.errors.push({ message: `value nests deeper than ${MAX_DEPTH} levels` });
    return new Unknown('(value nested too deeply)');
  }
  try {
    // Offsets refer to the caller's own string; leaves of objects are other strings.
    const nested: RawContext = ctx.withOffsets ? { ...ctx, withOffsets: false } : ctx;
    if (Array.isArray(raw)) return raw.map((item) => evaluateRaw(item, nested));
    return evaluateObject(raw as Record<string, unknown>, nested);
  } finally {
    ctx.state.depth--;
  }
}

function evaluateString(raw: string, ctx: RawContext): ArmValue {
  if (isEscapedBracket(raw)) return raw.slice(1);
  if (!isExpressionString(raw)) return raw;
  const parsed = parseExpression(raw);
  if (!parsed.ok) {
    const { message, offset } = parsed.error;
    ctx.errors.push(ctx.withOffsets ? { message, offset, kind: 'static' } : { message, kind: 'static' });
    return new Unknown(raw.slice(1, -1).trim());
  }
  const frame: Frame = { scope: ctx.scope, source: raw, errors: ctx.errors, withOffsets: ctx.withOffsets, copy: ctx.copy, state: ctx.state };
  // Unknown function names are reported even in branches that are never evaluated.
  for (const problem of staticProblems(parsed.node)) report(frame, problem.message, problem.offset, 'static');
  return evaluateNode(parsed.node, frame);
}

interface StaticProblem {
  message: string;
  offset: number;
}

const staticCache = new WeakMap<Node, readonly StaticProblem[]>();
const NO_PROBLEMS: readonly StaticProblem[] = [];

/** Problems visible without evaluating: calls to functions ARM does not have. Cached per tree. */
function staticProblems(root: Node): readonly StaticProblem[] {
  const cached = staticCache.get(root);
  if (cached !== undefined) return cached;
  let problems: StaticProblem[] | undefined;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.kind === 'call') {
      const lower = node.name.toLowerCase();
      if (node.namespace === undefined && lookupFunction(lower) === undefined && !isKnownArmFunction(lower)) {
        (problems ??= []).push({ message: `unknown function '${node.name}'`, offset: node.start });
      }
      stack.push(...node.args);
    } else if (node.kind === 'property') {
      stack.push(node.target);
    } else if (node.kind === 'index') {
      stack.push(node.target, node.index);
    }
  }
  const result = problems === undefined ? NO_PROBLEMS : problems.sort((a, b) => a.offset - b.offset);
  staticCache.set(root, result);
  return result;
}

interface CopyEntry {
  name: string;
  count: unknown;
  input: unknown;
}

export function isCopyEntry(value: unknown): value is CopyEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry['name'] === 'string' && 'count' in entry && 'input' in entry;
}

function evaluateObject(raw: Record<string, unknown>, ctx: RawContext): ArmObject {
  const out: ArmObject = {};
  for (const [key, item] of Object.entries(raw)) {
    // Property iteration: "copy": [{ "name": "disks", "count": 2, "input": {...} }] builds "disks".
    if (key.toLowerCase() === 'copy' && Array.isArray(item) && item.length > 0 && item.every(isCopyEntry)) {
      for (const entry of item) setProperty(out, entry.name, expandCopy(entry, ctx, `copy('${entry.name}')`));
      continue;
    }
    setProperty(out, key, evaluateRaw(item, ctx));
  }
  return out;
}

/** The array a copy entry produces, or Unknown(unknownText) when its count is not static. */
export function expandCopy(entry: CopyEntry, ctx: RawContext, unknownText: string): ArmValue {
  const count = evaluateRaw(entry.count, ctx);
  if (count instanceof Unknown) return new Unknown(unknownText);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    ctx.errors.push({ message: `copy '${entry.name}': count must be a non-negative integer, got ${typeName(count)}` });
    return new Unknown(unknownText);
  }
  if (count > MAX_COPY_COUNT) {
    ctx.errors.push({ message: `copy '${entry.name}': count ${count} exceeds ARM's limit of ${MAX_COPY_COUNT}` });
    return new Unknown(unknownText);
  }
  const items: ArmValue[] = [];
  const name = entry.name.toLowerCase();
  for (let index = 0; index < count; index++) {
    items.push(evaluateRaw(entry.input, { ...ctx, copy: [...ctx.copy, { name, index }] }));
  }
  return items;
}

export function nodeText(node: Node, frame: Frame): string {
  return frame.source.slice(node.start, node.end);
}

export function evaluateNode(node: Node, frame: Frame): ArmValue {
  if (++frame.state.depth > MAX_DEPTH) {
    frame.state.depth--;
    report(frame, `expression nests deeper than ${MAX_DEPTH} levels`, node.start);
    return new Unknown(nodeText(node, frame));
  }
  try {
    switch (node.kind) {
      case 'string':
      case 'number':
      case 'literal':
        return node.value;
      case 'call':
        return evaluateCall(node, frame);
      case 'property':
        return accessProperty(evaluateNode(node.target, frame), node.name, node, frame);
      case 'index':
        return accessIndex(evaluateNode(node.target, frame), evaluateNode(node.index, frame), node, frame);
    }
  } finally {
    frame.state.depth--;
  }
}

function accessProperty(target: ArmValue, name: string, node: Node, frame: Frame): ArmValue {
  if (target instanceof Unknown) return new Unknown(`${target.text}.${name}`);
  if (isObject(target)) {
    const value = getProperty(target, name);
    if (value !== undefined) return value;
    report(frame, `property '${name}' does not exist on the object`, node.end - name.length);
    return new Unknown(nodeText(node, frame));
  }
  report(frame, `cannot read property '${name}' of ${describeType(target)}`, node.end - name.length);
  return new Unknown(nodeText(node, frame));
}

function accessIndex(target: ArmValue, index: ArmValue, node: Node, frame: Frame): ArmValue {
  if (index instanceof Unknown || index instanceof PartialString) return new Unknown(nodeText(node, frame));
  if (target instanceof Unknown) {
    if (typeof index === 'number') return new Unknown(`${target.text}[${numberText(index)}]`);
    if (typeof index === 'string') return new Unknown(`${target.text}[${quote(index)}]`);
  }
  if (Array.isArray(target) && typeof index === 'number') {
    const item = Number.isInteger(index) ? target[index] : undefined;
    if (item !== undefined) return item;
    report(frame, `index ${numberText(index)} is out of range for an array of length ${target.length}`, node.start);
    return new Unknown(nodeText(node, frame));
  }
  if (isObject(target) && typeof index === 'string') {
    const value = getProperty(target, index);
    if (value !== undefined) return value;
    report(frame, `property '${index}' does not exist on the object`, node.start);
    return new Unknown(nodeText(node, frame));
  }
  report(frame, `cannot index ${describeType(target)} with ${describeType(index)}`, node.start);
  return new Unknown(nodeText(node, frame));
}

function describeType(value: ArmValue): string {
  const name = typeName(value);
  return name === 'array' || name === 'object' || name === 'int' || name === 'unknown' ? `an ${name}` : `a ${name}`;
}

function evaluateCall(node: CallNode, frame: Frame): ArmValue {
  const text = nodeText(node, frame);
  if (node.namespace !== undefined) {
    // User-defined functions (Bicep `functions`): not evaluated, but their arguments are checked.
    for (const arg of node.args) evaluateNode(arg, frame);
    return new Unknown(text);
  }
  const lower = node.name.toLowerCase();
  const spec = lookupFunction(lower);
  if (spec !== undefined) {
    const call = new CallImpl(node, frame, text);
    const count = node.args.length;
    if (count < spec.minArgs || count > spec.maxArgs) return call.fail(arityMessage(node.name, spec.minArgs, spec.maxArgs, count), 'static');
    return spec.impl(call);
  }
  if (isKnownArmFunction(lower)) {
    for (const arg of node.args) evaluateNode(arg, frame);
    return new Unknown(text);
  }
  return new Unknown(text); // reported by staticProblems()
}

function arityMessage(name: string, min: number, max: number, count: number): string {
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  return `function '${name}' expects ${expected} argument${expected === '1' ? '' : 's'} but got ${count}`;
}

const NOT_EVALUATED = Symbol('not evaluated');

class CallImpl implements Call {
  readonly name: string;
  readonly text: string;
  readonly frame: Frame;
  private readonly node: CallNode;
  private readonly values: (ArmValue | typeof NOT_EVALUATED)[];

  constructor(node: CallNode, frame: Frame, text: string) {
    this.node = node;
    this.frame = frame;
    this.text = text;
    this.name = node.name;
    this.values = node.args.map(() => NOT_EVALUATED);
  }

  get argCount(): number {
    return this.node.args.length;
  }

  arg(i: number): ArmValue {
    const cached = this.values[i];
    if (cached === undefined) return null;
    if (cached !== NOT_EVALUATED) return cached;
    const node = this.node.args[i];
    const value = node === undefined ? null : evaluateNode(node, this.frame);
    this.values[i] = value;
    return value;
  }

  args(): ArmValue[] {
    return this.node.args.map((_, i) => this.arg(i));
  }

  fail(message: string, kind?: 'static'): Unknown {
    report(this.frame, message, this.node.start, kind);
    return new Unknown(this.text);
  }

  unknown(maxLength?: number): Unknown {
    return maxLength === undefined ? new Unknown(this.text) : new BoundedUnknown(this.text, maxLength);
  }
}
