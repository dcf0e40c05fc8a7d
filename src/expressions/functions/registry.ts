// Name → implementation, case-insensitive like ARM.
import { collectionFunctions } from './collections.ts';
import { deploymentFunctions } from './deployment.ts';
import { isDocumentedFunction } from './known.ts';
import { logicFunctions } from './logic.ts';
import { stringFunctions } from './strings.ts';
import type { FunctionSpec } from './types.ts';

// Keyed by lower-case name and by the documented spelling (`resourceGroup`), so that the usual
// spelling is found without lower-casing it first.
const REGISTRY = new Map<string, FunctionSpec>();
for (const table of [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions]) {
  for (const [name, spec] of Object.entries(table)) REGISTRY.set(name.toLowerCase(), spec).set(name, spec);
}

/** The implementation of a function, by name in any case. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return REGISTRY.get(name) ?? REGISTRY.get(name.toLowerCase());
}

/** A documented ARM function this module does not evaluate: its result is Unknown, not an error. */
export function isKnownArmFunction(lowerName: string): boolean {
  return isDocumentedFunction(lowerName);
}

/** Lower-cased names of the implemented functions (for tests and docs). */
export function implementedFunctions(): string[] {
  return [...new Set([...REGISTRY.keys()].map((name) => name.toLowerCase()))].sort();
}
