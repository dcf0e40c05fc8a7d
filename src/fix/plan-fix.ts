// Works out the edits that repair one main template, without writing anything:
//  - no tracking deployment anywhere: insert one as the first top-level resource (a new symbolic
//    resource in languageVersion 2.0 templates), shaped for the template's deployment scope;
//  - a top-level tracking deployment with a literal mode other than Incremental, or none: set it;
//    no properties at all, or no template: add the empty inline template;
//  - at subscription, management group or tenant scope without a location: add one;
//  - no apiVersion, or a literal one that is not a date: set 2021-04-01;
//  - a malformed literal name whose intended id is clear (wrong case of 'pid-', braces round the
//    GUID, a GUID one or two characters away from a given id, the all-zero placeholder GUID).
//  - a literal name that is invalid (CUA003) or carries an unregistered id (CUA009), when exactly
//    one id is given and the template has exactly one top-level tracking deployment: rename it to
//    pid-<given id>, keeping a landing-zone suffix;
//  - tracking deployments only in nested or linked templates or child resources: insert the
//    top-level one; the misplaced one stays (moving it is not sure to be safe) and is still reported.
// A repair whose rule is off for the template, or suppressed on the resource, is not made.
// Anything it cannot be sure of is left alone with a note saying why: duplicates, wrong types,
// conditions, names built by expressions, broken files. All edits are computed on the original
// text and applied at once with jsonc-parser's applyEdits; running the fix again finds nothing to do.
import { applyEdits, parseTree, type Edit, type Node } from 'jsonc-parser';
import { checkTemplateText, findTrackingResources } from '../engine/check-template.ts';
import { suppressionFor } from '../engine/suppression.ts';
import { MAX_DEPLOYMENT_NAME } from '../engine/tracking-name.ts';
import type { LinkReader } from '../engine/linked-templates.ts';
import { parseTemplateText } from '../engine/parse-json.ts';
import type { CheckSettings } from '../engine/settings.ts';
import { buildTemplateModel, isDeploymentType, type ResourceEntry } from '../engine/template-model.ts';
import { evaluateValue } from '../expressions/index.ts';
import { createTemplateSource, isRecord } from '../engine/template-source.ts';
import { LineIndex } from '../engine/text-position.ts';
import type { DeploymentScope, Finding } from '../engine/types.ts';
import { templateShapeProblem } from '../rules/cua013-invalid-template.ts';
import type { TrackingCandidate } from '../rules/rule.ts';
import { insertionEdit, replacementEdit } from './insert.ts';
import { detectStyle, type TextStyle } from './style.ts';
import { emptyTemplate, isHigherScope, TRACKING_API_VERSION, trackingResource } from './tracking-resource.ts';

export interface FixInput {
  /** Workspace-relative path of the main template. */
  file: string;
  /** The template text (without a byte-order mark). */
  text: string;
  /** Normalized tracking id to insert (the first of --tracking-id / tracking-ids). */
  trackingId?: string;
  /** Every registered id (normalized), for recognizing a malformed one. */
  registeredIds?: readonly string[];
  settings: CheckSettings;
  parameterValues?: Record<string, unknown>;
  readLinked?: LinkReader;
}

export interface FixChange {
  /** What was done, in words. */
  message: string;
  /** 1-based line in the fixed text. */
  line: number;
}

export interface FixPlan {
  file: string;
  original: string;
  fixed: string;
  /** Edits on the original text, sorted by offset. Insertions have length 0. */
  edits: Edit[];
  changes: FixChange[];
  /** What was left alone and why, and what the check still reports afterwards. */
  notes: string[];
  /** Error-level findings left after the fix (unsuppressed). */
  remainingErrors: Finding[];
  /** Linked template files this template reaches (workspace-relative). */
  linkedFiles: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const DATE_VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-(preview|alpha|beta|privatepreview))?$/i;

interface PendingEdit {
  edit: Edit;
  message: string;
}

