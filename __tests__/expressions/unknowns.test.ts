// Values only known at deployment: Unknown keeps the source text, partly known strings keep
// their known parts in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTemplateScope, evaluateValue } from '../../src/expressions/index.ts';
import { PartialString, Unknown, contextPath, dependsOn, knownPrefix, sameUnknown, valueKey } from '../../src/expressions/value.ts';
import { ev, scopeOf, shape, value, SUB_SCHEMA } from './helpers.ts';

const GUID = 'eb7927c8-dd66-43e1-b0cf-c346a4220633';
const cuaScope = () => scopeOf({ variables: { cuaId: GUID } });

test('the landing-zone tracking name keeps its known prefix pid-<guid>-', () => {
  const result = ev("[take(concat('pid-', variables('cuaId'), '-', uniqueString(deployment().location)), 64)]", cuaScope());
  assert.deepEqual(result.errors, []);
  assert.ok(result.value instanceof PartialString);
  assert.equal(knownPrefix(result.value), `pid-${GUID}-`);
  // uniqueString is 13 characters, so take(..., 64) cannot cut anything: the unknown stays as is.
  assert.deepEqual(shape(result.value), { partial: [`pid-${GUID}-`, { unknown: 'uniqueString(deployment().location)' }] });
  const last = result.value.parts[1];
  assert.ok(last instanceof Unknown && last.maxLength === 13);
});

test('take of a partial string that might be cut keeps the known prefix, then take(...)', () => {
  const text = "take(concat('pid-', variables('cuaId'), '-', resourceGroup().name), 50)";
  assert.deepEqual(shape(value(`[${text}]`, cuaScope())), { partial: [`pid-${GUID}-`, { unknown: text }] });
  // A count inside the known prefix gives a known string.
  assert.equal(value("[take(concat('pid-', resourceGroup().name), 3)]"), 'pid');
});

test('concat and format of known and unknown parts give a PartialString in order', () => {
  assert.deepEqual(shape(value("[concat('a', 'b', resourceGroup().name, 'c', 'd')]")), { partial: ['ab', { unknown: 'resourceGroup().name' }, 'cd'] });
  assert.deepEqual(shape(value(`[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`)), {
    partial: [`pid-${GUID}-`, { unknown: 'uniqueString(deployment().location)' }],
  });
  assert.deepEqual(shape(value("[format('{0}-{1}', resourceGroup().name, subscription().subscriptionId)]")), {
    partial: [{ unknown: 'resourceGroup().name' }, '-', { unknown: 'subscription().subscriptionId' }],
  });
  // Nested partials flatten and adjacent known text merges.
  assert.deepEqual(shape(value("[concat(concat('x', resourceGroup().id), concat('y', 'z'))]")), { partial: ['x', { unknown: 'resourceGroup().id' }, 'yz'] });
});

test('concat of unknowns only is unknown (they could be arrays)', () => {
  assert.deepEqual(shape(value("[concat(parameters('a'), parameters('b'))]", scopeOf({ parameters: { a: { type: 'array' }, b: { type: 'array' } } }))), {
    unknown: "concat(parameters('a'), parameters('b'))",
  });
});

test('toLower/toUpper lower known parts and wrap unknown ones', () => {
  assert.deepEqual(shape(value("[toLower(concat('PID-', resourceGroup().name, '-X'))]")), {
    partial: ['pid-', { unknown: 'toLower(resourceGroup().name)' }, '-x'],
  });
  assert.deepEqual(shape(value("[toUpper(concat('a', resourceGroup().name))]")), { partial: ['A', { unknown: 'toUpper(resourceGroup().name)' }] });
  assert.deepEqual(shape(value('[toLower(resourceGroup().name)]')), { unknown: 'toLower(resourceGroup().name)' });
});

test('skip, substring, replace, trim, startsWith on partial strings', () => {
  assert.deepEqual(shape(value("[skip(concat('pid-x', resourceGroup().name), 4)]")), { partial: ['x', { unknown: 'resourceGroup().name' }] });
  assert.equal(value("[substring(concat('abcdef', resourceGroup().name), 1, 3)]"), 'bcd');
  assert.deepEqual(shape(value("[substring(concat('ab', resourceGroup().name), 1, 3)]")), { unknown: "substring(concat('ab', resourceGroup().name), 1, 3)" });
  assert.deepEqual(shape(value("[replace(concat('a-b-', resourceGroup().name), '-', '')]")), {
    partial: ['ab', { unknown: "replace(resourceGroup().name, '-', '')" }],
  });
  assert.deepEqual(shape(value("[trim(concat('  a', resourceGroup().name, 'b  '))]")), { partial: ['a', { unknown: 'resourceGroup().name' }, 'b'] });
  assert.equal(value("[startsWith(concat('PID-', resourceGroup().name), 'pid-')]"), true);
  assert.equal(value("[startsWith(concat('abc', resourceGroup().name), 'x')]"), false);
  assert.deepEqual(shape(value("[startsWith(concat('ab', resourceGroup().name), 'abc')]")), {
    unknown: "startsWith(concat('ab', resourceGroup().name), 'abc')",
  });
  assert.equal(value("[endsWith(concat(resourceGroup().name, '-tracking'), 'TRACKING')]"), true);
});

