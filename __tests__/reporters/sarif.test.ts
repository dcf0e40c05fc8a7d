// SARIF 2.1.0 output, validated against the official OASIS schema (vendored in
// __tests__/fixtures/sarif with its license note), and the properties code scanning relies on.
import { ruleDocsUrl } from '../../src/meta.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { buildSarif, findingHash, FINGERPRINT_KEY, formatSarif, resourcePointer, type SarifLog } from '../../src/report/sarif.ts';
import type { CheckReport, Finding } from '../../src/engine/types.ts';
import { RULES } from '../../src/rules/index.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { REPO_ROOT, runCli } from '../support/run-dist.ts';
import { emptyTemplate, GUID, storageAccount, SUB_SCHEMA, template, trackingResource } from '../support/templates.ts';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
// ajv-formats is CommonJS; its default export arrives as the module object or the function.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

test('the vendored schema rejects what SARIF 2.1.0 forbids (the validation has teeth)', () => {
  assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
  assert.equal(
    validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'notice' }] }] }),
    false,
    "'notice' is not a SARIF level",
  );
  assert.equal(
    validateSarif({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.json' } } }] }],
        },
      ],
    }),
    false,
    'a URI with a space',
  );
});

function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, `not valid SARIF 2.1.0: ${JSON.stringify(validateSarif.errors, null, 2)}`);
}

function workspaceWithFindings() {
  const ws = createTempWorkspace();
  ws.write('ok/azuredeploy.json', template([trackingResource(), storageAccount()]));
  ws.write('missing tracking/azuredeploy.json', template([storageAccount()]));
  ws.write('mode/azuredeploy.json', template([trackingResource({ properties: { mode: 'Complete', template: emptyTemplate() }, apiVersion: 'latest' })]));
  ws.write(
    'suppressed/azuredeploy.json',
    template([
      trackingResource({
        condition: false,
        metadata: { 'cua-guard': { ignore: ['CUA011'], reason: 'disabled until the offer is live' } },
      }),
    ]),
  );
  ws.write('sub/azuredeploy.json', { $schema: SUB_SCHEMA, contentVersion: '1.0.0.0', resources: [trackingResource()] });
  ws.write('broken/azuredeploy.json', '{\n  "resources": [\n');
  return ws;
}

test('check --format sarif is valid SARIF 2.1.0 with every rule, results, locations and suppressions', () => {
  const ws = workspaceWithFindings();
  try {
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] } });
    const log = JSON.parse(formatSarif(report, { rules: RULES, workspaceRoot: ws.root })) as SarifLog;
    assertValidSarif(log);
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(log.version, '2.1.0');
    // Every rule, in RULES order, so ruleIndex points at the right descriptor.
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      RULES.map((r) => r.meta.id),
    );
    for (const [index, rule] of run.tool.driver.rules.entries()) {
      const source = RULES[index]?.meta;
      const docsUrl = source ? ruleDocsUrl(source) : '';
      assert.ok(source);
      assert.equal(rule.name, source.name);
      assert.equal(rule.helpUri, docsUrl);
      assert.equal(rule.shortDescription.text, source.description);
      assert.ok(rule.fullDescription.text.length > 0, `${rule.id} has a full description`);
      // Help comes from the rule module: its Markdown, then the link to its README section.
      assert.ok(rule.help.markdown.endsWith(`\n\n[Documentation](${docsUrl})`));
      assert.equal(rule.help.markdown.includes('](#'), false, 'README anchors are made absolute');
      assert.ok(rule.help.text.endsWith(`\n\nDocumentation: ${docsUrl}`));
      assert.equal(rule.help.text.includes('```'), false, 'the plain-text help has no code fences');
      assert.equal(rule.properties.precision, source.precision);
      assert.equal(rule.defaultConfiguration.level, source.defaultSeverity === 'notice' ? 'note' : source.defaultSeverity);
    }
    const findings = report.files.flatMap((f) => f.findings);
    assert.equal(run.results.length, findings.length);
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    assert.deepEqual(
      run.results.map((r) => r.properties.messageId),
      findings.map((f) => f.messageId),
      'each result names its message id',
    );

    const missing = run.results.find((r) => r.ruleId === 'CUA001');
    assert.ok(missing);
    assert.equal(missing.level, 'error');
    const location = missing.locations[0]?.physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: 'missing%20tracking/azuredeploy.json', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location?.region, { startLine: 4, startColumn: 3, endLine: 4, endColumn: 14 });

    const notice = run.results.find((r) => r.ruleId === 'CUA014');
    assert.equal(notice?.level, 'warning');
    const suppressed = run.results.filter((r) => r.suppressions);
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0]?.ruleId, 'CUA011');
    assert.deepEqual(suppressed[0]?.suppressions, [{ kind: 'inSource', justification: 'disabled until the offer is live' }]);
    assert.ok(
      run.results.some((r) => r.ruleId === 'CUA013'),
      'the broken file is a result too',
    );
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%']?.uri.endsWith('/'), true);
    // Fingerprints are unique within the run.
    const prints = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.equal(new Set(prints).size, prints.length);
  } finally {
    ws.dispose();
  }
});

