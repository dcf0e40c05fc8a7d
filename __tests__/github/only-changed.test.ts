// only-changed keeps a main template whose linked template was deleted or renamed by the pull
// request: the link target no longer exists, so only the recorded link targets can tell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createGitHubApi } from '../../src/github/api.ts';
import { changedFilesOf } from '../../src/github/changed-files.ts';
import { filterReportToChanges } from '../../src/app/only-changed.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { template, trackingResource, type Json } from '../support/templates.ts';
import { startFakeGitHub } from './fake-github.ts';

function linkTo(name: string, templateLink: Json): Json {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', templateLink } };
}

/** app/ links nested/net.json (deleted) and nested/old.json (renamed to nested/new.json); other/ links nothing. */
function workspaceAfterThePullRequest(): TempWorkspace {
  const ws = createTempWorkspace();
  ws.write('app/azuredeploy.json', template([trackingResource(), linkTo('net', { relativePath: 'nested/net.json' })]));
  ws.write(
    'renamed/azuredeploy.json',
    template([trackingResource(), linkTo('old', { uri: "[uri(deployment().properties.templateLink.uri, 'nested/old.json')]" })]),
  );
  ws.write('renamed/nested/new.json', template([]));
  ws.write('other/azuredeploy.json', template([trackingResource()]));
  return ws;
}

function checkAll(ws: TempWorkspace) {
  return checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
}

test('every link target is recorded, whether or not the file exists', () => {
  const ws = workspaceAfterThePullRequest();
  try {
    const byPath = new Map(checkAll(ws).files.map((f) => [f.path, f]));
    assert.deepEqual(byPath.get('app/azuredeploy.json')?.linkTargets, ['app/nested/net.json']);
    assert.deepEqual(byPath.get('app/azuredeploy.json')?.linkedFiles, []);
    assert.deepEqual(byPath.get('renamed/azuredeploy.json')?.linkTargets, ['renamed/nested/old.json']);
    assert.deepEqual(byPath.get('other/azuredeploy.json')?.linkTargets, []);
  } finally {
    ws.dispose();
  }
});

test('a deleted linked template keeps its main template', () => {
  const ws = workspaceAfterThePullRequest();
  try {
    const { report, skipped } = filterReportToChanges(checkAll(ws), new Set(['app/nested/net.json']));
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['app/azuredeploy.json'],
    );
    // nested/new.json is a template nothing links to (the link still names old.json), in a nested/
    // folder and with no tracking deployment: listed as not checked, not a main template.
    assert.deepEqual(skipped.sort(), ['other/azuredeploy.json', 'renamed/azuredeploy.json']);
  } finally {
    ws.dispose();
  }
});

test('a renamed linked template keeps its main template (previous_filename from the files API)', async () => {
  const ws = workspaceAfterThePullRequest();
  const api = await startFakeGitHub({
    pullRequestFiles: [{ filename: 'renamed/nested/new.json', status: 'renamed', previous_filename: 'renamed/nested/old.json' }],
  });
  const saved = process.env['GITHUB_API_URL'];
  process.env['GITHUB_API_URL'] = api.url;
  try {
    const client = await createGitHubApi('ghs_fake-token-for-tests');
    const changed = await changedFilesOf({ eventName: 'pull_request', owner: 'contoso', repo: 'offer', pullRequest: { number: 7 } }, async () => client);
    assert.equal(changed.kind, 'pull-request');
    if (changed.kind !== 'pull-request') return;
    const { report } = filterReportToChanges(checkAll(ws), changed.files);
    // new.json itself changed, and nothing links to it (the link still names old.json): in a nested/
    // folder, it is listed as not checked (the report's unreachedTemplates), not a main template.
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['renamed/azuredeploy.json'],
    );
  } finally {
    if (saved === undefined) delete process.env['GITHUB_API_URL'];
    else process.env['GITHUB_API_URL'] = saved;
    await api.close();
    ws.dispose();
  }
});
