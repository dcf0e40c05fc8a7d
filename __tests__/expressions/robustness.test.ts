// evaluateValue never throws and stays bounded on hostile or malformed input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createNestedScope, createTemplateScope, evaluateValue } from '../../src/expressions/index.ts';
import { Unknown } from '../../src/expressions/value.ts';
import { ev, scopeOf } from './helpers.ts';

const scope = scopeOf({
  parameters: { p: { type: 'string', defaultValue: 'x' }, arr: { type: 'array', defaultValue: [1, 2] } },
  variables: { v: "[concat(parameters('p'), resourceGroup().name)]", o: { a: [1, { b: 'c' }] } },
});

const fragments = [
  'concat(',
  'format(',
  "'a'",
  "'{0}'",
  ',',
  ')',
  '(',
  '[',
  ']',
  '.',
  'parameters(',
  "'p'",
  'variables(',
  "'v'",
  "'o'",
  'resourceGroup()',
  'take(',
  'skip(',
  '1',
  '-1',
  '64',
  'if(',
  'true',
  'equals(',
  'toLower(',
  'uniqueString(',
  'guid(',
  'createArray(',
  'createObject(',
  'length(',
  'json(',
  "'{'",
  "''''",
  ' ',
  'copyIndex()',
  'substring(',
  'union(',
  'range(',
];

test('random expressions never throw and always give a value and an error list', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), (pieces) => {
      const result = evaluateValue(`[${pieces.join('')}]`, scope);
      assert.ok(Array.isArray(result.errors));
      assert.notEqual(result.value, undefined);
      for (const error of result.errors) assert.equal(typeof error.message, 'string');
    }),
    { numRuns: 2000 },
  );
});

test('random strings and JSON values never throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (text) => {
      const result = evaluateValue(`[${text}]`, scope);
      assert.ok(Array.isArray(result.errors));
    }),
    { numRuns: 1000 },
  );
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
      const result = evaluateValue(json, scope);
      assert.ok(Array.isArray(result.errors));
    }),
    { numRuns: 300 },
  );
});

test('a long chain of variables hits the depth guard instead of the stack limit', () => {
  const variables: Record<string, string> = { v0: 'end' };
  for (let i = 1; i <= 400; i++) variables[`v${i}`] = `[variables('v${i - 1}')]`;
  const result = ev("[variables('v400')]", scopeOf({ variables }));
  assert.ok(result.value instanceof Unknown);
  assert.ok(result.errors.some((e) => /deeper than 200 levels/.test(e.message)));
  // A short chain is fine.
  assert.equal(ev("[variables('v50')]", scopeOf({ variables })).value, 'end');
});

test('deeply nested JSON values are bounded too', () => {
  let nested: unknown = 'leaf';
  for (let i = 0; i < 500; i++) nested = { a: nested };
  const result = evaluateValue(nested, scope);
  assert.ok(result.errors.some((e) => /deeper than 200 levels/.test(e.message)));
});

test('copy counts above ARM limits are errors, not allocations', () => {
  const big = scopeOf({ variables: { copy: [{ name: 'many', count: 100000000, input: 'x' }] } });
  const result = ev("[variables('many')]", big);
  assert.ok(result.value instanceof Unknown);
  assert.match(result.errors[0]?.message ?? '', /exceeds ARM's limit of 800/);
});

test('malformed templates and deployments do not throw', () => {
  const odd = createTemplateScope({ parameters: ['not', 'an', 'object'], variables: 'nope' });
  assert.match(evaluateValue("[parameters('x')]", odd).errors[0]?.message ?? '', /not defined/);
  const nested = createNestedScope(odd, { properties: 'weird' });
  assert.deepEqual(evaluateValue("['ok']", nested).value, 'ok');
  const inner = createNestedScope(odd, {
    properties: { expressionEvaluationOptions: { scope: 'inner' }, parameters: { a: 'no-value-key' }, template: { parameters: { a: { type: 'string' } } } },
  });
  assert.ok(evaluateValue("[parameters('a')]", inner).value instanceof Unknown);
  // A scope that did not come from this module is reported, not thrown.
  const foreign = evaluateValue("['x']", { isTemplateScope: true });
  assert.match(foreign.errors[0]?.message ?? '', /not a template scope/);
});

test('a __proto__ key stays an ordinary property', () => {
  const result = evaluateValue({ ['__proto__']: "[concat('a', 'b')]" }, scope);
  assert.equal(Object.getPrototypeOf(result.value), Object.prototype);
  assert.deepEqual(Object.keys(result.value as object), ['__proto__']);
});

test('evaluating many names is fast (parse cache, memoized variables)', () => {
  const template = { variables: { cuaId: 'eb7927c8-dd66-43e1-b0cf-c346a4220633' } };
  const start = performance.now();
  for (let i = 0; i < 2000; i++) {
    const s = createTemplateScope(template);
    evaluateValue("[take(concat('pid-', variables('cuaId'), '-', uniqueString(deployment().location)), 64)]", s);
    evaluateValue(`[format('name-{0}-{1}', ${i}, resourceGroup().name)]`, s);
  }
  const elapsed = performance.now() - start;
  assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
});