export function planTemplateFix(input: FixInput): FixPlan {
  const unchanged = (notes: string[]): FixPlan => finish(input, { pending: [], notes }, []);
  const parsed = parseTemplateText(input.text);
  if (!parsed.ok) return unchanged([`not changed: the file is not valid JSON (${parsed.error.message})`]);
  const shape = templateShapeProblem(parsed.value);
  if (shape) return unchanged([`not changed: ${shape.message}`]);
  const tree = parseTree(input.text, [], { allowTrailingComma: true, disallowComments: false });
  if (!tree) return unchanged(['not changed: the file could not be parsed']);

  const source = createTemplateSource(input.file, input.text, parsed.value as Record<string, unknown>);
  const model = buildTemplateModel(source, {
    ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
    ...(input.readLinked && input.settings.followLinks ? { readLinked: input.readLinked } : {}),
  });
  const candidates = findTrackingResources(model, input.settings);
  const style = detectStyle(input.text);
  const deployments = candidates.filter((c) => c.isDeployment);
  const topLevel = deployments.filter((c) => c.entry.placement === 'top-level' && c.entry.source.file === input.file);
  const elsewhere = deployments.filter((c) => !topLevel.includes(c));
  const context: FixContext = { input, tree, style, scope: model.scope, pending: [], notes: [], topLevelCount: topLevel.length };
  // A top-level deployment whose name mentions pid- but could not be evaluated (a broken
  // expression) is meant to be the tracking deployment: a second one would not fix it.
  const broken = model.resources.filter(
    (r) => r.placement === 'top-level' && r.source.file === input.file && isDeploymentType(r.type) && !candidates.some((c) => c.entry === r) && /pid-/i.test(JSON.stringify(r.resource['name'] ?? '')),
  );
  for (const entry of broken) {
    context.notes.push(`left alone: the deployment named ${JSON.stringify(entry.resource['name'])} looks like the tracking deployment, but its name cannot be evaluated; fix the expression by hand`);
  }
  // Misplaced tracking deployments do not attribute anything: the top-level one is still missing.
  const inserted = topLevel.length === 0 && broken.length === 0 && insertTrackingResource(context, model.main.root);
  for (const candidate of elsewhere) {
    context.notes.push(
      `left alone: tracking deployment '${candidate.name.display}' is ${describePlacement(candidate.entry)}; cua-guard fix never moves or deletes one, as it cannot be sure nothing depends on it: ` +
        (inserted ? 'a top-level one was inserted, so remove this one yourself' : "move it to the main template's top-level resources yourself"),
    );
  }
  for (const candidate of topLevel) repairTrackingDeployment(context, candidate);

  return finish(input, context, model.linkedSources.map((s) => s.file));
}

interface FixContext {
  input: FixInput;
  tree: Node;
  style: TextStyle;
  scope: DeploymentScope | undefined;
  pending: PendingEdit[];
  notes: string[];
  /** Top-level tracking deployments in the main template (a rename to the given id needs exactly one). */
  topLevelCount: number;
}

/**
 * True when the check would report `ruleId` here: the rule is not off for this template and not
 * suppressed on the resource. A repair for a finding nobody wants is not made; the note says why.
 */
function wanted(context: FixContext, ruleId: string, what: string, entry?: ResourceEntry): boolean {
  if (context.input.settings.severities[ruleId] === 'off') {
    context.notes.push(`left alone: ${what} (${ruleId} is off for this template)`);
    return false;
  }
  const suppressed = entry ? suppressionFor(entry.resource, ruleId) : undefined;
  if (suppressed) {
    context.notes.push(`left alone: ${what} (${ruleId} is suppressed on this resource: ${suppressed.reason})`);
    return false;
  }
  return true;
}

/** True when the insertion was planned. */
function insertTrackingResource(context: FixContext, root: Record<string, unknown>): boolean {
  const { input } = context;
  if (!wanted(context, 'CUA001', 'the missing top-level tracking deployment was not inserted')) return false;
  if (!input.trackingId) {
    context.notes.push("not changed: there is no top-level tracking deployment and no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)");
    return false;
  }
  const value = trackingResource(input.trackingId, context.scope, input.settings.strictNames);
  const resources = root['resources'];
  const label = `'${String(value['name'])}'`;
  if (Array.isArray(resources)) {
    const edit = insertionEdit(input.text, context.tree, { path: ['resources', 0], value, first: true }, context.style);
    context.pending.push({ edit, message: `inserted tracking deployment ${label} as the first resource${scopeNote(context.scope)}` });
  } else if (isRecord(resources)) {
    const symbol = uniqueSymbol(resources);
    const edit = insertionEdit(input.text, context.tree, { path: ['resources', symbol], value, first: true }, context.style);
    context.pending.push({ edit, message: `inserted tracking deployment ${label} as the symbolic resource '${symbol}'${scopeNote(context.scope)}` });
  }
  return true;
}

function scopeNote(scope: DeploymentScope | undefined): string {
  return isHigherScope(scope) ? ` (${scope} scope: with a location and a per-location name)` : '';
}

function uniqueSymbol(resources: Record<string, unknown>): string {
  for (let i = 0; ; i++) {
    const symbol = i === 0 ? 'pidTracking' : `pidTracking${i + 1}`;
    if (!(symbol in resources)) return symbol;
  }
}

