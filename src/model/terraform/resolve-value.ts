// Resolves a Terraform expression to the values it can take with what the repository holds:
// literals, `var.x` through its default and the .tfvars files of the folder, `local.x`, string
// templates, conditionals with `!`, `==` and `!=`. Anything else (function calls, data sources,
// module outputs, -var flags, TF_VAR_ variables) is unresolved, with the reason.
import type { HclExpression, HclSpan } from '../../parse/hcl/types.ts';

export type HclValue = string | number | boolean | null;

/** Where a value came from: the declaration or assignment that gave it. */
export interface ValueSource {
  /** `default of var.partner_id`, `var.partner_id in prod.tfvars`, `local.pid`. */
  what: string;
  file: string;
  span: HclSpan;
}

export interface PossibleValue {
  value: HclValue;
  via: readonly ValueSource[];
}

export interface Unresolved {
  /** The reference or expression text that could not be resolved. */
  expression: string;
  /** Why, as a predicate of the expression ("is not declared in this folder"). */
  reason: string;
}

export interface Resolution {
  values: readonly PossibleValue[];
  unresolved: readonly Unresolved[];
}

export interface VariableDeclaration {
  name: string;
  file: string;
  default?: { expression: HclExpression };
}

/** An assignment in a .tfvars file. */
export interface VariableAssignment {
  file: string;
  expression: HclExpression;
  /** terraform.tfvars and *.auto.tfvars load by themselves; other files only with -var-file. */
  automatic: boolean;
}

export interface ResolveScope {
  variables: ReadonlyMap<string, VariableDeclaration>;
  /** Per variable, the .tfvars assignments, in the order Terraform loads them. */
  assignments: ReadonlyMap<string, readonly VariableAssignment[]>;
  locals: ReadonlyMap<string, { file: string; expression: HclExpression }>;
}

const MAX_DEPTH = 16;
const MAX_VALUES = 16;

export function resolveExpression(expression: HclExpression, file: string, scope: ResolveScope): Resolution {
  return resolve(expression, { file, scope, depth: 0, seen: new Set() });
}

interface Frame {
  file: string;
  scope: ResolveScope;
  depth: number;
  seen: ReadonlySet<string>;
}

function known(value: HclValue): Resolution {
  return { values: [{ value, via: [] }], unresolved: [] };
}

function unresolved(expression: string, reason: string): Resolution {
  return { values: [], unresolved: [{ expression, reason }] };
}

function resolve(expression: HclExpression, frame: Frame): Resolution {
  if (frame.depth > MAX_DEPTH) return unresolved(describe(expression), 'nests references too deeply');
  switch (expression.kind) {
    case 'literal':
      return known(expression.value);
    case 'reference':
      return resolveReference(expression.names, frame);
    case 'template':
      return resolveTemplate(expression.parts, frame);
    case 'conditional':
      return resolveConditional(expression, frame);
    case 'not':
      return mapValues(resolve(expression.operand, deeper(frame)), (v) => (typeof v === 'boolean' ? !v : undefined), describe(expression));
    case 'compare': {
      const left = resolve(expression.left, deeper(frame));
      const right = resolve(expression.right, deeper(frame));
      return combine([left, right], (values) => (expression.operator === '==') === (values[0] === values[1]));
    }
    case 'other':
      return unresolved(expression.text, 'is an expression cua-guard does not evaluate');
  }
}

function deeper(frame: Frame, extra?: string): Frame {
  const seen = extra === undefined ? frame.seen : new Set([...frame.seen, extra]);
  return { ...frame, depth: frame.depth + 1, seen };
}

export function describe(expression: HclExpression): string {
  if (expression.kind === 'reference') return expression.names.join('.');
  if (expression.kind === 'other') return expression.text;
  if (expression.kind === 'literal') return JSON.stringify(expression.value);
  return 'expression';
}

function resolveReference(names: readonly string[], frame: Frame): Resolution {
  const text = names.join('.');
  const [root, name] = names;
  if (names.length === 2 && root === 'var' && name !== undefined) return resolveVariable(name, frame);
  if (names.length === 2 && root === 'local' && name !== undefined) {
    const local = frame.scope.locals.get(name);
    if (local === undefined) return unresolved(text, 'is not a local value of this folder');
    if (frame.seen.has(text)) return unresolved(text, 'refers to itself');
    const inner = resolve(local.expression, { ...deeper(frame, text), file: local.file });
    return addSource(inner, { what: text, file: local.file, span: local.expression.span });
  }
  return unresolved(text, 'is known only when Terraform runs');
}