test('deployment(), resourceGroup(), subscription(), environment() read as <fn>().<prop>', () => {
  assert.deepEqual(shape(value('[deployment().name]')), { unknown: 'deployment().name' });
  assert.deepEqual(shape(value('[deployment().properties.templateLink.uri]')), { unknown: 'deployment().properties.templateLink.uri' });
  assert.deepEqual(shape(value('[resourceGroup().location]')), { unknown: 'resourceGroup().location' });
  assert.deepEqual(shape(value('[subscription().subscriptionId]')), { unknown: 'subscription().subscriptionId' });
  assert.deepEqual(shape(value('[environment().resourceManager]')), { unknown: 'environment().resourceManager' });
  assert.deepEqual(shape(value('[tenant().tenantId]')), { unknown: 'tenant().tenantId' });
  assert.deepEqual(shape(value('[deployment().location]', scopeOf({ $schema: SUB_SCHEMA }))), { unknown: 'deployment().location' });
  // Index access on an unknown extends its text too.
  assert.deepEqual(shape(value("[resourceGroup().tags['env']]")), { unknown: "resourceGroup().tags['env']" });
  assert.deepEqual(shape(value('[resourceGroup().tags.list[0]]')), { unknown: 'resourceGroup().tags.list[0]' });
});

test('documented functions that are not evaluated give Unknown without errors', () => {
  for (const text of [
    "reference('sa').primaryEndpoints.blob",
    "resourceId('Microsoft.Storage/storageAccounts', 'sa')",
    "subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg')",
    "tenantResourceId('Microsoft.Management/managementGroups', 'mg')",
    "extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'l')",
    'managementGroup().id',
    "listKeys('sa', '2023-01-01').keys[0].value",
    "listCallbackUrl('wf', '2019-05-01').value",
    'utcNow()',
    "pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')",
    "dateTimeAdd('2020-01-01', 'P1D')",
    "map(createArray(1), lambda('x', lambdaVariables('x')))",
  ]) {
    const result = ev(`[${text}]`);
    assert.deepEqual(result.errors, [], text);
    assert.ok(result.value instanceof Unknown, text);
    assert.equal(result.value.text, text);
  }
  assert.deepEqual(shape(value("[concat('pid-', copyIndex())]")), { partial: ['pid-', { unknown: 'copyIndex()' }] });
  const guidLike = value('[newGuid()]');
  assert.ok(guidLike instanceof Unknown && guidLike.maxLength === 36);
});

test('unknown functions are errors naming the function, even in branches never taken', () => {
  const result = ev("[concatenate('pid-', 'x')]");
  assert.deepEqual(result.errors, [
    { message: "unknown function 'concatenate'", offset: 1, kind: 'static', diagnostic: { code: 'unknown-function', name: 'concatenate' } },
  ]);
  assert.ok(result.value instanceof Unknown);
  const hidden = ev("[if(true(), 'a', frobnicate())]");
  assert.equal(hidden.value, 'a');
  assert.deepEqual(hidden.errors, [
    { message: "unknown function 'frobnicate'", offset: 17, kind: 'static', diagnostic: { code: 'unknown-function', name: 'frobnicate' } },
  ]);
});

test('property access on known values: missing properties and bad targets are errors', () => {
  const scope = scopeOf({ variables: { obj: { a: 1 } } });
  const missing = ev("[variables('obj').b]", scope);
  assert.match(missing.errors[0]?.message ?? '', /property 'b' does not exist/);
  assert.equal(missing.errors[0]?.offset, 18);
  assert.deepEqual(shape(missing.value), { unknown: "variables('obj').b" });
  assert.match(ev("[string('text').length]").errors[0]?.message ?? '', /cannot read property 'length' of a string/);
  assert.match(ev('[createArray(1)[3]]').errors[0]?.message ?? '', /out of range/);
});

