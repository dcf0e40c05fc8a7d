// Array and object functions: ARM docs examples ("Array functions", "Object functions") and
// values from the Azure/bicep baseline src/Bicep.Core.Samples/Files/baselines_bicepparam/
// Expressions/parameters.json (computed by the real ARM expression engine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ev, scopeOf, shape, value } from './helpers.ts';

const OBJECT = "createObject('one', 'a', 'two', 'b', 'three', 'c')";

test('createArray and createObject', () => {
  assert.deepEqual(value("[createArray(1, 'b', createArray())]"), [1, 'b', []]);
  assert.deepEqual(
    value(
      "[createObject('intProp', 1, 'stringProp', 'abc', 'boolProp', true(), 'arrayProp', createArray('a', 'b', 'c'), 'objectProp', createObject('key1', 'value1'))]",
    ),
    {
      intProp: 1,
      stringProp: 'abc',
      boolProp: true,
      arrayProp: ['a', 'b', 'c'],
      objectProp: { key1: 'value1' },
    },
  );
  assert.deepEqual(value('[createObject()]'), {});
  assert.match(ev("[createObject('a')]").errors[0]?.message ?? '', /even number/);
});

test('first, last, length, empty', () => {
  assert.equal(value("[first('One Two Three')]"), 'O');
  assert.equal(value("[last('One Two Three')]"), 'e');
  assert.equal(value('[first(createArray(124, 25))]'), 124); // bicep baseline
  assert.equal(value('[last(createArray(1, 2))]'), 2); // bicep baseline
  assert.equal(value('[first(createArray())]'), null);
  assert.equal(value("[length('One Two Three')]"), 13);
  assert.equal(value('[length(createArray(0, 1, 2))]'), 3); // bicep baseline
  assert.equal(value(`[length(${OBJECT})]`), 3);
  assert.equal(value('[empty(createArray())]'), true);
  assert.equal(value('[empty(createObject())]'), true);
  assert.equal(value("[empty('')]"), true);
  assert.equal(value('[empty(null())]'), true);
  assert.equal(value("[empty('x')]"), false);
});

test('contains: strings case-sensitive, object keys case-insensitive, arrays by value', () => {
  assert.equal(value("[contains('OneTwoThree', 'e')]"), true);
  assert.equal(value("[contains('OneTwoThree', 'z')]"), false);
  assert.equal(value("[contains('OneTwoThree', 'one')]"), false);
  assert.equal(value("[contains('foo/bar', '/')]"), true); // bicep baseline
  assert.equal(value(`[contains(${OBJECT}, 'two')]`), true);
  assert.equal(value(`[contains(${OBJECT}, 'Two')]`), true);
  assert.equal(value(`[contains(${OBJECT}, 'four')]`), false);
  assert.equal(value("[contains(createArray('one', 'two', 'three'), 'two')]"), true);
  assert.equal(value("[contains(createArray('one', 'two', 'three'), 'Two')]"), false);
  assert.equal(value('[contains(createArray(1, 2, 3), 3)]'), true);
});

test('indexOf and lastIndexOf on arrays compare whole values', () => {
  assert.equal(value("[indexOf(createArray('abc', 'def', 'ghi'), 'def')]"), 1);
  assert.equal(value("[indexOf(createArray('abc', 'def', 'ghi'), 'DEF')]"), -1);
  assert.equal(value('[lastIndexOf(createArray(1, 2, 3, 4, 1), 1)]'), 4);
  assert.equal(value('[indexOf(createArray(createArray(1)), createArray(1))]'), 0);
});

