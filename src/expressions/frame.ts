// What an evaluation carries around: the scope, the string being evaluated (for offsets and
// Unknown texts), where errors go, copy-loop indexes and a shared depth counter.
import type { ExpressionError } from './types.ts';
import type { ScopeImpl } from './scope.ts';

export interface CopyBinding {
  /** Lower-cased loop name. */
  name: string;
  index: number;
}

export interface EvalState {
  depth: number;
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

export function report(frame: Frame, message: string, offset: number | undefined, kind?: 'static'): void {
  const error = frame.withOffsets && offset !== undefined ? { message, offset } : { message };
  frame.errors.push(kind ? { ...error, kind } : error);
}
