// The contract between the evaluator and the built-in function implementations.
import type { BudgetLimit } from '../budget.ts';
import type { ExpressionDiagnostic } from '../diagnostics.ts';
import type { ArmValue, Unknown } from '../value.ts';
import type { Frame } from '../frame.ts';

export interface Call {
  /** The name as written (ARM names are case-insensitive). */
  readonly name: string;
  /** Source text of the whole call, the text of Unknown results. */
  readonly text: string;
  readonly argCount: number;
  readonly frame: Frame;
  /** Evaluates argument i on first use (so if() and coalesce() can stay lazy). */
  arg(i: number): ArmValue;
  args(): ArmValue[];
  /** Reports an error at this call that depends on the values. */
  fail(message: string): Unknown;
  /** Reports what ARM rejects at this call whatever the values, as data (diagnostics.ts). */
  reject(diagnostic: ExpressionDiagnostic): Unknown;
  /** Unknown(text), optionally with a known maximum length. */
  unknown(maxLength?: number): Unknown;
  /** Spends steps of the budget on work beyond walking the arguments; false when none are left. */
  afford(units: number): boolean;
  /** Unknown(text) at a bound of the budget (budget.ts), reported at this call. */
  overBudget(limit: BudgetLimit): Unknown;
}

export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  impl: (call: Call) => ArmValue;
}

export type FunctionTable = Record<string, FunctionSpec>;

export function fn(minArgs: number, maxArgs: number, impl: (call: Call) => ArmValue): FunctionSpec {
  return { minArgs, maxArgs, impl };
}