test('union and intersection (docs examples)', () => {
  assert.deepEqual(value("[union(createArray('one', 'two', 'three'), createArray('three', 'four'))]"), ['one', 'two', 'three', 'four']);
  assert.deepEqual(value("[union(createObject('one', 'a', 'two', 'b', 'three', 'c1'), createObject('three', 'c2', 'four', 'd', 'five', 'e'))]"), {
    one: 'a',
    two: 'b',
    three: 'c2',
    four: 'd',
    five: 'e',
  });
  assert.deepEqual(value("[union(createObject('abc', 'def'), createObject('def', 'ghi'))]"), { abc: 'def', def: 'ghi' }); // bicep baseline
  assert.deepEqual(value("[union(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2)))]"), { a: { x: 1, y: 2 } });
  assert.deepEqual(value("[intersection(createObject('one', 'a', 'two', 'b', 'three', 'c'), createObject('one', 'a', 'two', 'z', 'three', 'c'))]"), {
    one: 'a',
    three: 'c',
  });
  assert.deepEqual(value("[intersection(createArray('one', 'two', 'three'), createArray('two', 'three'))]"), ['two', 'three']);
  assert.deepEqual(value('[intersection(createArray(1, 2, 3), createArray(2, 3, 4))]'), [2, 3]); // bicep baseline
});

test('items sorts by key; tryGet; flatten; shallowMerge; array', () => {
  assert.deepEqual(value("[items(createObject('foo', 'abc', 'bar', 123))]"), [
    { key: 'bar', value: 123 },
    { key: 'foo', value: 'abc' },
  ]); // bicep baseline: items() returns entries sorted by key
  assert.equal(value("[tryGet(createObject('a', createObject('b', 1)), 'a', 'b')]"), 1);
  assert.equal(value("[tryGet(createObject('a', 1), 'missing')]"), null);
  assert.deepEqual(value("[flatten(createArray(createArray('abc'), createArray('def')))]"), ['abc', 'def']); // bicep baseline
  assert.deepEqual(value("[shallowMerge(createArray(createObject('a', 1, 'b', 1), createObject('b', 2)))]"), { a: 1, b: 2 });
  assert.deepEqual(value("[array('efgh')]"), ['efgh']);
  assert.deepEqual(value('[array(createArray(1))]'), [1]);
});

test('coalesce returns the first non-null value and stops at an unknown', () => {
  assert.equal(value('[coalesce(null(), null(), 1, 2, 3)]'), 1);
  assert.equal(value("[coalesce(null(), 'default')]"), 'default');
  assert.equal(value('[coalesce(null())]'), null);
  assert.deepEqual(shape(value("[coalesce(null(), resourceGroup().tags, 'x')]")), { unknown: "coalesce(null(), resourceGroup().tags, 'x')" });
  assert.equal(value("[coalesce('a', resourceGroup().tags)]"), 'a');
});

test('range, min, max', () => {
  assert.deepEqual(value('[range(1, 5)]'), [1, 2, 3, 4, 5]);
  assert.deepEqual(value('[range(0, 3)]'), [0, 1, 2]); // bicep baseline
  assert.equal(value('[min(0, 3, 2, 5, 4)]'), 0);
  assert.equal(value('[max(0, 3, 2, 5, 4)]'), 5);
  assert.equal(value('[min(createArray(0, 3, 2, 5, 4))]'), 0);
  assert.equal(value('[max(1, 2, 3)]'), 3); // bicep baseline
  assert.match(ev('[range(0, 100000)]').errors[0]?.message ?? '', /between 0 and 10000/);
});

test('arrays keep unknown elements: length and first still work', () => {
  const scope = scopeOf({ variables: { list: ['[resourceGroup().location]', 'westeurope'] } });
  assert.equal(value("[length(variables('list'))]", scope), 2);
  assert.deepEqual(shape(value("[first(variables('list'))]", scope)), { unknown: 'resourceGroup().location' });
  assert.equal(value("[last(variables('list'))]", scope), 'westeurope');
  assert.equal(value("[contains(variables('list'), 'westeurope')]", scope), true);
  assert.deepEqual(shape(value("[contains(variables('list'), 'northeurope')]", scope)), { unknown: "contains(variables('list'), 'northeurope')" });
});