test('partial fingerprints survive unrelated edits that move lines, and change with the finding', () => {
  const before = template([storageAccount(), trackingResource({ properties: { mode: 'Complete', template: emptyTemplate() } })]);
  const moved = template([storageAccount(), trackingResource({ properties: { mode: 'Complete', template: emptyTemplate() } })], {
    parameters: { a: { type: 'string', defaultValue: 'x' }, b: { type: 'int', defaultValue: 1 } },
  });
  const other = template([storageAccount(), trackingResource({ properties: { mode: 'Default', template: emptyTemplate() } })]);
  const sarifOf = (value: object) => {
    const ws = createTempWorkspace();
    try {
      ws.write('azuredeploy.json', value);
      const log = buildSarif(checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS }), { rules: RULES });
      const result = log.runs[0]?.results.find((r) => r.ruleId === 'CUA007');
      assert.ok(result);
      return { line: result.locations[0]?.physicalLocation.region.startLine, print: result.partialFingerprints[FINGERPRINT_KEY] };
    } finally {
      ws.dispose();
    }
  };
  const a = sarifOf(before);
  const b = sarifOf(moved);
  const c = sarifOf(other);
  assert.notEqual(a.line, b.line, 'the edit moved the finding');
  assert.equal(a.print, b.print, 'same finding, same fingerprint');
  assert.notEqual(a.print, c.print, 'a different mode is a different finding');
});

test('partial fingerprints name the resource, not its index: inserting a resource before it keeps them', () => {
  const mode = (overrides: Record<string, unknown> = {}) =>
    trackingResource({ properties: { mode: 'Complete', template: emptyTemplate() }, apiVersion: 'latest', ...overrides });
  const before = template([storageAccount(), mode()]);
  const inserted = template([
    storageAccount('first'),
    { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name: 'vnet' },
    storageAccount(),
    mode(),
  ]);
  const fingerprints = (value: object, readable = true) => {
    const ws = createTempWorkspace();
    try {
      ws.write('azuredeploy.json', value);
      const workspace = openWorkspace(ws.root);
      const report = checkWorkspace({ workspace, settings: DEFAULT_CHECK_SETTINGS });
      const readFile = (file: string) => (readable ? readFileSync(`${ws.root}/${file}`, 'utf8') : undefined);
      const log = buildSarif(report, { rules: RULES, readFile });
      assertValidSarif(log);
      return Object.fromEntries((log.runs[0]?.results ?? []).map((r) => [r.ruleId, r.partialFingerprints[FINGERPRINT_KEY]]));
    } finally {
      ws.dispose();
    }
  };
  const a = fingerprints(before);
  const b = fingerprints(inserted);
  assert.deepEqual(Object.keys(a).sort(), ['CUA007', 'CUA014']);
  assert.equal(a['CUA007'], b['CUA007'], 'CUA007 keeps its fingerprint when two resources are inserted before it');
  assert.equal(a['CUA014'], b['CUA014']);
  assert.notEqual(a['CUA007'], a['CUA014'], 'two different findings on the same resource differ');
  // Without the file text, the JSON pointer (with the index) is what there is.
  assert.notEqual(fingerprints(before, false)['CUA007'], fingerprints(inserted, false)['CUA007']);
  // A different resource (another name) is another finding.
  assert.notEqual(a['CUA007'], fingerprints(template([storageAccount(), mode({ name: 'pid-11111111-2222-3333-4444-555555555555' })]))['CUA007']);
  // languageVersion 2.0: the symbolic name already names the resource.
  assert.equal(
    resourcePointer({ resources: [{ type: 'Microsoft.Resources/deployments', name: "[format('pid-{0}', variables('id'))]" }] }, '/resources/0/properties/mode'),
    "/resources/{microsoft.resources~1deployments:[format('pid-{0}', variables('id'))]}/properties/mode",
  );
  assert.equal(resourcePointer({ resources: { tracking: { type: 'x' } } }, '/resources/tracking/name'), '/resources/tracking/name');
});

function reportOf(findings: Partial<Finding>[]): CheckReport {
  const full = findings.map((f) => ({
    ruleId: 'CUA013',
    severity: 'error' as const,
    messageId: 'syntax',
    message: 'm',
    file: 'a.json',
    line: 1,
    column: 1,
    jsonPointer: '',
    ...f,
  }));
  return {
    tool: { name: 'cua-guard', version: '0' },
    counts: { error: full.length, warning: 0, notice: 0, suppressed: 0 },
    files: [{ path: 'a.json', verdict: 'fail', tracking: [], linkedFiles: [], findings: full }],
  };
}