function repairTrackingDeployment(context: FixContext, candidate: TrackingCandidate): void {
  const { entry } = candidate;
  const resource = entry.resource;
  const path = [...entry.path];
  const label = `'${candidate.name.display}'`;
  repairName(context, candidate);

  const properties = resource['properties'];
  if (properties === undefined) {
    const mode = wanted(context, 'CUA007', `${label} has no properties.mode`, entry);
    const template = wanted(context, 'CUA008', `${label} has no inline template`, entry);
    const value = { ...(mode ? { mode: 'Incremental' } : {}), ...(template ? { template: emptyTemplate(context.scope) } : {}) };
    const parts = [...(mode ? ['mode Incremental'] : []), ...(template ? ['empty template'] : [])];
    if (parts.length > 0) addProperty(context, [...path, 'properties'], value, `added properties (${parts.join(', ')}) to ${label}`);
  } else if (isRecord(properties)) {
    const mode = properties['mode'];
    if (mode === undefined) {
      if (wanted(context, 'CUA007', `${label} has no properties.mode`, entry)) {
        addProperty(context, [...path, 'properties', 'mode'], 'Incremental', `set properties.mode of ${label} to 'Incremental' (it had none)`, true);
      }
    } else if (typeof mode === 'string' && !isExpression(mode)) {
      if (mode.toLowerCase() !== 'incremental' && wanted(context, 'CUA007', `properties.mode of ${label} is '${mode}'`, entry)) {
        replace(context, [...path, 'properties', 'mode'], 'Incremental', `set properties.mode of ${label} to 'Incremental' (was '${mode}')`);
      }
    } else {
      const value = evaluateValue(mode, entry.scope).value;
      if (typeof value !== 'string' || value.toLowerCase() !== 'incremental') {
        context.notes.push(`left alone: properties.mode of ${label} is ${JSON.stringify(mode)}, not a literal; make it 'Incremental'`);
      }
    }
    if (properties['template'] === undefined && properties['templateLink'] === undefined && wanted(context, 'CUA008', `${label} has no inline template`, entry)) {
      addProperty(context, [...path, 'properties', 'template'], emptyTemplate(context.scope), `added an empty inline template to ${label}`);
    }
  }

  if (isHigherScope(entry.targetScope) && resource['location'] === undefined && wanted(context, 'CUA012', `${label} has no location`, entry)) {
    addProperty(context, [...path, 'location'], '[deployment().location]', `added "location": "[deployment().location]" to ${label} (${entry.targetScope} scope)`);
  }

  const apiVersion = resource['apiVersion'];
  if (apiVersion === undefined) {
    if (wanted(context, 'CUA014', `${label} has no apiVersion`, entry)) {
      addProperty(context, [...path, 'apiVersion'], TRACKING_API_VERSION, `set apiVersion of ${label} to '${TRACKING_API_VERSION}' (it had none)`);
    }
  } else if (typeof apiVersion === 'string' && !isExpression(apiVersion) && !DATE_VERSION.test(apiVersion) && wanted(context, 'CUA014', `apiVersion of ${label} is '${apiVersion}'`, entry)) {
    replace(context, [...path, 'apiVersion'], TRACKING_API_VERSION, `set apiVersion of ${label} to '${TRACKING_API_VERSION}' (was '${apiVersion}')`);
  }
}

