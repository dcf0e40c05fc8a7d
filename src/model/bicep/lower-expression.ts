// Bicep expressions as ARM expressions, the evaluator's input: Bicep compiles to ARM JSON and its
// functions are ARM's, so `'pid-${id}-${uniqueString(location)}'` becomes
// `format('pid-{0}-{1}', parameters('id'), uniqueString(parameters('location')))`, as the Bicep
// compiler writes it. What has no ARM equivalent here (user-defined functions, imported symbols,
// lambdas, `for` expressions) becomes a call in the `bicep` namespace, which the evaluator treats
// as a value known only at deployment, never as an error. While a string value is lowered, each
// ARM expression written is noted with the Bicep text it came from, so that messages say what the
// author wrote (`trackingId`, not `parameters('trackingId')`).
import { isArmFunctionName } from '../../expressions/index.ts';
import { dependenciesOf, type ArmValue, type Unknown } from '../../expressions/value.ts';
import { namedChildren, stringParts, type SyntaxNode } from './syntax.ts';

export type BicepSymbol =
  { kind: 'param' | 'var' | 'module' | 'function' | 'import' | 'other' } | { kind: 'resource'; type: string; apiVersion: string; declaration: SyntaxNode };

/** How identifiers resolve: the file's symbols, and the names a resource's own loop binds. */
export interface SymbolResolver {
  symbol(name: string): BicepSymbol | undefined;
  /** The ARM expression of a resource's name (its loop's bindings applied), or undefined in a cycle. */
  resourceName(name: string): string | undefined;
}

const OPERATORS: Readonly<Record<string, string>> = {
  '&&': 'and',
  '||': 'or',
  '==': 'equals',
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
  '??': 'coalesce',
};

/** Bicep's own namespaces: `az.resourceGroup()` is `resourceGroup()`. */
const NAMESPACES = new Set(['az', 'sys']);

/**
 * What a value depends on that the lowering left to a `bicep.` call (an imported symbol, a
 * load…Content() file, a user-defined function, a lambda): not evaluated, but known when the file
 * is compiled, so not "known only at deployment". Their texts as written, each once.
 */
export function notEvaluatedInBicep(value: ArmValue): string[] {
  const texts = new Set<string>();
  for (const unknown of dependenciesOf(value)) if (isBicepOnly(unknown)) texts.add(unknown.text);
  return [...texts];
}

function isBicepOnly(unknown: Unknown): boolean {
  return unknown.cause.kind === 'call' && unknown.cause.namespace?.toLowerCase() === 'bicep';
}

/** Source texts longer than this are not kept for messages (a large object literal would be copied for each level). */
const MAX_SPELLED = 2000;

/** ARM expression text → the Bicep text it was lowered from. */
export type Spellings = Map<string, string>;

/** A node's source text as messages show it (on one line), or undefined when it is too long to keep. */
export function spelledText(node: SyntaxNode): string | undefined {
  if (node.endIndex - node.startIndex > MAX_SPELLED) return undefined;
  const text = node.text;
  return text.includes('\n') ? text.replace(/\s*\r?\n\s*/g, ' ') : text;
}

/** An ARM string literal. */
export function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A plain string value as ARM reads it: one that looks like an expression is escaped with '[['. */
export function literalValue(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? `[${text}` : text;
}

export class ExpressionLowering {
  private readonly symbols: SymbolResolver;
  /** Loop and lambda variables in scope, innermost last: name → ARM expression. */
  private readonly bindings: Map<string, string>[] = [];
  /** The spellings being recorded, innermost last. */
  private readonly recorders: Spellings[] = [];

  constructor(symbols: SymbolResolver) {
    this.symbols = symbols;
  }

  /** Runs `body` with the names bound (a loop's item and index). */
  withBindings<T>(bound: Map<string, string>, body: () => T): T {
    this.bindings.push(bound);
    try {
      return body();
    } finally {
      this.bindings.pop();
    }
  }

  /**
   * Runs `lower`, recording how the Bicep source spells each ARM expression it writes; what is
   * recorded is also the enclosing recording's (the first spelling of an expression stays).
   */
  recording<T>(lower: () => T): { result: T; spelled: Spellings } {
    const spelled: Spellings = new Map();
    this.recorders.push(spelled);
    try {
      return { result: lower(), spelled };
    } finally {
      this.recorders.pop();
      this.replay(spelled);
    }
  }

