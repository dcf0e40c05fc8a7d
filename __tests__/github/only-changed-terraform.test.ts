// only-changed with Terraform: a module is its folder (every .tf and .tfvars file in it), so a
// pull request that deletes or renames one of its files keeps the module, though no result can
// name a file that is gone. (Its own file: @actions/github keeps the first API URL of a process.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspaceLoadingGrammars } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createGitHubApi } from '../../src/github/api.ts';
import { changedFilesOf } from '../../src/github/changed-files.ts';
import { filterReportToChanges } from '../../src/app/only-changed.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { GUID } from '../support/templates.ts';
import { startFakeGitHub } from './fake-github.ts';

const PROVIDER = `provider "azurerm" {\n  features {}\n  partner_id = "${GUID}"\n}\n`;

/** Two root modules after the pull request: infra/ lost providers-old.tf and dev.tfvars (renamed to prod.tfvars). */
function workspaceAfterThePullRequest(): TempWorkspace {
  const ws = createTempWorkspace();
  ws.write('infra/main.tf', PROVIDER);
  ws.write('infra/prod.tfvars', 'location = "westeurope"\n');
  ws.write('network/main.tf', PROVIDER);
  ws.write('network/README.md', '# network\n');
  return ws;
}

async function checkAll(ws: TempWorkspace) {
  return checkWorkspaceLoadingGrammars({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
}

test('a deleted or renamed .tf or .tfvars file keeps the module of its folder; other files and folders do not', async () => {
  const ws = workspaceAfterThePullRequest();
  try {
    const full = await checkAll(ws);
    assert.deepEqual(
      full.files.map((f) => [f.path, f.moduleFolder]),
      [
        ['infra/main.tf', 'infra'],
        ['network/main.tf', 'network'],
      ],
    );
    const kept = (changed: string[]): string[] => filterReportToChanges(full, new Set(changed)).report.files.map((f) => f.path);
    assert.deepEqual(kept(['infra/providers-old.tf']), ['infra/main.tf'], 'deleted');
    assert.deepEqual(kept(['infra/prod.tfvars', 'infra/dev.tfvars']), ['infra/main.tf'], 'renamed: new and old path');
    assert.deepEqual(kept(['infra/dev.tfvars']), ['infra/main.tf'], 'deleted variables file');
    assert.deepEqual(kept(['network/README.md']), [], 'not a Terraform file');
    assert.deepEqual(kept(['network/modules/dns/main.tf']), [], 'a subfolder is another module');
    assert.deepEqual(kept(['main.tf']), [], 'the root folder is another module');
  } finally {
    ws.dispose();
  }
});

test('a .tf file the pull request files API lists as removed keeps its module', async () => {
  const ws = workspaceAfterThePullRequest();
  const api = await startFakeGitHub({
    pullRequestFiles: [
      { filename: 'infra/providers-old.tf', status: 'removed' },
      { filename: 'network/README.md', status: 'modified' },
    ],
  });
  const saved = process.env['GITHUB_API_URL'];
  process.env['GITHUB_API_URL'] = api.url;
  try {
    const client = await createGitHubApi('ghs_fake-token-for-tests');
    const changed = await changedFilesOf({ eventName: 'pull_request', owner: 'contoso', repo: 'offer', pullRequest: { number: 7 } }, async () => client);
    assert.equal(changed.kind, 'pull-request');
    if (changed.kind !== 'pull-request') return;
    const { report, skipped } = filterReportToChanges(await checkAll(ws), changed.files);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['infra/main.tf'],
    );
    assert.deepEqual(skipped, ['network/main.tf']);
  } finally {
    if (saved === undefined) delete process.env['GITHUB_API_URL'];
    else process.env['GITHUB_API_URL'] = saved;
    await api.close();
    ws.dispose();
  }
});