/** Renames only literal names whose intended id is clear. */
function repairName(context: FixContext, candidate: TrackingCandidate): void {
  const { entry } = candidate;
  const raw = entry.resource['name'];
  const namePath = [...entry.path, 'name'];
  const { input } = context;
  if (typeof raw !== 'string' || isExpression(raw)) {
    if (candidate.name.trackingId === NIL_GUID && input.trackingId) {
      context.notes.push(`left alone: tracking name ${JSON.stringify(raw)} is an expression that gives the placeholder id ${NIL_GUID}; put your id (${input.trackingId}) where it comes from`);
    } else if (candidate.name.form === 'invalid') {
      context.notes.push(`left alone: tracking name ${JSON.stringify(raw)} is an expression; fix it by hand (${candidate.name.problem ?? 'invalid'})`);
    }
    return;
  }
  if (candidate.name.trackingId === NIL_GUID && input.trackingId && input.trackingId !== NIL_GUID && candidate.name.form !== 'invalid') {
    if (!wanted(context, 'CUA009', `tracking name '${raw}' has the placeholder id`, entry)) return;
    const renamed = `pid-${input.trackingId}${raw.slice(4 + NIL_GUID.length)}`;
    replace(context, namePath, renamed, `replaced the placeholder id in '${raw}' with ${input.trackingId}`);
    return;
  }
  if (candidate.name.form === 'invalid') {
    if (!wanted(context, 'CUA003', `tracking name '${raw}' is invalid`, entry)) return;
    const repaired = repairLiteralName(raw, [...(input.trackingId ? [input.trackingId] : []), ...(input.registeredIds ?? [])], input.settings.strictNames);
    if (repaired.name !== undefined) {
      replace(context, namePath, repaired.name, `renamed tracking deployment '${raw}' to '${repaired.name}' (${repaired.reason})`);
      return;
    }
    const why = `tracking name '${raw}' is invalid (${candidate.name.problem ?? 'invalid'}) and ${repaired.reason}`;
    renameToGivenId(context, candidate, raw, why, 'it was invalid');
    return;
  }
  const registered = input.registeredIds ?? [];
  const id = candidate.name.trackingId;
  if (id !== undefined && registered.length > 0 && !registered.includes(id) && wanted(context, 'CUA009', `tracking name '${raw}' uses the unregistered id ${id}`, entry)) {
    renameToGivenId(context, candidate, raw, `tracking name '${raw}' uses the unregistered id ${id}`, `${id} is not registered`);
  }
}

/**
 * The given id is the one a template's only tracking deployment must carry, so a literal name
 * that does not carry it becomes pid-<given id>, keeping a landing-zone suffix. Not sure (and
 * left alone) with several given ids or several top-level tracking deployments.
 */
function renameToGivenId(context: FixContext, candidate: TrackingCandidate, raw: string, why: string, reason: string): void {
  const given = [...new Set(context.input.registeredIds ?? [])];
  const [id] = given;
  if (id === undefined || given.length > 1) {
    const unclear = id === undefined ? 'no tracking id was given (--tracking-id or tracking-ids)' : `${given.length} tracking ids are given, so which one this template should use is not clear`;
    context.notes.push(`left alone: ${why}; ${unclear}`);
    return;
  }
  if (context.topLevelCount !== 1) {
    context.notes.push(`left alone: ${why}; the template has ${context.topLevelCount} top-level tracking deployments, so which one should carry ${id} is not clear`);
    return;
  }
  const suffix = keptSuffix(raw, id, context.input.settings.strictNames);
  const renamed = `pid-${id}${suffix}`;
  replace(context, [...candidate.entry.path, 'name'], renamed, `renamed tracking deployment '${raw}' to '${renamed}' (${reason}; the given id is ${id})`);
}

/** A landing-zone suffix after a well-formed GUID (`pid-<GUID>-<suffix>`), kept when it stays valid. */
function keptSuffix(raw: string, id: string, strictNames: boolean): string {
  if (strictNames || !GUID.test(id)) return '';
  const suffix = /^pid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[A-Za-z0-9\-._()]+)$/i.exec(raw)?.[1];
  if (suffix === undefined || suffix.toLowerCase() === '-partnercenter') return '';
  return `pid-${id}${suffix}`.length <= MAX_DEPLOYMENT_NAME ? suffix : '';
}

export interface NameRepair {
  name?: string;
  reason: string;
}

