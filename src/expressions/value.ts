// Values produced by evaluating ARM template expressions statically.
// Anything that is only known at deployment time is an `Unknown` that remembers
// the expression text it stands for, so messages can say what is missing.

/** A value known only at deployment (uniqueString(...), resourceGroup().location, ...). */
export class Unknown {
  readonly kind = 'unknown' as const;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** A string some of whose parts are known: `pid-<guid>-` + uniqueString(...). */
export class PartialString {
  readonly kind = 'partial' as const;
  readonly parts: readonly (string | Unknown)[];
  constructor(parts: readonly (string | Unknown)[]) {
    this.parts = parts;
  }
}

export type ArmValue =
  | string
  | number
  | boolean
  | null
  | ArmValue[]
  | { [key: string]: ArmValue }
  | Unknown
  | PartialString;

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isPartial(value: unknown): value is PartialString {
  return value instanceof PartialString;
}

/** Known leading text of a string-like value ('' when nothing is known). */
export function knownPrefix(value: ArmValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PartialString) {
    let prefix = '';
    for (const part of value.parts) {
      if (typeof part !== 'string') break;
      prefix += part;
    }
    return prefix;
  }
  return '';
}

/** Renders a string-like value for messages: unknown parts as `{text}`. */
export function describeString(value: ArmValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Unknown) return `{${value.text}}`;
  if (value instanceof PartialString) {
    return value.parts.map((p) => (typeof p === 'string' ? p : `{${p.text}}`)).join('');
  }
  try {
    const text = JSON.stringify(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}'; // nested too deep to render
  }
}

/** The unknown parts of a string-like value, for "cannot be resolved" messages. */
export function unknownParts(value: ArmValue): Unknown[] {
  if (value instanceof Unknown) return [value];
  if (value instanceof PartialString) return value.parts.filter((p): p is Unknown => p instanceof Unknown);
  return [];
}
