import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TEMPLATE_PATTERNS, discoverTemplates } from '../../src/workspace/discover.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';

test('default patterns find main templates in any case at any depth, skipping node_modules and .git', () => {
  const ws = createTempWorkspace();
  try {
    for (const path of ['azuredeploy.json', 'a/MainTemplate.json', 'b/c/AzureDeploy.JSON', 'd/prereq.azuredeploy.json', 'node_modules/x/azuredeploy.json', '.git/azuredeploy.json', 'e/other.json', 'e/azuredeploy.parameters.json']) {
      ws.write(path, '{}');
    }
    const found = discoverTemplates(openWorkspace(ws.root));
    assert.deepEqual(found.templates, ['a/MainTemplate.json', 'azuredeploy.json', 'b/c/AzureDeploy.JSON', 'd/prereq.azuredeploy.json']);
  } finally {
    ws.dispose();
  }
});

test('file-name patterns find exactly what the glob engine finds', () => {
  const ws = createTempWorkspace();
  try {
    const paths = [
      'azuredeploy.json',
      '.github/azuredeploy.json',
      'a b/ü/mainTemplate.JSON',
      'line\nbreak/azuredeploy.json',
      'x/azuredeploy.json.bak',
      'x/my-azuredeploy.json',
      'x/azuredeploy.jsonc',
      'x/Prereq.AzureDeploy.json',
      'deep/1/2/3/4/5/6/7/8/mainTemplate.json',
      'x/solution.json',
    ];
    for (const path of paths) ws.write(path, '{}');
    const workspace = openWorkspace(ws.root);
    for (const patterns of [undefined, ['solution.json'], ['**/solution.json', 'azuredeploy.json']]) {
      const byName = discoverTemplates(workspace, patterns ? { patterns } : {}).templates;
      // A pattern with a wildcard that matches nothing sends every pattern through picomatch.
      const byGlob = discoverTemplates(workspace, { patterns: [...(patterns ?? DEFAULT_TEMPLATE_PATTERNS), '**/never-*.json'] }).templates;
      assert.deepEqual(byName, byGlob, String(patterns));
      assert.ok(byName.length > 0);
    }
  } finally {
    ws.dispose();
  }
});

test('globs pick any file name, and !globs exclude', () => {
  const ws = createTempWorkspace();
  try {
    for (const path of ['infra/main.json', 'infra/solution.json', 'infra/old/main.json', 'x/app.deploy.json']) ws.write(path, '{}');
    const found = discoverTemplates(openWorkspace(ws.root), { patterns: ['infra/**/*.json', '*.deploy.json', '!infra/old/**'] });
    assert.deepEqual(found.templates, ['infra/main.json', 'infra/solution.json', 'x/app.deploy.json']);
  } finally {
    ws.dispose();
  }
});

test('explicit files are main templates whatever their name; folders are searched; outside paths are refused', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('t/main.json', '{}');
    ws.write('u/azuredeploy.json', '{}');
    const found = discoverTemplates(openWorkspace(ws.root), { paths: ['t/main.json', 'u', '../elsewhere', 'missing.json'], cwd: ws.root });
    assert.deepEqual(found.templates, ['t/main.json', 'u/azuredeploy.json']);
    assert.deepEqual(found.problems.map((p) => p.path), ['../elsewhere', 'missing.json']);
    assert.match(found.problems[0]?.message ?? '', /outside the workspace/);
  } finally {
    ws.dispose();
  }
});

test('folder symlinks are not followed, so links out of the workspace are never walked', () => {
  const ws = createTempWorkspace();
  const outside = createTempWorkspace();
  try {
    outside.write('azuredeploy.json', '{}');
    symlinkSync(outside.root, join(ws.root, 'linked'));
    assert.deepEqual(discoverTemplates(openWorkspace(ws.root)).templates, []);
  } finally {
    ws.dispose();
    outside.dispose();
  }
});
