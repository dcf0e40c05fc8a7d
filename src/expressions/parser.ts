// Parser for ARM template expressions ("[concat('a', variables('b').c)]").
// A hand-written charCode scanner: the engine parses every resource name of hundreds of
// templates, so no regexes in the loop. Trees are not cached: within one run a cache of trees by
// source text (63% hits on the corpus) was no faster, because parsing a name costs about what the
// lookup and the retained trees cost the garbage collector, and slower on large templates (50,000
// distinct names: 166 ms with it, 125 ms without).
import type { CallNode, Node } from './ast.ts';

export interface ParseFailure {
  message: string;
  /** 0-based offset inside the JSON string value. */
  offset: number;
}

/** `calls` lists every call in the tree, so checks over all calls need no walk of their own. */
export type ParseResult = { ok: true; node: Node; calls: readonly CallNode[] } | { ok: false; error: ParseFailure };

const MAX_NESTING = 200;

const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const QUOTE = 0x27; // '
const COMMA = 0x2c;
const DOT = 0x2e;
const MINUS = 0x2d;

/** True for a string ARM treats as an expression: `[...]`, but not the `[[` escape. */
export function isExpressionString(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(0) === OPEN_BRACKET && s.charCodeAt(s.length - 1) === CLOSE_BRACKET && s.charCodeAt(1) !== OPEN_BRACKET;
}

/** True for the `[[...` escape: the value is the string without its first '['. */
export function isEscapedBracket(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(0) === OPEN_BRACKET && s.charCodeAt(1) === OPEN_BRACKET;
}

/** Parses an expression string (including its brackets). Never throws. */
export function parseExpression(source: string): ParseResult {
  try {
    const parser = new Parser(source);
    const node = parser.parse();
    return { ok: true, node, calls: parser.calls };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ok: false, error: { message: error.message, offset: error.offset } };
  }
}

class SyntaxFailure extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isIdentStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

class Parser {
  private readonly src: string;
  private pos = 1; // just after the opening '['
  private readonly end: number; // offset of the closing ']'
  private nesting = 0;
  readonly calls: CallNode[] = [];

  constructor(src: string) {
    this.src = src;
    this.end = src.length - 1;
  }

  parse(): Node {
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure('empty expression', this.pos);
    const node = this.parseExpression();
    this.skipSpace();
    if (this.pos < this.end) throw this.unexpected();
    return node;
  }

