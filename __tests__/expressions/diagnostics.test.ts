// The catalog of static expression diagnostics: what the evaluator reports as data (a code and its
// parameters), the words each code renders to (the messages cua-guard has always shown), and the
// stable encoding findings carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDiagnostics, describeDiagnostic, encodeDiagnostics, type ExpressionDiagnostic } from '../../src/expressions/index.ts';
import { SUB_SCHEMA, ev, scopeOf } from './helpers.ts';

const deep = `[${'createArray('.repeat(201)}${')'.repeat(201)}]`;

/** Expression → what ARM rejects in it, as data and in words. */
const STATIC_CASES: readonly [string, ExpressionDiagnostic, string][] = [
  ['[ ]', { code: 'syntax', problem: 'empty-expression' }, 'empty expression'],
  ['[concat(]', { code: 'syntax', problem: 'unexpected-end' }, 'unexpected end of expression'],
  ["[concat('a') x]", { code: 'syntax', problem: 'unexpected-character', found: 'x' }, "unexpected character 'x'"],
  ['[foo]', { code: 'syntax', problem: 'unexpected-identifier', name: 'foo' }, "unexpected identifier 'foo' (function calls need parentheses)"],
  ['[if(True, 1, 2)]', { code: 'syntax', problem: 'bare-literal', name: 'True' }, "'True' is not a literal in ARM expressions: write true()"],
  ['[createArray(1)[0 1]]', { code: 'syntax', problem: 'expected', expected: 'close-bracket', found: '1' }, "expected ']' but found '1'"],
  ['[createArray(1)[0]', { code: 'syntax', problem: 'expected', expected: 'close-bracket' }, "expected ']' before the end of the expression"],
  ["[concat('a' 'b')]", { code: 'syntax', problem: 'expected', expected: 'argument-end', found: "'" }, "expected ',' or ')' but found '''"],
  ["[concat('a']", { code: 'syntax', problem: 'expected', expected: 'argument-end' }, "expected ',' or ')' before the end of the expression"],
  ['[ns.fn x]', { code: 'syntax', problem: 'expected-parenthesis', call: 'ns.fn', found: 'x' }, "expected '(' after 'ns.fn' but found 'x'"],
  ['[ns.fn]', { code: 'syntax', problem: 'expected-parenthesis', call: 'ns.fn' }, "expected '(' after 'ns.fn' before the end of the expression"],
  ["[concat('a').]", { code: 'syntax', problem: 'expected-property-name' }, "expected a property name after '.'"],
  ['[ns.()]', { code: 'syntax', problem: 'expected-function-name', namespace: 'ns' }, "expected a function name after 'ns.'"],
  ["[concat('a)]", { code: 'syntax', problem: 'unterminated-string' }, 'unterminated string literal'],
  ['[add(1.5, 1)]', { code: 'syntax', problem: 'decimal-number', text: '1.5' }, "ARM expressions have no decimal numbers: '1.5' (write json('1.5'))"],
  [
    '[add(9999999999, 1)]',
    { code: 'syntax', problem: 'number-out-of-range', text: '9999999999' },
    "'9999999999' is not a number ARM reads (32-bit integers only)",
  ],
  [deep, { code: 'syntax', problem: 'too-deep', limit: 200 }, 'expression nests deeper than 200 levels'],
  ["[concatenate('a')]", { code: 'unknown-function', name: 'concatenate' }, "unknown function 'concatenate'"],
  ['[toLower()]', { code: 'arity', function: 'toLower', min: 1, max: 1, got: 0 }, "function 'toLower' expects 1 argument but got 0"],
  ["[substring('a')]", { code: 'arity', function: 'substring', min: 2, max: 3, got: 1 }, "function 'substring' expects 2 to 3 arguments but got 1"],
  ['[tryGet()]', { code: 'arity', function: 'tryGet', min: 2, got: 0 }, "function 'tryGet' expects at least 2 arguments but got 0"],
  ['[coalesce()]', { code: 'arity', function: 'coalesce', min: 1, got: 0 }, "function 'coalesce' expects at least 1 argument but got 0"],
  ["[parameters('nope')]", { code: 'undefined-parameter', name: 'nope' }, "parameter 'nope' is not defined in the template"],
  ["[variables('nope')]", { code: 'undefined-variable', name: 'nope' }, "variable 'nope' is not defined in the template"],
];

test('the evaluator reports what ARM rejects as a code and its parameters; the message is the catalog rendering it', () => {
  for (const [expression, diagnostic, message] of STATIC_CASES) {
    const errors = ev(expression).errors;
    assert.equal(errors.length, 1, expression);
    const [error] = errors;
    assert.equal(error?.kind, 'static', expression);
    assert.deepEqual(error.kind === 'static' ? error.diagnostic : undefined, diagnostic, expression);
    assert.equal(error.message, message, expression);
    assert.equal(describeDiagnostic(diagnostic), message, expression);
  }
});

test('a scope function at a scope that has none is a code with the function and the scope', () => {
  const [error] = ev('[resourceGroup().location]', scopeOf({ $schema: SUB_SCHEMA })).errors;
  assert.equal(error?.kind, 'static');
  assert.deepEqual(error.kind === 'static' ? error.diagnostic : undefined, { code: 'wrong-scope', function: 'resourceGroup', scope: 'subscription' });
  assert.equal(error.message, 'resourceGroup() is only available in deployments to a resource group, not in a deployment to a subscription');
});

test('circular references render as they always have', () => {
  assert.equal(describeDiagnostic({ code: 'circular-variable', name: 'a' }), "circular reference: variable 'a' depends on itself");
  assert.equal(describeDiagnostic({ code: 'circular-parameter', name: 'p' }), "circular reference: parameter 'p' depends on itself");
});

test('the encoding is stable JSON (keys sorted) and decodes to the same diagnostics', () => {
  const located = [
    { code: 'arity', function: 'concat', min: 1, got: 0, character: 2 },
    { code: 'syntax', problem: 'expected', expected: 'argument-end', character: 9 },
  ] as const;
  const text = encodeDiagnostics(located);
  assert.equal(
    text,
    '[{"character":2,"code":"arity","function":"concat","got":0,"min":1},{"character":9,"code":"syntax","expected":"argument-end","problem":"expected"}]',
  );
  assert.deepEqual(decodeDiagnostics(text), located);
  assert.deepEqual(decodeDiagnostics('[]'), []);
});

test('decoding takes only what the catalog writes', () => {
  for (const text of [
    'unknown function',
    '{"code":"unknown-function","name":"x"}',
    '[{"code":"no-such-code","name":"x"}]',
    '[{"code":"unknown-function","name":1}]',
    '[{"code":"unknown-function","name":"x","extra":"y"}]',
    '[{"code":"unknown-function"}]',
    '[{"code":"unknown-function","name":"x","character":"2"}]',
    '[{"code":"syntax","problem":"no-such-problem"}]',
    '[{"code":"syntax","problem":"expected","expected":"semicolon"}]',
    '[{"code":"wrong-scope","function":"tenant","scope":"subscription"}]',
    '[{"code":"toString","name":"x"}]',
  ]) {
    assert.equal(decodeDiagnostics(text), undefined, text);
  }
});
