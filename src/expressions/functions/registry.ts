// Name → implementation, case-insensitive like ARM. The parser looks names up straight from the
// expression text (offsets), so a call costs no string.
import { collectionFunctions } from './collections.ts';
import { deploymentFunctions } from './deployment.ts';
import { DOCUMENTED_FUNCTIONS } from './known.ts';
import { logicFunctions } from './logic.ts';
import { stringFunctions } from './strings.ts';
import type { FunctionSpec } from './types.ts';

/** What a function name refers to: an implementation, or a documented function not evaluated here. */
export type Resolution = FunctionSpec | 'known';

interface Entry {
  /** The name in lower case. */
  lower: string;
  resolution: Resolution;
}

/** ASCII letters in lower case. */
function fold(charCode: number): number {
  return charCode >= 0x41 && charCode <= 0x5a ? charCode | 0x20 : charCode;
}

/**
 * Hash of the name `source[start, end)`, any case: its length and three of its chars. Cheap to
 * take from the expression text, and enough to spread the ~110 names (two at most per bucket).
 */
function nameHash(source: string, start: number, end: number): number {
  const length = end - start;
  const hash = (length * 31 + fold(source.charCodeAt(start))) * 31 + fold(source.charCodeAt(start + (length >> 1)));
  return hash * 31 + fold(source.charCodeAt(end - 1));
}

const BUCKETS = 512; // a power of two, a few times the number of names
const table: (Entry[] | undefined)[] = new Array<Entry[] | undefined>(BUCKETS).fill(undefined);

function add(name: string, resolution: Resolution): void {
  const lower = name.toLowerCase();
  const bucket = (table[nameHash(lower, 0, lower.length) & (BUCKETS - 1)] ??= []);
  const existing = bucket.find((entry) => entry.lower === lower);
  if (existing === undefined) bucket.push({ lower, resolution });
  else if (typeof resolution === 'object') existing.resolution = resolution; // implemented beats documented
}

for (const name of DOCUMENTED_FUNCTIONS) add(name, 'known');
for (const functions of [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions]) {
  for (const [name, spec] of Object.entries(functions)) add(name, spec);
}

/**
 * The function named by `source[start, end)` (a non-empty name), in any case; undefined for a
 * name ARM does not have. The list* family (listKeys, listCallbackUrl, ...) is documented as a
 * pattern.
 */
export function resolveFunctionName(source: string, start: number, end: number): Resolution | undefined {
  const bucket = table[nameHash(source, start, end) & (BUCKETS - 1)];
  const length = end - start;
  if (bucket !== undefined) {
    for (let b = 0; b < bucket.length; b++) {
      const entry = bucket[b] as Entry;
      if (entry.lower.length === length && equalsFolded(source, start, entry.lower)) return entry.resolution;
    }
  }
  return length > 4 && equalsFolded(source, start, 'list') ? 'known' : undefined;
}

/** source[start…] equals `lower` with ASCII letters of source folded to lower case. */
function equalsFolded(source: string, start: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if (fold(source.charCodeAt(start + i)) !== lower.charCodeAt(i)) return false;
  return true;
}
