// String functions, mostly with the examples of the ARM docs ("String functions for ARM
// templates", learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string)
// and values from the Azure/bicep baseline src/Bicep.Core.Samples/Files/baselines_bicepparam/
// Expressions/parameters.json, which Bicep computes with the real ARM expression engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ev, shape, value } from './helpers.ts';

test('concat joins strings, integers and booleans', () => {
  assert.equal(value("[concat('left', '-', 'right')]"), 'left-right');
  assert.equal(value("[concat('a', 1, true())]"), 'a1True');
  assert.equal(value("[concat('a', null(), 'b')]"), 'ab');
});

test('concat: known strings and numbers join at once; any other value, wherever it comes, goes the general way', () => {
  assert.equal(value('[concat(1, 2, -3)]'), '12-3');
  assert.equal(value("[concat('a', 'b', true())]"), 'abTrue');
  assert.equal(value("[concat('', null())]"), '');
  assert.match(ev("[concat('a', 'b', createArray('c'))]").errors[0]?.message ?? '', /cannot mix arrays/);
  assert.match(ev("[concat('a', createObject('b', 1))]").errors[0]?.message ?? '', /got an object/);
  assert.deepEqual(shape(value("[concat('a', 'b', resourceGroup().name, 'c')]")), { partial: ['ab', { unknown: 'resourceGroup().name' }, 'c'] });
  assert.deepEqual(shape(value('[concat(resourceGroup().name)]')), { unknown: 'concat(resourceGroup().name)' });
});

test('concat joins arrays', () => {
  // Docs: concat of ["1-1","1-2","1-3"] and ["2-1","2-2","2-3"] has six elements.
  assert.deepEqual(value("[concat(createArray('1-1', '1-2', '1-3'), createArray('2-1', '2-2', '2-3'))]"), ['1-1', '1-2', '1-3', '2-1', '2-2', '2-3']);
  assert.deepEqual(value("[concat(createArray('abc'), createArray('def'))]"), ['abc', 'def']); // bicep baseline
  const mixed = ev("[concat(createArray('a'), 'b')]");
  assert.match(mixed.errors[0]?.message ?? '', /cannot mix arrays/);
});

test('format: the docs example, including the N0 specifier', () => {
  assert.equal(value("[format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)]"), 'Hello, User. Formatted number: 8,175,133');
  assert.equal(value("[format('->{0}<-', 123)]"), '->123<-'); // bicep baseline
});

test('format: escapes, repeats, alignment; strings and booleans ignore the format', () => {
  assert.equal(value("[format('{{literal}} {0}{0}', 'x')]"), '{literal} xx');
  assert.equal(value("[format('[{0,5}|{0,-5}|{0 , 4}]', 'ab')]"), '[   ab|ab   |  ab]');
  assert.equal(value("[format('{0:yyyy}', 'text')]"), 'text');
  assert.equal(value("[format('{0}-{1}', true(), null())]"), 'True-');
  assert.equal(value("[format('{0}', createObject('a', 1))]"), "{'a':1}");
});

test('format: standard numeric formats with the invariant culture', () => {
  assert.equal(value("[format('{0:N2}|{0:D6}|{1:X}|{1:x4}|{0:F1}', 1234, 255)]"), '1,234.00|001234|FF|00ff|1234.0');
  assert.equal(value("[format('{0:N}|{0:F}|{0:D}|{0:G}', -1234)]"), '-1,234.00|-1234.00|-1234|-1234');
  assert.equal(value("[format('{0:D4}|{0:X}', -42)]"), '-0042|FFFFFFFFFFFFFFD6'); // Int64 two's complement
  // PercentPositivePattern and PercentNegativePattern are 0 in the invariant culture: "n %", "-n %".
  assert.equal(value("[format('{0:P}|{1:P0}', 1, -12)]"), '100.00 %|-1,200 %');
});

test('format: custom numeric formats (the examples of .NET\'s "Custom numeric format strings")', () => {
  const cases: [number, string, string][] = [
    [1, '00', '01'],
    [1234, '#,##0', '1,234'],
    [3, '0.00', '3.00'],
    [123, '00000', '00123'],
    [1234567890, '0,0', '1,234,567,890'],
    [123, '#####', '123'],
    [123456, '[##-##-##]', '[12-34-56]'],
    [1234567890, '(###) ###-####', '(123) 456-7890'],
    [1234567890, '#,##0,,', '1,235'], // each comma before the decimal point divides by 1,000
    [1234567890, '#,,,', '1'],
    [2147483647, '#,#,,', '2,147'],
    [1234, '0.0,', '1234.0'], // a comma after the decimal point does nothing
    [1250, '0,.0', '1.3'], // rounding is half away from zero
    [987654, '\\###00\\#', '#987654#'],
    [68, "# 'degrees'", '68 degrees'],
    [68, "#' degrees'", '68 degrees'],
    [1234, '##;(##)', '1234'],
    [-1234, '##;(##)', '(1234)'],
    [0, '##;(##);**Zero**', '**Zero**'],
    [0, '#0.0#;(#0.0#)', '0.0'],
    [-5, '00', '-05'],
    [-400, '0,', '0'], // rounds to zero: integers have no negative zero
    [0, '#', ''],
    [5, '0%', '500%'],
    [12, ' N0', ' N12'], // not a standard format (it does not start with a letter): literal text
  ];
  for (const [number, format, expected] of cases) {
    const text = `[format('{0:${format.replaceAll("'", "''")}}', ${number})]`;
    assert.equal(value(text), expected, text);
  }
});

