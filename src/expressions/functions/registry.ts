// Name → implementation, case-insensitive like ARM: one Map by lower-case name. (A hand-written
// 512-bucket hash that read names straight from the expression text was no faster on the corpus
// benchmark: see the closing note of issue 10.)
import { collectionFunctions } from './collections.ts';
import { deploymentFunctions } from './deployment.ts';
import { DOCUMENTED_FUNCTIONS } from './known.ts';
import { logicFunctions } from './logic.ts';
import { stringFunctions } from './strings.ts';
import type { FunctionSpec } from './types.ts';

/** What a function name refers to: an implementation, or a documented function not evaluated here. */
export type Resolution = FunctionSpec | 'known';

const functions = new Map<string, Resolution>();
for (const name of DOCUMENTED_FUNCTIONS) functions.set(name.toLowerCase(), 'known');
for (const table of [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions]) {
  for (const [name, spec] of Object.entries(table)) functions.set(name.toLowerCase(), spec); // implemented beats documented
}

/** Only ASCII letters are folded: ARM's names are ASCII, and no other letter matches one of them. */
const ASCII = /^[\x20-\x7e]*$/;

/**
 * The function `name` refers to, in any case; undefined for a name ARM does not have. The list*
 * family (listKeys, listCallbackUrl, ...) is documented as a pattern.
 */
export function resolveFunctionName(name: string): Resolution | undefined {
  const known = byWrittenName.get(name);
  if (known !== undefined) return known;
  if (!ASCII.test(name)) return undefined;
  const lower = name.toLowerCase();
  const resolution = functions.get(lower) ?? (lower.length > 4 && lower.startsWith('list') ? 'known' : undefined);
  if (resolution !== undefined) byWrittenName.set(name, resolution);
  return resolution;
}

/** Functions by their name as written: templates call the same few names, spelled the same way. */
const byWrittenName = new Map<string, Resolution>();