/** The intended tracking name for a malformed literal one, when it is clear. */
export function repairLiteralName(raw: string, knownIds: readonly string[], strictNames: boolean): NameRepair {
  const match = /^pid-(.*)$/is.exec(raw);
  if (!match) return { reason: "it does not start with 'pid-', so the intended name is not clear" };
  const reasons: string[] = [];
  if (!raw.startsWith('pid-')) reasons.push("lower-case 'pid-'");
  let rest = match[1] ?? '';
  const braced = /^\{([^{}]*)\}(.*)$/.exec(rest);
  if (braced) {
    rest = `${braced[1] ?? ''}${braced[2] ?? ''}`;
    reasons.push('no braces round the GUID');
  }
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(rest)?.[0];
  if (guid !== undefined) {
    const suffix = rest.slice(guid.length);
    if (suffix === '' || suffix === '-partnercenter' || (suffix.startsWith('-') && !strictNames)) {
      return reasons.length > 0 ? { name: `pid-${guid}${suffix}`, reason: reasons.join(', ') } : { reason: 'the intended name is not clear' };
    }
    return { reason: 'what follows the GUID is not a valid suffix; the intended name is not clear' };
  }
  if (/^[a-z0-9-]+-partnercenter$/i.test(rest) && reasons.length > 0) {
    return { name: `pid-${rest.toLowerCase()}`, reason: [...reasons, 'lower-case Partner Center id'].join(', ') };
  }
  // A GUID with a digit missing, doubled or mistyped: clear only when one given id is that close.
  const digits = rest.replace(/[-{}\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(digits)) return { reason: 'it is not a GUID with a few characters wrong, so the intended id is not clear' };
  const near = [...new Set(knownIds.filter((id) => GUID.test(id)))].filter((id) => editDistance(id.replace(/-/g, '').toLowerCase(), digits) <= 2);
  if (near.length === 1) return { name: `pid-${near[0]}`, reason: [...reasons, `the GUID is at most 2 characters away from the given id ${near[0]}`].join(', ') };
  return {
    reason: near.length > 1 ? 'several given ids are that close, so the intended id is not clear' : 'no given tracking id is within 2 characters of it, so the intended id is not clear (give it with --tracking-id)',
  };
}

/** Levenshtein distance, stopping early past 3. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function addProperty(context: FixContext, path: (string | number)[], value: unknown, message: string, first = false): void {
  const edit = insertionEdit(context.input.text, context.tree, { path, value, first }, context.style);
  context.pending.push({ edit, message });
}

function replace(context: FixContext, path: (string | number)[], value: unknown, message: string): void {
  context.pending.push({ edit: replacementEdit(context.input.text, path, value), message });
}

/** ARM reads a string in brackets as an expression; '[[' escapes a literal bracket. */
function isExpression(value: string): boolean {
  return value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

function describePlacement(entry: ResourceEntry): string {
  const chain = entry.chain.map((hop) => `'${hop.label}'`).join(' → ');
  switch (entry.placement) {
    case 'nested-inline':
      return `inside the nested template of ${chain} (${entry.source.file})`;
    case 'linked':
      return `in the linked template ${entry.source.file}${chain ? ` (reached through ${chain})` : ''}`;
    default:
      return `a child resource in ${entry.source.file}`;
  }
}

function finish(input: FixInput, context: Pick<FixContext, 'pending' | 'notes'>, linkedFiles: string[]): FixPlan {
  const ordered = context.pending.map((p, index) => ({ ...p, index })).sort((a, b) => a.edit.offset - b.edit.offset || a.index - b.index);
  const edits = ordered.map((p) => p.edit);
  const fixed = applyEdits(input.text, edits);
  const lines = new LineIndex(fixed);
  let shift = 0;
  const changes: FixChange[] = [];
  for (const { edit, message } of ordered) {
    const start = edit.offset + shift + leadingLayout(edit.content);
    changes.push({ message, line: lines.positionAt(start).line });
    shift += edit.content.length - edit.length;
  }
  const recheck = checkTemplateText(
    {
      file: input.file,
      text: fixed,
      ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
      ...(input.readLinked ? { readLinked: input.readLinked } : {}),
    },
    input.settings,
  );
  const remaining = recheck.findings.filter((f) => !f.suppressed && f.severity !== 'notice');
  const notes = [...context.notes];
  for (const finding of remaining) {
    const why = NOT_FIXED[finding.ruleId];
    notes.push(`still reported: ${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}${why ? ` (not fixed: ${why})` : ''}`);
  }
  changes.sort((a, b) => a.line - b.line);
  return { file: input.file, original: input.text, fixed, edits, changes, notes, remainingErrors: remaining.filter((f) => f.severity === 'error'), linkedFiles };
}

/** Why fix leaves each of these findings to people: it cannot be sure what the right change is. */
const NOT_FIXED: Readonly<Record<string, string>> = {
  CUA002: 'which tracking deployment to delete, or how to drop the copy loop, is your call; fix never deletes a resource',
  CUA004: 'fix never moves a resource out of a nested template or a parent resource; it inserts the top-level one when there is none',
  CUA005: 'fix never edits a linked template or moves a resource out of it; it inserts the top-level one when there is none',
  CUA006: 'changing the type or name of a resource that is not a deployment could change what it does; fix leaves it to you',
  CUA008: "fix never deletes resources from the tracking deployment's template",
  CUA010: 'the id is known only at deployment; fix does not rewrite expressions',
  CUA011: 'a condition may be a deliberate opt-out; fix does not remove or change it',
  CUA013: 'fix edits only files it can parse as deployment templates',
  CUA015: 'renaming a tracking deployment that may already be deployed is left to you',
  CUA016: 'fix does not rewrite expressions',
  CUA017: 'fix does not read remote templates',
};

/** Commas, line breaks and indentation an insertion starts with (so a change's line is where its text is). */
function leadingLayout(content: string): number {
  return /^[,\s]*/.exec(content)?.[0].length ?? 0;
}
