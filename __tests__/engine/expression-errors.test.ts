// Expression errors outside resource names (CUA016): conditions, locations, copy counts, links,
// and the variables and parameter values they use; each reported once, where it is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, findingsOf, GUID, ruleIds, SUB_SCHEMA, template, trackingResource, storageAccount, type Json } from '../support/templates.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import type { Finding } from '../../src/engine/types.ts';

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function only(findings: Finding[]): Finding {
  assert.equal(findings.length, 1, JSON.stringify(findings));
  return findings[0] as Finding;
}

test('an unbalanced quote in a condition is CUA016 at the condition, not a CUA011 "depends on" notice', () => {
  const condition = "[equals(parameters('telemetry'), 'on)]";
  const tpl = template([trackingResource({ condition })], { parameters: { telemetry: { type: 'string', defaultValue: 'on' } } });
  const text = JSON.stringify(tpl, null, 2);
  const result = check(text);
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.severity, 'error');
  assert.equal(finding.jsonPointer, '/resources/0/condition');
  assert.deepEqual({ line: finding.line, column: finding.column }, positionOf(text, JSON.stringify(condition)));
  assert.match(finding.message, /^condition "\[equals\(parameters\('telemetry'\), 'on\)\]": .*\(character \d+\)$/);
  assert.deepEqual(findingsOf(result, 'CUA011'), []);
  assert.equal(result.verdict, 'fail');
});

test('"location": "[foo()]" is CUA016 (unknown function) and not a missing location', () => {
  const result = check(template([trackingResource({ location: '[foo()]' })], { $schema: SUB_SCHEMA }));
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/resources/0/location');
  assert.match(finding.message, /^location "\[foo\(\)\]": unknown function 'foo' \(character 2\)$/);
  assert.deepEqual(findingsOf(result, 'CUA012'), []);
});

test('a wrong argument count in copy.count is CUA016 at the count', () => {
  const result = check(template([trackingResource({ copy: { name: 'loop', count: "[length('a', 'b')]" } })]));
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/resources/0/copy/count');
  assert.match(finding.message, /^copy\.count .*expects 1 argument but got 2/);
});

test('a broken parameter default is CUA016 at the default, once, however many values use it', () => {
  const tpl = template(
    [trackingResource({ location: "[parameters('where')]", condition: "[not(empty(parameters('where')))]" }), storageAccount("[concat('st', parameters('where'))]")],
    { $schema: SUB_SCHEMA, parameters: { where: { type: 'string', defaultValue: "[concat('a)]" } } },
  );
  const text = JSON.stringify(tpl, null, 2);
  const result = check(text);
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/parameters/where/defaultValue');
  assert.equal(finding.line, positionOf(text, `"[concat('a)]"`).line);
  assert.match(finding.message, /^default value of parameter 'where' "\[concat\('a\)\]": .*\(character \d+\)$/);
  // What the other rules would conclude from a value ARM rejects is left out.
  assert.deepEqual(findingsOf(result, 'CUA011'), []);
  assert.deepEqual(findingsOf(result, 'CUA012'), []);
});

test('a broken variable used by three names is one finding, at the variable', () => {
  const names = ['a', 'b', 'c'].map((suffix) => storageAccount(`[concat(variables('prefix'), '${suffix}')]`));
  const tpl = template([trackingResource(), ...names], { variables: { prefix: "[concatt('st')]" } });
  const result = check(tpl);
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/variables/prefix');
  assert.match(finding.message, /^variable 'prefix' "\[concatt\('st'\)\]": unknown function 'concatt' \(character 2\)$/);
});

test('an error in a variable reached through another variable is reported at the variable that has it', () => {
  const tpl = template([trackingResource({ name: "[variables('trackingName')]" })], {
    variables: { trackingName: "[concat('pid-', variables('ids').main)]", ids: { main: GUID, other: "[parameters('nope')]" } },
  });
  const result = check(tpl);
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/variables/ids/other');
  assert.match(finding.message, /parameter 'nope' is not defined in the template/);
  assert.deepEqual(findingsOf(result, 'CUA010'), [], 'the name is not "unresolved": it is broken');
});

test('a broken value a deployment passes to an inner-scoped nested template is reported at the value', () => {
  const nested = {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: 'inner',
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope: 'inner' },
      parameters: { suffix: { value: "[toLower('X', 'Y')]" } },
      template: template([storageAccount("[concat('st', parameters('suffix'))]")], { parameters: { suffix: { type: 'string' } } }),
    },
  };
  const finding = only(findingsOf(check(template([trackingResource(), nested])), 'CUA016'));
  assert.equal(finding.jsonPointer, '/resources/1/properties/parameters/suffix/value');
  assert.match(finding.message, /^value of parameter 'suffix' .*function 'toLower' expects 1 argument but got 2/);
});

test('a templateLink.relativePath ARM rejects is CUA016 at the path, not CUA017 "cannot be resolved"', () => {
  const link = { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name: 'child', properties: { mode: 'Incremental', templateLink: { relativePath: "[concat('a.json']" } } };
  const result = check(template([trackingResource(), link]));
  const finding = only(findingsOf(result, 'CUA016'));
  assert.equal(finding.jsonPointer, '/resources/1/properties/templateLink/relativePath');
  assert.match(finding.message, /^templateLink\.relativePath /);
  assert.deepEqual(findingsOf(result, 'CUA017'), []);
});

test('a SAS token in a broken link is never shown', () => {
  const link = { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name: 'child', properties: { mode: 'Incremental', templateLink: { uri: "[concat('https://example.com/x.json?sig=secret', foo())]" } } };
  const finding = only(findingsOf(check(template([trackingResource(), link])), 'CUA016'));
  assert.doesNotMatch(finding.message, /secret/);
  assert.match(finding.message, /unknown function 'foo'/);
});

test('a broken variable in a linked template is reported in that file', () => {
  const ws = createTempWorkspace();
  try {
    const deployment: Json = { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name: 'child', properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/child.json' } } };
    ws.write('app/azuredeploy.json', template([trackingResource(), deployment]));
    ws.write('app/nested/child.json', template([storageAccount("[variables('name')]")], { variables: { name: "[concat('st', )]" } }));
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, paths: ['app/azuredeploy.json'], cwd: ws.root });
    const finding = only(findingsOf(report.files[0] ?? assert.fail('no result'), 'CUA016'));
    assert.equal(finding.file, 'app/nested/child.json');
    assert.equal(finding.jsonPointer, '/variables/name');
  } finally {
    ws.dispose();
  }
});

test('CUA016 on a tracking value can be suppressed on its resource; a correct template has none', () => {
  const metadata = { 'cua-guard': { ignore: ['CUA016'], reason: 'fixed upstream' } };
  const result = check(template([trackingResource({ condition: "[equals('a', 'b']", metadata })]));
  assert.deepEqual(findingsOf(result, 'CUA016').map((f) => f.suppressed), [{ reason: 'fixed upstream' }]);
  const clean = check(template([trackingResource({ condition: "[equals(parameters('p'), 'on')]" })], { parameters: { p: { type: 'string', defaultValue: 'on' } } }));
  assert.deepEqual(ruleIds(clean).filter((id) => id === 'CUA016'), []);
});