const printsOf = (log: SarifLog): (string | undefined)[] => log.runs[0]?.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]) ?? [];
const printOf = (finding: Partial<Finding>, options: Partial<Parameters<typeof buildSarif>[1]> = {}): string | undefined =>
  printsOf(buildSarif(reportOf([finding]), { rules: RULES, ...options }))[0];

test('the fingerprint hashes rule, node, message id and data: not the prose, not positions', () => {
  const syntax = { data: { problem: 'expected a comma', line: 4, column: 1 } };
  // Position keys in the data (the line and column the message names) are no part of the identity.
  assert.equal(printOf(syntax), printOf({ data: { problem: 'expected a comma', line: 40, column: 7 } }));
  // The message text is not hashed at all: rewording a message keeps every alert.
  assert.equal(printOf(syntax), printOf({ ...syntax, message: 'reworded' }));
  assert.notEqual(printOf(syntax), printOf({ data: { problem: 'unexpected end', line: 4, column: 1 } }), 'other data, other finding');
  assert.notEqual(printOf(syntax), printOf({ ...syntax, messageId: 'no-resources' }), 'other message id, other finding');
  assert.notEqual(printOf(syntax), printOf({ ...syntax, file: 'b.json' }));
  assert.notEqual(printOf(syntax), printOf({ ...syntax, jsonPointer: '/resources/0' }));
  // The order of data keys does not matter.
  assert.equal(printOf({ data: { a: 'x', b: 'y' } }), printOf({ data: { b: 'y', a: 'x' } }));
  const base = { ruleId: 'CUA013', file: 'a.json', jsonPointer: '', messageId: 'syntax', data: 'problem=x' };
  assert.notEqual(findingHash(base), findingHash({ ...base, data: 'problem=y' }));

  const twice = buildSarif(reportOf([1, 2].map((line) => ({ ruleId: 'CUA002', messageId: 'same', line, jsonPointer: '/resources/0' }))), { rules: RULES });
  const prints = printsOf(twice);
  assert.equal(prints.length, 2);
  assert.notEqual(prints[0], prints[1], 'identical findings are told apart by their order');
  assert.equal(prints[0]?.split(':')[0], prints[1]?.split(':')[0]);
  assertValidSarif(twice);
});

test('a data value pointing at a resource names it by type and name, like the finding pointer', () => {
  const tracking = { type: 'Microsoft.Resources/deployments', name: `pid-${GUID}` };
  const before = JSON.stringify({ resources: [tracking, tracking] });
  const inserted = JSON.stringify({ resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'sa' }, tracking, tracking] });
  const duplicate = (first: string, at: string) => ({ ruleId: 'CUA002', messageId: 'duplicate', data: { first }, jsonPointer: at });
  assert.equal(
    printOf(duplicate('/resources/0', '/resources/1'), { readFile: () => before }),
    printOf(duplicate('/resources/1', '/resources/2'), { readFile: () => inserted }),
  );
});

test('a fingerprint never hashes a secret: the data is hashed as a masked log shows it', () => {
  const uri = (sig: string) => ({ ruleId: 'CUA017', messageId: 'remote', data: { uri: `https://x.blob.core.windows.net/t/a.json?sv=2022&sig=${sig}` } });
  const secret = 'c2VjcmV0LXNpZ25hdHVyZQ%3D%3D';
  // The hash input is the masked rendering: the same as a finding whose data shows `***` there.
  assert.equal(printOf(uri(secret), { secrets: [secret] }), printOf(uri('***')));
  assert.notEqual(printOf(uri(secret)), printOf(uri('***')), 'without the secrets list the value is what it is');
  // A rotated secret is the same finding.
  assert.equal(printOf(uri(secret), { secrets: [secret] }), printOf(uri('b3RoZXI%3D'), { secrets: ['b3RoZXI%3D'] }));
});

test('the bundled CLI prints valid SARIF for the examples', () => {
  const run = runCli(['check', 'examples', '--format', 'sarif', '--tracking-id', GUID], REPO_ROOT);
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout) as SarifLog;
  assertValidSarif(log);
  const ruleIds = new Set(log.runs[0]?.results.map((r) => r.ruleId));
  for (const id of ['CUA001', 'CUA002', 'CUA003', 'CUA007', 'CUA013']) assert.ok(ruleIds.has(id), id);
  for (const result of log.runs[0]?.results ?? []) {
    const uri = result.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
    assert.match(uri, /^examples\//, 'URIs are relative to the repository root');
  }
});
