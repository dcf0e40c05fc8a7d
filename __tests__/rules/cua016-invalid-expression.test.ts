import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeDiagnostics, type LocatedDiagnostic } from '../../src/expressions/index.ts';
import { findingFingerprinter } from '../../src/report/sarif.ts';
import { cua016 } from '../../src/rules/cua016-invalid-expression.ts';
import type { Rule } from '../../src/engine/rule.ts';
import type { Finding } from '../../src/engine/types.ts';
import { ruleTester, runRule, type ValidCase } from '../support/rule-tester.ts';
import { GUID, MG_SCHEMA, SUB_SCHEMA, TENANT_SCHEMA, storageAccount, template, trackingResource, type Json } from '../support/templates.ts';

/** The `problems` data of an `invalid` finding: the catalog's codes and parameters, each with its position. */
const problems = (...diagnostics: LocatedDiagnostic[]): string => encodeDiagnostics(diagnostics);

/** Forty variables, each an array of the previous one twice (2^40 elements), and `extra` ones. */
function doublingVariables(count = 40): Record<string, unknown> {
  const variables: Record<string, unknown> = { a0: 'x' };
  for (let i = 1; i <= count; i++) variables[`a${i}`] = `[createArray(variables('a${i - 1}'), variables('a${i - 1}'))]`;
  return variables;
}

const link = (templateLink: Json): Json => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2021-04-01',
  name: 'child',
  properties: { mode: 'Incremental', templateLink },
});