function resolveVariable(name: string, frame: Frame): Resolution {
  const text = `var.${name}`;
  const declaration = frame.scope.variables.get(name);
  if (declaration === undefined) return unresolved(text, 'is not declared in this folder');
  const assignments = frame.scope.assignments.get(name) ?? [];
  // The last automatic file wins over the default; each other .tfvars file is one more choice.
  const automatic = assignments.filter((a) => a.automatic).at(-1);
  const chosen: { what: string; file: string; expression: HclExpression }[] = [];
  if (automatic) chosen.push({ what: `${text} in ${baseName(automatic.file)}`, file: automatic.file, expression: automatic.expression });
  else if (declaration.default) chosen.push({ what: `default of ${text}`, file: declaration.file, expression: declaration.default.expression });
  for (const a of assignments.filter((x) => !x.automatic)) chosen.push({ what: `${text} in ${baseName(a.file)}`, file: a.file, expression: a.expression });
  if (chosen.length === 0)
    return unresolved(text, 'has no default and no value in a .tfvars file of this folder (it is set when Terraform runs: -var, TF_VAR_…)');
  const parts = chosen.map((c) =>
    addSource(resolve(c.expression, { ...deeper(frame), file: c.file }), { what: c.what, file: c.file, span: c.expression.span }),
  );
  return union(parts);
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function resolveTemplate(parts: readonly (string | HclExpression)[], frame: Frame): Resolution {
  const resolved = parts.map((p) => (typeof p === 'string' ? known(p) : resolve(p, deeper(frame))));
  return combine(resolved, (values) => (values.every((v) => v !== null && typeof v !== 'object') ? values.map((v) => String(v)).join('') : undefined));
}

function resolveConditional(expression: Extract<HclExpression, { kind: 'conditional' }>, frame: Frame): Resolution {
  const condition = resolve(expression.condition, deeper(frame));
  const whenTrue = (): Resolution => resolve(expression.whenTrue, deeper(frame));
  const whenFalse = (): Resolution => resolve(expression.whenFalse, deeper(frame));
  // A condition that cannot be resolved leaves both branches possible.
  if (condition.values.length === 0) return union([whenTrue(), whenFalse()]);
  const results: Resolution[] = [];
  for (const c of condition.values) {
    if (typeof c.value !== 'boolean') return union([whenTrue(), whenFalse()]);
    results.push(addSources(c.value ? whenTrue() : whenFalse(), c.via));
  }
  if (condition.unresolved.length > 0) results.push(whenTrue(), whenFalse());
  return union(results);
}

function addSource(resolution: Resolution, source: ValueSource): Resolution {
  return addSources(resolution, [source]);
}

function addSources(resolution: Resolution, sources: readonly ValueSource[]): Resolution {
  if (sources.length === 0) return resolution;
  return { values: resolution.values.map((v) => ({ value: v.value, via: [...sources, ...v.via] })), unresolved: resolution.unresolved };
}

/** All values of several resolutions, without repeating a value (the first source kept). */
function union(resolutions: readonly Resolution[]): Resolution {
  const values: PossibleValue[] = [];
  const unresolvedList: Unresolved[] = [];
  for (const r of resolutions) {
    for (const v of r.values) if (!values.some((x) => x.value === v.value) && values.length < MAX_VALUES) values.push(v);
    for (const u of r.unresolved) if (!unresolvedList.some((x) => x.expression === u.expression)) unresolvedList.push(u);
  }
  return { values, unresolved: unresolvedList };
}

function mapValues(resolution: Resolution, map: (value: HclValue) => HclValue | undefined, text: string): Resolution {
  const values: PossibleValue[] = [];
  const extra: Unresolved[] = [];
  for (const v of resolution.values) {
    const mapped = map(v.value);
    if (mapped === undefined) extra.push({ expression: text, reason: 'has an operand of the wrong type' });
    else values.push({ value: mapped, via: v.via });
  }
  return union([{ values, unresolved: [...resolution.unresolved, ...extra] }]);
}

/** Every combination of the parts' values (bounded), through `join`. */
function combine(parts: readonly Resolution[], join: (values: readonly HclValue[]) => HclValue | undefined): Resolution {
  const unresolvedList = parts.flatMap((p) => p.unresolved);
  if (parts.some((p) => p.values.length === 0)) return union([{ values: [], unresolved: unresolvedList }]);
  let combos: { values: HclValue[]; via: ValueSource[] }[] = [{ values: [], via: [] }];
  for (const part of parts) {
    const next: typeof combos = [];
    for (const combo of combos)
      for (const v of part.values) if (next.length < MAX_VALUES) next.push({ values: [...combo.values, v.value], via: [...combo.via, ...v.via] });
    combos = next;
  }
  const values: PossibleValue[] = [];
  for (const combo of combos) {
    const joined = join(combo.values);
    if (joined === undefined) unresolvedList.push({ expression: 'expression', reason: 'has an operand of the wrong type' });
    else values.push({ value: joined, via: combo.via });
  }
  return union([{ values, unresolved: unresolvedList }]);
}
