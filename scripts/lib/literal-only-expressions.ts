// Benchmark (f) only: the expression module with evaluateValue replaced by a literal-only
// resolver (a string that is not an expression is itself; anything else is unknown), to measure
// what evaluating names costs. Loaded in place of src/expressions/index.ts by literal-only-hooks.ts.
import { Unknown, type ArmValue } from '../../src/expressions/value.ts';

export * from '../../src/expressions/index.ts';

export function evaluateValue(value: unknown): { value: ArmValue; errors: never[] } {
  if (typeof value === 'string') {
    if (!value.startsWith('[') || value.startsWith('[[')) return { value: value.startsWith('[[') ? value.slice(1) : value, errors: [] };
    return { value: new Unknown(value.slice(1, -1)), errors: [] };
  }
  return { value: (value ?? null) as ArmValue, errors: [] };
}
