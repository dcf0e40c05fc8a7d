// Which resources are meant to be tracking resources: every resource whose resolved name says
// `pid-…`, any type, any depth. The rules decide what is wrong with them.
import { knownPrefix } from '../expressions/value.ts';
import { isRecord } from '../parse/template-source.ts';
import type { NodeRef } from '../parse/types.ts';
import { isDeploymentType, type ResourceEntry, type TemplateModel } from './template-model.ts';
import { analyzeTrackingName, looksLikeTrackingName, type TrackingName } from './tracking-name.ts';

/** A resource whose name says it is meant to be a tracking resource (`pid-…`). */
export interface TrackingCandidate {
  entry: ResourceEntry;
  name: TrackingName;
  isDeployment: boolean;
  /** The name starts with `pid-` (any case): Partner Center would read it as a tracking id. */
  attributable: boolean;
}

/** Every resource named `pid-…` (after resolving its name), any type, any depth. */
export function findTrackingResources(model: TemplateModel, strictNames: boolean): TrackingCandidate[] {
  const candidates: TrackingCandidate[] = [];
  for (const entry of model.resources) {
    if (!looksLikeTrackingName(entry.name)) continue;
    candidates.push({
      entry,
      name: analyzeTrackingName(entry.name, strictNames),
      isDeployment: isDeploymentType(entry.type),
      attributable: knownPrefix(entry.name).slice(0, 4).toLowerCase() === 'pid-',
    });
  }
  recordTrackingValues(model, candidates);
  return candidates;
}

/** Properties of a tracking resource that rules evaluate (condition, location, copy count). */
const TRACKING_VALUES: readonly (readonly string[])[] = [['condition'], ['location'], ['copy', 'count']];

/** Static expression errors in the values rules evaluate for tracking resources. */
function recordTrackingValues(model: TemplateModel, candidates: readonly TrackingCandidate[]): void {
  for (const { entry } of candidates) {
    for (const keys of TRACKING_VALUES) {
      let raw: unknown = entry.resource;
      for (const key of keys) raw = isRecord(raw) ? raw[key] : undefined;
      if (raw === undefined) continue;
      const at: NodeRef = { file: entry.source.file, path: [...entry.path, ...keys], at: 'value' };
      model.expressionErrors.record({ raw, at, label: keys.join('.'), site: entry.definitions, resource: entry });
    }
  }
}