test('format: what cannot be rendered exactly is unknown, never a wrong value', () => {
  const cases = [
    "[format('vm-{0:E2}', 5)]", // exponent notation
    "[format('vm-{0:0.0E+0}', 5)]",
    "[format('vm-{0:C}', 5)]", // the invariant currency sign and patterns
    "[format('vm-{0:G3}', 12345)]", // exponent notation again
    "[format('vm-{0:N100}', 5)]", // .NET Framework reads this as a custom format, .NET Core does not
    "[format('vm-{0:N0}', json('1.5'))]", // non-integers: .NET Framework and .NET Core round differently
    "[format('vm-{0:0}}}', 5)]", // '}}' after a format: an escape for .NET Framework, an error for .NET Core
  ];
  for (const text of cases) {
    const result = ev(text);
    assert.deepEqual(result.errors, [], text);
    assert.deepEqual(shape(result.value), { unknown: text.slice(1, -1) }, text);
  }
});

test('format: items {0} to {9} and beyond, at any place in the format string', () => {
  const args = "'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'";
  assert.equal(value(`[format('{10}{9}-{0}', ${args})]`), 'kj-a');
  assert.equal(value("[format('{0}', 'x')]"), 'x');
  assert.equal(value("[format('{0}{{}}{1}', 'x', 7)]"), 'x{}7');
  assert.equal(value("[format('{0:D3}|{0}', 7)]"), '007|7');
  assert.deepEqual(shape(value("[format('{0}-{1}', 'x', resourceGroup().id)]")), { partial: ['x-', { unknown: 'resourceGroup().id' }] });
  assert.match(ev("[format('{9}', 'a')]").errors[0]?.message ?? '', /format item \{9\} has no argument/);
});

test('format: bad format strings are errors', () => {
  assert.match(ev("[format('{ 0}', 'a')]").errors[0]?.message ?? '', /invalid format item/); // .NET wants the index at once
  assert.match(ev("[format('{0,}', 'a')]").errors[0]?.message ?? '', /invalid format item/);
  assert.match(ev("[format('{1}', 'a')]").errors[0]?.message ?? '', /no argument/);
  assert.match(ev("[format('{0', 'a')]").errors[0]?.message ?? '', /unmatched '\{'/);
  assert.match(ev("[format('a}b')]").errors[0]?.message ?? '', /unmatched '\}'/);
  assert.match(ev("[format('{x}', 'a')]").errors[0]?.message ?? '', /invalid format item/);
});

test('take, skip and substring: docs examples', () => {
  assert.deepEqual(value("[take(createArray('one', 'two', 'three'), 2)]"), ['one', 'two']);
  assert.equal(value("[take('one two three', 2)]"), 'on');
  assert.deepEqual(value("[skip(createArray('one', 'two', 'three'), 2)]"), ['three']);
  assert.equal(value("[skip('one two three', 4)]"), 'two three');
  assert.equal(value("[substring('one two three', 4, 3)]"), 'two');
  assert.equal(value("[substring('asdfasf', 3)]"), 'fasf'); // bicep baseline
  assert.equal(value("[take('abc', 10)]"), 'abc');
  assert.equal(value("[take('abc', -1)]"), '');
  assert.equal(value("[skip('abc', 10)]"), '');
});

test('substring out of range is an error, as in ARM', () => {
  assert.match(ev("[substring('1234567890', 0, 11)]").errors[0]?.message ?? '', /within a string of length 10/);
  assert.match(ev("[substring('abc', -1)]").errors[0]?.message ?? '', /cannot be negative/);
  assert.match(ev("[take('abc', 'x')]").errors[0]?.message ?? '', /expects an integer/);
});

test('replace, toLower, toUpper, trim', () => {
  assert.equal(value("[replace('123-123-1234', '-', '')]"), '1231231234');
  assert.equal(value("[replace('123-123-1234', '1234', 'xxxx')]"), '123-123-xxxx');
  assert.equal(value("[replace('abc', 'b', '/')]"), 'a/c'); // bicep baseline
  assert.equal(value("[toLower('One Two Three')]"), 'one two three');
  assert.equal(value("[toUpper('One Two Three')]"), 'ONE TWO THREE');
  assert.equal(value("[toLower('AiKInIniIN')]"), 'aikininiin'); // bicep baseline
  assert.equal(value("[trim('    one two three   ')]"), 'one two three');
  assert.equal(value("[trim('  adf asdf  ')]"), 'adf asdf'); // bicep baseline
});

