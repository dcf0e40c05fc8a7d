// Name → implementation, case-insensitive like ARM.
import { collectionFunctions } from './collections.ts';
import { deploymentFunctions } from './deployment.ts';
import { isDocumentedFunction } from './known.ts';
import { logicFunctions } from './logic.ts';
import { stringFunctions } from './strings.ts';
import type { FunctionSpec } from './types.ts';

const REGISTRY = new Map<string, FunctionSpec>();
for (const table of [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions]) {
  for (const [name, spec] of Object.entries(table)) REGISTRY.set(name.toLowerCase(), spec);
}

export function lookupFunction(lowerName: string): FunctionSpec | undefined {
  return REGISTRY.get(lowerName);
}

/** A documented ARM function this module does not evaluate: its result is Unknown, not an error. */
export function isKnownArmFunction(lowerName: string): boolean {
  return isDocumentedFunction(lowerName);
}

/** Lower-cased names of the implemented functions (for tests and docs). */
export function implementedFunctions(): string[] {
  return [...REGISTRY.keys()].sort();
}
