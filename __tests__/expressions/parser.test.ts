import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isExpressionString } from '../../src/expressions/index.ts';
import { parseExpression } from '../../src/expressions/parser.ts';
import { collectionFunctions } from '../../src/expressions/functions/collections.ts';
import { deploymentFunctions } from '../../src/expressions/functions/deployment.ts';
import { DOCUMENTED_FUNCTIONS } from '../../src/expressions/functions/known.ts';
import { logicFunctions } from '../../src/expressions/functions/logic.ts';
import { resolveFunctionName } from '../../src/expressions/functions/registry.ts';
import { stringFunctions } from '../../src/expressions/functions/strings.ts';
import { Unknown } from '../../src/expressions/value.ts';
import { ev, scopeOf, value } from './helpers.ts';

test('isExpressionString: brackets make an expression, [[ escapes it', () => {
  assert.equal(isExpressionString("[concat('a')]"), true);
  assert.equal(isExpressionString('[[notAnExpression]'), false);
  assert.equal(isExpressionString('plain'), false);
  assert.equal(isExpressionString('[no closing'), false);
  assert.equal(isExpressionString('trailing]'), false);
  assert.equal(isExpressionString('[x] '), false);
});

test('escaped brackets evaluate to the string minus its first [', () => {
  // Docs, "Escape characters": "[[test value]" resolves to "[test value]".
  assert.equal(value('[[test value]'), '[test value]');
  assert.equal(value("[[variables('x')]"), "[variables('x')]");
  assert.equal(value('[[x]'), '[x]');
  assert.equal(value('[[]'), '[]');
  assert.equal(value('no brackets here'), 'no brackets here');
});

test('only a string that starts with [ and ends with ] is an expression; [[ escapes nothing else', () => {
  // Docs: "if the literal string doesn't end with a bracket, don't escape the first bracket".
  assert.equal(value('[test] value'), '[test] value');
  assert.equal(value('[[just text'), '[[just text');
  assert.equal(value('[[x] '), '[[x] ');
  assert.equal(value("[concat('a')"), "[concat('a')");
  assert.equal(value('['), '[');
});

test('string literals support doubled quotes', () => {
  assert.equal(value("['it''s']"), "it's");
  assert.equal(value("['''']"), "'");
  assert.equal(value("['']"), '');
  assert.equal(value("['a]b']"), 'a]b');
});

test('numbers: signed 32-bit integers, as ARM scans them', () => {
  assert.equal(value('[42]'), 42);
  assert.equal(value('[add(-3, 5)]'), 2);
  assert.equal(value('[add(+3, 5)]'), 8);
  assert.equal(value('[0]'), 0);
  assert.equal(value('[-2147483648]'), -2147483648);
  assert.equal(value('[2147483647]'), 2147483647);
});

test('decimals, exponents and integers beyond 32 bits are syntax errors', () => {
  const cases: [string, number, RegExp][] = [
    ['[1.5]', 1, /no decimal numbers: '1\.5'/],
    ["[concat('a', 2.0)]", 13, /no decimal numbers/],
    ['[1e3]', 1, /no decimal numbers/],
    ['[2147483648]', 1, /32-bit integers only/],
    ['[add(-, 1)]', 5, /'-' is not a number/],
    ['[12ab]', 3, /unexpected character 'a'/],
  ];
  for (const [text, offset, message] of cases) {
    const result = ev(text);
    assert.equal(result.errors.length, 1, text);
    assert.equal(result.errors[0]?.kind, 'static', text);
    assert.equal(result.errors[0]?.offset, offset, text);
    assert.match(result.errors[0]?.message ?? '', message, text);
    assert.ok(result.value instanceof Unknown, text);
  }
});

