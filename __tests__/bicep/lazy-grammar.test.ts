// Nothing of the parser runtime loads when no .bicep file is checked: the CLI, run from the sources
// in a fresh process with a module hook that records every module resolved, never resolves
// web-tree-sitter or the grammar module over JSON templates, and does over a .bicep file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/run-dist.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { template, trackingResource } from '../support/templates.ts';

const HOOK = [
  "import { registerHooks } from 'node:module';",
  'registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context);',
  "  if (/web-tree-sitter|tree-sitter\\/grammars/.test(r.url)) process.stderr.write('GRAMMAR-LOADED ' + r.url + '\\n');",
  '  return r; } });',
].join('\n');

function runCliRecordingModules(cwd: string): { status: number | null; stderr: string; stdout: string } {
  const entry = join(REPO_ROOT, 'src/app/cli/cli-entry.ts');
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`, entry, 'check', '.'], { cwd, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

test('a run over JSON templates never loads the tree-sitter runtime; a run over Bicep does', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource()]));
    const json = runCliRecordingModules(ws.root);
    assert.equal(json.status, 0, json.stdout + json.stderr);
    assert.doesNotMatch(json.stderr, /GRAMMAR-LOADED/);
    ws.write('main.bicep', "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'sa1'\n}\n");
    const bicep = runCliRecordingModules(ws.root);
    assert.equal(bicep.status, 1, bicep.stdout + bicep.stderr);
    assert.match(bicep.stderr, /GRAMMAR-LOADED/);
    assert.match(bicep.stdout, /main\.bicep:1:1 error CUA001/);
  } finally {
    ws.dispose();
  }
});
