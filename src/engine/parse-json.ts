// Parses template text the way ARM reads it: JSON with comments and trailing commas,
// an optional UTF-8 BOM, raw control characters tolerated inside strings.
// Strict JSON (the common case) takes the native JSON.parse fast path.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface ParseFailure {
  message: string;
  /** Offset in the text (after the BOM was removed). */
  offset: number;
  length: number;
}

export type ParseOutcome = { ok: true; value: unknown; text: string } | { ok: false; error: ParseFailure; text: string };

const BOM = 0xfeff;
// jsonc-parser's ParseErrorCode.InvalidCharacter: raised for raw control characters in strings,
// which ARM's parser accepts (12 public corpus templates contain raw tabs or newlines in strings).
const INVALID_CHARACTER = 15;

export function parseTemplateText(raw: string): ParseOutcome {
  const text = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  if (text.trim() === '') {
    return { ok: false, text, error: { message: 'the file is empty', offset: 0, length: 0 } };
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    return parseLenient(text);
  }
}

function parseLenient(text: string): ParseOutcome {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const fatal = errors.find((e) => e.error !== INVALID_CHARACTER || !isInsideString(text, e.offset));
  if (fatal) {
    return { ok: false, text, error: { message: describeParseError(fatal, text), offset: fatal.offset, length: fatal.length } };
  }
  return { ok: true, value, text };
}

function describeParseError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const found = text.slice(error.offset, error.offset + Math.min(Math.max(error.length, 1), 20));
  return found.trim() ? `${words} at '${printable(found)}'` : `${words} at end of input`;
}

function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when the offset is a control character inside a string literal. */
function isInsideString(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 0x20 || Number.isNaN(code)) return false;
  // Walk back to the start of the line-ish region is not enough for multi-line strings;
  // count unescaped quotes from the start of the text (only done for the rare error case).
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */ && inString) i++;
    else if (c === 0x22 /* " */) inString = !inString;
    else if (!inString && c === 0x2f /* / */) i = skipComment(text, i);
  }
  return inString;
}

function skipComment(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === 0x2f) {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (next === 0x2a) {
    const end = text.indexOf('*/', i + 2);
    return end === -1 ? text.length : end + 1;
  }
  return i;
}
