// Hostile template content, deterministic: 10,000-level nesting in every place a rule looks,
// megabyte strings and expressions, deep child resources. Each must end in a result (never an
// exception), with positions inside the file, in bounded time.
// Cases marked `todo` reproduce crashes in lead-owned code (reported, with the proposed fix); they
// turn into ordinary passing tests once fixed: drop the `todo` then.
import { RULES } from '../../src/rules/index.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplateText } from '../../src/engine/check-template.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { resultViolations } from '../../scripts/lib/fuzz-invariants.ts';
import { deepText } from '../../scripts/lib/fuzz-templates.ts';
import { GUID } from '../support/templates.ts';

const DEEP = deepText(10_000, 'array');
const DEEP_OBJECT = deepText(10_000, 'object');
const SUB = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';

function tracking(extra = '', overrides: Record<string, string> = {}): string {
  const fields = {
    type: '"Microsoft.Resources/deployments"',
    apiVersion: '"2021-04-01"',
    name: `"pid-${GUID}"`,
    properties: '{"mode": "Incremental", "template": {"resources": []}}',
    ...overrides,
  };
  return `{${Object.entries(fields)
    .map(([k, v]) => `"${k}": ${v}`)
    .join(', ')}${extra}}`;
}

function checkBounded(text: string, limitMs = 10_000) {
  const started = performance.now();
  const result = checkTemplateText({ file: 'azuredeploy.json', text }, { rules: RULES, settings: DEFAULT_CHECK_SETTINGS });
  const ms = performance.now() - started;
  assert.deepEqual(resultViolations(result, 'azuredeploy.json', new Map([['azuredeploy.json', text]])), []);
  assert.ok(ms < limitMs, `took ${ms.toFixed(0)} ms`);
  return result;
}

const cases: Record<string, string> = {
  'resources nested 10,000 arrays deep': `{"resources": ${DEEP}}`,
  'a variable nested 10,000 objects deep': `{"variables": {"v": ${DEEP_OBJECT}}, "resources": [${tracking()}]}`,
  'the same, with a comment (JSONC path)': `// comment\n{"variables": {"v": ${DEEP_OBJECT}}, "resources": [${tracking()}],}`,
  'broken JSON nested 10,000 deep': `{"resources": ${DEEP}`,
  'broken JSONC nested 10,000 deep': `/* c */ {"resources": ${DEEP}, }}`,
  'a 10,000-deep condition': `{"resources": [${tracking(`, "condition": ${DEEP}`)}]}`,
  'a 10,000-deep mode': `{"resources": [${tracking('', { properties: `{"mode": ${DEEP}, "template": {"resources": []}}` })}]}`,
  'a 10,000-deep location at subscription scope': `{"$schema": "${SUB}", "resources": [${tracking(`, "location": ${DEEP}`)}]}`,
  'a 10,000-deep name': `{"resources": [{"type": "Microsoft.Resources/deployments", "name": ${DEEP_OBJECT}}]}`,
  'a 10,000-deep copy count': `{"resources": [${tracking(`, "copy": {"name": "l", "count": ${DEEP}}`)}]}`,
  'a 10,000-deep suppression': `{"resources": [${tracking(`, "metadata": {"cua-guard": {"ignore": ${DEEP}, "reason": ${DEEP}}}`)}]}`,
  'a 10,000-deep templateLink': `{"resources": [${tracking()}, {"type": "Microsoft.Resources/deployments", "name": "x", "properties": {"templateLink": {"relativePath": ${DEEP}, "uri": ${DEEP}}}}]}`,
  'a 10,000-deep inline template': `{"resources": [${tracking('', { properties: `{"mode": "Incremental", "template": ${DEEP_OBJECT}}` })}]}`,
  'a 10,000-deep $schema and languageVersion': `{"$schema": ${DEEP}, "languageVersion": ${DEEP}, "resources": {"a": ${tracking()}}}`,
  'a 10,000-deep parameter used in the name': `{"parameters": {"p": {"type": "array", "defaultValue": ${DEEP}}}, "resources": [{"type": "Microsoft.Resources/deployments", "name": "[concat('pid-', string(parameters('p')))]"}]}`,
  'json() of a 10,000-deep string': `{"parameters": {"p": {"type": "string", "defaultValue": "${'['.repeat(10_000)}${']'.repeat(10_000)}"}}, "resources": [{"type": "Microsoft.Resources/deployments", "name": "[concat('pid-', string(json(parameters('p'))))]"}]}`,
  'an expression of 10,000 nested calls': `{"resources": [{"type": "Microsoft.Resources/deployments", "name": "[${'concat('.repeat(10_000)}'pid-'${')'.repeat(10_000)}]"}]}`,
  'an expression with 100,000 arguments': `{"resources": [{"type": "Microsoft.Resources/deployments", "name": "[concat('pid-'${", 'a'".repeat(100_000)})]"}]}`,
  'a chain of 10,000 variables': JSON.stringify({
    variables: Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`v${i}`, i === 10_000 ? GUID : `[variables('v${i + 1}')]`])),
    resources: [{ type: 'Microsoft.Resources/deployments', name: "[concat('pid-', variables('v0'))]" }],
  }),
  'a 1 MB tracking name': `{"resources": [${tracking('', { name: `"pid-${'x'.repeat(1 << 20)}"` })}]}`,
  'a 1 MB expression': `{"resources": [{"type": "Microsoft.Resources/deployments", "name": "[concat('pid-', '${'x'.repeat(1 << 20)}')]"}]}`,
  'a 1 MB string of escapes': `{"variables": {"s": "${'\\"\\\\\\u0041'.repeat(1 << 16)}"}, "resources": [${tracking()}]}`,
  '1 MB of whitespace and comments': `${' '.repeat(1 << 19)}/*${'*'.repeat(1 << 19)}*/{"resources": [${tracking()}]}`,
};

for (const [name, text] of Object.entries(cases)) {
  test(`hostile content: ${name}`, () => {
    checkBounded(text);
  });
}

test('hostile content: broken JSON nested 10,000 deep is explained at a position in the file', () => {
  const result = checkBounded(`{"resources": ${DEEP}`);
  assert.equal(result.findings[0]?.ruleId, 'CUA013');
  assert.match(result.findings[0]?.message ?? '', /nest more than 1000 levels deep.*line 1, column 1014/);
});

// Reproductions of crashes in lead-owned files (see the report). Each is the minimal input found.
test('hostile content: an apiVersion nested 10,000 deep (CUA014 JSON.stringify overflows)', () => {
  checkBounded(`{"resources": [${tracking('', { apiVersion: DEEP })}]}`);
});

test('hostile content: child resources nested 5,000 deep (the model walker recurses per level)', () => {
  const n = 5_000;
  checkBounded(`{"resources": [${'{"type": "a", "name": "pid-x", "resources": ['.repeat(n)}${']}'.repeat(n)}]}`, 10_000);
});

test('hostile content: child resources nested 1,000 deep finish in under a second', () => {
  const n = 1_000;
  checkBounded(`{"resources": [${'{"type": "a", "name": "pid-x", "resources": ['.repeat(n)}${']}'.repeat(n)}]}`, 1_000);
});
