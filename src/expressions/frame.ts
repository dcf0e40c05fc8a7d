// What an evaluation carries around: the scope, the string being evaluated (for offsets and
// Unknown texts), where errors go, copy-loop indexes, a shared depth counter and the budget.
import { MAX_STEPS, type BudgetLimit, type TotalBudget } from './budget.ts';
import { staticError, type ExpressionDiagnostic } from './diagnostics.ts';
import type { ExpressionError } from './types.ts';
import type { ScopeImpl } from './scope.ts';

export interface CopyBinding {
  /** Lower-cased loop name. */
  name: string;
  index: number;
}

export interface EvalState {
  depth: number;
  /** Steps this evaluation has left (budget.ts). */
  steps: number;
  /** What the scope tree has left for all its evaluations. */
  readonly total: TotalBudget;
  /** The steps ran out (and that was reported). */
  exhausted: boolean;
}

export function newEvalState(total: TotalBudget): EvalState {
  return { depth: 0, steps: MAX_STEPS, total, exhausted: false };
}

/** Spends `units` steps; false once this evaluation or its scope tree has none left. */
export function spend(state: EvalState, units: number): boolean {
  state.steps -= units;
  state.total.remaining -= units;
  return state.steps >= 0 && state.total.remaining >= 0;
}

/** Deep enough for any real template, shallow enough to stop hostile input before the stack does. */
export const MAX_DEPTH = 200;

export interface Frame {
  readonly scope: ScopeImpl;
  /** The whole JSON string value being evaluated. */
  readonly source: string;
  readonly errors: ExpressionError[];
  /** Offsets only make sense for the string the caller passed in, not for variables it uses. */
  readonly withOffsets: boolean;
  /** Active variable/property copy loops, innermost last. */
  readonly copy: readonly CopyBinding[];
  readonly state: EvalState;
}

/** The text of `frame.source.slice(start, end)`, as the template's own language writes it when it was lowered from one. */
export function sourceText(frame: Frame, start: number, end: number): string {
  return frame.scope.spelling?.spellExpression(frame.source, start, end) ?? frame.source.slice(start, end);
}

/** An error that depends on the values, in words. */
export function report(frame: Frame, message: string, offset: number | undefined): void {
  frame.errors.push(frame.withOffsets && offset !== undefined ? { message, offset } : { message });
}

/** What ARM rejects whatever the values, as data (diagnostics.ts). */
export function reportStatic(frame: Frame, diagnostic: ExpressionDiagnostic, offset: number | undefined): void {
  frame.errors.push(staticError(diagnostic, frame.withOffsets ? offset : undefined));
}

export function reportBudget(errors: ExpressionError[], limit: BudgetLimit, offset: number | undefined): void {
  const message =
    limit === 'size' ? 'the value is too large to evaluate (over the evaluation budget)' : 'the evaluation takes too many steps (over the evaluation budget)';
  errors.push(offset === undefined ? { message, kind: 'budget', limit } : { message, offset, kind: 'budget', limit });
}