ruleTester(cua016, {
  valid: [
    { name: 'a correct name', template: template([trackingResource({ name: "[concat('pid-', variables('cuaId'))]" })], { variables: { cuaId: GUID } }) },
    {
      name: 'a correct condition',
      template: template([trackingResource({ condition: "[equals(parameters('p'), 'on')]" })], { parameters: { p: { type: 'string', defaultValue: 'on' } } }),
    },
    {
      name: 'a parameter without a default is unknown, not broken',
      template: template([trackingResource({ name: "[concat('pid-', parameters('id'))]" })], { parameters: { id: { type: 'string' } } }),
    },
  ],
  invalid: [
    {
      name: 'a tracking name over 40 doublings: past the evaluation budget, at the name (not at the variables)',
      template: template([trackingResource({ name: "[concat('pid-', string(variables('a40')))]" })], { variables: doublingVariables() }),
      errors: [
        {
          messageId: 'tooLarge',
          data: { where: 'name', value: `"[concat('pid-', string(variables('a40')))]"` },
          line: 51,
          column: 15,
          endLine: 51,
          endColumn: 59,
        },
      ],
      output: null,
    },
    {
      name: 'a name that walks a large value too often: past the steps of one evaluation',
      template: template([trackingResource({ name: `[concat('pid-'${", string(length(string(variables('a19'))))".repeat(6)})]` })], {
        variables: doublingVariables(19),
      }),
      errors: [
        {
          messageId: 'tooCostly',
          data: {
            where: 'name',
            value: `"[concat('pid-', string(length(string(variables('a19')))), string(length(string(variables('a19')))), string(length(strin… (2 more characters)`,
          },
          line: 30,
          column: 15,
          endLine: 30,
          endColumn: 285,
        },
      ],
      output: null,
    },
    {
      name: 'a value too large to keep, in a condition',
      template: template([trackingResource({ condition: "[equals(length(variables('big')), 1)]" })], {
        variables: { big: "[padLeft('x', 100000000, '0')]" },
      }),
      errors: [
        {
          messageId: 'tooLarge',
          data: { where: 'condition', value: `"[equals(length(variables('big')), 1)]"` },
          line: 20,
          column: 20,
          endLine: 20,
          endColumn: 59,
        },
      ],
      output: null,
    },
    {
      name: 'circular variables (ARM rejects them): an error where the reference that closes the cycle is written',
      template: template([trackingResource({ name: "[concat('pid-', variables('a'))]" })], {
        variables: { a: "[concat('x', variables('b'))]", b: "[variables('a')]", self: "[variables('self')]", useSelf: "[variables('self')]" },
      }),
      errors: [
        {
          messageId: 'invalid',
          data: { where: "variable 'b'", value: `"[variables('a')]"`, problems: problems({ code: 'circular-variable', name: 'a', character: 2 }) },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 28,
        },
      ],
      output: null,
    },
    {
      name: 'property names in any case, as ARM reads them: a Copy loop of variables, a DefaultValue',
      template: template([trackingResource({ name: "[concat('pid-', variables('ids')[0], parameters('p'))]" })], {
        variables: { Copy: [{ Name: 'ids', Count: 1, Input: "[concatt('x')]" }] },
        parameters: { p: { Type: 'string', DefaultValue: '[foo()]' } },
      }),
      errors: [
        {
          messageId: 'invalid',
          data: { where: "variable 'ids'", value: `"[concatt('x')]"`, problems: problems({ code: 'unknown-function', name: 'concatt', character: 2 }) },
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 34,
        },
        {
          messageId: 'invalid',
          data: { where: "default value of parameter 'p'", value: '"[foo()]"', problems: problems({ code: 'unknown-function', name: 'foo', character: 2 }) },
          line: 16,
          column: 23,
          endLine: 16,
          endColumn: 32,
        },
      ],
      output: null,
    },
    {
      name: 'a name that does not parse',
      template: template([trackingResource({ name: "[concat('pid-', )]" })]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'name',
            value: `"[concat('pid-', )]"`,
            problems: problems({ code: 'syntax', problem: 'unexpected-character', found: ')', character: 17 }),
          },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 35,
        },
      ],
      output: null,
    },
    {
      name: 'an unknown function in a name',
      template: template([trackingResource({ name: "[concatenate('pid-', 'x')]" })]),
      errors: [
        {
          messageId: 'invalid',
          data: { where: 'name', value: `"[concatenate('pid-', 'x')]"`, problems: problems({ code: 'unknown-function', name: 'concatenate', character: 2 }) },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 43,
        },
      ],
      output: null,
    },
    {
      name: 'an unbalanced quote in a condition, at the condition',
      template: template([trackingResource({ condition: "[equals(parameters('telemetry'), 'on)]" })], {
        parameters: { telemetry: { type: 'string', defaultValue: 'on' } },
      }),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'condition',
            value: `"[equals(parameters('telemetry'), 'on)]"`,
            problems: problems({ code: 'syntax', problem: 'unterminated-string', character: 34 }),
          },
          line: 23,
          column: 20,
          endLine: 23,
          endColumn: 60,
        },
      ],
      output: null,
    },
    {
      name: 'an unknown function in a location',
      template: template([trackingResource({ location: '[foo()]' })], { $schema: SUB_SCHEMA }),
      errors: [
        {
          messageId: 'invalid',
          data: { where: 'location', value: '"[foo()]"', problems: problems({ code: 'unknown-function', name: 'foo', character: 2 }) },
          line: 17,
          column: 19,
          endLine: 17,
          endColumn: 28,
        },
      ],
      output: null,
    },
    {
      name: 'a wrong argument count in copy.count',
      template: template([trackingResource({ copy: { name: 'loop', count: "[length('a', 'b')]" } })]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'copy.count',
            value: `"[length('a', 'b')]"`,
            problems: problems({ code: 'arity', function: 'length', min: 1, max: 1, got: 2, character: 2 }),
          },
          line: 19,
          column: 18,
          endLine: 19,
          endColumn: 38,
        },
      ],
      output: null,
    },
    {
      name: 'an undefined variable in a name',
      template: template([trackingResource({ name: "[concat('pid-', variables('nope'))]" })]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'name',
            value: `"[concat('pid-', variables('nope'))]"`,
            problems: problems({ code: 'undefined-variable', name: 'nope', character: 17 }),
          },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 52,
        },
      ],
      output: null,
    },
    {
      name: 'a scope function at a scope that has none: resourceGroup() in a subscription deployment',
      template: template([trackingResource({ location: '[resourceGroup().location]' })], { $schema: SUB_SCHEMA }),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'location',
            value: '"[resourceGroup().location]"',
            problems: problems({ code: 'wrong-scope', function: 'resourceGroup', scope: 'subscription', character: 2 }),
          },
          line: 17,
          column: 19,
          endLine: 17,
          endColumn: 47,
        },
      ],
      output: null,
    },
    {
      name: 'a bare literal in a condition (ARM has the function true(), no literal)',
      template: template([trackingResource({ condition: '[and(true, true())]' })]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'condition',
            value: '"[and(true, true())]"',
            problems: problems({ code: 'syntax', problem: 'bare-literal', name: 'true', character: 6 }),
          },
          line: 17,
          column: 20,
          endLine: 17,
          endColumn: 41,
        },
      ],
      output: null,
    },
    {
      name: 'an unknown function and an undefined parameter in one name: both, in source order',
      template: template([trackingResource({ name: "[concat(frob(), parameters('nope'))]" })]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'name',
            value: `"[concat(frob(), parameters('nope'))]"`,
            problems: problems({ code: 'unknown-function', name: 'frob', character: 9 }, { code: 'undefined-parameter', name: 'nope', character: 17 }),
          },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 53,
        },
      ],
      output: null,
    },
    {
      name: 'a broken parameter default, once, at the default, however many values use it',
      template: template(
        [
          trackingResource({ location: "[parameters('where')]", condition: "[not(empty(parameters('where')))]" }),
          storageAccount("[concat('st', parameters('where'))]"),
        ],
        { $schema: SUB_SCHEMA, parameters: { where: { type: 'string', defaultValue: "[concat('a)]" } } },
      ),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: `default value of parameter 'where'`,
            value: `"[concat('a)]"`,
            problems: problems({ code: 'syntax', problem: 'unterminated-string', character: 9 }),
          },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 37,
        },
      ],
      output: null,
    },
    {
      name: 'a broken variable used by three names, once, at the variable',
      template: template([trackingResource(), ...['a', 'b', 'c'].map((suffix) => storageAccount(`[concat(variables('prefix'), '${suffix}')]`))], {
        variables: { prefix: "[concatt('st')]" },
      }),
      errors: [
        {
          messageId: 'invalid',
          data: { where: `variable 'prefix'`, value: `"[concatt('st')]"`, problems: problems({ code: 'unknown-function', name: 'concatt', character: 2 }) },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 32,
        },
      ],
      output: null,
    },
    {
      name: 'an error in a variable reached through another variable, at the variable that has it',
      template: template([trackingResource({ name: "[variables('trackingName')]" })], {
        variables: { trackingName: "[concat('pid-', variables('ids').main)]", ids: { main: GUID, other: "[parameters('nope')]" } },
      }),
      errors: [
        {
          messageId: 'invalid',
          data: { where: `variable 'ids'`, value: `"[parameters('nope')]"`, problems: problems({ code: 'undefined-parameter', name: 'nope', character: 2 }) },
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 38,
        },
      ],
      output: null,
    },
    {
      name: 'a broken value passed to an inner-scoped nested template, at the value',
      template: template([
        trackingResource(),
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2021-04-01',
          name: 'inner',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { suffix: { value: "[toLower('X', 'Y')]" } },
            template: template([storageAccount("[concat('st', parameters('suffix'))]")], { parameters: { suffix: { type: 'string' } } }),
          },
        },
      ]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: `value of parameter 'suffix'`,
            value: `"[toLower('X', 'Y')]"`,
            problems: problems({ code: 'arity', function: 'toLower', min: 1, max: 1, got: 2, character: 2 }),
          },
          line: 29,
          column: 22,
          endLine: 29,
          endColumn: 43,
        },
      ],
      output: null,
    },
    {
      name: 'a templateLink.relativePath ARM rejects, at the path',
      template: template([trackingResource(), link({ relativePath: "[concat('a.json']" })]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'templateLink.relativePath',
            value: `"[concat('a.json']"`,
            problems: problems({ code: 'syntax', problem: 'expected', expected: 'argument-end', character: 17 }),
          },
          line: 25,
          column: 27,
          endLine: 25,
          endColumn: 46,
        },
      ],
      output: null,
    },
    {
      name: 'a SAS token in a broken link is never shown',
      template: template([trackingResource(), link({ uri: "[concat('https://example.com/x.json?sig=secret', foo())]" })]),
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: 'templateLink.uri',
            value: `"[concat('https://example.com/x.json?…"`,
            problems: problems({ code: 'unknown-function', name: 'foo', character: 50 }),
          },
          line: 25,
          column: 18,
          endLine: 25,
          endColumn: 76,
        },
      ],
      output: null,
    },
    {
      name: 'a broken variable in a linked template, in that file',
      template: template([trackingResource(), link({ relativePath: 'nested/child.json' })]),
      linked: { 'nested/child.json': template([storageAccount("[variables('name')]")], { variables: { name: "[concat('st', )]" } }) },
      errors: [
        {
          messageId: 'invalid',
          data: {
            where: `variable 'name'`,
            value: `"[concat('st', )]"`,
            problems: problems({ code: 'syntax', problem: 'unexpected-character', found: ')', character: 15 }),
          },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 31,
          file: 'nested/child.json',
        },
      ],
      output: null,
    },
  ],
});

