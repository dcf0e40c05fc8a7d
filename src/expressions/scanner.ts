// The lexical half of ARM expressions, read by the parser (parser.ts, which builds trees):
// string literals, 32-bit integers, identifiers and spaces, as
// ARM's own scanner reads them (Azure.ResourceManager.Deployments.Expression, published in early
// Azure/bicep as src/Arm.Expression/Parsers). A hand-written charCode scanner: the engine reads
// every resource name of hundreds of templates, so no regexes in the loop.
import type { ExpectedToken, SyntaxProblem } from './diagnostics.ts';

/** A syntax error: what (as data, diagnostics.ts) and where. */
export class SyntaxFailure extends Error {
  readonly syntax: SyntaxProblem;
  readonly offset: number;
  constructor(syntax: SyntaxProblem, offset: number) {
    super(syntax.problem);
    this.syntax = syntax;
    this.offset = offset;
  }
}

export const OPEN_BRACKET = 0x5b; // [
export const CLOSE_BRACKET = 0x5d; // ]
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const QUOTE = 0x27; // '
export const COMMA = 0x2c;
export const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

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

export function isIdentStart(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
  return OTHER_LETTER.test(String.fromCharCode(c));
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isAnyDigit(c);
}

/** Where a number starts: a sign or a digit. */
export function isNumberStart(c: number): boolean {
  return c === MINUS || c === PLUS || isAnyDigit(c);
}

/**
 * A cursor over the inside of one '[...]' string. Readers move `pos` past what they read and
 * throw SyntaxFailure where ARM reports a syntax error.
 */
export class Scanner {
  protected src = '';
  protected pos = 1; // just after the opening '['
  protected end = 0; // offset of the closing ']'

  protected reset(src: string): void {
    this.src = src;
    this.pos = 1;
    this.end = src.length - 1;
  }

  /** The value of the string literal at `pos` ('' is an escaped quote). */
  protected readString(): string {
    const start = this.pos;
    let value = '';
    let chunkStart = start + 1;
    for (;;) {
      // indexOf jumps to the next quote (string literals are most of an expression's text). The
      // closing ']' cannot end a string: a quote must come first.
      const quote = this.src.indexOf("'", chunkStart);
      if (quote === -1 || quote >= this.end) throw new SyntaxFailure({ problem: 'unterminated-string' }, start);
      if (quote + 1 < this.end && this.src.charCodeAt(quote + 1) === QUOTE) {
        value += this.src.slice(chunkStart, quote + 1);
        chunkStart = quote + 2;
        continue;
      }
      value += this.src.slice(chunkStart, quote);
      this.pos = quote + 1;
      return value;
    }
  }

  /** [+-]digits, read as ARM reads it: a 32-bit integer; a decimal point or exponent is an error. */
  protected readNumber(): number {
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
    if (decimal) throw new SyntaxFailure({ problem: 'decimal-number', text }, start);
    const value = asciiDigitsOnly(text, sign === MINUS || sign === PLUS ? 1 : 0) ? Number(text) : NaN;
    if (!(value >= INT32_MIN && value <= INT32_MAX)) throw new SyntaxFailure({ problem: 'number-out-of-range', text }, start);
    return value === 0 ? 0 : value;
  }

  private skipDigits(): void {
    while (this.pos < this.end && isAnyDigit(this.src.charCodeAt(this.pos))) this.pos++;
  }

  /** Moves past an identifier (none if the next char cannot start one). */
  protected skipIdentifier(): void {
    const src = this.src;
    const end = this.end;
    let pos = this.pos;
    if (pos < end && isIdentStart(src.charCodeAt(pos))) {
      for (pos++; pos < end; pos++) {
        const c = src.charCodeAt(pos);
        // ASCII letters and digits first: nearly every name is made of them.
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || isIdentPart(c))) break;
      }
    }
    this.pos = pos;
  }

  protected readIdentifier(): string {
    const start = this.pos;
    if (this.pos < this.end && isIdentStart(this.src.charCodeAt(this.pos))) {
      this.pos++;
      while (this.pos < this.end && isIdentPart(this.src.charCodeAt(this.pos))) this.pos++;
    }
    return this.src.slice(start, this.pos);
  }

  protected peek(): number {
    return this.pos < this.end ? this.src.charCodeAt(this.pos) : -1;
  }

  protected skipSpace(): void {
    while (this.pos < this.end && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
  }

  protected unexpected(): SyntaxFailure {
    if (this.pos >= this.end) return new SyntaxFailure({ problem: 'unexpected-end' }, this.pos);
    return new SyntaxFailure({ problem: 'unexpected-character', found: this.src[this.pos] ?? '' }, this.pos);
  }

  protected expected(token: ExpectedToken): SyntaxFailure {
    return new SyntaxFailure({ problem: 'expected', expected: token, ...this.found() }, this.pos);
  }

  /** The character at `pos`, or nothing at the end of the expression. */
  protected found(): { found?: string } {
    return this.pos >= this.end ? {} : { found: this.src[this.pos] ?? '' };
  }
}