test('booleans and null are the functions true(), false() and null(); bare words are errors', () => {
  assert.equal(value('[true()]'), true);
  assert.equal(value('[not(false())]'), true);
  assert.equal(value('[null()]'), null);
  assert.equal(value('[TRUE()]'), true);
  for (const [text, offset] of [
    ['[true]', 1],
    ["[concat('a', false)]", 13],
    ['[if(equals(1, 1), null, 2)]', 18],
    ['[False]', 1],
  ] as const) {
    const result = ev(text);
    assert.equal(result.errors.length, 1, text);
    assert.equal(result.errors[0]?.kind, 'static', text);
    assert.equal(result.errors[0]?.offset, offset, text);
    assert.match(result.errors[0]?.message ?? '', /is not a literal in ARM expressions: write (true|false|null)\(\)/, text);
  }
});

test('property and index access follow a call only, as in ARM', () => {
  for (const [text, offset] of [
    ["['abc'[0]]", 6],
    ["['abc'.length]", 6],
    ['[concat(1[0])]', 9],
  ] as const) {
    const result = ev(text);
    assert.equal(result.errors.length, 1, text);
    assert.equal(result.errors[0]?.offset, offset, text);
  }
  assert.equal(value("[createArray('a', 'b')[1]]"), 'b');
  assert.equal(value("[createArray(createArray('x'))[0][0]]"), 'x');
});

test('identifiers and whitespace follow .NET character classes', () => {
  const scope = scopeOf({ variables: { café: { größe: 3 } } });
  assert.equal(value("[variables('café').größe]", scope), 3);
  // U+00A0 (no-break space) and U+2003 (em space) are white space to .NET's char.IsWhiteSpace.
  assert.equal(value("[\u00a0concat(\u2003'a',\n'b')\t]"), 'ab');
});

test('whitespace is allowed between tokens', () => {
  assert.equal(value("[ concat( 'a' ,  'b' ) ]"), 'ab');
  assert.equal(value("[createObject('k', createObject('n', 1)) . k . n]"), 1);
  assert.equal(value('[createArray(1, 2) [ 1 ] ]'), 2);
});

test('property and index access chain', () => {
  const scope = scopeOf({
    variables: { obj: { name: 'n1', list: [{ id: 'a' }, { id: 'b' }], 'odd-key': 'x' } },
    parameters: { p: { type: 'array', defaultValue: ['zero', 'one'] } },
  });
  assert.equal(value("[variables('obj').name]", scope), 'n1');
  assert.equal(value("[variables('obj').list[1].id]", scope), 'b');
  assert.equal(value("[variables('obj')['odd-key']]", scope), 'x');
  assert.equal(value("[parameters('p')[0]]", scope), 'zero');
  // ARM property names are case-insensitive.
  assert.equal(value("[variables('obj').NAME]", scope), 'n1');
});

test('function names are case-insensitive', () => {
  assert.equal(value("[Concat('a', 'b')]"), 'ab');
  assert.equal(value("[TOLOWER('AB')]"), 'ab');
  assert.equal(value("[tolower('AB')]"), 'ab');
  // Documented functions that are not evaluated, the list* family included, are unknown values.
  for (const text of ["[LISTKEYS('id', '2023-01-01')]", "[listCallbackUrl('id', '2019-05-01').value]", '[UtcNow()]']) {
    const result = ev(text);
    assert.deepEqual(result.errors, [], text);
    assert.ok(result.value instanceof Unknown, text);
  }
  for (const [text, name] of [
    ['[list()]', 'list'],
    ['[concatenate()]', 'concatenate'],
    ['[cöncat()]', 'cöncat'],
  ] as const) {
    assert.deepEqual(
      ev(text).errors,
      [{ message: `unknown function '${name}'`, offset: 1, kind: 'static', diagnostic: { code: 'unknown-function', name } }],
      text,
    );
  }
});

