// Parses template text the way ARM reads it: JSON with comments and trailing commas,
// an optional UTF-8 BOM, raw control characters tolerated inside strings.
// Strict JSON (the common case) takes the native JSON.parse fast path; JSONC is rewritten to
// strict JSON in one pass (comments and trailing commas blanked, raw control characters in
// strings escaped) and parsed natively too. jsonc-parser runs only to explain a broken file.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface ParseFailure {
  message: string;
  /** Offset in the text (after the BOM was removed). */
  offset: number;
  length: number;
}

/** `text` is the file without its BOM: offsets and positions refer to it. */
export type ParseOutcome = { ok: true; value: unknown; text: string } | { ok: false; error: ParseFailure; text: string };

const BOM = 0xfeff;
// jsonc-parser's ParseErrorCode.InvalidCharacter, raised on the whole string token for raw control
// characters inside it, which ARM's parser accepts (12 corpus templates have raw tabs or newlines in strings).
const INVALID_CHARACTER = 16;

export function parseTemplateText(raw: string): ParseOutcome {
  const text = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  if (text.trim() === '') {
    return { ok: false, text, error: { message: 'the file is empty', offset: 0, length: 0 } };
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    // JSONC: comments and trailing commas; then also raw control characters inside strings.
    for (const escapeControls of [false, true]) {
      const strict = toStrictJson(text, escapeControls);
      if (strict === undefined) break;
      if (strict === text) continue; // nothing to rewrite: it would fail the same way
      try {
        return { ok: true, value: JSON.parse(strict), text };
      } catch {
        // try the next rewrite, then explain the error
      }
    }
    return parseLenient(text);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const COMMA = 0x2c;

/**
 * The same document as strict JSON: comments and trailing commas become spaces and, with
 * `escapeControls`, raw control characters inside strings become \u escapes. Undefined when a
 * string or block comment is not terminated. Anything else stays as it is, so an error in
 * the text remains an error for JSON.parse.
 */
export function toStrictJson(text: string, escapeControls: boolean): string | undefined {
  const out: string[] = [];
  let copied = 0;
  let pendingComma = -1; // a comma followed so far only by whitespace and comments
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      pendingComma = -1;
      if (!escapeControls) {
        const end = closingQuote(text, i);
        if (end === -1) return undefined;
        i = end;
        continue;
      }
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) break;
        if (d === BACKSLASH) j++;
        else if (d < 0x20) {
          out.push(text.slice(copied, j), `\\u${d.toString(16).padStart(4, '0')}`);
          copied = j + 1;
        }
      }
      if (j >= n) return undefined;
      i = j;
    } else if (c === SLASH) {
      const next = text.charCodeAt(i + 1);
      let end = -1;
      if (next === SLASH) {
        end = i + 2;
        while (end < n && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
      } else if (next === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        if (close === -1) return undefined;
        end = close + 2;
      } else {
        pendingComma = -1;
        continue;
      }
      out.push(text.slice(copied, i), ' ');
      copied = end;
      i = end - 1;
    } else if (c === COMMA) {
      pendingComma = i;
    } else if (c === 0x7d || c === 0x5d) {
      if (pendingComma !== -1) {
        out.push(text.slice(copied, pendingComma), ' ');
        copied = pendingComma + 1;
      }
      pendingComma = -1;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      pendingComma = -1;
    }
  }
  if (copied === 0) return out.length === 0 ? text : undefined;
  out.push(text.slice(copied));
  return out.join('');
}

/** Index of the quote that closes the string opening at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function parseLenient(text: string): ParseOutcome {
  const scanText = blankControlCharactersInStrings(text);
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parse(scanText, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (error) {
    // jsonc-parser recurses once per nesting level: a broken file nested thousands of levels deep
    // overflows the stack. Say so at the first bracket past a depth no real template reaches.
    if (!(error instanceof RangeError)) throw error;
    const offset = nestingOffset(scanText, EXPLAINED_DEPTH);
    return {
      ok: false,
      text,
      error: { message: `arrays and objects nest more than ${EXPLAINED_DEPTH} levels deep, too deep to pinpoint the syntax error`, offset, length: 1 },
    };
  }
  const fatal = errors.find((e) => e.error !== INVALID_CHARACTER || scanText.charCodeAt(e.offset) !== QUOTE);
  if (fatal) {
    return { ok: false, text, error: { message: describeParseError(fatal, scanText), offset: fatal.offset, length: fatal.length } };
  }
  return { ok: true, value, text };
}

const EXPLAINED_DEPTH = 1000;

/** Offset of the first bracket that opens level `depth + 1` (strings and comments skipped); 0 if none. */
function nestingOffset(text: string, depth: number): number {
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end === -1) return 0;
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++level > depth) return i;
    } else if (c === 0x7d || c === 0x5d) {
      level--;
    } else if (c === SLASH) {
      i = skipCommentAt(text, i);
    }
  }
  return 0;
}

/**
 * ARM reads raw tabs and line breaks inside strings (multi-line expressions are common); jsonc-parser
 * ends a string at a line break. Blanking them keeps every offset where it was, for the locators.
 */
export function blankControlCharactersInStrings(text: string): string {
  let out: string[] | undefined;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      else if (c < 0x20) {
        (out ??= []).push(text.slice(start, i), ' ');
        start = i + 1;
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === SLASH) {
      i = skipCommentAt(text, i);
    }
  }
  if (!out) return text;
  out.push(text.slice(start));
  return out.join('');
}

/** Index of the last character of a comment starting at `i`, or `i` when there is none. */
function skipCommentAt(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === SLASH) {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end - 1;
  }
  if (next === 0x2a /* * */) {
    const end = text.indexOf('*/', i + 2);
    return end === -1 ? text.length : end + 1;
  }
  return i;
}

function describeParseError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const found = text.slice(error.offset, error.offset + Math.min(Math.max(error.length, 1), 20));
  // A string's content may be a secret (a secure parameter's default in a broken file): name it, never quote it.
  if (found.startsWith('"')) return `${words} at a string`;
  return found.trim() ? `${words} at '${printable(found)}'` : `${words} at end of input`;
}

function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
