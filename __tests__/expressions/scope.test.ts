// parameters() and variables() across main, nested (inner/outer) and linked templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLinkedScope, createNestedScope, createTemplateScope, evaluateValue } from '../../src/expressions/index.ts';
import { Unknown } from '../../src/expressions/value.ts';
import { RG_SCHEMA, SUB_SCHEMA, ev, scopeOf, shape, value } from './helpers.ts';

test('parameter values from a parameters file beat defaults', () => {
  const template = { parameters: { name: { type: 'string', defaultValue: 'default' }, other: { type: 'string', defaultValue: 'kept' } } };
  assert.equal(value("[parameters('name')]", scopeOf(template)), 'default');
  const scope = scopeOf(template, { name: 'fromFile' });
  assert.equal(value("[parameters('name')]", scope), 'fromFile');
  assert.equal(value("[parameters('other')]", scope), 'kept');
  // Parameter-file values are literals, never evaluated.
  assert.equal(value("[parameters('name')]", scopeOf(template, { name: "[concat('a')]" })), "[concat('a')]");
});

test('defaults can be expressions, including other parameters', () => {
  const scope = scopeOf({
    parameters: {
      prefix: { type: 'string', defaultValue: 'pid' },
      name: { type: 'string', defaultValue: "[concat(parameters('prefix'), '-x')]" },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    },
  });
  assert.equal(value("[parameters('name')]", scope), 'pid-x');
  assert.deepEqual(shape(value("[parameters('location')]", scope)), { unknown: 'resourceGroup().location' });
});

test('a parameter without value or default is Unknown(parameters(...))', () => {
  const scope = scopeOf({ parameters: { trackingGuid: { type: 'string' } } });
  assert.deepEqual(shape(value("[concat('pid-', parameters('trackingGuid'))]", scope)), { partial: ['pid-', { unknown: "parameters('trackingGuid')" }] });
});

test('parameter and variable names are case-insensitive', () => {
  const scope = scopeOf({ parameters: { MyParam: { type: 'string', defaultValue: 'p' } }, variables: { MyVar: 'v' } }, { myparam: 'file' });
  assert.equal(value("[parameters('myParam')]", scope), 'file');
  assert.equal(value("[variables('MYVAR')]", scope), 'v');
});

test('secure parameters are always unknown: no default or file value ever leaks', () => {
  const scope = scopeOf(
    {
      parameters: {
        password: { type: 'secureString', defaultValue: 'hunter2' },
        secrets: { type: 'SECUREOBJECT', defaultValue: { key: 'value' } },
      },
      variables: { conn: "[concat('pwd=', parameters('password'))]" },
    },
    { password: 'p@ss' },
  );
  assert.deepEqual(shape(value("[parameters('password')]", scope)), { unknown: "parameters('password')" });
  assert.deepEqual(shape(value("[parameters('secrets').key]", scope)), { unknown: "parameters('secrets').key" });
  const through = ev("[concat(variables('conn'), '-', parameters('password'))]", scope);
  const rendered = JSON.stringify(shape(through.value));
  assert.ok(!rendered.includes('hunter2') && !rendered.includes('p@ss'), rendered);
  assert.deepEqual(shape(through.value), { partial: ['pwd=', { unknown: "parameters('password')" }, '-', { unknown: "parameters('password')" }] });
});

test('a missing parameter or variable is an error at the call', () => {
  const missing = ev("[concat('a', parameters('nope'))]");
  assert.deepEqual(missing.errors, [
    { message: "parameter 'nope' is not defined in the template", offset: 13, kind: 'static', diagnostic: { code: 'undefined-parameter', name: 'nope' } },
  ]);
  assert.deepEqual(shape(missing.value), { partial: ['a', { unknown: "parameters('nope')" }] });
  assert.deepEqual(ev("[variables('nope')]").errors, [
    { message: "variable 'nope' is not defined in the template", offset: 1, kind: 'static', diagnostic: { code: 'undefined-variable', name: 'nope' } },
  ]);
});

test('variables are evaluated lazily, once per scope', () => {
  // 'broken' is never used, so its error never shows.
  const scope = scopeOf({ variables: { broken: "[variables('doesNotExist')]", a: "[concat('x', 'y')]", obj: { nested: "[variables('a')]" } } });
  assert.deepEqual(ev("[variables('a')]", scope).errors, []);
  assert.deepEqual(value("[variables('obj')]", scope), { nested: 'xy' });
  const first = value("[variables('obj')]", scope);
  const second = value("[variables('obj')]", scope);
  assert.equal(first, second); // memoized: the very same object
});