test('uri() against a template-relative base keeps the relative path for linked templates', () => {
  assert.deepEqual(shape(value("[uri(deployment().properties.templateLink.uri, 'nested/x.json')]")), {
    partial: [{ unknown: 'deployment().properties.templateLink.uri' }, 'nested/x.json'],
  });
  // The quickstart pattern: _artifactsLocation defaults to the template's own location and the
  // SAS token is a secure parameter.
  const scope = scopeOf({
    parameters: {
      _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' },
      _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
    },
  });
  assert.deepEqual(shape(value("[uri(parameters('_artifactsLocation'), concat('nestedtemplates/x.json', parameters('_artifactsLocationSasToken')))]", scope)), {
    partial: [{ unknown: 'deployment().properties.templateLink.uri' }, 'nestedtemplates/x.json', { unknown: "parameters('_artifactsLocationSasToken')" }],
  });
  assert.deepEqual(shape(value("[uri('https://host/a/b.json', concat('c.json', resourceGroup().name))]")), {
    partial: ['https://host/a/c.json', { unknown: 'resourceGroup().name' }],
  });
  assert.deepEqual(shape(value("[uri(concat(resourceGroup().name, '/dir/file.json'), 'other.json')]")), {
    partial: [{ unknown: 'resourceGroup().name' }, '/dir/other.json'],
  });
});

test('take keeps the parts that cannot be cut: known text and bounded hashes', () => {
  const scope = createTemplateScope({ parameters: { location: { type: 'string' } } });
  const value = evaluateValue("[take(format('{0}-alz-mg-{1}', uniqueString(parameters('location')), parameters('location')), 64)]", scope).value;
  assert.ok(value instanceof PartialString);
  assert.equal(value.parts.length, 3);
  assert.ok(value.parts[0] instanceof Unknown);
  assert.equal(value.parts[1], '-alz-mg-');
  assert.match((value.parts[2] as Unknown).text, /^take\(/);
});

test('an unknown says why it is unknown, as data', () => {
  const scope = scopeOf({ parameters: { id: { type: 'string' }, secret: { type: 'securestring', defaultValue: 'x' } } });
  const of = (text: string) => {
    const result = value(text, scope);
    assert.ok(result instanceof Unknown, text);
    return result;
  };
  assert.deepEqual(of("[parameters('id')]").cause, { kind: 'parameter', name: 'id', reason: 'no-value' });
  assert.deepEqual(of("[parameters('secret')]").cause, { kind: 'parameter', name: 'secret', reason: 'secure' });
  assert.deepEqual(contextPath(of('[deployment().properties.templateLink.uri]')), { fn: 'deployment', path: ['properties', 'templateLink', 'uri'] });
  assert.deepEqual(contextPath(of("[managementGroup('mg1')]")), { fn: 'managementGroup', path: [] });
  assert.equal(contextPath(of("[parameters('id')]")), undefined);
  assert.deepEqual(of('[copyIndex()]').cause, { kind: 'copy-index' });
  const hash = of('[uniqueString(resourceGroup().id)]');
  assert.equal(hash.cause.kind, 'hash');
  assert.equal(hash.maxLength, 13);
  const reference = of("[reference('x').outputs]");
  assert.equal(reference.cause.kind, 'member');
  assert.ok(dependsOn(reference, (u) => u.cause.kind === 'call' && u.cause.fn === 'reference'));
  assert.equal(of("[toLower(parameters('id'))]").cause.kind, 'call');
  const bogus = ev('[bogus()]', scope).value;
  assert.equal(bogus instanceof Unknown && bogus.cause.kind, 'invalid');
  // What a value depends on is followed through hashes and functions, not read from its text.
  assert.ok(dependsOn(value("[concat('pid-', uniqueString(toLower(deployment().location)))]", scope), (u) => contextPath(u)?.path[0] === 'location'));
  assert.ok(sameUnknown(of("[parameters('id')]"), of("[parameters('ID')]")));
  assert.ok(!sameUnknown(of('[uniqueString(deployment().name)]'), of('[uniqueString(deployment().location)]')));
});

test('value keys tell apart unknowns computed from different known inputs', () => {
  const scope = scopeOf({});
  const key = (text: string) => valueKey(value(text, scope));
  assert.equal(key("[uniqueString(deployment().name, '0')]"), key("[uniqueString(deployment().name, '0')]"));
  assert.notEqual(key("[uniqueString(deployment().name, '0')]"), key("[uniqueString(deployment().name, '1')]"));
  assert.equal(key("[concat('pid-', 'x')]"), JSON.stringify('pid-x'));
});
