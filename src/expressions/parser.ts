// Parser for ARM template expressions ("[concat('a', variables('b').c)]").
// It follows ARM's own scanner and parser (Azure.ResourceManager.Deployments.Expression, published
// in early Azure/bicep as src/Arm.Expression/Parsers): an expression is a string literal, a 32-bit
// integer or a function call, and only a call may be followed by `.name` or `[index]`. There are
// no boolean, null or decimal literals: ARM writes true(), false(), null() and json('1.5').
// A hand-written charCode scanner: the engine parses every resource name of hundreds of
// templates, so no regexes in the loop. Trees are not cached: within one run a cache of trees by
// source text (63% hits on the corpus) was no faster, because parsing a name costs about what the
// lookup and the retained trees cost the garbage collector, and slower on large templates (50,000
// distinct names: 166 ms with it, 125 ms without).
import type { CallNode, Node } from './ast.ts';
import { foldHash, resolveFunctionName } from './functions/registry.ts';

export interface ParseFailure {
  message: string;
  /** 0-based offset inside the JSON string value. */
  offset: number;
}

/**
 * `unknownFunctions` lists the calls of functions ARM does not have, in source order (undefined
 * when there are none), so that they are reported even in branches that are never evaluated.
 */
export type ParseResult = { ok: true; node: Node; unknownFunctions: readonly CallNode[] | undefined } | { ok: false; error: ParseFailure };

const MAX_NESTING = 200;

const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const QUOTE = 0x27; // '
const COMMA = 0x2c;
const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

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
    return { ok: false, error: { message: error.message, offset: error.offset } };
  } finally {
    parser.release();
  }
}

class SyntaxFailure extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

// Character classes as .NET defines them (char.IsWhiteSpace, char.IsLetterOrDigit, char.IsDigit),
// with an ASCII fast path; other characters go through Unicode property escapes.
const OTHER_SPACE = /[\p{Zs}\p{Zl}\p{Zp}]/u;
const OTHER_LETTER = /\p{L}/u;
const OTHER_DIGIT = /\p{Nd}/u;

function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0x85 || c === 0xa0 || OTHER_SPACE.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** char.IsDigit: ASCII or any other decimal digit (which ARM then fails to read as a number). */
function isAnyDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x80 && OTHER_DIGIT.test(String.fromCharCode(c)));
}

