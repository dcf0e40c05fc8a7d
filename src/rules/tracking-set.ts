// Small queries over the tracking candidates that several rules share: which ones count, the
// names a copy loop deploys, how a condition comes out, and whether a name can clash across locations.
import { MAX_COPY_COUNT, createTemplateScope, evaluateValue, isExpressionString, type TemplateScope } from '../expressions/index.ts';
import { PartialString, Unknown, contextPath, dependsOn, describeString, sameUnknown, unknownParts, valueKey, type ArmValue } from '../expressions/value.ts';
import { isRecord } from '../parse/template-source.ts';
import { analyzeTrackingName, type TrackingName } from '../model/tracking-name.ts';
import type { ResourceEntry, TemplateModel } from '../model/template-model.ts';
import { previewValue } from '../model/preview.ts';
import { writtenExpression } from '../model/written-as.ts';
import type { TrackingCandidate } from './rule.ts';

/** Tracking deployments the main template itself deploys (the only correct place), named `pid-…`. */
export function topLevelTrackingDeployments(candidates: readonly TrackingCandidate[]): TrackingCandidate[] {
  return candidates.filter((c) => c.isDeployment && c.attributable && c.entry.placement === 'top-level');
}

/** Tracking deployments wherever they are (rules on their shape apply to all of them). */
export function trackingDeployments(candidates: readonly TrackingCandidate[]): TrackingCandidate[] {
  return candidates.filter((c) => c.isDeployment && !c.filledAtBuild);
}

/**
 * Deployments of the tracking shape named by a build placeholder: what the build makes of them
 * (name, and often apiVersion too) is in the built package, so only CUA003 speaks of them (once
 * each), and their presence answers CUA001. A repository may write several (start and end markers).
 */
export function filledAtBuild(candidates: readonly TrackingCandidate[]): TrackingCandidate[] {
  return candidates.filter((c) => c.filledAtBuild === true);
}

// ---- copy loops -------------------------------------------------------------------------------

/** Characters of name expressions evaluated per loop, at most (a real name is < 300 characters). */
const MAX_ITERATION_TEXT = 1_000_000;

export interface CopyLoop {
  /** The resolved count; undefined when it is known only at deployment or is not a valid count. */
  count: number | undefined;
  /** The `count` as written, for messages. */
  countText: string;
  /** Each iteration's name, copyIndex() bound to the iteration; undefined when the count is not known. */
  names: TrackingName[] | undefined;
}

const copyLoops = new WeakMap<TrackingCandidate, CopyLoop | null>();

/** The candidate's copy loop, or undefined when it has none. Evaluated once per candidate. */
export function copyLoopOf(candidate: TrackingCandidate, strictNames: boolean): CopyLoop | undefined {
  let loop = copyLoops.get(candidate);
  if (loop === undefined) {
    loop = readCopyLoop(candidate.entry, strictNames);
    copyLoops.set(candidate, loop);
  }
  return loop ?? undefined;
}

function readCopyLoop(entry: ResourceEntry, strictNames: boolean): CopyLoop | null {
  const copy = entry.resource['copy'];
  if (copy === undefined) return null;
  const rawCount = isRecord(copy) ? copy['count'] : undefined;
  const countText = writtenExpression(entry.source, rawCount) ?? previewValue(rawCount);
  const count = isRecord(copy) ? countOf(evaluateValue(rawCount, entry.scope).value) : undefined;
  const loopName = isRecord(copy) ? copy['name'] : undefined;
  if (count === undefined || count > MAX_COPY_COUNT || typeof loopName !== 'string') return { count, countText, names: undefined };
  const rawName = entry.resource['name'];
  if (typeof rawName !== 'string' || !dependsOn(entry.name, isCopyIndex)) {
    return { count, countText, names: new Array<TrackingName>(count).fill(analyzeTrackingName(entry.name, strictNames)) }; // every iteration alike
  }
  if (rawName.length * count > MAX_ITERATION_TEXT) return { count, countText, names: undefined }; // hostile sizes: not worth it
  // The evaluator binds copyIndex() inside property copies; a one-entry property copy over the
  // raw name gives each iteration's name through the public API.
  const expanded = evaluateValue({ copy: [{ name: loopName, count, input: rawName }] }, entry.scope).value;
  const values = isRecord(expanded) ? expanded[loopName] : undefined;
  const names = Array.isArray(values) ? values.map((value: ArmValue) => analyzeTrackingName(value, strictNames)) : undefined;
  return { count, countText, names };
}

function countOf(value: ArmValue): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** The names a tracking deployment deploys: one per iteration of a resolved copy loop, else its name. */
export function trackingNamesOf(candidate: TrackingCandidate, strictNames: boolean): TrackingName[] {
  return copyLoopOf(candidate, strictNames)?.names ?? [candidate.name];
}

/**
 * Two names with the same key are the same deployment name: the same known text, and unknown
 * parts computed the same way from the same inputs. Undefined when an unknown part depends on a
 * copyIndex() the check cannot bind (uniqueString(…, string(copyIndex())) differs per iteration).
 */
export function sameNameKey(name: TrackingName): string | undefined {
  if (dependsOn(name.value, isCopyIndex)) return undefined;
  return valueKey(name.value)?.toLowerCase(); // deployment names compare case-insensitively
}

function isCopyIndex(unknown: Unknown): boolean {
  return unknown.cause.kind === 'copy-index';
}

// ---- conditions -------------------------------------------------------------------------------

