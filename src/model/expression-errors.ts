// Expression errors ARM rejects whatever the parameter values (CUA016), each reported once, at
// the string where it is written. A value the check evaluates (a name, a condition, a link)
// carries the errors met in the variables and parameter values it uses, but without their
// positions; those are traced back to their definitions and evaluated there, once each. So a
// broken variable used by three names is one finding, at the variable. Nothing is evaluated
// unless an evaluation the check made anyway reported an error.
import {
  evaluateValue,
  findKey,
  isCircularReference,
  propertyOf,
  referencesIn,
  staticError,
  type BudgetLimit,
  type Evaluation,
  type ExpressionError,
  type StaticExpressionError,
  type TemplateScope,
} from '../expressions/index.ts';
import { isRecord, type TemplateSource } from '../parse/template-source.ts';
import { toJsonPointer } from '../parse/json-pointer.ts';
import { hasSecurePart } from '../parse/secure-type.ts';
import type { ResourceEntry } from './template-model.ts';
import type { JsonPath, NodeRef } from '../parse/types.ts';

/** Where the parameters and variables a scope sees are written, and where their values come from. */
export interface DefinitionSite {
  source: TemplateSource;
  /** Path of the template object (the one holding `parameters` and `variables`) in its file. */
  path: JsonPath;
  template: Record<string, unknown>;
  scope: TemplateScope;
  supplied: SuppliedValues;
}

export type SuppliedValues =
  /** The main template: parameters file values (plain JSON, never evaluated) by name. */
  | { kind: 'file'; values: Record<string, unknown>; knownAtDeployment: ReadonlySet<string> }
  /** A nested (inner) or linked template: values are expressions of the deployment's template. */
  | { kind: 'deployment'; deployment: ResourceEntry; parent: DefinitionSite; viaLink: boolean; knownAtDeployment: ReadonlySet<string> };

export interface ExpressionProblem {
  at: NodeRef;
  /** What the value is, for messages: 'name', 'condition', "variable 'x'", … */
  label: string;
  /** The string as written. */
  text: string;
  /** Static errors, each with its offset inside `text`; none when the value went past the budget (`overBudget`). */
  errors: StaticExpressionError[];
  /**
   * Set when evaluating the value went past the work budget (the value is unknown): which bound.
   * Reported at the value evaluated, not at the variables it uses: they may be fine elsewhere.
   */
  overBudget?: BudgetLimit;
  /** The resource the value belongs to, for inline suppression. */
  resource?: ResourceEntry;
}

/** A value to record: where it is written and what it belongs to. */
export interface ValueSite {
  raw: unknown;
  at: NodeRef;
  label: string;
  site: DefinitionSite;
  resource?: ResourceEntry;
}

/** A secure type written under a property name in another case ("Type"): hasSecurePart reads `type` as spelled. */
const SECURE_TYPES = /^secure(string|object)$/i;
/**
 * How far values are walked into (objects, arrays) and followed (a variable using a variable):
 * real templates stay within a few levels; hostile ones must not exhaust the stack.
 */
const MAX_TRACE_DEPTH = 64;

/** Whether a traced definition holds a static error, or is the one a reference cycles back to. */
const CYCLE = 'cycle';
type Traced = boolean | typeof CYCLE;

export class StaticErrors {
  readonly problems: ExpressionProblem[] = [];
  /** Pointers (file + JSON pointer) of values with a static error of their own or pulled in. */
  private readonly broken = new Set<string>();
  /** Definitions already traced, and whether they hold a static error. */
  private readonly traced = new Map<string, boolean>();
  /** Definitions being traced now (a reference back to one is a circular reference). */
  private readonly tracing = new Set<string>();

