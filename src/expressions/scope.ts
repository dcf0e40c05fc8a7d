// Template scopes: where parameters('x') and variables('x') come from. Creating a scope is O(1);
// definitions are indexed on first use and each value is evaluated once, lazily, with cycle
// detection. Nested and linked deployments get their own scope per ARM's rules.
import { evaluateRaw, expandCopy, isCopyEntry, type RawContext } from './evaluate.ts';
import type { EvalState } from './frame.ts';
import type { ExpressionError, ScopeKind } from './types.ts';
import { Unknown, type ArmValue } from './value.ts';
import { fromJson, quote } from './value-helpers.ts';

export interface TemplateScope {
  /** Opaque: only this module creates and reads scopes. */
  readonly isTemplateScope: true;
}

/** The result of looking a name up: a value (with errors met on the way) or why there is none. */
export type Resolution = { kind: 'value'; value: ArmValue; errors: readonly ExpressionError[] } | { kind: 'missing' } | { kind: 'cycle' };

type Record_ = Record<string, unknown>;

function asRecord(value: unknown): Record_ | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record_) : undefined;
}

/** Case-insensitive own-property lookup on raw JSON. */
function findKey(record: Record_, name: string): string | undefined {
  if (Object.hasOwn(record, name)) return name;
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/** Where a scope's parameter values come from, besides defaultValue. */
type Supplied =
  | { kind: 'file'; values: Record_ }
  | { kind: 'deployment'; parent: ScopeImpl; parameters: Record_ | undefined; viaLink: boolean };

type VariableDef = { kind: 'plain'; name: string; raw: unknown } | { kind: 'copy'; name: string; entry: { name: string; count: unknown; input: unknown } };

const SECURE_TYPES = new Set(['securestring', 'secureobject']);

/** Parameters and variables of one template, shared by every scope that sees them. */
class Bindings {
  private readonly template: Record_;
  private readonly supplied: Supplied;
  private parameterIndex: Map<string, { name: string; def: Record_ }> | undefined;
  private variableIndex: Map<string, VariableDef> | undefined;
  private readonly memo = new Map<string, Resolution>();
  private readonly inProgress = new Set<string>();

  constructor(template: Record_, supplied: Supplied) {
    this.template = template;
    this.supplied = supplied;
  }

  resolveParameter(owner: ScopeImpl, name: string, state: EvalState): Resolution {
    const found = this.parameters().get(name.toLowerCase());
    if (found === undefined) return { kind: 'missing' };
    const text = `parameters(${quote(found.name)})`;
    const type = found.def['type'];
    // Secrets never flow into names or messages, whatever value is available.
    if (typeof type === 'string' && SECURE_TYPES.has(type.toLowerCase())) return { kind: 'value', value: new Unknown(text), errors: [] };
    return this.memoized(`p:${found.name.toLowerCase()}`, () => this.computeParameter(owner, found.name, found.def, text, state));
  }

  resolveVariable(owner: ScopeImpl, name: string, state: EvalState): Resolution {
    const def = this.variables().get(name.toLowerCase());
    if (def === undefined) return { kind: 'missing' };
    return this.memoized(`v:${def.name.toLowerCase()}`, () => {
      const errors: ExpressionError[] = [];
      const ctx: RawContext = { scope: owner, errors, state, copy: [], withOffsets: false };
      const value = def.kind === 'plain' ? evaluateRaw(def.raw, ctx) : expandCopy(def.entry, ctx, `variables(${quote(def.name)})`);
      return { value, errors: errors.map((e) => ({ message: `in variable '${def.name}': ${e.message}` })) };
    });
  }

  private computeParameter(owner: ScopeImpl, name: string, def: Record_, text: string, state: EvalState): { value: ArmValue; errors: ExpressionError[] } {
    const supplied = this.supplied;
    if (supplied.kind === 'file') {
      const key = findKey(supplied.values, name);
      if (key !== undefined) return { value: fromJson(supplied.values[key]), errors: [] };
    } else {
      // Values of a nested/linked deployment are expressions of the parent template.
      const key = supplied.parameters === undefined ? undefined : findKey(supplied.parameters, name);
      const entry = key === undefined ? undefined : asRecord(supplied.parameters?.[key]);
      if (entry !== undefined) {
        if (!('value' in entry)) return { value: new Unknown(text), errors: [] }; // e.g. a Key Vault reference
        const errors: ExpressionError[] = [];
        const value = evaluateRaw(entry['value'], { scope: supplied.parent, errors, state, copy: [], withOffsets: false });
        return { value, errors: errors.map((e) => ({ message: `in the value of parameter '${name}': ${e.message}` })) };
      }
      if (supplied.viaLink) return { value: new Unknown(text), errors: [] }; // values live in the parameters file
    }
    if ('defaultValue' in def) {
      const errors: ExpressionError[] = [];
      const value = evaluateRaw(def['defaultValue'], { scope: owner, errors, state, copy: [], withOffsets: false });
      return { value, errors: errors.map((e) => ({ message: `in the default value of parameter '${name}': ${e.message}` })) };
    }
    return { value: new Unknown(text), errors: [] };
  }

  private memoized(key: string, compute: () => { value: ArmValue; errors: ExpressionError[] }): Resolution {
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(key)) return { kind: 'cycle' };
    this.inProgress.add(key);
    try {
      const result: Resolution = { kind: 'value', ...compute() };
      this.memo.set(key, result);
      return result;
    } finally {
      this.inProgress.delete(key);
    }
  }

  private parameters(): Map<string, { name: string; def: Record_ }> {
    if (this.parameterIndex === undefined) {
      this.parameterIndex = new Map();
      const defs = asRecord(this.template['parameters']);
      if (defs !== undefined) {
        for (const [name, def] of Object.entries(defs)) this.parameterIndex.set(name.toLowerCase(), { name, def: asRecord(def) ?? {} });
      }
    }
    return this.parameterIndex;
  }

  private variables(): Map<string, VariableDef> {
    if (this.variableIndex === undefined) {
      this.variableIndex = new Map();
      const defs = asRecord(this.template['variables']);
      if (defs !== undefined) {
        for (const [name, raw] of Object.entries(defs)) {
          if (name.toLowerCase() === 'copy' && Array.isArray(raw)) {
            // "copy": [{ "name": "v", "count": n, "input": ... }] declares variable v.
            for (const entry of raw) if (isCopyEntry(entry)) this.variableIndex.set(entry.name.toLowerCase(), { kind: 'copy', name: entry.name, entry });
            continue;
          }
          this.variableIndex.set(name.toLowerCase(), { kind: 'plain', name, raw });
        }
      }
    }
    return this.variableIndex;
  }
}