/** At least one digit from `from` on, all ASCII (.NET's int.Parse reads no other digits). */
function asciiDigitsOnly(text: string, from: number): boolean {
  if (text.length <= from) return false;
  for (let i = from; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function isIdentStart(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
  return OTHER_LETTER.test(String.fromCharCode(c));
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isAnyDigit(c);
}

const NO_ARGS: readonly Node[] = Object.freeze([]);

/** One parser for every expression (parsing never re-enters itself), so a parse allocates only its tree. */
class Parser {
  private src = '';
  private pos = 1; // just after the opening '['
  private end = 0; // offset of the closing ']'
  private nesting = 0;
  unknownFunctions: CallNode[] | undefined;

  parse(src: string): Node {
    this.src = src;
    this.pos = 1;
    this.end = src.length - 1;
    this.nesting = 0;
    this.unknownFunctions = undefined;
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure('empty expression', this.pos);
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
    if (++this.nesting > MAX_NESTING) throw new SyntaxFailure(`expression nests deeper than ${MAX_NESTING} levels`, this.pos);
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure('unexpected end of expression', this.pos);
    const c = this.src.charCodeAt(this.pos);
    let node: Node;
    if (c === QUOTE) node = this.parseString();
    else if (c === MINUS || c === PLUS || isAnyDigit(c)) node = this.parseNumber();
    else if (isIdentStart(c)) node = this.parseAccesses(this.parseCall());
    else throw this.unexpected();
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
        if (name === '') throw new SyntaxFailure("expected a property name after '.'", nameStart);
        node = { kind: 'property', start: node.start, end: this.pos, target: node, name };
      } else if (c === OPEN_BRACKET) {
        this.pos++;
        const index = this.parseExpression();
        this.skipSpace();
        if (this.peek() !== CLOSE_BRACKET) throw this.expected("']'");
        this.pos++;
        node = { kind: 'index', start: node.start, end: this.pos, target: node, index };
      } else {
        return node;
      }
    }
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
      return { kind: 'string', start, end: this.pos, value };
    }
  }

  /** [+-]digits, read as ARM reads it: a 32-bit integer; a decimal point or exponent is an error. */
  private parseNumber(): Node {
    const start = this.pos;
    const sign = this.src.charCodeAt(this.pos);
    if (sign === MINUS || sign === PLUS) this.pos++;
    this.skipDigits();
    let decimal = false;
    if (this.peek() === DOT) {
      decimal = true;
      this.pos++;
      this.skipDigits();
    }
    const e = this.peek();
    if ((e === 0x45 || e === 0x65) && this.pos + 1 < this.end) {
      decimal = true;
      const next = this.src.charCodeAt(this.pos + 1);
      this.pos += next === PLUS || next === MINUS ? 2 : 1;
      this.skipDigits();
    }
    if (this.pos < this.end && isIdentPart(this.src.charCodeAt(this.pos))) throw this.unexpected();
    const text = this.src.slice(start, this.pos);
    if (decimal) throw new SyntaxFailure(`ARM expressions have no decimal numbers: '${text}' (write json('${text}'))`, start);
    const value = asciiDigitsOnly(text, sign === MINUS || sign === PLUS ? 1 : 0) ? Number(text) : NaN;
    if (!(value >= INT32_MIN && value <= INT32_MAX)) throw new SyntaxFailure(`'${text}' is not a number ARM reads (32-bit integers only)`, start);
    return { kind: 'number', start, end: this.pos, value: value === 0 ? 0 : value };
  }

  private skipDigits(): void {
    while (this.pos < this.end && isAnyDigit(this.src.charCodeAt(this.pos))) this.pos++;
  }

  /**
   * `name(...)` or, for user-defined functions, `namespace.name(...)`. The name is resolved from
   * the text itself (no string is cut for it): most names in a template are calls.
   */
  private parseCall(): CallNode {
    const start = this.pos;
    let hash = this.scanIdentifier();
    let nameStart = start;
    let nameEnd = this.pos;
    this.skipSpace();
    let namespace: string | undefined;
    if (this.peek() === DOT) {
      namespace = this.src.slice(start, nameEnd);
      this.pos++;
      this.skipSpace();
      nameStart = this.pos;
      hash = this.scanIdentifier();
      nameEnd = this.pos;
      if (nameEnd === nameStart) throw new SyntaxFailure(`expected a function name after '${namespace}.'`, nameStart);
      this.skipSpace();
    }
    if (this.peek() !== OPEN_PAREN) throw this.notACall(start, namespace, this.src.slice(nameStart, nameEnd));
    this.pos++;
    const resolved = namespace === undefined ? (resolveFunctionName(this.src, nameStart, nameEnd, hash) ?? 'unknown') : undefined;
    const node: CallNode = { kind: 'call', start, end: start, nameStart, nameEnd, namespace, args: NO_ARGS, resolved, text: undefined };
    // Listed before its arguments are parsed, so the list is in source order.
    if (resolved === 'unknown') (this.unknownFunctions ??= []).push(node);
    node.args = this.parseArguments();
    node.end = this.pos;
    return node;
  }

  /** Moves past an identifier (none if the next char cannot start one); returns its foldHash. */
  private scanIdentifier(): number {
    const src = this.src;
    const end = this.end;
    let pos = this.pos;
    let hash = 0;
    if (pos < end && isIdentStart(src.charCodeAt(pos))) {
      hash = foldHash(hash, src.charCodeAt(pos++));
      for (; pos < end; pos++) {
        const c = src.charCodeAt(pos);
        // ASCII letters and digits first: nearly every name is made of them.
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || isIdentPart(c))) break;
        hash = foldHash(hash, c);
      }
    }
    this.pos = pos;
    return hash;
  }

  private notACall(start: number, namespace: string | undefined, name: string): SyntaxFailure {
    if (namespace !== undefined) return this.expected(`'(' after '${namespace}.${name}'`);
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') return new SyntaxFailure(`'${name}' is not a literal in ARM expressions: write ${lower}()`, start);
    return new SyntaxFailure(`unexpected identifier '${name}' (function calls need parentheses)`, start);
  }

  private parseArguments(): readonly Node[] {
    this.skipSpace();
    if (this.peek() === CLOSE_PAREN) {
      this.pos++;
      return NO_ARGS;
    }
    const args: Node[] = [];
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

const parser = new Parser();