  /**
   * Records the static errors of a value; `evaluation` is its evaluation when the caller made one
   * (then nothing is evaluated again unless it reported errors). True when the value, or anything
   * it uses, has a static error.
   */
  record(value: ValueSite, evaluation?: Evaluation, depth = 0, traced = false): boolean {
    const { raw } = value;
    if ((evaluation !== undefined && evaluation.errors.length === 0) || depth > MAX_TRACE_DEPTH) return false;
    let broken = false;
    if (typeof raw === 'string') {
      const errors = (evaluation ?? evaluateValue(raw, value.site.scope)).errors;
      if (errors.length === 0) return false;
      const limit = traced ? undefined : budgetLimitOf(errors);
      if (limit !== undefined) {
        this.problems.push({
          at: value.at,
          label: value.label,
          text: raw,
          errors: [],
          overBudget: limit,
          ...(value.resource ? { resource: value.resource } : {}),
        });
        broken = true;
      }
      const own = errors.filter(isStaticAtOffset);
      if (own.length > 0) {
        this.problems.push({ at: value.at, label: value.label, text: raw, errors: own, ...(value.resource ? { resource: value.resource } : {}) });
        broken = true;
      }
      // Errors without a position were met in a variable or parameter value this one uses.
      if (errors.some((e) => e.offset === undefined) && this.traceReferences(value as ValueSite & { raw: string }, depth, errors.some(isCircularReference)))
        broken = true;
    } else if (Array.isArray(raw) || isRecord(raw)) {
      // Evaluated leaf by leaf so that each error gets its own string and offset.
      for (const [key, item] of Object.entries(raw)) {
        const leaf: ValueSite = { ...value, raw: item, at: { ...value.at, path: [...value.at.path, Array.isArray(raw) ? Number(key) : key] } };
        if (this.record(leaf, undefined, depth + 1, traced)) broken = true;
      }
    }
    if (broken) this.broken.add(pointerKey(value.at));
    return broken;
  }

  /** Whether the value at `at` (or a variable or parameter value it uses) has a static error. */
  isBroken(at: NodeRef): boolean {
    return this.broken.size > 0 && this.broken.has(pointerKey(at));
  }

  /**
   * Follows the variables and parameters a string uses. A reference back to a definition being
   * traced closes a circular reference, which ARM rejects: it is reported where that reference is
   * written (the evaluator, which memoizes definitions, cannot say where).
   */
  private traceReferences(value: ValueSite & { raw: string }, depth: number, circular: boolean): boolean {
    let broken = false;
    for (const { kind, name, offset } of referencesIn(value.raw)) {
      const found = kind === 'variables' ? this.traceVariable(value.site, name, depth) : this.traceParameter(value.site, name, depth);
      if (found === CYCLE && circular) {
        const error = staticError({ code: kind === 'variables' ? 'circular-variable' : 'circular-parameter', name }, offset);
        this.problems.push({ at: value.at, label: value.label, text: value.raw, errors: [error], ...(value.resource ? { resource: value.resource } : {}) });
      }
      if (found === true || (found === CYCLE && circular)) broken = true;
    }
    return broken;
  }

  private traceVariable(site: DefinitionSite, name: string, depth: number): Traced {
    // Property names as ARM reads them: any case (expressions/raw.ts).
    const section = findKey(site.template, 'variables');
    const variables = section === undefined ? undefined : site.template[section];
    if (section === undefined || !isRecord(variables)) return false;
    const key = findKey(variables, name);
    if (key !== undefined && key.toLowerCase() !== 'copy')
      return this.traceOnce({ raw: variables[key], at: refIn(site, [section, key]), label: `variable '${key}'`, site }, depth);
    // "copy": [{ "name": "disks", "count": …, "input": … }] declares variable 'disks'.
    const copyKey = findKey(variables, 'copy');
    const loops = copyKey === undefined ? undefined : variables[copyKey];
    if (copyKey === undefined || !Array.isArray(loops)) return false;
    const index = loops.findIndex((loop) => {
      const loopName = isRecord(loop) ? propertyOf(loop, 'name') : undefined;
      return typeof loopName === 'string' && loopName.toLowerCase() === name.toLowerCase();
    });
    if (index === -1) return false;
    return this.traceOnce({ raw: loops[index], at: refIn(site, [section, copyKey, index]), label: `variable '${name}'`, site }, depth);
  }