export class ScopeImpl implements TemplateScope {
  readonly isTemplateScope = true as const;
  readonly kind: ScopeKind | undefined;
  readonly templatePath: string | undefined;
  private readonly bindings: Bindings;

  private constructor(bindings: Bindings, kind: ScopeKind | undefined, templatePath: string | undefined) {
    this.bindings = bindings;
    this.kind = kind;
    this.templatePath = templatePath;
  }

  resolveParameter(name: string, state: EvalState): Resolution {
    return this.bindings.resolveParameter(this, name, state);
  }

  resolveVariable(name: string, state: EvalState): Resolution {
    return this.bindings.resolveVariable(this, name, state);
  }

  /** The same parameters and variables under another deployment scope (outer-scoped nesting). */
  withKind(kind: ScopeKind | undefined): ScopeImpl {
    return kind === this.kind ? this : new ScopeImpl(this.bindings, kind, this.templatePath);
  }

  static forTemplate(template: Record_, supplied: Supplied, kind: ScopeKind | undefined, templatePath: string | undefined): ScopeImpl {
    return new ScopeImpl(new Bindings(template, supplied), kind, templatePath);
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
  for (const [marker, kind] of SCHEMA_KINDS) if (lower.includes(marker)) return kind;
  return undefined;
}

export function createTemplateScope(
  template: Record<string, unknown>,
  options: { parameterValues?: Record<string, unknown>; scopeKind?: ScopeKind; templatePath?: string } = {},
): TemplateScope {
  const kind = options.scopeKind ?? kindFromSchema(template['$schema']);
  return ScopeImpl.forTemplate(template, { kind: 'file', values: options.parameterValues ?? {} }, kind, options.templatePath);
}

export function toScopeImpl(scope: TemplateScope): ScopeImpl {
  if (scope instanceof ScopeImpl) return scope;
  throw new TypeError('not a TemplateScope created by this module');
}

export function createNestedScope(parent: TemplateScope, deployment: Record<string, unknown>): TemplateScope {
  const parentScope = toScopeImpl(parent);
  const properties = asRecord(deployment['properties']) ?? {};
  const template = asRecord(properties['template']) ?? {};
  const kind = kindFromSchema(template['$schema']) ?? parentScope.kind;
  const options = asRecord(properties['expressionEvaluationOptions']);
  const mode = options === undefined ? undefined : options['scope'];
  if (typeof mode === 'string' && mode.toLowerCase() === 'inner') {
    const supplied: Supplied = { kind: 'deployment', parent: parentScope, parameters: asRecord(properties['parameters']), viaLink: false };
    return ScopeImpl.forTemplate(template, supplied, kind, parentScope.templatePath);
  }
  // 'outer' (the default): the nested template sees the parent's parameters and variables.
  return parentScope.withKind(kind);
}

export function createLinkedScope(parent: TemplateScope, linkedTemplate: Record<string, unknown>, deployment: Record<string, unknown>): TemplateScope {
  const parentScope = toScopeImpl(parent);
  const properties = asRecord(deployment['properties']) ?? {};
  const supplied: Supplied = {
    kind: 'deployment',
    parent: parentScope,
    parameters: asRecord(properties['parameters']),
    viaLink: properties['parametersLink'] !== undefined,
  };
  return ScopeImpl.forTemplate(linkedTemplate, supplied, kindFromSchema(linkedTemplate['$schema']) ?? parentScope.kind, undefined);
}