  /** Spellings recorded earlier (a cached name) count for what is being recorded now. */
  replay(spelled: ReadonlyMap<string, string>): void {
    const recorder = this.recorders.at(-1);
    if (recorder) for (const [arm, text] of spelled) if (!recorder.has(arm)) recorder.set(arm, text);
  }

  /** Notes that the ARM expression `arm` is how the lowering wrote the Bicep `node`. */
  note(arm: string, node: SyntaxNode): void {
    const recorder = this.recorders.at(-1);
    if (!recorder || recorder.has(arm)) return;
    const written = spelledText(node);
    // What equals its lowering needs no spelling.
    if (written !== undefined && written !== arm) recorder.set(arm, written);
  }

  /** The ARM expression (without brackets) for a Bicep expression. */
  expression(node: SyntaxNode, depth = 0): string {
    const arm = this.lowered(node, depth);
    this.note(arm, node);
    return arm;
  }

  private lowered(node: SyntaxNode, depth: number): string {
    if (depth > 200) return 'bicep.tooDeep()';
    // What the grammar could not read is reported (CUA013) and evaluates to unknown, never to a guess.
    if (node.hasError) return 'bicep.unread()';
    const next = (child: SyntaxNode | null | undefined): string => (child ? this.expression(child, depth + 1) : 'null()');
    switch (node.type) {
      case 'string':
        return this.stringExpression(node, depth);
      case 'number':
        return /^-?\d+$/.test(node.text) ? node.text : 'bicep.number()';
      case 'boolean':
        return node.text === 'true' ? 'true()' : 'false()';
      case 'null':
        return 'null()';
      case 'identifier':
        return this.identifier(node.text);
      case 'parenthesized_expression':
        return next(namedChildren(node)[0]);
      case 'ternary_expression':
        return `if(${next(node.childForFieldName('condition'))}, ${next(node.childForFieldName('consequence'))}, ${next(node.childForFieldName('alternative'))})`;
      case 'binary_expression':
        return this.binary(node, next);
      case 'unary_expression': {
        const operator = node.childForFieldName('operator')?.type;
        const argument = next(node.childForFieldName('argument'));
        return operator === '!' ? `not(${argument})` : `sub(0, ${argument})`;
      }
      case 'member_expression':
        return this.member(node, next);
      case 'subscript_expression': {
        const object = node.childForFieldName('object');
        const symbol = object?.type === 'identifier' ? this.symbols.symbol(object.text) : undefined;
        if (symbol?.kind === 'resource' || symbol?.kind === 'module') return `reference(${quote(object?.text ?? '')})`;
        return `${next(object)}[${next(node.childForFieldName('index'))}]`;
      }
      case 'call_expression':
        return this.call(node, next);
      case 'object': {
        const args = objectProperties(node).flatMap((p) => [quote(p.key), next(p.value)]);
        return `createObject(${args.join(', ')})`;
      }
      case 'array':
        return `createArray(${namedChildren(node)
          .filter((c) => c.type !== 'decorators')
          .map((c) => next(c))
          .join(', ')})`;
      case 'for_statement':
        return 'bicep.for()';
      case 'lambda_expression':
        return 'bicep.lambda()';
      default:
        return `bicep.${identifierFor(node.type)}()`;
    }
  }

  private stringExpression(node: SyntaxNode, depth: number): string {
    const parts = stringParts(node);
    if (parts.every((p) => p.kind === 'text')) return quote(parts.map((p) => p.text).join(''));
    let format = '';
    const args: string[] = [];
    for (const part of parts) {
      if (part.kind === 'text') format += part.text.replaceAll('{', '{{').replaceAll('}', '}}');
      else {
        format += `{${args.length}}`;
        args.push(this.expression(part.node, depth + 1));
      }
    }
    return `format(${[quote(format), ...args].join(', ')})`;
  }

  private identifier(name: string): string {
    for (let i = this.bindings.length - 1; i >= 0; i--) {
      const bound = this.bindings[i]?.get(name);
      if (bound !== undefined) return bound;
    }
    const symbol = this.symbols.symbol(name);
    switch (symbol?.kind) {
      case 'param':
        return `parameters(${quote(name)})`;
      case 'var':
        return `variables(${quote(name)})`;
      case 'resource':
      case 'module':
        return `reference(${quote(name)})`;
      default:
        return `bicep.${identifierFor(name)}()`;
    }
  }