/** How ARM reads a condition: a boolean, the strings 'true'/'false', or a number (0 is false). */
export type Truth = boolean | 'unknown' | 'not-boolean';

export function truthOf(value: ArmValue): Truth {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    return word === 'true' ? true : word === 'false' ? false : 'not-boolean';
  }
  return value instanceof Unknown || value instanceof PartialString ? 'unknown' : 'not-boolean';
}

export interface ConditionOutcome {
  /** With every parameter unknown: a known result here holds whatever the customer chooses. */
  constant: ArmValue;
  /** With the template's default values only. */
  defaults: ArmValue;
  /** With the parameters file's values over the defaults (what the model evaluates). */
  withFile: ArmValue;
}

/** Scopes for the main template besides the model's own (which includes the parameters file). */
export interface ConditionScopes {
  defaults: TemplateScope;
  noValues: TemplateScope;
}

export function conditionScopes(model: TemplateModel): ConditionScopes {
  const options = {
    templatePath: model.main.file,
    ...(model.scope ? { scopeKind: model.scope } : {}),
    ...(model.main.origin ? { spelling: model.main.origin } : {}),
  };
  return {
    defaults: createTemplateScope(model.main.root, options),
    noValues: createTemplateScope(withoutDefaultValues(model.main.root), options),
  };
}

/** Evaluates a top-level resource's condition three ways (top-level resources use the main template's scope). */
export function evaluateCondition(raw: unknown, entry: ResourceEntry, scopes: ConditionScopes): ConditionOutcome {
  return {
    constant: evaluateValue(raw, scopes.noValues).value,
    defaults: evaluateValue(raw, scopes.defaults).value,
    withFile: evaluateValue(raw, entry.scope).value,
  };
}

/** The template with its parameters' default values removed, so every parameter is unknown. */
function withoutDefaultValues(root: Record<string, unknown>): Record<string, unknown> {
  const parameters = root['parameters'];
  if (!isRecord(parameters)) return root;
  const stripped: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(parameters)) {
    stripped[name] = isRecord(def) ? Object.fromEntries(Object.entries(def).filter(([key]) => key !== 'defaultValue')) : def;
  }
  return { ...root, parameters: stripped };
}

/** What a condition value depends on, for messages: its unknown parts, or the value itself. */
export function describeDependency(value: ArmValue): string {
  const parts = unknownParts(value).map((p) => p.text);
  return parts.length > 0 ? parts.join(', ') : describeString(value);
}

// ---- location ---------------------------------------------------------------------------------

/**
 * Heuristic: can the tracking deployment's name differ between two deployments in different
 * locations? ARM keeps one deployment per name per scope, with its location, so a name that is
 * the same everywhere fails in a second region. The name is evaluated with no parameter values
 * (so `parameters('location')` stays what it is), and differs when it depends on
 * - `deployment().location` or the deployment's own location when that is an expression
 *   (`parameters('location')` when "location" is `[parameters('location')]`), or
 * - `deployment().name`: the outer deployment's name is bound to its location by the same rule,
 *   so a second region needs a new outer name (and so gets a new tracking name) anyway, or
 * - a value new on every run: utcNow() or newGuid(), which ARM allows only in parameter defaults,
 *   so a parameter whose default uses them counts too.
 * Branches an if() with an unknown condition does not take are not seen.
 */
export function nameAvoidsLocationClash(entry: ResourceEntry, template: Record<string, unknown>): boolean {
  const noValues = createTemplateScope(withoutDefaultValues(template));
  const perRun = perRunParameters(template);
  const location = entry.resource['location'];
  const ownLocation = typeof location === 'string' && isExpressionString(location) ? evaluateValue(location, noValues).value : undefined;
  const marks = (unknown: Unknown): boolean => {
    const { cause } = unknown;
    if (cause.kind === 'parameter' && perRun.has(cause.name.toLowerCase())) return true;
    if (isPerRunCall(unknown)) return true;
    const context = contextPath(unknown);
    const property = context?.fn === 'deployment' && context.path.length === 1 ? context.path[0] : undefined;
    if (typeof property === 'string' && ['location', 'name'].includes(property.toLowerCase())) return true;
    return ownLocation instanceof Unknown && sameUnknown(unknown, ownLocation);
  };
  const asWritten = evaluateValue(entry.resource['name'], noValues).value;
  return dependsOn(asWritten, marks) || dependsOn(entry.name, marks);
}

/** utcNow() and newGuid(): a new value on every run. */
function isPerRunCall(unknown: Unknown): boolean {
  const { cause } = unknown;
  return cause.kind === 'call' && ['utcnow', 'newguid'].includes(cause.fn.toLowerCase());
}

/** Lower-case names of the parameters whose default is new on every run. */
function perRunParameters(template: Record<string, unknown>): Set<string> {
  const parameters = template['parameters'];
  const found = new Set<string>();
  if (!isRecord(parameters)) return found;
  let scope: TemplateScope | undefined;
  for (const [name, def] of Object.entries(parameters)) {
    const value = isRecord(def) ? def['defaultValue'] : undefined;
    if (typeof value !== 'string' || !isExpressionString(value)) continue;
    scope ??= createTemplateScope(template);
    if (dependsOn(evaluateValue(value, scope).value, isPerRunCall)) found.add(name.toLowerCase());
  }
  return found;
}

/** A location written as plain text: every deployment of the template goes to the same place. */
export function hasFixedLocation(entry: ResourceEntry): boolean {
  const location = entry.resource['location'];
  return typeof location === 'string' && location.trim() !== '' && !isExpressionString(location);
}
