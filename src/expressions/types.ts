// Public result types of the expression module (re-exported by index.ts).
import type { BudgetLimit } from './budget.ts';
import type { ArmValue } from './value.ts';

export interface ExpressionError {
  message: string;
  /** 0-based offset inside the JSON string value, when known */
  offset?: number;
  /**
   * 'static': ARM rejects the template whatever the parameter values (syntax, unknown function,
   * wrong argument count, undefined parameter or variable). 'budget': the evaluation stopped at
   * a bound of its work budget (budget.ts), `limit` says which; the value is unknown. Absent:
   * depends on values.
   */
  kind?: 'static' | 'budget';
  limit?: BudgetLimit;
  /** A circular reference between variables or parameters (ARM rejects it); kept where it is carried. */
  circular?: true;
}

export interface Evaluation {
  value: ArmValue;
  errors: ExpressionError[];
}

/**
 * How a template lowered from another language (Bicep) writes its expressions. The evaluator names
 * what a value depends on (an Unknown's text, for messages only) as the author wrote it, not as
 * the lowering spelled it in ARM's syntax.
 */
export interface ExpressionSpelling {
  /** The source text of the expression `source.slice(start, end)` of the JSON string value `source`, if the lowering wrote it. */
  spellExpression(source: string, start: number, end: number): string | undefined;
  /** How the source language names the template's parameter `name`. */
  spellParameter(name: string): string | undefined;
}

export type ScopeKind = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';
