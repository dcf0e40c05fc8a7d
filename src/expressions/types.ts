// Public result types of the expression module (re-exported by index.ts).
import type { BudgetLimit } from './budget.ts';
import type { ExpressionDiagnostic } from './diagnostics.ts';
import type { ArmValue } from './value.ts';

interface ErrorAt {
  /** In words; for a static error, the catalog's rendering of `diagnostic` (diagnostics.ts). */
  message: string;
  /** 0-based offset inside the JSON string value, when known */
  offset?: number;
}

/**
 * ARM rejects the template whatever the parameter values (syntax, unknown function, wrong argument
 * count, undefined or circular parameter or variable, a scope function at the wrong scope): what is
 * wrong is `diagnostic`, a code and its parameters.
 */
export interface StaticExpressionError extends ErrorAt {
  kind: 'static';
  diagnostic: ExpressionDiagnostic;
}

/** The evaluation stopped at a bound of its work budget (budget.ts), `limit` says which; the value is unknown. */
export interface BudgetExpressionError extends ErrorAt {
  kind: 'budget';
  limit: BudgetLimit;
}

/**
 * Depends on values; or met in a definition a value uses and carried to it in words (scope.ts
 * `carried`), where `circular` says it was a circular reference (ARM rejects it).
 */
export interface ValueExpressionError extends ErrorAt {
  kind?: undefined;
  circular?: true;
}

export type ExpressionError = StaticExpressionError | BudgetExpressionError | ValueExpressionError;

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