  private binary(node: SyntaxNode, next: (n: SyntaxNode | null) => string): string {
    const operator = node.childForFieldName('operator')?.type ?? '';
    const left = next(node.childForFieldName('left'));
    const right = next(node.childForFieldName('right'));
    if (operator === '!=') return `not(equals(${left}, ${right}))`;
    if (operator === '=~') return `equals(toLower(${left}), toLower(${right}))`;
    if (operator === '!~') return `not(equals(toLower(${left}), toLower(${right})))`;
    const fn = OPERATORS[operator];
    return fn === undefined ? 'bicep.operator()' : `${fn}(${left}, ${right})`;
  }

  private member(node: SyntaxNode, next: (n: SyntaxNode | null) => string): string {
    const object = node.childForFieldName('object');
    const property = node.childForFieldName('property')?.text ?? '';
    const base = object?.type === 'subscript_expression' ? object.childForFieldName('object') : object;
    if (base?.type === 'identifier' && this.isUnbound(base.text)) {
      const symbol = this.symbols.symbol(base.text);
      if (symbol?.kind === 'resource') {
        if (property === 'name') return this.symbols.resourceName(base.text) ?? 'bicep.cycle()';
        if (property === 'type') return quote(symbol.type);
        if (property === 'apiVersion') return quote(symbol.apiVersion);
      }
      if (symbol?.kind === 'resource' || symbol?.kind === 'module') {
        const reference = `reference(${quote(base.text)})`;
        this.note(reference, base);
        return `${reference}.${property}`;
      }
      if (symbol === undefined && NAMESPACES.has(base.text)) return `bicep.${identifierFor(property)}()`;
    }
    if (object === null || !/^[A-Za-z_$][\w$]*$/.test(property)) return 'bicep.member()';
    return `${next(object)}.${property}`;
  }

  private call(node: SyntaxNode, next: (n: SyntaxNode | null) => string): string {
    const fn = node.childForFieldName('function');
    const args = namedChildren(node.childForFieldName('arguments') ?? node).filter((c) => c.id !== fn?.id);
    const argText = args.map((a) => next(a)).join(', ');
    let name: string | undefined;
    if (fn?.type === 'identifier' && this.isUnbound(fn.text) && this.symbols.symbol(fn.text) === undefined) name = fn.text;
    else if (fn?.type === 'member_expression') {
      const object = fn.childForFieldName('object');
      if (object?.type === 'identifier' && NAMESPACES.has(object.text) && this.symbols.symbol(object.text) === undefined)
        name = fn.childForFieldName('property')?.text;
    }
    if (name === 'any' && args.length === 1) return argText;
    if (name !== undefined && isArmFunctionName(name)) return `${name}(${argText})`;
    const called = name ?? (fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.text) ?? 'call';
    return `bicep.${identifierFor(called)}(${argText})`;
  }

  private isUnbound(name: string): boolean {
    return !this.bindings.some((b) => b.has(name));
  }
}

/** A name usable after `bicep.` in an ARM expression. */
function identifierFor(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

export interface ObjectProperty {
  key: string;
  keyNode: SyntaxNode;
  value: SyntaxNode;
  property: SyntaxNode;
}

/** The properties of an object literal whose key can be read (nested resource declarations are not properties). */
export function objectProperties(node: SyntaxNode): ObjectProperty[] {
  const out: ObjectProperty[] = [];
  for (const property of namedChildren(node)) {
    if (property.type !== 'object_property') continue;
    const children = namedChildren(property);
    const keyNode = children[0];
    const value = children[children.length - 1];
    if (!keyNode || !value || keyNode.id === value.id) continue;
    const key = keyText(keyNode);
    if (key !== undefined) out.push({ key, keyNode, value, property });
  }
  return out;
}

function keyText(node: SyntaxNode): string | undefined {
  if (node.type === 'identifier' || node.type === 'compatible_identifier') return node.text;
  if (node.type === 'string') {
    const parts = stringParts(node);
    return parts.every((p) => p.kind === 'text') ? parts.map((p) => (p.kind === 'text' ? p.text : '')).join('') : undefined;
  }
  return undefined;
}
