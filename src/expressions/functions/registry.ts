// Name → implementation, case-insensitive like ARM. The parser looks names up straight from the
// expression text (offsets and a hash it computes while scanning), so a call costs no string.
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

/** Hash of a name with ASCII letters folded to lower case; the parser computes it char by char. */
export function foldHash(hash: number, charCode: number): number {
  return (Math.imul(hash, 31) + (charCode >= 0x41 && charCode <= 0x5a ? charCode | 0x20 : charCode)) | 0;
}

const BUCKETS = 512; // a power of two, a few times the number of names
const table: (Entry[] | undefined)[] = new Array<Entry[] | undefined>(BUCKETS).fill(undefined);

function add(name: string, resolution: Resolution): void {
  const lower = name.toLowerCase();
  let hash = 0;
  for (let i = 0; i < lower.length; i++) hash = foldHash(hash, lower.charCodeAt(i));
  const bucket = (table[hash & (BUCKETS - 1)] ??= []);
  const existing = bucket.find((entry) => entry.lower === lower);
  if (existing === undefined) bucket.push({ lower, resolution });
  else if (typeof resolution === 'object') existing.resolution = resolution; // implemented beats documented
}

for (const name of DOCUMENTED_FUNCTIONS) add(name, 'known');
for (const functions of [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions]) {
  for (const [name, spec] of Object.entries(functions)) add(name, spec);
}

/**
 * The function named by `source[start, end)`, in any case; `hash` is foldHash over those chars.
 * undefined for a name ARM does not have. The list* family (listKeys, listCallbackUrl, ...) is
 * documented as a pattern.
 */
export function resolveFunctionName(source: string, start: number, end: number, hash: number): Resolution | undefined {
  const bucket = table[hash & (BUCKETS - 1)];
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
  for (let i = 0; i < lower.length; i++) {
    const c = source.charCodeAt(start + i);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}