test('CUA016 messages render', () => {
  const render = (tpl: Json) => runRule(cua016, { name: 'render', template: tpl }).findings.map((f) => f.message);
  assert.deepEqual(render(template([trackingResource({ location: '[foo()]' })], { $schema: SUB_SCHEMA })), [
    `location "[foo()]": unknown function 'foo' (character 2)`,
  ]);
  assert.deepEqual(render(template([trackingResource(), storageAccount("[concat(variables('prefix'), 'a')]")], { variables: { prefix: "[concatt('st')]" } })), [
    `variable 'prefix' "[concatt('st')]": unknown function 'concatt' (character 2)`,
  ]);
  assert.deepEqual(render(template([trackingResource({ name: "[concat('pid-', string(variables('a40')))]" })], { variables: doublingVariables() })), [
    `name "[concat('pid-', string(variables('a40')))]" cannot be checked: it builds a value larger than cua-guard's evaluation budget keeps (over 4 MB as JSON, past ARM's limit for a whole template)`,
  ]);
  const [sas] = render(template([trackingResource(), link({ uri: "[concat('https://example.com/x.json?sig=secret', foo())]" })]));
  assert.doesNotMatch(sas ?? '', /secret/);
});

test('CUA016 messages render each code in the words cua-guard has always used', () => {
  const render = (tpl: Json) => runRule(cua016, { name: 'render', template: tpl }).findings.map((f) => f.message);
  assert.deepEqual(render(template([trackingResource({ name: "[concat(frob(), parameters('nope'), variables('gone'))]" })])), [
    `name "[concat(frob(), parameters('nope'), variables('gone'))]": unknown function 'frob' (character 9); parameter 'nope' is not defined in the template (character 17); variable 'gone' is not defined in the template (character 37)`,
  ]);
  assert.deepEqual(render(template([trackingResource({ condition: '[and(true, concat())]' })])), [
    `condition "[and(true, concat())]": 'true' is not a literal in ARM expressions: write true() (character 6)`,
  ]);
  assert.deepEqual(render(template([trackingResource({ condition: "[equals(tryGet(), substring('a'))]" })])), [
    `condition "[equals(tryGet(), substring('a'))]": function 'tryGet' expects at least 2 arguments but got 0 (character 9); function 'substring' expects 2 to 3 arguments but got 1 (character 19)`,
  ]);
  assert.deepEqual(render(template([trackingResource({ location: '[subscription().location]' })], { $schema: MG_SCHEMA })), [
    `location "[subscription().location]": subscription() is only available in deployments to a resource group or a subscription, not in a deployment to a management group (character 2)`,
  ]);
  assert.deepEqual(render(template([trackingResource({ name: "[variables('a')]" })], { variables: { a: "[variables('a')]" } })), [
    `variable 'a' "[variables('a')]": circular reference: variable 'a' depends on itself (character 2)`,
  ]);
});

