// Shared helpers for the expression tests.
import { createTemplateScope, evaluateValue, type Evaluation, type TemplateScope } from '../../src/expressions/index.ts';
import { PartialString, Unknown, type ArmValue } from '../../src/expressions/value.ts';

export const RG_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const SUB_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';

export function scopeOf(template: Record<string, unknown> = {}, parameterValues?: Record<string, unknown>): TemplateScope {
  return createTemplateScope({ $schema: RG_SCHEMA, ...template }, parameterValues === undefined ? {} : { parameterValues });
}

/** Evaluates one expression string in a (by default empty) template. */
export function ev(expression: string, scope: TemplateScope = scopeOf()): Evaluation {
  return evaluateValue(expression, scope);
}

/** The value of an expression that must evaluate without errors. */
export function value(expression: string, scope: TemplateScope = scopeOf()): ArmValue {
  const result = ev(expression, scope);
  if (result.errors.length > 0) throw new Error(`unexpected errors for ${expression}: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** A plain, comparable picture of a value: Unknown → {unknown: text}, PartialString → {partial: [...]}. */
export function shape(v: ArmValue): unknown {
  if (v instanceof Unknown) return { unknown: v.text };
  if (v instanceof PartialString) return { partial: v.parts.map((p) => (typeof p === 'string' ? p : { unknown: p.text })) };
  if (Array.isArray(v)) return v.map(shape);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, shape(item)]));
  return v;
}
