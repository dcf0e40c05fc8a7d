// .NET composite formatting as ARM's format() does it: {index[,alignment][:format]} items,
// '{{' and '}}' escapes, items parsed as .NET's String.Format parses them. Numbers are formatted
// by dotnet-number-format.ts; strings, booleans and null ignore the format, as in .NET.
import { formatNumber } from './dotnet-number-format.ts';
import { PartialString, Unknown, type ArmValue } from './value.ts';
import { compactJson, isFullyKnown, scalarText } from './value-helpers.ts';

/** The text when every item is known (most calls), else the parts, an error or 'unknown'. */
export type FormatResult = string | { kind: 'parts'; parts: (string | Unknown)[] } | { kind: 'error'; message: string } | { kind: 'unknown' };

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }

/** Formats `template` with `values[first]` as item {0}, `values[first + 1]` as {1}, and so on. */
export function composeFormat(template: string, values: readonly ArmValue[], first = 0): FormatResult {
  const count = values.length - first;
  let parts: (string | Unknown)[] | undefined; // only made for an unknown item
  let text = '';
  let i = 0;
  const n = template.length;
  while (i < n) {
    // Literal text up to the next brace in one piece.
    let next = i;
    while (next < n && template.charCodeAt(next) !== OPEN && template.charCodeAt(next) !== CLOSE) next++;
    if (next > i) {
      text += template.slice(i, next);
      i = next;
      if (i === n) break;
    }
    const c = template.charCodeAt(i);
    if (c === CLOSE) {
      if (template.charCodeAt(i + 1) === CLOSE) {
        text += '}';
        i += 2;
        continue;
      }
      return { kind: 'error', message: `unmatched '}' at position ${i} of the format string` };
    }
    if (template.charCodeAt(i + 1) === OPEN) {
      text += '{';
      i += 2;
      continue;
    }
    let index: number;
    let alignment = 0;
    let format = '';
    const digit = template.charCodeAt(i + 1) - 0x30;
    if (digit >= 0 && digit <= 9 && template.charCodeAt(i + 2) === CLOSE) {
      // '{0}' to '{9}', nearly every item: nothing more to read.
      index = digit;
      i += 3;
    } else {
      const item = parseItem(template, i);
      if (item === 'unknown') return { kind: 'unknown' };
      if (typeof item === 'string') return { kind: 'error', message: item };
      ({ index, alignment, format } = item);
      i = item.end;
    }
    if (index >= count) return { kind: 'error', message: `format item {${index}} has no argument (${count} given)` };
    const rendered = renderValue(values[first + index] ?? null, format);
    if (rendered === undefined) return { kind: 'unknown' };
    if (typeof rendered === 'string') {
      text += align(rendered, alignment);
    } else {
      if (alignment !== 0) return { kind: 'unknown' }; // padding of an unknown width
      parts ??= [];
      if (text !== '') parts.push(text);
      text = '';
      parts.push(...rendered);
    }
  }
  if (parts === undefined) return text;
  if (text !== '') parts.push(text);
  return { kind: 'parts', parts };
}

interface FormatItem {
  index: number;
  alignment: number;
  format: string;
  /** Offset just after the closing '}'. */
  end: number;
}

const SPACE = 0x20;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
/** .NET's limits on an item's index and width. */
const ITEM_LIMIT = 1_000_000;

/**
 * The item that starts at the '{' at `open`, read as .NET reads it: the index follows '{' at
 * once, spaces may follow the index and the alignment. Returns an error message for a malformed
 * item, or 'unknown' where .NET Framework and .NET Core disagree (braces inside the format).
 */
function parseItem(template: string, open: number): FormatItem | string | 'unknown' {
  let i = open + 1;
  const index = readDigits(template, i);
  if (index === undefined) return invalidItem(open);
  i = index.end;
  i = skipSpaces(template, i);
  let alignment = 0;
  if (template.charCodeAt(i) === COMMA) {
    i = skipSpaces(template, i + 1);
    const left = template.charCodeAt(i) === MINUS;
    if (left) i++;
    const width = readDigits(template, i);
    if (width === undefined) return invalidItem(open);
    alignment = left ? -width.value : width.value;
    i = skipSpaces(template, width.end);
  }
  let format = '';
  if (template.charCodeAt(i) === COLON) {
    const close = template.indexOf('}', i + 1);
    if (close === -1) return `unmatched '{' at position ${open} of the format string`;
    format = template.slice(i + 1, close);
    if (format.includes('{') || template.charCodeAt(close + 1) === CLOSE) return 'unknown';
    i = close;
  }
  if (i >= template.length) return `unmatched '{' at position ${open} of the format string`;
  if (template.charCodeAt(i) !== CLOSE) return invalidItem(open);
  return { index: index.value, alignment, format, end: i + 1 };
}

function invalidItem(open: number): string {
  return `invalid format item at position ${open} of the format string`;
}

function readDigits(text: string, from: number): { value: number; end: number } | undefined {
  let i = from;
  let value = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
    if (value >= ITEM_LIMIT) return undefined;
    i++;
  }
  return i === from ? undefined : { value, end: i };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

function align(text: string, alignment: number): string {
  if (alignment > 0) return text.padStart(alignment);
  if (alignment < 0) return text.padEnd(-alignment);
  return text;
}

/** A known rendering, the parts of a partly known string, or undefined when nothing is known. */
function renderValue(value: ArmValue, format: string): string | (string | Unknown)[] | undefined {
  if (typeof value === 'string') return value; // the common case, before the class checks
  if (value instanceof Unknown) return [value];
  if (value instanceof PartialString) return [...value.parts];
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    // ARM prints objects and arrays as single-line JSON with single quotes.
    return isFullyKnown(value) ? compactJson(value).replaceAll('"', "'") : undefined;
  }
  if (typeof value === 'number') return formatNumber(value, format);
  return scalarText(value);
}
