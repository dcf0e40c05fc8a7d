// Helpers rule modules share: where to point, how to name a resource in a message. The rule
// contract itself is the engine's (src/engine/rule.ts).
import type { ResourceEntry, TemplateModel } from '../model/template-model.ts';
import type { TrackingCandidate } from '../model/tracking-candidates.ts';
import type { NodeRef } from '../parse/types.ts';
import { truncate } from '../model/preview.ts';

export type { TrackingCandidate } from '../model/tracking-candidates.ts';

/**
 * Whether a rule may attach a repair for this resource: only the main template's own top-level
 * resources are edited (never a linked template, never inside a nested one).
 */
export function isFixableHere(entry: ResourceEntry, model: TemplateModel): boolean {
  return entry.placement === 'top-level' && entry.source.file === model.main.file;
}

/** Why a finding `isFixableHere` rules out has no repair. */
export const NOT_HERE = "fix edits only the main template's own top-level resources";

/** Where to point at a property of a resource: the property when present, else the resource. */
export function propertyRef(entry: ResourceEntry, ...keys: string[]): NodeRef {
  let node: unknown = entry.resource;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !(key in node)) {
      return { file: entry.source.file, path: [...entry.path, ...keys.slice(0, keys.indexOf(key))], at: 'value' };
    }
    node = (node as Record<string, unknown>)[key];
  }
  return { file: entry.source.file, path: [...entry.path, ...keys], at: 'value' };
}

export function resourceRef(entry: ResourceEntry): NodeRef {
  return { file: entry.source.file, path: entry.path, at: 'value' };
}

/** Names the resource for messages: its name as resolved, cut if very long. */
export function nameOf(candidate: TrackingCandidate): string {
  return `'${truncate(candidate.name.display)}'`;
}

/**
 * The name is an expression ARM rejects, itself or through a variable or parameter value it uses
 * (CUA016 says where), so it is not "unknown until deployment".
 */
export function hasStaticError(entry: ResourceEntry): boolean {
  return entry.nameHasStaticError;
}

/** "a → b → c" for the deployments that lead to a resource. */
export function describeChain(entry: ResourceEntry): string {
  return entry.chain.map((hop) => `'${hop.label}' (${hop.source.file})`).join(' → ');
}