test('every implemented and documented function resolves by name, in any case', () => {
  const implemented = [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions].flatMap((table) => Object.entries(table));
  for (const [name, spec] of implemented) {
    for (const written of [name, name.toLowerCase(), name.toUpperCase()]) {
      assert.equal(resolveFunctionName(written), spec, written);
    }
  }
  const implementedNames = new Set(implemented.map(([name]) => name.toLowerCase()));
  for (const name of DOCUMENTED_FUNCTIONS.filter((documented) => !implementedNames.has(documented.toLowerCase()))) {
    assert.equal(resolveFunctionName(name.toUpperCase()), 'known', name);
  }
  for (const name of ['concatenate', 'conca', 'parameter', 'lis', 'x', 'formatt', 'toLowerCase']) assert.equal(resolveFunctionName(name), undefined, name);
});

test('calls keep their arguments in order, however many', () => {
  for (let count = 0; count <= 6; count++) {
    const args = Array.from({ length: count }, (_, i) => `'${i}'`);
    const result = parseExpression(`[createArray(${args.join(', ')})]`);
    assert.ok(result.ok && result.node.kind === 'call');
    assert.deepEqual(
      result.node.args.map((arg) => (arg.kind === 'string' ? arg.value : undefined)),
      args.map((_, i) => `${i}`),
    );
  }
});

test('user-defined functions namespace.member(...) are unknown, not errors', () => {
  const result = ev("[__bicep.makeName('x', 1)]");
  assert.deepEqual(result.errors, []);
  assert.ok(result.value instanceof Unknown);
  assert.equal(result.value.text, "__bicep.makeName('x', 1)");
});

test('parse errors carry the offset inside the JSON string', () => {
  const cases: [string, number, RegExp][] = [
    ["[concat('pid-', )]", 16, /unexpected character '\)'/],
    ["[concat('a)]", 8, /unterminated string/],
    ["[concat('a']", 11, /expected ',' or '\)'/],
    ["[concat('a'))]", 12, /unexpected character '\)'/],
    ['[]', 1, /empty expression/],
    ['[foo]', 1, /unexpected identifier 'foo'/],
    ['[foo.bar]', 8, /expected '\(' after 'foo.bar'/],
    ["[concat('a',)]", 12, /unexpected character '\)'/],
    ["[concat('a' 'b')]", 12, /expected ',' or '\)'/],
    ['[#]', 1, /unexpected character '#'/],
    ["[variables('x').]", 16, /expected a property name/],
    ['[createArray(1)[0]', 17, /expected '\]' before the end/],
    ["[concat('a')", 0, /./], // no closing bracket: not an expression, a literal
  ];
  for (const [text, offset, message] of cases) {
    const result = ev(text);
    if (!text.endsWith(']')) {
      assert.equal(result.value, text);
      continue;
    }
    assert.equal(result.errors.length, 1, text);
    assert.equal(result.errors[0]?.offset, offset, text);
    assert.match(result.errors[0]?.message ?? '', message, text);
    assert.ok(result.value instanceof Unknown, text);
    assert.equal(result.value.text, text.slice(1, -1).trim());
  }
});

test('each parse builds its own tree (memos on nodes never leak between strings)', () => {
  const a = parseExpression("[concat('same', 1)]");
  const b = parseExpression("[concat('same', 1)]");
  assert.ok(a.ok && b.ok);
  assert.notEqual(a.node, b.node);
  assert.deepEqual(a.node, b.node);
});

test('offsets of nodes point into the original string', () => {
  const result = parseExpression("[ toLower(parameters('x')).y ]");
  assert.ok(result.ok);
  const node = result.node;
  assert.equal(node.kind, 'property');
  assert.equal(node.start, 2);
  assert.equal("[ toLower(parameters('x')).y ]".slice(node.start, node.end), "toLower(parameters('x')).y");
});

test('very deep nesting is a parse error, not a stack overflow', () => {
  const deep = `[${'concat('.repeat(500)}'x'${')'.repeat(500)}]`;
  const result = ev(deep);
  assert.equal(result.errors.length, 1);
  assert.match(result.errors[0]?.message ?? '', /deeper than 200/);
});