test('variable cycles are errors, not infinite loops', () => {
  const scope = scopeOf({ variables: { a: "[variables('b')]", b: "[concat('x', variables('a'))]", self: "[variables('self')]" } });
  const result = ev("[variables('a')]", scope);
  assert.deepEqual(shape(result.value), { partial: ['x', { unknown: "variables('a')" }] });
  assert.match(result.errors[0]?.message ?? '', /circular reference: variable 'a' depends on itself/);
  assert.ok(ev("[variables('self')]", scope).value instanceof Unknown);
  assert.match(ev("[variables('self')]", scope).errors[0]?.message ?? '', /circular reference: variable 'self'/);
  const params = scopeOf({ parameters: { p: { type: 'string', defaultValue: "[parameters('p')]" } } });
  assert.match(ev("[parameters('p')]", params).errors[0]?.message ?? '', /circular reference: parameter 'p'/);
});

test('errors inside a variable are reported without offsets, naming the variable', () => {
  const scope = scopeOf({ variables: { bad: "[take('abc')]" } });
  assert.deepEqual(ev("[variables('bad')]", scope).errors, [{ message: "in variable 'bad': function 'take' expects 2 arguments but got 1" }]);
});

test('variable copy loops', () => {
  const scope = scopeOf({
    parameters: { count: { type: 'int', defaultValue: 3 } },
    variables: {
      copy: [
        { name: 'disks', count: "[parameters('count')]", input: { name: "[concat('disk', copyIndex('disks'))]", lun: "[copyIndex('disks', 1)]" } },
        { name: 'unknownCount', count: '[length(resourceGroup().tags)]', input: 'x' },
      ],
      withProperty: { copy: [{ name: 'items', count: 2, input: "[copyIndex('items')]" }], other: 'kept' },
    },
  });
  assert.deepEqual(value("[variables('disks')]", scope), [
    { name: 'disk0', lun: 1 },
    { name: 'disk1', lun: 2 },
    { name: 'disk2', lun: 3 },
  ]);
  assert.deepEqual(shape(value("[variables('unknownCount')]", scope)), { unknown: "variables('unknownCount')" });
  assert.deepEqual(value("[variables('withProperty')]", scope), { items: [0, 1], other: 'kept' });
  assert.deepEqual(shape(value("[concat('vm-', copyIndex())]")), { partial: ['vm-', { unknown: 'copyIndex()' }] });
});

const parent = () =>
  createTemplateScope(
    {
      $schema: RG_SCHEMA,
      parameters: { env: { type: 'string', defaultValue: 'prod' }, pwd: { type: 'securestring' } },
      variables: { cuaId: 'eb7927c8-dd66-43e1-b0cf-c346a4220633', shared: 'parent-var' },
    },
    { parameterValues: { env: 'test' } },
  );

test('nested template with inner scope: own parameters from the deployment, evaluated in the parent', () => {
  const deployment = {
    type: 'Microsoft.Resources/deployments',
    properties: {
      expressionEvaluationOptions: { scope: 'Inner' },
      parameters: { id: { value: "[variables('cuaId')]" }, label: { value: "[concat(parameters('env'), '-x')]" }, secret: { value: "[parameters('pwd')]" } },
      template: {
        parameters: {
          id: { type: 'string' },
          label: { type: 'string' },
          fallback: { type: 'string', defaultValue: 'nested-default' },
          secret: { type: 'securestring' },
        },
        variables: { shared: 'nested-var' },
      },
    },
  };
  const scope = createNestedScope(parent(), deployment);
  assert.equal(evaluateValue("[concat('pid-', parameters('id'))]", scope).value, 'pid-eb7927c8-dd66-43e1-b0cf-c346a4220633');
  assert.equal(evaluateValue("[parameters('label')]", scope).value, 'test-x');
  assert.equal(evaluateValue("[parameters('fallback')]", scope).value, 'nested-default');
  assert.equal(evaluateValue("[variables('shared')]", scope).value, 'nested-var');
  assert.deepEqual(shape(evaluateValue("[parameters('secret')]", scope).value), { unknown: "parameters('secret')" });
  // The parent's own names are not visible inside.
  assert.match(evaluateValue("[parameters('env')]", scope).errors[0]?.message ?? '', /parameter 'env' is not defined/);
});

