// .NET composite formatting as ARM's format() does it: {index[,alignment][:format]} items,
// '{{' and '}}' escapes. Standard numeric formats N, D, X and F are applied (invariant culture);
// any other format string is ignored and the value is printed plainly.
import { PartialString, Unknown, type ArmValue } from './value.ts';
import { compactJson, isFullyKnown, numberText, scalarText } from './value-helpers.ts';

export type FormatResult = { kind: 'parts'; parts: (string | Unknown)[] } | { kind: 'error'; message: string } | { kind: 'unknown' };

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }

export function composeFormat(template: string, args: readonly ArmValue[]): FormatResult {
  const parts: (string | Unknown)[] = [];
  let text = '';
  let i = 0;
  const n = template.length;
  while (i < n) {
    const c = template.charCodeAt(i);
    if (c === CLOSE) {
      if (template.charCodeAt(i + 1) === CLOSE) {
        text += '}';
        i += 2;
        continue;
      }
      return { kind: 'error', message: `unmatched '}' at position ${i} of the format string` };
    }
    if (c !== OPEN) {
      text += template[i];
      i++;
      continue;
    }
    if (template.charCodeAt(i + 1) === OPEN) {
      text += '{';
      i += 2;
      continue;
    }
    const close = template.indexOf('}', i);
    if (close === -1) return { kind: 'error', message: `unmatched '{' at position ${i} of the format string` };
    const item = parseItem(template.slice(i + 1, close));
    if (item === undefined) return { kind: 'error', message: `invalid format item '${template.slice(i, close + 1)}'` };
    if (item.index >= args.length) return { kind: 'error', message: `format item {${item.index}} has no argument (${args.length} given)` };
    const value = args[item.index] ?? null;
    const rendered = renderValue(value, item.format);
    if (rendered === undefined) return { kind: 'unknown' };
    if (typeof rendered === 'string') {
      text += align(rendered, item.alignment);
    } else {
      if (item.alignment !== 0) return { kind: 'unknown' }; // padding of an unknown width
      if (text !== '') parts.push(text);
      text = '';
      parts.push(...rendered);
    }
    i = close + 1;
  }
  if (text !== '') parts.push(text);
  return { kind: 'parts', parts };
}

interface FormatItem {
  index: number;
  alignment: number;
  format: string;
}

function parseItem(body: string): FormatItem | undefined {
  const colon = body.indexOf(':');
  const head = colon === -1 ? body : body.slice(0, colon);
  const format = colon === -1 ? '' : body.slice(colon + 1);
  const comma = head.indexOf(',');
  const indexText = (comma === -1 ? head : head.slice(0, comma)).trim();
  const alignText = comma === -1 ? '0' : head.slice(comma + 1).trim();
  if (!isInteger(indexText, false) || !isInteger(alignText, true)) return undefined;
  return { index: Number(indexText), alignment: Number(alignText), format };
}

function isInteger(text: string, signed: boolean): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (signed && i === 0 && c === 0x2d && text.length > 1) continue;
    return false;
  }
  return true;
}

function align(text: string, alignment: number): string {
  if (alignment > 0) return text.padStart(alignment);
  if (alignment < 0) return text.padEnd(-alignment);
  return text;
}

/** A known rendering, the parts of a partly known string, or undefined when nothing is known. */
function renderValue(value: ArmValue, format: string): string | (string | Unknown)[] | undefined {
  if (value instanceof Unknown) return [value];
  if (value instanceof PartialString) return [...value.parts];
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    // ARM prints objects and arrays as single-line JSON with single quotes.
    return isFullyKnown(value) ? compactJson(value).replaceAll('"', "'") : undefined;
  }
  if (typeof value === 'number') return formatNumber(value, format);
  return scalarText(value);
}

export function formatNumber(value: number, format: string): string {
  const spec = format.trim();
  if (spec === '') return numberText(value);
  const letter = spec[0] ?? '';
  const precisionText = spec.slice(1);
  if (precisionText !== '' && !isInteger(precisionText, false)) return numberText(value); // custom format: ignored
  const precision = precisionText === '' ? undefined : Number(precisionText);
  switch (letter) {
    case 'N':
    case 'n':
      return group(value.toFixed(precision ?? 2));
    case 'F':
    case 'f':
      return value.toFixed(precision ?? 2);
    case 'D':
    case 'd': {
      if (!Number.isInteger(value)) return numberText(value);
      const digits = Math.abs(value).toFixed(0).padStart(precision ?? 0, '0');
      return value < 0 ? `-${digits}` : digits;
    }
    case 'X':
    case 'x': {
      if (!Number.isInteger(value)) return numberText(value);
      const hex = BigInt.asUintN(value < 0 ? 64 : 128, BigInt(value)).toString(16).padStart(precision ?? 0, '0');
      return letter === 'X' ? hex.toUpperCase() : hex;
    }
    default:
      return numberText(value);
  }
}

/** Inserts invariant-culture thousands separators into a fixed-point number. */
function group(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const dot = body.indexOf('.');
  const integer = dot === -1 ? body : body.slice(0, dot);
  const fraction = dot === -1 ? '' : body.slice(dot);
  let grouped = '';
  for (let i = 0; i < integer.length; i++) {
    if (i > 0 && (integer.length - i) % 3 === 0) grouped += ',';
    grouped += integer[i];
  }
  return `${negative ? '-' : ''}${grouped}${fraction}`;
}
