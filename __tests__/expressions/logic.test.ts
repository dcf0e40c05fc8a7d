// Logical, comparison, numeric and conversion functions (ARM docs examples).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ev, scopeOf, shape, value } from './helpers.ts';

test('if evaluates only the chosen branch', () => {
  assert.equal(value("[if(equals('a', 'a'), 'yes', 'no')]"), 'yes');
  assert.equal(value("[if(false(), 'yes', 'no')]"), 'no');
  // The untaken branch would fail (missing variable): if() never evaluates it.
  const lazy = ev("[if(true(), 'ok', variables('missing'))]");
  assert.equal(lazy.value, 'ok');
  assert.deepEqual(lazy.errors, []);
});

test('if with an unknown condition is unknown and evaluates neither branch', () => {
  const result = ev("[if(equals(resourceGroup().location, 'westeurope'), 'a', variables('missing'))]");
  assert.deepEqual(shape(result.value), { unknown: "if(equals(resourceGroup().location, 'westeurope'), 'a', variables('missing'))" });
  assert.deepEqual(result.errors, []);
  assert.match(ev("[if('yes', 1, 2)]").errors[0]?.message ?? '', /boolean condition/);
});

test('equals is deep and case-sensitive', () => {
  assert.equal(value('[equals(1, 1)]'), true);
  assert.equal(value("[equals('a', 'A')]"), false);
  assert.equal(value("[equals(1, '1')]"), false);
  assert.equal(value("[equals(createArray('a', 'b'), createArray('a', 'b'))]"), true);
  assert.equal(value("[equals(createObject('a', 1), createObject('a', 1))]"), true);
  assert.equal(value("[equals(createObject('a', 1), createObject('a', 2))]"), false);
  assert.deepEqual(shape(value("[equals(resourceGroup().name, 'rg')]")), { unknown: "equals(resourceGroup().name, 'rg')" });
});

test('equals on partly known strings decides when the known ends differ', () => {
  assert.equal(value("[equals(concat('pid-', resourceGroup().name), 'xyz')]"), false);
  assert.equal(value("[equals(concat(resourceGroup().name, '-suffix'), 'a-other')]"), false);
  assert.deepEqual(shape(value("[equals(concat('pid-', resourceGroup().name), 'pid-rg')]")), {
    unknown: "equals(concat('pid-', resourceGroup().name), 'pid-rg')",
  });
});

test('and, or, not', () => {
  assert.equal(value('[and(true(), true())]'), true);
  assert.equal(value('[and(true(), false())]'), false);
  assert.equal(value('[or(true(), false())]'), true);
  assert.equal(value('[or(false(), false())]'), false);
  assert.equal(value('[not(true())]'), false);
  // A deciding known argument wins over unknown ones.
  assert.equal(value("[and(false(), equals(resourceGroup().name, 'x'))]"), false);
  assert.equal(value("[or(equals(resourceGroup().name, 'x'), true())]"), true);
  assert.deepEqual(shape(value("[and(true(), equals(resourceGroup().name, 'x'))]")), { unknown: "and(true(), equals(resourceGroup().name, 'x'))" });
});

test('comparisons: integers, and strings ordinally', () => {
  assert.equal(value('[less(5, 10)]'), true);
  assert.equal(value("[less('A', 'a')]"), true);
  assert.equal(value('[lessOrEquals(5, 5)]'), true);
  assert.equal(value('[greater(10, 5)]'), true);
  assert.equal(value("[greater('A', 'a')]"), false);
  assert.equal(value('[greaterOrEquals(5, 6)]'), false);
  assert.match(ev("[less(1, 'a')]").errors[0]?.message ?? '', /two integers or two strings/);
});

test('arithmetic with .NET integer semantics', () => {
  assert.equal(value('[add(5, 3)]'), 8);
  assert.equal(value('[sub(7, 3)]'), 4);
  assert.equal(value('[mul(5, 3)]'), 15);
  assert.equal(value('[div(8, 3)]'), 2);
  assert.equal(value('[div(-8, 3)]'), -2);
  assert.equal(value('[mod(7, 3)]'), 1);
  assert.equal(value('[mod(-7, 3)]'), -1);
  assert.match(ev('[div(1, 0)]').errors[0]?.message ?? '', /division by zero/);
});

test('conversions: int, bool, float', () => {
  assert.equal(value("[int('4')]"), 4);
  assert.equal(value('[int(4)]'), 4);
  assert.match(ev("[int('asdf')]").errors[0]?.message ?? '', /cannot convert/);
  assert.equal(value("[bool('true')]"), true);
  assert.equal(value("[bool('False')]"), false);
  assert.equal(value('[bool(0)]'), false);
  assert.equal(value('[bool(1)]'), true);
  assert.equal(value("[float('1.5')]"), 1.5);
});

test('wrong argument counts are errors with the function name', () => {
  const result = ev("[take('abc')]");
  assert.match(result.errors[0]?.message ?? '', /function 'take' expects 2 arguments but got 1/);
  assert.equal(result.errors[0]?.offset, 1);
  assert.match(ev('[not()]').errors[0]?.message ?? '', /expects 1 argument but got 0/);
});

test('conditions like the telemetry opt-out pattern resolve from defaults', () => {
  const scope = scopeOf({ parameters: { telemetryOptOut: { type: 'string', defaultValue: 'No', allowedValues: ['Yes', 'No'] } } });
  assert.equal(value("[equals(parameters('telemetryOptOut'), 'No')]", scope), true);
  const optedOut = scopeOf({ parameters: { telemetryOptOut: { type: 'string', defaultValue: 'No' } } }, { telemetryOptOut: 'Yes' });
  assert.equal(value("[equals(parameters('telemetryOptOut'), 'No')]", optedOut), false);
});