test('nested template with outer (or no) scope sees the parent parameters and variables', () => {
  for (const options of [undefined, { scope: 'outer' }]) {
    const deployment = { properties: { ...(options ? { expressionEvaluationOptions: options } : {}), template: { variables: { shared: 'ignored' } } } };
    const scope = createNestedScope(parent(), deployment);
    assert.equal(evaluateValue("[variables('shared')]", scope).value, 'parent-var');
    assert.equal(evaluateValue("[parameters('env')]", scope).value, 'test');
  }
});

test('linked template: parameters from the deployment; parametersLink makes them unknown', () => {
  const linked = {
    $schema: RG_SCHEMA,
    parameters: { id: { type: 'string' }, mode: { type: 'string', defaultValue: 'fallback' } },
    variables: { v: "[concat(parameters('id'), '!')]" },
  };
  const scope = createLinkedScope(parent(), linked, {
    properties: { templateLink: { relativePath: 'x.json' }, parameters: { id: { value: "[parameters('env')]" } } },
  });
  assert.equal(evaluateValue("[variables('v')]", scope).value, 'test!');
  assert.equal(evaluateValue("[parameters('mode')]", scope).value, 'fallback');
  const viaFile = createLinkedScope(parent(), linked, { properties: { templateLink: { uri: 'x' }, parametersLink: { uri: 'p.json' } } });
  assert.deepEqual(shape(evaluateValue("[parameters('mode')]", viaFile).value), { unknown: "parameters('mode')" });
});

test('Key Vault references in deployment parameters are unknown', () => {
  const deployment = {
    properties: {
      expressionEvaluationOptions: { scope: 'inner' },
      parameters: { pwd: { reference: { keyVault: { id: '/x' }, secretName: 's' } } },
      template: { parameters: { pwd: { type: 'string' } } },
    },
  };
  assert.deepEqual(shape(evaluateValue("[parameters('pwd')]", createNestedScope(parent(), deployment)).value), { unknown: "parameters('pwd')" });
});

test('languageVersion 2.0 templates use the same functions', () => {
  const scope = createTemplateScope({
    languageVersion: '2.0',
    parameters: { prefix: { type: 'string', defaultValue: 'pid' } },
    variables: { name: "[format('{0}-{1}', parameters('prefix'), 'eb7927c8-dd66-43e1-b0cf-c346a4220633')]" },
    functions: [{ namespace: '__bicep', members: { f: { parameters: [], output: { type: 'string', value: 'x' } } } }],
  });
  assert.equal(evaluateValue("[variables('name')]", scope).value, 'pid-eb7927c8-dd66-43e1-b0cf-c346a4220633');
  assert.deepEqual(evaluateValue('[__bicep.f()]', scope).errors, []);
});

test('objects and arrays are evaluated leaf by leaf', () => {
  const scope = scopeOf({ parameters: { loc: { type: 'string', defaultValue: 'westeurope' } } });
  const result = evaluateValue({ location: "[parameters('loc')]", tags: ['[[literal]', "[toUpper('a')]", 3], flag: true }, scope);
  assert.deepEqual(result.value, { location: 'westeurope', tags: ['[literal]', 'A', 3], flag: true });
  assert.deepEqual(evaluateValue(null, scope).value, null);
  assert.equal(evaluateValue(5, scope).value, 5);
  // Errors in nested leaves have no offset (it would be relative to another string).
  assert.deepEqual(evaluateValue({ a: "[take('x')]" }, scope).errors, [
    { message: "function 'take' expects 2 arguments but got 1", kind: 'static', diagnostic: { code: 'arity', function: 'take', min: 2, max: 2, got: 1 } },
  ]);
});

const MG_SCHEMA = 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#';
const TENANT_SCHEMA = 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#';

