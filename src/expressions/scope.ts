// Template scopes: where parameters('x') and variables('x') come from. Creating a scope is O(1);
// definitions are indexed on first use and each value is evaluated once, lazily, with cycle
// detection. Nested and linked deployments get their own scope per ARM's rules.
import { copyEntryOf, dedupe, evaluateRaw, expandCopy, type CopyEntry, type RawContext } from './evaluate.ts';
import { asRecord, findKey, hasProperty, propertyOf, recordOf } from './raw.ts';
import { newTotalBudget, type TotalBudget } from './budget.ts';
import { isCircularReference } from './diagnostics.ts';
import type { EvalState } from './frame.ts';
import type { ExpressionError, ExpressionSpelling, ScopeKind } from './types.ts';
import { Unknown, type ArmValue, type MissingParameterValue } from './value.ts';
import { fromJson, quote } from './value-helpers.ts';
import { hasSecurePart } from '../parse/secure-type.ts';

export interface TemplateScope {
  /** Opaque: only this module creates and reads scopes. */
  readonly isTemplateScope: true;
}

/** The result of looking a name up: a value (with errors met on the way) or why there is none. */
export type Resolution = { kind: 'value'; value: ArmValue; errors: readonly ExpressionError[] } | { kind: 'missing' } | { kind: 'cycle' };

type Record_ = Record<string, unknown>;

/** Where a scope's parameter values come from, besides defaultValue. */
type Supplied =
  | { kind: 'file'; values: Record_; deploymentTime: ReadonlyMap<string, MissingParameterValue> | undefined }
  | { kind: 'deployment'; parent: ScopeImpl; parameters: Record_ | undefined; viaLink: boolean };

interface ParameterDef {
  name: string;
  def: Record_;
  /** securestring or secureobject: secrets never flow into names or messages. */
  secure: boolean;
  /** `parameters('name')`, built on first use. */
  text: string | undefined;
  memo: Resolution | undefined;
  busy: boolean;
}

type VariableDef = ({ kind: 'plain'; name: string; raw: unknown; entry: undefined } | { kind: 'copy'; name: string; raw: undefined; entry: CopyEntry }) & {
  memo: Resolution | undefined;
  busy: boolean;
};

const SECURE_TYPES = new Set(['securestring', 'secureobject']);

/** securestring or secureobject, any case. */
function isSecureType(type: unknown): boolean {
  return typeof type === 'string' && SECURE_TYPES.has(type.toLowerCase());
}

const CYCLE: Resolution = { kind: 'cycle' };
const MISSING: Resolution = { kind: 'missing' };

/**
 * Definitions by name, as ARM looks them up: the exact spelling first (a property check, no
 * index: nearly every reference is spelled like its definition), then case-insensitively through
 * an index of lower-cased names built on the first miss (the last matching definition wins, as
 * with duplicate keys in JSON). Each definition object is made once, so memos stay with it.
 */
class DefinitionTable<T> {
  private readonly definitions: Record_ | undefined;
  private readonly make: (key: string, raw: unknown) => T;
  /** Extra definitions declared by one entry (a `copy` array of variables), or undefined. */
  private readonly declaredBy: (key: string, raw: unknown) => [string, T][] | undefined;
  private readonly byKey = new Map<string, T>();
  /** Lower-case name → the key as written, or the definition an entry declared (a `copy` variable). */
  private lowerIndex: Map<string, string | { declared: T }> | undefined;

  constructor(
    definitions: Record_ | undefined,
    make: (key: string, raw: unknown) => T,
    declaredBy: (key: string, raw: unknown) => [string, T][] | undefined = () => undefined,
  ) {
    this.definitions = definitions;
    this.make = make;
    this.declaredBy = declaredBy;
  }

  find(name: string): T | undefined {
    const known = this.byKey.get(name);
    if (known !== undefined) return known;
    const definitions = this.definitions;
    if (definitions === undefined) return undefined;
    // The exact spelling first (nearly every reference), then any case.
    if (Object.hasOwn(definitions, name) && this.declaredBy(name, definitions[name]) === undefined) return this.definition(name, definitions[name]);
    const entry = this.index(definitions).get(name.toLowerCase());
    if (entry === undefined) return undefined;
    return typeof entry === 'string' ? this.definition(entry, definitions[entry]) : entry.declared;
  }

