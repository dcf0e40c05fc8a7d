// Terraform through the whole check: discovery of .tf files by default and by `templates` globs,
// module folders (child modules and .terraform/ are not checked), configured severities, the
// workflow's ARM_PARTNER_ID, SARIF locations, `cua-guard fix`, and the sync entry without the grammar.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadTerraformTools } from '../../src/app/terraform-tools.ts';
import { checkWorkspace, checkWorkspaceLoadingGrammars } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import { fixWorkspace } from '../../src/fix/fix-workspace.ts';
import { buildSarif } from '../../src/report/sarif.ts';
import { RULES } from '../../src/rules/index.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { GUID, provider, workflow } from '../rules/terraform-cases.ts';

function repository(): TempWorkspace {
  const ws = createTempWorkspace();
  ws.write(
    'infra/main.tf',
    `terraform {\n  backend "azurerm" {}\n}\n\n${provider('azurerm', 'features {}')}\nmodule "net" {\n  source = "../modules/net"\n}\n`,
  );
  ws.write('infra/variables.tf', 'variable "location" {\n  default = "westeurope"\n}\n');
  ws.write('infra/prod.tfvars', 'location = "northeurope"\n');
  ws.write('modules/net/main.tf', 'resource "azurerm_virtual_network" "net" {\n  name = "net"\n}\n');
  ws.write('infra/.terraform/modules/cached/main.tf', provider('azurerm', 'features {}'));
  return ws;
}

const settings = (extra: Partial<CheckSettings> = {}): CheckSettings => ({ ...DEFAULT_CHECK_SETTINGS, ...extra });

test('.tf files are found by default; one result per module folder that configures azurerm or azapi', async () => {
  const ws = repository();
  try {
    const report = await checkWorkspaceLoadingGrammars({ workspace: openWorkspace(ws.root), settings: settings() });
    assert.deepEqual(report.problems, []);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.verdict, f.findings.map((x) => `${x.ruleId} ${x.file}:${x.line}:${x.column}`)]),
      [['infra/main.tf', 'fail', ['CUA201 infra/main.tf:5:1']]],
    );
    assert.deepEqual(report.files[0]?.linkedFiles, ['infra/variables.tf', 'infra/prod.tfvars']);
  } finally {
    ws.dispose();
  }
});

test('a configured severity applies to Terraform rules; off means the module passes', async () => {
  const ws = repository();
  try {
    const warned = await checkWorkspaceLoadingGrammars({ workspace: openWorkspace(ws.root), settings: settings({ severities: { CUA201: 'warning' } }) });
    assert.deepEqual(
      warned.files.map((f) => [f.verdict, f.findings.map((x) => x.severity)]),
      [['pass', ['warning']]],
    );
    const off = await checkWorkspaceLoadingGrammars({ workspace: openWorkspace(ws.root), settings: settings({ severities: { CUA201: 'off' } }) });
    assert.deepEqual(
      off.files.map((f) => [f.verdict, f.findings.length]),
      [['pass', 0]],
    );
  } finally {
    ws.dispose();
  }
});

test('a templates glob may name a .tf file; the whole folder is its module', async () => {
  const ws = repository();
  ws.write('azuredeploy.json', { $schema: 'x', resources: [] });
  try {
    const report = await checkWorkspaceLoadingGrammars({ workspace: openWorkspace(ws.root), settings: settings(), patterns: ['infra/variables.tf'] });
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['infra/main.tf'],
    );
  } finally {
    ws.dispose();
  }
});

test("a workflow's ARM_PARTNER_ID for the job that runs terraform satisfies CUA201, and is a link target for only-changed", async () => {
  const ws = repository();
  ws.write('.github/workflows/deploy.yml', workflow('job', GUID));
  try {
    const report = await checkWorkspaceLoadingGrammars({ workspace: openWorkspace(ws.root), settings: settings() });
    assert.deepEqual(
      report.files.map((f) => [f.path, f.verdict, f.findings.length]),
      [['infra/main.tf', 'pass', 0]],
    );
    assert.ok(report.files[0]?.linkTargets?.includes('.github/workflows/deploy.yml'));
  } finally {
    ws.dispose();
  }
});

test('SARIF locates a Terraform finding in its .tf file', async () => {
  const ws = repository();
  try {
    const workspace = openWorkspace(ws.root);
    const report = await checkWorkspaceLoadingGrammars({ workspace, settings: settings() });
    const log = buildSarif(report, { rules: RULES, readFile: (file) => readFileSync(join(ws.root, file), 'utf8') });
    const [result] = log.runs[0]?.results ?? [];
    assert.equal(result?.ruleId, 'CUA201');
    assert.deepEqual(result?.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'infra/main.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 21 },
    });
  } finally {
    ws.dispose();
  }
});

test('without the grammar, the sync check reports each Terraform folder as an internal error, never as a pass', () => {
  const ws = repository();
  try {
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: settings() });
    assert.ok(report.files.length > 0);
    for (const file of report.files) assert.deepEqual([file.verdict, file.findings[0]?.internalError], ['fail', true]);
  } finally {
    ws.dispose();
  }
});

test('cua-guard fix writes partner_id into the provider block with the one tracking id; a second run has nothing to do', async () => {
  const ws = repository();
  try {
    const workspace = openWorkspace(ws.root);
    const terraform = await loadTerraformTools(workspace);
    const request = { workspace, settingsFor: () => settings({ trackingIds: [GUID] }), write: true, terraform };
    const first = fixWorkspace(request);
    assert.deepEqual(
      first.files.filter((f) => f.written).map((f) => [f.file, f.changes, f.remainingErrors.length]),
      [['infra/main.tf', [{ message: `set partner_id = "${GUID}" in provider azurerm`, line: 6 }], 0]],
    );
    assert.match(
      readFileSync(join(ws.root, 'infra/main.tf'), 'utf8'),
      new RegExp(`provider "azurerm" \\{\\n  partner_id = "${GUID}"\\n  features \\{\\}\\n\\}`),
    );
    const second = fixWorkspace(request);
    assert.deepEqual(
      second.files.filter((f) => f.fixed !== f.original),
      [],
    );
    const without = fixWorkspace({ ...request, terraform: undefined });
    assert.deepEqual(
      without.files.map((f) => f.skipped),
      ['the Terraform grammar was not loaded (internal error)', 'the Terraform grammar was not loaded (internal error)'],
    );
  } finally {
    ws.dispose();
  }
});
