// Which resources are meant to be tracking resources: every resource whose resolved name says
// `pid-…`, any type, any depth. The rules decide what is wrong with them.
import { PartialString, knownPrefix, type ArmValue } from '../expressions/value.ts';
import { joinParts } from '../expressions/value-helpers.ts';
import { isRecord } from '../parse/template-source.ts';
import type { NodeRef } from '../parse/types.ts';
import { isDeploymentType, type ResourceEntry, type TemplateModel } from './template-model.ts';
import { analyzeTrackingName, isBuildPlaceholder, looksLikeTrackingName, type TrackingName } from './tracking-name.ts';

/** A resource whose name says it is meant to be a tracking resource (`pid-…`). */
export interface TrackingCandidate {
  entry: ResourceEntry;
  name: TrackingName;
  isDeployment: boolean;
  /** The name starts with `pid-` (any case): Partner Center would read it as a tracking id. */
  attributable: boolean;
  /**
   * A top-level deployment of the tracking shape (mode Incremental, empty inline template) whose
   * whole name is a build placeholder (`${start}`): the tracking deployment, its id filled in when
   * the package is built (Maven and similar packaging of Marketplace repositories).
   */
  filledAtBuild?: true;
}

/** Every resource named `pid-…` (after resolving its name), any type, any depth. */
export function findTrackingResources(model: TemplateModel, strictNames: boolean): TrackingCandidate[] {
  const candidates: TrackingCandidate[] = [];
  for (const entry of model.resources) {
    if (isFilledAtBuild(entry)) {
      const text = (entry.name as string).trim();
      const name: TrackingName = { ...analyzeTrackingName(entry.name, strictNames), form: 'invalid', problem: { kind: 'build-placeholder', text } };
      candidates.push({ entry, name, isDeployment: true, attributable: false, filledAtBuild: true });
      continue;
    }
    const name = ownName(entry);
    if (!looksLikeTrackingName(name)) continue;
    candidates.push({
      entry,
      name: analyzeTrackingName(name, strictNames),
      isDeployment: isDeploymentType(entry.type),
      attributable: knownPrefix(name).slice(0, 4).toLowerCase() === 'pid-',
    });
  }
  recordTrackingValues(model, candidates);
  return candidates;
}

/**
 * The name a resource calls itself. A child resource written at the top level (as Bicep compiles
 * one declared in its parent's body) has the type `Namespace/parent/child` and the name
 * `parentName/childName`: its own name is the last segment, and the `/` is no mistake in it.
 */
function ownName(entry: ResourceEntry): ArmValue {
  if (isDeploymentType(entry.type) || entry.type.split('/').length < 3) return entry.name;
  const parts = typeof entry.name === 'string' ? [entry.name] : entry.name instanceof PartialString ? entry.name.parts : [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    const slash = typeof part === 'string' ? part.lastIndexOf('/') : -1;
    if (typeof part === 'string' && slash !== -1) return joinParts([part.slice(slash + 1), ...parts.slice(i + 1)]);
  }
  return entry.name;
}

/** A top-level deployment of exactly the tracking shape whose name is a whole build placeholder. */
function isFilledAtBuild(entry: ResourceEntry): boolean {
  if (entry.placement !== 'top-level' || !isDeploymentType(entry.type) || typeof entry.name !== 'string' || !isBuildPlaceholder(entry.name)) return false;
  const properties = entry.resource['properties'];
  if (!isRecord(properties) || properties['templateLink'] !== undefined) return false;
  if (String(properties['mode'] ?? '').toLowerCase() !== 'incremental') return false;
  const template = properties['template'];
  if (!isRecord(template)) return false;
  const resources = template['resources'];
  return Array.isArray(resources) ? resources.length === 0 : isRecord(resources) && Object.keys(resources).length === 0;
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
