// Every module folder of ../shared/corpus-terraform is checked without a crash, and what the
// check reports agrees with the manifest: each azurerm/azapi provider block without partner_id is
// a CUA201 finding at its line, each partner_id resolves to the manifest's GUID, folders without
// those providers give no result. Skips when ../shared is absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkWorkspaceLoadingGrammars } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import type { Finding } from '../../src/engine/types.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';

interface ManifestProvider {
  provider: string;
  alias: string | null;
  file: string;
  line: number;
  partner_id?: string;
  partner_id_line?: number;
  partner_id_guids?: string[];
}

interface ManifestEntry {
  folder: string;
  files: { path: string }[];
  providerBlocks: ManifestProvider[];
  backend: string | null;
}

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus-terraform');
const present = existsSync(join(dir, 'manifest.json'));
/** A GUID no real configuration uses: every resolved partner_id is then reported with its value. */
const NOBODY = 'ffffffff-ffff-4fff-bfff-ffffffffffff';

test(
  'corpus-terraform: every module folder is checked and agrees with the manifest',
  { skip: present ? false : '../shared/corpus-terraform is absent' },
  async (t) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
    const workspace = openWorkspace(dir);
    const report = await checkWorkspaceLoadingGrammars({
      workspace,
      settings: { ...DEFAULT_CHECK_SETTINGS, trackingIds: [NOBODY] },
      paths: [workspace.root],
      cwd: workspace.root,
    });
    assert.deepEqual(report.problems, []);
    const findings = report.files.flatMap((f) => f.findings);
    assert.deepEqual(
      findings.filter((f) => f.internalError),
      [],
    );
    const at = (ruleId: string, file: string, line: number): Finding[] => findings.filter((f) => f.ruleId === ruleId && f.file === file && f.line === line);
    const disagreements: string[] = [];
    let providersWithId = 0;
    let resolved = 0;
    for (const entry of manifest) {
      const azure = entry.providerBlocks.filter((p) => p.provider === 'azurerm' || p.provider === 'azapi');
      const result = report.files.find((f) => dirname(f.path) === entry.folder);
      if (azure.length === 0) {
        if (result) disagreements.push(`${entry.folder}: no azurerm/azapi provider in the manifest, but checked`);
        continue;
      }
      if (!result) {
        disagreements.push(`${entry.folder}: not checked`);
        continue;
      }
      for (const p of azure) {
        const label = `${entry.folder}: provider ${p.provider}${p.alias ? `.${p.alias}` : ''} (${p.file}:${p.line})`;
        if (p.partner_id === undefined) {
          if (at('CUA201', p.file, p.line).length !== 1) disagreements.push(`${label}: no partner_id, but no CUA201 finding`);
          continue;
        }
        providersWithId++;
        if (at('CUA201', p.file, p.line).length > 0) disagreements.push(`${label}: has partner_id, but CUA201 reports it`);
        const values = at('CUA203', p.file, p.partner_id_line ?? 0).map((f) => String(f.data?.['value']));
        const expected = (p.partner_id_guids ?? []).map((g) => `'${g}'`);
        if (values.length > 0 && expected.every((v) => values.includes(v))) resolved++;
        else disagreements.push(`${label}: partner_id ${p.partner_id} resolved to [${values.join(', ')}], manifest says [${expected.join(', ')}]`);
      }
    }
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const copied = (JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as { path: string }[]).map((f) => f.path);
    const read = new Set(report.files.flatMap((f) => [f.path, ...f.linkedFiles]).filter((p) => /\.tf(vars)?$/.test(p)));
    const unreadable = new Set(findings.filter((f) => f.ruleId === 'CUA205').map((f) => f.file));
    t.diagnostic(
      `${copied.filter((p) => p.endsWith('.tf')).length} .tf files in the corpus; ${report.files.length} of ${manifest.length} folders checked, reading ${read.size} .tf/.tfvars files, ${read.size - unreadable.size} of them without error nodes`,
    );
    t.diagnostic(`partner_id on azurerm/azapi: ${providersWithId} blocks, ${resolved} resolved to the manifest's value`);
    t.diagnostic(`findings by rule (tracking-ids set to an unused id): ${[...byRule].map(([id, n]) => `${id} ${n}`).join(', ')}`);
    assert.deepEqual(disagreements, []);
    assert.ok(providersWithId > 0 && resolved === providersWithId);
  },
);
