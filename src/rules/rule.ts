// The contract every rule module follows (after ESLint's): metadata plus one function that
// reports findings through the context. Rules never print, throw on purpose or exit.
import type { TemplateModel, ResourceEntry } from '../model/template-model.ts';
import type { TrackingName } from '../model/tracking-name.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { Severity } from '../engine/types.ts';
import type { NodeRef } from '../parse/types.ts';
import { RULE_DOCS_BASE } from '../meta.ts';
import { truncate } from '../model/preview.ts';

/** A resource whose name says it is meant to be a tracking resource (`pid-…`). */
export interface TrackingCandidate {
  entry: ResourceEntry;
  name: TrackingName;
  isDeployment: boolean;
  /** The name starts with `pid-` (any case): Partner Center would read it as a tracking id. */
  attributable: boolean;
}

export interface RuleReport {
  message: string;
  at: NodeRef;
  /** The resource the finding is about, for inline suppression. */
  resource?: ResourceEntry;
  /** For rules whose findings differ in weight (CUA011); a configured severity still wins. */
  severity?: Severity;
}

export interface RuleContext {
  model: TemplateModel;
  /** Every `pid-` resource, any type, any depth, in document order. */
  candidates: readonly TrackingCandidate[];
  settings: CheckSettings;
  report(report: RuleReport): void;
}

export interface Rule {
  id: string;
  /** Short kebab-case name, used in titles and docs anchors. */
  name: string;
  description: string;
  defaultSeverity: Severity;
  docsUrl: string;
  check(context: RuleContext): void;
}

export function docsUrl(id: string, name: string): string {
  return `${RULE_DOCS_BASE}#${id.toLowerCase()}-${name}`;
}

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