test('string() renders like ARM: compact JSON for objects and arrays', () => {
  assert.equal(value("[string(createObject('valueA', 10, 'valueB', 'Example Text'))]"), '{"valueA":10,"valueB":"Example Text"}');
  assert.equal(value("[string(createArray('a', 'b', 'c'))]"), '["a","b","c"]');
  assert.equal(value('[string(5)]'), '5');
  assert.equal(value('[string(true())]'), 'True');
  assert.equal(value("[string('asdf')]"), 'asdf');
});

test('padLeft, split, join', () => {
  assert.equal(value("[padLeft('123', 10, '0')]"), '0000000123');
  assert.equal(value('[padLeft(13, 5)]'), '   13'); // bicep baseline
  assert.deepEqual(value("[split('one,two,three', ',')]"), ['one', 'two', 'three']);
  assert.deepEqual(value("[split('one;two,three', createArray(',', ';'))]"), ['one', 'two', 'three']);
  assert.deepEqual(value("[split('a/b/c', '/')]"), ['a', 'b', 'c']);
  assert.equal(value("[join(createArray('abc', 'def', 'ghi'), '/')]"), 'abc/def/ghi');
  assert.equal(value("[join(createArray(1, 'b'), ', ')]"), '1, b');
});

test('startsWith and endsWith are case-insensitive', () => {
  assert.equal(value("[startsWith('abcdef', 'ab')]"), true);
  assert.equal(value("[startsWith('abcdef', 'A')]"), true);
  assert.equal(value("[startsWith('abcdef', 'e')]"), false);
  assert.equal(value("[endsWith('abcdef', 'ef')]"), true);
  assert.equal(value("[endsWith('abcdef', 'F')]"), true);
  assert.equal(value("[endsWith('abcdef', 'e')]"), false);
});

test('indexOf and lastIndexOf on strings are case-insensitive', () => {
  assert.equal(value("[indexOf('test', 't')]"), 0);
  assert.equal(value("[lastIndexOf('test', 't')]"), 3);
  assert.equal(value("[indexOf('abcdef', 'CD')]"), 2);
  assert.equal(value("[lastIndexOf('abcdef', 'AB')]"), 0);
  assert.equal(value("[indexOf('abcdef', 'z')]"), -1);
  assert.equal(value("[lastIndexOf('abcba', 'b')]"), 3); // bicep baseline
});

test('base64, dataUri and their inverses', () => {
  assert.equal(value("[base64('one, two, three')]"), 'b25lLCB0d28sIHRocmVl');
  assert.equal(value("[base64ToString('b25lLCB0d28sIHRocmVl')]"), 'one, two, three');
  assert.deepEqual(value('[base64ToJson(base64(\'{"one": "a", "two": "b"}\'))]'), { one: 'a', two: 'b' });
  assert.equal(value("[dataUri('Hello')]"), 'data:text/plain;charset=utf8;base64,SGVsbG8=');
  assert.equal(value("[dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')]"), 'Hello, World!');
  assert.equal(value("[dataUriToString(dataUri('abc'))]"), 'abc'); // bicep baseline
});

test('uri and uriComponent', () => {
  assert.equal(value("[uri('http://contoso.org/firstpath', 'myscript.sh')]"), 'http://contoso.org/myscript.sh');
  assert.equal(value("[uri('https://github.com', 'Azure/bicep')]"), 'https://github.com/Azure/bicep'); // bicep baseline
  assert.equal(value("[uri('https://host/a/b/', 'nested/x.json')]"), 'https://host/a/b/nested/x.json');
  assert.match(ev("[uri('not absolute', 'x')]").errors[0]?.message ?? '', /not an absolute URI/);
  assert.equal(
    value("[uriComponent('http://contoso.com/resources/nested/azuredeploy.json')]"),
    'http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json',
  );
  assert.equal(value("[uriComponent('UB*8h 0+=_)9h9n')]"), 'UB%2A8h%200%2B%3D_%299h9n'); // bicep baseline
  assert.equal(value("[uriComponentToString('%20%25%20')]"), ' % '); // bicep baseline
});

test('json parses JSON text, including the single-quoted style', () => {
  assert.deepEqual(value('[json(\'{"a": "b"}\')]'), { a: 'b' });
  assert.equal(value("[json('{''a'': ''b''}').a]"), 'b');
  assert.equal(value("[json('null')]"), null);
  assert.deepEqual(value("[json('[1, 2]')]"), [1, 2]);
  assert.match(ev("[json('{oops')]").errors[0]?.message ?? '', /not valid JSON/);
});

test('string functions on an unknown argument give an unknown with the call text', () => {
  assert.deepEqual(shape(value('[base64(resourceGroup().id)]')), { unknown: 'base64(resourceGroup().id)' });
  assert.deepEqual(shape(value('[length(resourceGroup().name)]')), { unknown: 'length(resourceGroup().name)' });
  assert.deepEqual(shape(value("[split(subscription().displayName, ' ')]")), { unknown: "split(subscription().displayName, ' ')" });
});