  private definition(key: string, raw: unknown): T {
    let found = this.byKey.get(key);
    if (found === undefined) this.byKey.set(key, (found = this.make(key, raw)));
    return found;
  }

  /** Definitions are made when looked up, not when indexed: a name that is not there must not make them all. */
  private index(definitions: Record_): Map<string, string | { declared: T }> {
    if (this.lowerIndex === undefined) {
      const index = new Map<string, string | { declared: T }>();
      for (const key of Object.keys(definitions)) {
        const declared = this.declaredBy(key, definitions[key]);
        if (declared === undefined) index.set(key.toLowerCase(), key);
        else for (const [name, def] of declared) index.set(name.toLowerCase(), { declared: def });
      }
      this.lowerIndex = index;
    }
    return this.lowerIndex;
  }
}

/** Parameters and variables of one template, shared by every scope that sees them. */
class Bindings {
  private readonly template: Record_;
  private readonly supplied: Supplied;
  private readonly spelling: ExpressionSpelling | undefined;
  private parameterTable: DefinitionTable<ParameterDef> | undefined;
  private variableTable: DefinitionTable<VariableDef> | undefined;

  constructor(template: Record_, supplied: Supplied, spelling: ExpressionSpelling | undefined) {
    this.template = template;
    this.supplied = supplied;
    this.spelling = spelling;
  }

  resolveParameter(owner: ScopeImpl, name: string, state: EvalState): Resolution {
    const found = this.parameters().find(name);
    if (found === undefined) return MISSING;
    if (found.secure) return secretResolution(found); // whatever value is available
    if (found.memo !== undefined) return found.memo;
    if (found.busy) return CYCLE;
    found.busy = true;
    try {
      const result = this.computeParameter(owner, found, state);
      if (!state.exhausted) found.memo = result; // a value cut short by this evaluation's steps is not the parameter's
      return result;
    } finally {
      found.busy = false;
    }
  }

  resolveVariable(owner: ScopeImpl, name: string, state: EvalState): Resolution {
    const def = this.variables().find(name);
    if (def === undefined) return MISSING;
    if (def.memo !== undefined) return def.memo;
    if (def.busy) return CYCLE;
    def.busy = true;
    try {
      const errors: ExpressionError[] = [];
      const ctx: RawContext = { scope: owner, errors, state, copy: [], withOffsets: false };
      const value = def.kind === 'plain' ? evaluateRaw(def.raw, ctx) : expandCopy(def.entry, ctx, `variables(${quote(def.name)})`);
      const result: Resolution = { kind: 'value', value, errors: errors.length === 0 ? errors : carried(errors, `in variable '${def.name}'`) };
      if (!state.exhausted) def.memo = result; // a value cut short by this evaluation's steps is not the variable's
      return result;
    } finally {
      def.busy = false;
    }
  }

  private computeParameter(owner: ScopeImpl, found: ParameterDef, state: EvalState): Resolution {
    const { name, def } = found;
    const supplied = this.supplied;
    if (supplied.kind === 'file') {
      const key = findKey(supplied.values, name);
      if (key !== undefined) return { kind: 'value', value: fromJson(supplied.values[key]), errors: [] };
      const reason = supplied.deploymentTime?.get(name.toLowerCase());
      if (reason !== undefined) return { kind: 'value', value: parameterUnknown(found, reason), errors: [] };
    } else {
      // Values of a nested/linked deployment are expressions of the parent template.
      const key = supplied.parameters === undefined ? undefined : findKey(supplied.parameters, name);
      const entry = key === undefined ? undefined : asRecord(supplied.parameters?.[key]);
      if (entry !== undefined) {
        if (!hasProperty(entry, 'value')) return { kind: 'value', value: parameterUnknown(found, 'key-vault'), errors: [] }; // e.g. a Key Vault reference
        const errors: ExpressionError[] = [];
        const value = evaluateRaw(propertyOf(entry, 'value'), { scope: supplied.parent, errors, state, copy: [], withOffsets: false });
        return { kind: 'value', value, errors: carried(errors, `in the value of parameter '${name}'`) };
      }
      if (supplied.viaLink) return { kind: 'value', value: parameterUnknown(found, 'linked-parameters-file'), errors: [] }; // values live in the parameters file
    }
    if (hasProperty(def, 'defaultValue')) {
      const errors: ExpressionError[] = [];
      const value = evaluateRaw(propertyOf(def, 'defaultValue'), { scope: owner, errors, state, copy: [], withOffsets: false });
      return { kind: 'value', value, errors: carried(errors, `in the default value of parameter '${name}'`) };
    }
    return { kind: 'value', value: parameterUnknown(found, 'no-value'), errors: [] };
  }

