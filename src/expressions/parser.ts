// Parser for ARM template expressions ("[concat('a', variables('b').c)]").
// It follows ARM's own scanner and parser (Azure.ResourceManager.Deployments.Expression, published
// in early Azure/bicep as src/Arm.Expression/Parsers): an expression is a string literal, a 32-bit
// integer or a function call, and only a call may be followed by `.name` or `[index]`. There are
// no boolean, null or decimal literals: ARM writes true(), false(), null() and json('1.5').
// Tokens are read by scanner.ts. Trees are not cached: within one run a cache of trees by source text (63% hits on
// the corpus) was no faster, because parsing a name costs about what the lookup and the retained
// trees cost the garbage collector, and slower on large templates (50,000 distinct names: 166 ms
// with it, 125 ms without).
import type { CallNode, Node } from './ast.ts';
import type { SyntaxProblem } from './diagnostics.ts';
import { resolveFunctionName } from './functions/registry.ts';
import { CLOSE_BRACKET, CLOSE_PAREN, COMMA, DOT, OPEN_BRACKET, OPEN_PAREN, QUOTE, Scanner, SyntaxFailure, isIdentStart, isNumberStart } from './scanner.ts';

export interface ParseFailure {
  syntax: SyntaxProblem;
  /** 0-based offset inside the JSON string value. */
  offset: number;
}

/**
 * `unknownFunctions` lists the calls of functions ARM does not have, in source order (undefined
 * when there are none), so that they are reported even in branches that are never evaluated.
 */
export type ParseResult = { ok: true; node: Node; unknownFunctions: readonly CallNode[] | undefined } | { ok: false; error: ParseFailure };

const MAX_NESTING = 200;

/**
 * True for a string ARM evaluates as an expression: it starts with '[' and ends with ']', and is
 * not the `[[...]` escape (whose value is the string without its first '[').
 */
export function isExpressionString(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(0) === OPEN_BRACKET && s.charCodeAt(s.length - 1) === CLOSE_BRACKET && s.charCodeAt(1) !== OPEN_BRACKET;
}

/** Parses an expression string (including its brackets). Never throws. */
export function parseExpression(source: string): ParseResult {
  try {
    const node = parser.parse(source);
    return { ok: true, node, unknownFunctions: parser.unknownFunctions };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ok: false, error: { syntax: error.syntax, offset: error.offset } };
  } finally {
    parser.release();
  }
}

const NO_ARGS: readonly Node[] = Object.freeze([]);

/** One parser for every expression (parsing never re-enters itself), so a parse allocates only its tree. */
class Parser extends Scanner {
  private nesting = 0;
  /** Whether the last argument parseArgument() read ended its call. */
  private closed = false;
  unknownFunctions: CallNode[] | undefined;

  parse(src: string): Node {
    this.reset(src);
    this.nesting = 0;
    this.unknownFunctions = undefined;
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure({ problem: 'empty-expression' }, this.pos);
    const node = this.parseExpression();
    this.skipSpace();
    if (this.pos < this.end) throw this.unexpected();
    return node;
  }

  /** Drops the source and the list, so that the parser holds on to nothing between parses. */
  release(): void {
    this.src = '';
    this.unknownFunctions = undefined;
  }

  /** A string literal, an integer, or a call with its property and index accesses. */
  private parseExpression(): Node {
    if (++this.nesting > MAX_NESTING) throw new SyntaxFailure({ problem: 'too-deep', limit: MAX_NESTING }, this.pos);
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure({ problem: 'unexpected-end' }, this.pos);
    const c = this.src.charCodeAt(this.pos);
    const start = this.pos;
    let node: Node;
    if (c === QUOTE) {
      const value = this.readString();
      node = { kind: 'string', start, end: this.pos, value };
    } else if (isNumberStart(c)) {
      const value = this.readNumber();
      node = { kind: 'number', start, end: this.pos, value };
    } else if (isIdentStart(c)) {
      node = this.parseAccesses(this.parseCall());
    } else {
      throw this.unexpected();
    }
    this.nesting--;
    return node;
  }

  private parseAccesses(call: CallNode): Node {
    let node: Node = call;
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === DOT) {
        this.pos++;
        this.skipSpace();
        const nameStart = this.pos;
        const name = this.readIdentifier();
        if (name === '') throw new SyntaxFailure({ problem: 'expected-property-name' }, nameStart);
        node = { kind: 'property', start: node.start, end: this.pos, target: node, name };
      } else if (c === OPEN_BRACKET) {
        this.pos++;
        const index = this.parseExpression();
        this.skipSpace();
        if (this.peek() !== CLOSE_BRACKET) throw this.expected('close-bracket');
        this.pos++;
        node = { kind: 'index', start: node.start, end: this.pos, target: node, index };
      } else {
        return node;
      }
    }
  }

  /** `name(...)` or, for user-defined functions, `namespace.name(...)`. */
  private parseCall(): CallNode {
    const start = this.pos;
    this.skipIdentifier();
    let nameStart = start;
    let nameEnd = this.pos;
    this.skipSpace();
    let namespace: string | undefined;
    if (this.peek() === DOT) {
      namespace = this.src.slice(start, nameEnd);
      this.pos++;
      this.skipSpace();
      nameStart = this.pos;
      this.skipIdentifier();
      nameEnd = this.pos;
      if (nameEnd === nameStart) throw new SyntaxFailure({ problem: 'expected-function-name', namespace }, nameStart);
      this.skipSpace();
    }
    if (this.peek() !== OPEN_PAREN) throw this.notACall(start, namespace, this.src.slice(nameStart, nameEnd));
    this.pos++;
    const resolved = namespace === undefined ? (resolveFunctionName(this.src.slice(nameStart, nameEnd)) ?? 'unknown') : undefined;
    const node: CallNode = { kind: 'call', start, end: start, nameStart, nameEnd, namespace, args: NO_ARGS, resolved };
    // Listed before its arguments are parsed, so the list is in source order.
    if (resolved === 'unknown') (this.unknownFunctions ??= []).push(node);
    node.args = this.parseArguments();
    node.end = this.pos;
    return node;
  }

  private notACall(start: number, namespace: string | undefined, name: string): SyntaxFailure {
    if (namespace !== undefined) return new SyntaxFailure({ problem: 'expected-parenthesis', call: `${namespace}.${name}`, ...this.found() }, this.pos);
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') return new SyntaxFailure({ problem: 'bare-literal', name }, start);
    return new SyntaxFailure({ problem: 'unexpected-identifier', name }, start);
  }

  private parseArguments(): readonly Node[] {
    this.skipSpace();
    if (this.peek() === CLOSE_PAREN) {
      this.pos++;
      return NO_ARGS;
    }
    const args: Node[] = [];
    do args.push(this.parseArgument());
    while (!this.closed);
    return args;
  }

  /** One argument and the ',' or ')' after it; sets `closed` when that was ')'. */
  private parseArgument(): Node {
    const node = this.parseExpression();
    this.skipSpace();
    const c = this.peek();
    if (c !== COMMA && c !== CLOSE_PAREN) throw this.expected('argument-end');
    this.pos++;
    this.closed = c === CLOSE_PAREN;
    return node;
  }
}

const parser = new Parser();