/** A finding's fingerprint on its own (the fingerprinter numbers repeats of one identity). */
function fingerprintOf(finding: Finding | undefined): string {
  assert.ok(finding);
  return findingFingerprinter({})(finding);
}

test('CUA016 fingerprints hash the codes and their parameters, not the words: rewording the catalog keeps them', () => {
  const broken: ValidCase = { name: 'fingerprint', template: template([trackingResource({ name: "[concat(frob(), parameters('nope'))]" })]) };
  // The same findings put into other words, as a reworded catalog would render them.
  const reworded: Rule = { ...cua016, meta: { ...cua016.meta, renderData: { problems: () => 'reworded by a new catalog' } } };
  const [finding] = runRule(cua016, broken).findings;
  const [rewordedFinding] = runRule(reworded, broken).findings;
  assert.notEqual(rewordedFinding?.message, finding?.message);
  assert.equal(fingerprintOf(rewordedFinding), fingerprintOf(finding));
  assert.doesNotMatch(JSON.stringify(finding?.data), /unknown function|not defined/, 'the data hashed holds no words');
  // A parameter of a code is part of the identity: the same value at another scope is another finding.
  const at = (schema: string) =>
    runRule(cua016, { name: 'scope', template: template([trackingResource({ location: '[subscription().location]' })], { $schema: schema }) });
  assert.notEqual(fingerprintOf(at(MG_SCHEMA).findings[0]), fingerprintOf(at(TENANT_SCHEMA).findings[0]));
});