  /** Follows a parameter to where its value comes from, as the scope does. */
  private traceParameter(site: DefinitionSite, name: string, depth: number): Traced {
    const section = findKey(site.template, 'parameters');
    const parameters = section === undefined ? undefined : site.template[section];
    const key = isRecord(parameters) ? findKey(parameters, name) : undefined;
    if (section === undefined || key === undefined || !isRecord(parameters)) return false;
    const definition = parameters[key];
    if (!isRecord(definition)) return false;
    // Secure values are never evaluated; values known only at deployment have none here.
    const type = propertyOf(definition, 'type');
    if ((typeof type === 'string' && SECURE_TYPES.test(type)) || hasSecurePart(definition, site.template)) return false;
    const supplied = site.supplied;
    if (supplied.knownAtDeployment.has(key.toLowerCase())) return false;
    if (supplied.kind === 'file') {
      if (findKey(supplied.values, key) !== undefined) return false; // plain JSON, not evaluated
    } else {
      const resource = supplied.deployment.resource;
      const propertiesKey = findKey(resource, 'properties');
      const properties = propertiesKey === undefined ? undefined : resource[propertiesKey];
      const valuesKey = isRecord(properties) ? findKey(properties, 'parameters') : undefined;
      const values = isRecord(properties) && valuesKey !== undefined ? properties[valuesKey] : undefined;
      const passedKey = isRecord(values) ? findKey(values, key) : undefined;
      if (isRecord(values) && passedKey !== undefined) {
        const entry = values[passedKey];
        const valueKey = isRecord(entry) ? findKey(entry, 'value') : undefined;
        if (!isRecord(entry) || valueKey === undefined) return false;
        const at: NodeRef = {
          file: supplied.deployment.source.file,
          path: [...supplied.deployment.path, propertiesKey ?? 'properties', valuesKey ?? 'parameters', passedKey, valueKey],
          at: 'value',
        };
        return this.traceOnce(
          { raw: entry[valueKey], at, label: `value of parameter '${passedKey}'`, site: supplied.parent, resource: supplied.deployment },
          depth,
        );
      }
      if (supplied.viaLink) return false; // values live in a parameters file the check does not read
    }
    const defaultKey = findKey(definition, 'defaultValue');
    if (defaultKey === undefined) return false;
    return this.traceOnce(
      { raw: definition[defaultKey], at: refIn(site, [section, key, defaultKey]), label: `default value of parameter '${key}'`, site },
      depth,
    );
  }

  private traceOnce(value: ValueSite, depth: number): Traced {
    const key = pointerKey(value.at);
    if (this.tracing.has(key)) return CYCLE;
    const known = this.traced.get(key);
    if (known !== undefined) return known;
    this.tracing.add(key);
    try {
      const broken = this.record(value, undefined, depth + 1, true);
      this.traced.set(key, broken);
      return broken;
    } finally {
      this.tracing.delete(key);
    }
  }
}

/** Which bound of the budget an evaluation went past: a value too large says more than the steps it took to find out. */
function budgetLimitOf(errors: readonly ExpressionError[]): BudgetLimit | undefined {
  const past = (limit: BudgetLimit): boolean => errors.some((e) => e.kind === 'budget' && e.limit === limit);
  return past('size') ? 'size' : past('steps') ? 'steps' : undefined;
}

/** An error ARM rejects whatever the values, met in the string itself (it has a position there). */
function isStaticAtOffset(error: ExpressionError): error is StaticExpressionError {
  return error.kind === 'static' && error.offset !== undefined;
}

function refIn(site: DefinitionSite, path: JsonPath): NodeRef {
  return { file: site.source.file, path: [...site.path, ...path], at: 'value' };
}

function pointerKey(at: NodeRef): string {
  return `${at.file}\u0000${toJsonPointer(at.path)}`;
}
