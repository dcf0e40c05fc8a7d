// Public API of the ARM expression module: scopes for templates and deployments, and static
// evaluation of template values. The rest of the engine uses only what is exported here.
import { dedupe, evaluateRaw, evaluateTopLevelString } from './evaluate.ts';
import { newEvalState } from './frame.ts';
import { ScopeImpl, createLinkedScope, createNestedScope, createTemplateScope, type TemplateScope } from './scope.ts';
import type { Evaluation, ExpressionError } from './types.ts';
import { Unknown } from './value.ts';
import { resolveFunctionName } from './functions/registry.ts';

export type {
  BudgetExpressionError,
  Evaluation,
  ExpressionError,
  ExpressionSpelling,
  ScopeKind,
  StaticExpressionError,
  ValueExpressionError,
} from './types.ts';
export {
  decodeDiagnostics,
  describeDiagnostic,
  encodeDiagnostics,
  isCircularReference,
  staticError,
  type ExpressionDiagnostic,
  type LocatedDiagnostic,
} from './diagnostics.ts';
export type { BudgetLimit } from './budget.ts';
export type { TemplateScope } from './scope.ts';
export { createTemplateScope, createNestedScope, createLinkedScope };
export { isExpressionString } from './parser.ts';
/** ARM's limit on copy loops (names are evaluated per iteration only up to it). */
export { MAX_COPY_COUNT } from './evaluate.ts';
export { armGuid } from './guid.ts';
export { armUniqueString } from './unique-string.ts';
export { referencesIn, type Reference } from './references.ts';
export { findKey, propertyOf } from './raw.ts';

/**
 * Evaluates a raw JSON value from a template. A string that starts with '[' and ends with ']' is
 * an expression, unless it starts with '[[' (the escape: its value is the string minus the first
 * '['); any other string is plain text, '[[' included. Objects and arrays are evaluated leaf by
 * leaf. Never throws.
 */
export function evaluateValue(raw: unknown, scope: TemplateScope): Evaluation {
  try {
    if (!(scope instanceof ScopeImpl))
      return { value: new Unknown(describeRaw(raw), { kind: 'invalid' }), errors: [{ message: 'internal error: not a template scope' }] };
    if (typeof raw === 'string') return evaluateTopLevelString(raw, scope);
    const errors: ExpressionError[] = [];
    const value = evaluateRaw(raw, { scope, errors, state: newEvalState(scope.budget), copy: [], withOffsets: false });
    return { value, errors: dedupe(errors) };
  } catch (error) {
    // A bug here must not take the whole check down; say what happened and move on.
    const message = error instanceof Error ? error.message : String(error);
    return { value: new Unknown(describeRaw(raw), { kind: 'invalid' }), errors: [{ message: `internal error while evaluating: ${message}` }] };
  }
}

function describeRaw(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '') : '(value)';
}

/** Whether ARM knows a function of this name (any case): what a Bicep call can be lowered to. */
export function isArmFunctionName(name: string): boolean {
  return resolveFunctionName(name) !== undefined;
}