test('resourceGroup() and subscription() outside the scopes that have them are static errors', () => {
  // Docs, "ARM template functions in deployment scopes": resourceGroup() is supported for resource
  // group deployments, subscription() for resource group and subscription deployments.
  const cases: [string, string, RegExp | undefined][] = [
    [RG_SCHEMA, '[resourceGroup().location]', undefined],
    [RG_SCHEMA, '[subscription().id]', undefined],
    [SUB_SCHEMA, '[subscription().id]', undefined],
    [SUB_SCHEMA, '[resourceGroup().location]', /resourceGroup\(\) is only available in deployments to a resource group, not in a deployment to a subscription/],
    [MG_SCHEMA, '[resourceGroup().location]', /not in a deployment to a management group/],
    [TENANT_SCHEMA, '[resourceGroup().location]', /not in a deployment to the tenant/],
    [MG_SCHEMA, '[subscription().id]', /subscription\(\) is only available in deployments to a resource group or a subscription/],
    [TENANT_SCHEMA, '[subscription().id]', /not in a deployment to the tenant/],
    [MG_SCHEMA, '[managementGroup().id]', undefined],
    [TENANT_SCHEMA, '[tenant().tenantId]', undefined],
  ];
  for (const [schema, text, message] of cases) {
    const result = evaluateValue(text, createTemplateScope({ $schema: schema }));
    if (message === undefined) {
      assert.deepEqual(result.errors, [], `${schema} ${text}`);
      continue;
    }
    assert.equal(result.errors.length, 1, `${schema} ${text}`);
    assert.equal(result.errors[0]?.kind, 'static');
    assert.equal(result.errors[0]?.offset, 1);
    assert.match(result.errors[0]?.message ?? '', message);
    assert.ok(result.value instanceof Unknown);
  }
  // Without a known scope nothing is claimed.
  assert.deepEqual(evaluateValue('[resourceGroup().location]', createTemplateScope({})).errors, []);
  assert.deepEqual(evaluateValue('[resourceGroup().location]', createTemplateScope({}, { scopeKind: 'subscription' })).errors.length, 1);
});

test('nested and linked deployments: resourceGroup() follows the scope the functions resolve to', () => {
  const subscriptionParent = () => createTemplateScope({ $schema: SUB_SCHEMA, parameters: { rg: { type: 'string', defaultValue: 'rg1' } } });
  const nested = (deployment: Record<string, unknown>, inner: boolean) =>
    createNestedScope(subscriptionParent(), {
      ...deployment,
      properties: { ...(inner ? { expressionEvaluationOptions: { scope: 'inner' } } : {}), template: { $schema: RG_SCHEMA } },
    });
  const errorsIn = (scope: ReturnType<typeof subscriptionParent>) => evaluateValue('[resourceGroup().location]', scope).errors.length;
  // Inner scope: the deployment's own target ("resourceGroup" → a resource group).
  assert.equal(errorsIn(nested({ resourceGroup: "[parameters('rg')]" }, true)), 0);
  // Inner scope without a target: the parent's subscription.
  assert.equal(errorsIn(nested({}, true)), 1);
  // Outer scope: the functions resolve to the parent's scope, whatever the deployment targets.
  assert.equal(errorsIn(nested({ resourceGroup: 'rg1' }, false)), 1);
  // A `scope` property is read from the nested template's $schema.
  assert.equal(errorsIn(nested({ scope: "[format('Microsoft.Management/managementGroups/{0}', 'mg')]" }, true)), 0);
  // Linked templates always resolve to their own target.
  const linked = { $schema: RG_SCHEMA };
  assert.equal(
    errorsIn(createLinkedScope(subscriptionParent(), linked, { resourceGroup: 'rg1', properties: { templateLink: { relativePath: 'x.json' } } })),
    0,
  );
  assert.equal(errorsIn(createLinkedScope(subscriptionParent(), linked, { properties: { templateLink: { relativePath: 'x.json' } } })), 1);
  // From a management group, subscriptionId alone targets a subscription.
  const mgParent = createTemplateScope({ $schema: MG_SCHEMA });
  const toSubscription = createNestedScope(mgParent, { subscriptionId: 'x', properties: { expressionEvaluationOptions: { scope: 'inner' }, template: {} } });
  assert.deepEqual(evaluateValue('[subscription().id]', toSubscription).errors, []);
  assert.equal(evaluateValue('[subscription().id]', mgParent).errors.length, 1);
});

test('deployment().location is unknown at every scope, never an error or a value', () => {
  // Docs: only subscription, management group and tenant deployments have deployment().location.
  for (const schema of [RG_SCHEMA, SUB_SCHEMA, MG_SCHEMA, TENANT_SCHEMA, undefined]) {
    const result = evaluateValue("[concat('pid-x-', deployment().location)]", createTemplateScope(schema === undefined ? {} : { $schema: schema }));
    assert.deepEqual(result.errors, [], String(schema));
    assert.deepEqual(shape(result.value), { partial: ['pid-x-', { unknown: 'deployment().location' }] });
  }
});
