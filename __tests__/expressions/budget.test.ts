// The work budget (src/expressions/budget.ts): values that describe far more than they are
// written stop at the budget as a typed Unknown with a budget error, whatever walks them.
// No time is asserted here: the time bound is in the benchmark (scripts/bench.ts, doubling row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_VALUE_SIZE, sizeOf } from '../../src/expressions/budget.ts';
import { Unknown, dependenciesOf, valueKey, type ArmValue } from '../../src/expressions/value.ts';
import { ev, scopeOf } from './helpers.ts';

/** Forty variables, each `fn` of the previous one twice: 2^40 elements in a few lines. */
function doubling(fn: string, count = 40, first: unknown = 'x'): Record<string, unknown> {
  const variables: Record<string, unknown> = { a0: first };
  for (let i = 1; i <= count; i++) variables[`a${i}`] = `[${fn}(variables('a${i - 1}'), variables('a${i - 1}'))]`;
  return { variables };
}

function overBudget(expression: string, template: Record<string, unknown>): Unknown {
  const { value, errors } = ev(expression, scopeOf(template));
  const budget = errors.filter((e) => e.kind === 'budget');
  assert.ok(budget.length > 0, `expected a budget error, got ${JSON.stringify(errors)}`);
  assert.ok(budget.every((e) => e.limit === 'size' || e.limit === 'steps'));
  // Errors are carried once per variable, not once per use: they do not double either.
  assert.ok(errors.length <= 4, `${errors.length} errors`);
  assert.ok(value instanceof Unknown || typeof value === 'object', 'the value is unknown, or holds the unknown');
  assert.ok(sizeOf(value) <= MAX_VALUE_SIZE);
  return value as Unknown;
}

function limitIn(value: ArmValue): boolean {
  for (const unknown of dependenciesOf(value)) if (unknown.cause.kind === 'limit') return true;
  return false;
}

for (const [fn, consumer] of [
  ['createArray', "string(variables('a40'))"],
  ['createArray', "length(string(variables('a40')))"],
  ['createArray', "equals(variables('a40'), variables('a40'))"],
  ['createArray', "union(variables('a40'), variables('a39'))"],
  ['createArray', "contains(variables('a40'), 'y')"],
  ['concat', "string(variables('a40'))"],
  ['concat', "length(variables('a40'))"],
] as const) {
  test(`budget: ${consumer} over 40 doublings by ${fn} is unknown with a budget error`, () => {
    const first = fn === 'concat' ? ['x'] : 'x';
    const value = overBudget(`[${consumer}]`, doubling(fn, 40, first));
    assert.ok(limitIn(value), 'the unknown says, as data, that a limit made it unknown');
  });
}

test('budget: objects written in the template that double (evaluated leaf by leaf) stop too', () => {
  const variables: Record<string, unknown> = { a0: 'x' };
  for (let i = 1; i <= 40; i++) variables[`a${i}`] = { left: `[variables('a${i - 1}')]`, right: `[variables('a${i - 1}')]` };
  assert.ok(limitIn(overBudget("[string(variables('a40'))]", { variables })));
});

test('budget: a doubled string (concat of strings) stops at the size bound', () => {
  const value = overBudget("[concat('pid-', variables('a40'))]", doubling('concat'));
  assert.ok(limitIn(value));
});

test('budget: unknowns that double through their causes are bounded too', () => {
  // union() of an unknown keeps its inputs: without sizes, walking the dependencies would take 2^40 steps.
  const template = { parameters: { p: { type: 'array' } }, ...doubling('union', 40, "[parameters('p')]") };
  const { value } = ev("[string(variables('a40'))]", scopeOf(template));
  assert.ok(sizeOf(value) <= MAX_VALUE_SIZE);
  assert.ok([...dependenciesOf(value)].length < 1000);
  assert.notEqual(valueKey(value), undefined);
});

test('budget: a value under the bound is kept and exact', () => {
  // 2^16 leaves: about 400,000 units, a tenth of the bound.
  let expected: unknown = 'x';
  for (let i = 1; i <= 16; i++) expected = [expected, expected];
  const { value, errors } = ev("[length(string(variables('a16')))]", scopeOf(doubling('createArray', 16)));
  assert.deepEqual(errors, []);
  assert.equal(value, JSON.stringify(expected).length);
});

test('budget: functions that build more than they read are bounded before building', () => {
  const cases = [
    "[padLeft('x', 2000000000, '0')]",
    "[replace(variables('big'), 'a', variables('big'))]",
    "[format(variables('braces'), variables('big'))]",
    "[join(createArray('a', 'b', 'c'), variables('huge'))]",
  ];
  const big = 'a'.repeat(100_000);
  const template = {
    variables: { big, braces: '{0}'.repeat(100), huge: 'x'.repeat(500_000) },
  };
  for (const expression of cases) {
    const { value, errors } = ev(expression, scopeOf(template));
    assert.ok(value instanceof Unknown && value.cause.kind === 'limit', expression);
    assert.ok(
      errors.some((e) => e.kind === 'budget'),
      expression,
    );
  }
});

test('budget: each evaluation has its own steps; a template that is fine stays fine', () => {
  const scope = scopeOf(doubling('createArray'));
  for (let i = 0; i < 3; i++) assert.ok(ev("[string(variables('a40'))]", scope).errors.some((e) => e.kind === 'budget'));
  const fine = ev("[concat('pid-', variables('a0'))]", scope);
  assert.deepEqual(fine, { value: 'pid-x', errors: [] });
});