  private parseExpression(): Node {
    if (++this.nesting > MAX_NESTING) throw new SyntaxFailure(`expression nests deeper than ${MAX_NESTING} levels`, this.pos);
    let node = this.parsePrimary();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) break;
      const c = this.src.charCodeAt(this.pos);
      if (c === DOT) {
        this.pos++;
        this.skipSpace();
        const nameStart = this.pos;
        const name = this.readIdentifier();
        if (name === '') throw new SyntaxFailure('expected a property name after \'.\'', nameStart);
        node = { kind: 'property', target: node, name, start: node.start, end: this.pos };
      } else if (c === OPEN_BRACKET) {
        this.pos++;
        this.skipSpace();
        const index = this.parseExpression();
        this.skipSpace();
        if (this.pos >= this.end || this.src.charCodeAt(this.pos) !== CLOSE_BRACKET) throw this.expected("']'");
        this.pos++;
        node = { kind: 'index', target: node, index, start: node.start, end: this.pos };
      } else {
        break;
      }
    }
    this.nesting--;
    return node;
  }

  private parsePrimary(): Node {
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure('unexpected end of expression', this.pos);
    const start = this.pos;
    const c = this.src.charCodeAt(start);
    if (c === QUOTE) return this.parseString();
    if (isDigit(c) || (c === MINUS && this.pos + 1 < this.end && isDigit(this.src.charCodeAt(this.pos + 1)))) return this.parseNumber();
    if (isIdentStart(c)) return this.parseIdentifier();
    throw this.unexpected();
  }

  private parseString(): Node {
    const start = this.pos;
    let value = '';
    let chunkStart = start + 1;
    for (;;) {
      // indexOf jumps to the next quote (string literals are most of an expression's text). The
      // closing ']' cannot end a string: a quote must come first.
      const quote = this.src.indexOf("'", chunkStart);
      if (quote === -1 || quote >= this.end) throw new SyntaxFailure('unterminated string literal', start);
      if (quote + 1 < this.end && this.src.charCodeAt(quote + 1) === QUOTE) {
        value += this.src.slice(chunkStart, quote + 1); // '' is an escaped quote
        chunkStart = quote + 2;
        continue;
      }
      value += this.src.slice(chunkStart, quote);
      this.pos = quote + 1;
      return { kind: 'string', value, start, end: this.pos };
    }
  }

  private parseNumber(): Node {
    const start = this.pos;
    if (this.src.charCodeAt(this.pos) === MINUS) this.pos++;
    while (this.pos < this.end && isDigit(this.src.charCodeAt(this.pos))) this.pos++;
    if (this.pos + 1 < this.end && this.src.charCodeAt(this.pos) === DOT && isDigit(this.src.charCodeAt(this.pos + 1))) {
      this.pos++;
      while (this.pos < this.end && isDigit(this.src.charCodeAt(this.pos))) this.pos++;
    }
    if (this.pos < this.end && isIdentPart(this.src.charCodeAt(this.pos))) throw this.unexpected();
    return { kind: 'number', value: Number(this.src.slice(start, this.pos)), start, end: this.pos };
  }

  private parseIdentifier(): Node {
    const start = this.pos;
    const name = this.readIdentifier();
    this.skipSpace();
    let namespace: string | undefined;
    let member = name;
    // `ns.fn(...)` is a user-defined function; `fn().x` is handled as property access later.
    if (this.peek() === DOT) {
      const save = this.pos;
      this.pos++;
      this.skipSpace();
      const second = this.readIdentifier();
      this.skipSpace();
      if (second !== '' && this.peek() === OPEN_PAREN) {
        namespace = name;
        member = second;
      } else {
        this.pos = save;
      }
    }
    if (this.peek() === OPEN_PAREN) {
      this.pos++;
      // Listed before its arguments are parsed, so `calls` is in source order.
      const node: CallNode = { kind: 'call', name: member, namespace, args: [], start, end: start, resolved: undefined, text: undefined };
      this.calls.push(node);
      node.args = this.parseArguments();
      node.end = this.pos;
      return node;
    }
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') {
      return { kind: 'literal', value: lower === 'null' ? null : lower === 'true', start, end: start + name.length };
    }
    throw new SyntaxFailure(`unexpected identifier '${name}' (function calls need parentheses)`, start);
  }

  private parseArguments(): Node[] {
    const args: Node[] = [];
    this.skipSpace();
    if (this.peek() === CLOSE_PAREN) {
      this.pos++;
      return args;
    }
    for (;;) {
      args.push(this.parseExpression());
      this.skipSpace();
      const c = this.peek();
      if (c === COMMA) {
        this.pos++;
        continue;
      }
      if (c === CLOSE_PAREN) {
        this.pos++;
        return args;
      }
      throw this.expected("',' or ')'");
    }
  }

  private readIdentifier(): string {
    const start = this.pos;
    if (this.pos < this.end && isIdentStart(this.src.charCodeAt(this.pos))) {
      this.pos++;
      while (this.pos < this.end && isIdentPart(this.src.charCodeAt(this.pos))) this.pos++;
    }
    return this.src.slice(start, this.pos);
  }

  private peek(): number {
    return this.pos < this.end ? this.src.charCodeAt(this.pos) : -1;
  }

  private skipSpace(): void {
    while (this.pos < this.end && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
  }

  private unexpected(): SyntaxFailure {
    if (this.pos >= this.end) return new SyntaxFailure('unexpected end of expression', this.pos);
    return new SyntaxFailure(`unexpected character '${this.src[this.pos] ?? ''}'`, this.pos);
  }

  private expected(what: string): SyntaxFailure {
    if (this.pos >= this.end) return new SyntaxFailure(`expected ${what} before the end of the expression`, this.pos);
    return new SyntaxFailure(`expected ${what} but found '${this.src[this.pos] ?? ''}'`, this.pos);
  }
}