  private parameters(): DefinitionTable<ParameterDef> {
    return (this.parameterTable ??= new DefinitionTable(recordOf(this.template, 'parameters'), (name, raw) => {
      const def = asRecord(raw) ?? {};
      // A type reached through $ref, or an object or array with secure parts: never evaluated.
      const secure = isSecureType(propertyOf(def, 'type')) || hasSecurePart(def, this.template);
      return { name, def, secure, text: this.spelling?.spellParameter(name), memo: undefined, busy: false };
    }));
  }

  private variables(): DefinitionTable<VariableDef> {
    return (this.variableTable ??= new DefinitionTable<VariableDef>(
      recordOf(this.template, 'variables'),
      (name, raw) => ({ kind: 'plain', name, raw, entry: undefined, memo: undefined, busy: false }),
      copyVariables,
    ));
  }
}

/**
 * Errors met in a definition, as seen where it is used: without their offsets (they are in
 * another string); a budget error stays one. Each is carried once and only the first few: a
 * variable that uses a broken one twice must not double its errors (forty such variables would
 * carry 2^40).
 */
function carried(errors: ExpressionError[], where: string): ExpressionError[] {
  return dedupe(errors)
    .slice(0, MAX_CARRIED_ERRORS)
    .map((e): ExpressionError => {
      const message = `${where}: ${e.message}`;
      if (e.kind === 'budget') return { message, kind: 'budget', limit: e.limit };
      return isCircularReference(e) ? { message, circular: true } : { message };
    });
}

const MAX_CARRIED_ERRORS = 16;

/** "copy": [{ "name": "v", "count": n, "input": ... }] declares variable v (and more). */
function copyVariables(key: string, raw: unknown): [string, VariableDef][] | undefined {
  if (key.toLowerCase() !== 'copy' || !Array.isArray(raw)) return undefined;
  const declared: [string, VariableDef][] = [];
  for (const entry of raw) {
    const copy = copyEntryOf(entry);
    if (copy) declared.push([copy.name, { kind: 'copy', name: copy.name, raw: undefined, entry: copy, memo: undefined, busy: false }]);
  }
  return declared;
}

function secretResolution(found: ParameterDef): Resolution {
  return { kind: 'value', value: parameterUnknown(found, 'secure'), errors: [] };
}

function parameterUnknown(found: ParameterDef, reason: MissingParameterValue): Unknown {
  return new Unknown(parameterText(found), { kind: 'parameter', name: found.name, reason });
}

function parameterText(found: ParameterDef): string {
  return (found.text ??= `parameters(${quote(found.name)})`);
}

export class ScopeImpl implements TemplateScope {
  readonly isTemplateScope = true as const;
  /** The deployment scope resourceGroup() and subscription() resolve against, when known. */
  readonly kind: ScopeKind | undefined;
  readonly templatePath: string | undefined;
  /** Steps left to every evaluation in this scope and the nested and linked scopes made from it. */
  readonly budget: TotalBudget;
  /** How the template's own language writes its expressions, when it was lowered from one (Bicep). */
  readonly spelling: ExpressionSpelling | undefined;
  private readonly bindings: Bindings;

  private constructor(
    bindings: Bindings,
    kind: ScopeKind | undefined,
    context: { templatePath: string | undefined; budget: TotalBudget; spelling: ExpressionSpelling | undefined },
  ) {
    this.bindings = bindings;
    this.kind = kind;
    this.templatePath = context.templatePath;
    this.budget = context.budget;
    this.spelling = context.spelling;
  }

  resolveParameter(name: string, state: EvalState): Resolution {
    return this.bindings.resolveParameter(this, name, state);
  }

  resolveVariable(name: string, state: EvalState): Resolution {
    return this.bindings.resolveVariable(this, name, state);
  }

  /** `spelling`: a nested template's is its parent's (one lowered file); a linked template has none of its own. */
  static forTemplate(
    template: Record_,
    supplied: Supplied,
    kind: ScopeKind | undefined,
    context: { templatePath: string | undefined; spelling: ExpressionSpelling | undefined },
  ): ScopeImpl {
    const budget = supplied.kind === 'deployment' ? supplied.parent.budget : newTotalBudget();
    return new ScopeImpl(new Bindings(template, supplied, context.spelling), kind, { ...context, budget });
  }
}

