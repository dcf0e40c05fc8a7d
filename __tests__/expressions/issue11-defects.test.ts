// Issue 11's smaller evaluator defects: objectKeys(), circular references, property names in any case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNestedScope, isCircularReference } from '../../src/expressions/index.ts';
import { Unknown } from '../../src/expressions/value.ts';
import { ev, scopeOf, value } from './helpers.ts';

test('objectKeys: the keys of an object in order; unknown for an unknown; an error for a non-object', () => {
  assert.deepEqual(value("[objectKeys(createObject('b', 1, 'a', 2))]"), ['b', 'a']);
  assert.deepEqual(value("[objectKeys(json('{}'))]"), []);
  const scope = scopeOf({ parameters: { p: { type: 'object' } } });
  const unknown = ev("[objectKeys(parameters('p'))]", scope);
  assert.deepEqual(unknown.errors, []);
  assert.ok(unknown.value instanceof Unknown && unknown.value.cause.kind === 'call' && unknown.value.cause.fn === 'objectKeys');
  const bad = ev("[objectKeys('text')]");
  assert.ok(bad.value instanceof Unknown);
  assert.match(bad.errors[0]?.message ?? '', /objectKeys expects an object, got string/);
  assert.equal(
    ev('[objectKeys()]').errors.some((e) => e.kind === 'static'),
    true,
    'wrong argument count is static',
  );
});

test('circular variables and parameter defaults: a circular reference (carried from the definition that closes it), never a hang', () => {
  const scope = scopeOf({
    variables: { a: "[concat('x', variables('b'))]", b: "[variables('a')]" },
    parameters: { p: { type: 'string', defaultValue: "[parameters('p')]" } },
  });
  for (const expression of ["[variables('a')]", "[parameters('p')]"]) {
    const { value: result, errors } = ev(expression, scope);
    assert.notEqual(typeof result, 'string', expression);
    assert.ok(errors.some(isCircularReference), `${expression}: ${JSON.stringify(errors)}`);
  }
});

test('template property names in any case, as ARM reads them', () => {
  const scope = scopeOf({
    Variables: { Copy: [{ NAME: 'list', COUNT: 2, INPUT: "[copyIndex('list')]" }], plain: 'v' },
    Parameters: { p: { Type: 'string', DefaultValue: 'd' }, s: { TYPE: 'SecureString', defaultValue: 'secret' } },
  });
  assert.deepEqual(value("[variables('list')]", scope), [0, 1]);
  assert.equal(value("[variables('plain')]", scope), 'v');
  assert.equal(value("[parameters('p')]", scope), 'd');
  const secret = value("[parameters('s')]", scope);
  assert.ok(secret instanceof Unknown && secret.cause.kind === 'parameter' && secret.cause.reason === 'secure');
  // A property copy loop inside a value, and an inner-scoped nested deployment written in other cases.
  assert.deepEqual(value("[variables('o')]", scopeOf({ variables: { o: { copy: [{ Name: 'disks', Count: 1, Input: 'x' }] } } })), { disks: ['x'] });
  const nested = createNestedScope(scopeOf({ variables: { outer: 'parent' } }), {
    Properties: {
      ExpressionEvaluationOptions: { Scope: 'Inner' },
      Parameters: { q: { Value: "[variables('outer')]" } },
      Template: { parameters: { q: { type: 'string' } } },
    },
  });
  assert.equal(value("[parameters('q')]", nested), 'parent');
});
