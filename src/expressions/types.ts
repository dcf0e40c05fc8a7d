// Public result types of the expression module (re-exported by index.ts).
import type { BudgetLimit } from './budget.ts';
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

/** A token the parser wanted where it found something else. */
export type ExpectedToken = 'close-bracket' | 'argument-end';

/** What ARM's parser rejects (parser.ts, scanner.ts). An absent `found`: the expression ended first. */
export type SyntaxProblem =
  | { problem: 'empty-expression' }
  | { problem: 'unexpected-end' }
  | { problem: 'unexpected-character'; found: string }
  /** A name not followed by '(' (ARM has no bare identifiers). */
  | { problem: 'unexpected-identifier'; name: string }
  /** `true`, `false` or `null` written bare (ARM has the functions true(), false() and null()). */
  | { problem: 'bare-literal'; name: string }
  | { problem: 'expected'; expected: ExpectedToken; found?: string }
  /** A user-defined function `call` (namespace.name) not followed by '('. */
  | { problem: 'expected-parenthesis'; call: string; found?: string }
  | { problem: 'expected-property-name' }
  | { problem: 'expected-function-name'; namespace: string }
  | { problem: 'unterminated-string' }
  | { problem: 'decimal-number'; text: string }
  /** Digits that are not a 32-bit integer. */
  | { problem: 'number-out-of-range'; text: string }
  | { problem: 'too-deep'; limit: number };

/** A problem ARM rejects whatever the parameter values, as data. */
export type ExpressionDiagnostic =
  | ({ code: 'syntax' } & SyntaxProblem)
  | { code: 'unknown-function'; name: string }
  /** `function` as written; an absent `max`: no upper bound. */
  | { code: 'arity'; function: string; min: number; max?: number; got: number }
  | { code: 'undefined-parameter'; name: string }
  | { code: 'undefined-variable'; name: string }
  | { code: 'circular-parameter'; name: string }
  | { code: 'circular-variable'; name: string }
  /** A scope function called in a deployment to a scope that has none of its kind. */
  | { code: 'wrong-scope'; function: ScopeFunction; scope: ScopeKind };

/** The scope functions a deployment scope may lack (diagnostics.ts SCOPE_FUNCTION_SCOPES says where each is available). */
export type ScopeFunction = 'resourceGroup' | 'subscription';