const SCHEMA_KINDS: readonly [string, ScopeKind][] = [
  ['/subscriptiondeploymenttemplate.json', 'subscription'],
  ['/managementgroupdeploymenttemplate.json', 'managementGroup'],
  ['/tenantdeploymenttemplate.json', 'tenant'],
  ['/deploymenttemplate.json', 'resourceGroup'],
];

function kindFromSchema(schema: unknown): ScopeKind | undefined {
  if (typeof schema !== 'string') return undefined;
  const lower = schema.toLowerCase();
  return SCHEMA_KINDS.find(([marker]) => lower.includes(marker))?.[1];
}

export function createTemplateScope(
  template: Record<string, unknown>,
  options: {
    parameterValues?: Record<string, unknown>;
    /** Parameters known only at deployment whatever their default (lower-case names), and why. */
    deploymentTimeParameters?: ReadonlyMap<string, MissingParameterValue>;
    scopeKind?: ScopeKind;
    templatePath?: string;
    /** The template was lowered from another language (Bicep): how that language writes its expressions. */
    spelling?: ExpressionSpelling;
  } = {},
): TemplateScope {
  const kind = options.scopeKind ?? kindFromSchema(propertyOf(template, '$schema'));
  return ScopeImpl.forTemplate(template, { kind: 'file', values: options.parameterValues ?? {}, deploymentTime: options.deploymentTimeParameters }, kind, {
    templatePath: options.templatePath,
    spelling: options.spelling,
  });
}

function toScopeImpl(scope: TemplateScope): ScopeImpl {
  if (scope instanceof ScopeImpl) return scope;
  throw new TypeError('not a TemplateScope created by this module');
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * The scope a nested or linked deployment runs at, from its own properties as ARM reads them: a
 * `resourceGroup` targets a resource group, `subscriptionId` alone a subscription, neither the
 * parent's scope. A `scope` property is left to the template's $schema (undefined without one).
 */
function deploymentKind(deployment: Record_, template: Record_, parentKind: ScopeKind | undefined): ScopeKind | undefined {
  if (isSet(propertyOf(deployment, 'resourceGroup'))) return 'resourceGroup';
  if (isSet(propertyOf(deployment, 'subscriptionId'))) return 'subscription';
  if (isSet(propertyOf(deployment, 'scope'))) return kindFromSchema(propertyOf(template, '$schema'));
  return parentKind;
}

export function createNestedScope(parent: TemplateScope, deployment: Record<string, unknown>): TemplateScope {
  const parentScope = toScopeImpl(parent);
  const properties = recordOf(deployment, 'properties') ?? {};
  const template = recordOf(properties, 'template') ?? {};
  const options = recordOf(properties, 'expressionEvaluationOptions');
  const mode = options === undefined ? undefined : propertyOf(options, 'scope');
  if (typeof mode === 'string' && mode.toLowerCase() === 'inner') {
    const supplied: Supplied = { kind: 'deployment', parent: parentScope, parameters: recordOf(properties, 'parameters'), viaLink: false };
    return ScopeImpl.forTemplate(template, supplied, deploymentKind(deployment, template, parentScope.kind), {
      templatePath: parentScope.templatePath,
      spelling: parentScope.spelling,
    });
  }
  // 'outer' (the default): the nested template sees the parent's parameters and variables, and
  // resourceGroup()/subscription() are the parent's ("Function resolution in scopes").
  return parentScope;
}

export function createLinkedScope(parent: TemplateScope, linkedTemplate: Record<string, unknown>, deployment: Record<string, unknown>): TemplateScope {
  const parentScope = toScopeImpl(parent);
  const properties = recordOf(deployment, 'properties') ?? {};
  const supplied: Supplied = {
    kind: 'deployment',
    parent: parentScope,
    parameters: recordOf(properties, 'parameters'),
    viaLink: propertyOf(properties, 'parametersLink') !== undefined,
  };
  return ScopeImpl.forTemplate(linkedTemplate, supplied, deploymentKind(deployment, linkedTemplate, parentScope.kind), {
    templatePath: undefined,
    spelling: undefined,
  });
}
