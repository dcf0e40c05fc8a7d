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
    for (const path of [
      'azuredeploy.json',
      'a/MainTemplate.json',
      'b/c/AzureDeploy.JSON',
      'd/prereq.azuredeploy.json',
      'node_modules/x/azuredeploy.json',
      '.git/azuredeploy.json',
      'e/other.json',
      'e/azuredeploy.parameters.json',
    ]) {
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
    assert.deepEqual(
      found.problems.map((p) => p.path),
      ['../elsewhere', 'missing.json'],
    );
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

test('./ anchors a pattern at the root, and a pattern that is an existing path selects that file, glob characters and all', () => {
  const ws = createTempWorkspace();
  try {
    for (const path of ['azuredeploy.json', 'a/azuredeploy.json', 'x[1]/azuredeploy.json', 'x1/azuredeploy.json', 'b/x[1]/main.json', 'b/x1/main.json'])
      ws.write(path, '{}');
    const workspace = openWorkspace(ws.root);
    const find = (...patterns: string[]) => discoverTemplates(workspace, { patterns });
    assert.deepEqual(
      find('azuredeploy.json').templates,
      ['a/azuredeploy.json', 'azuredeploy.json', 'x1/azuredeploy.json', 'x[1]/azuredeploy.json'],
      'a bare name matches at any depth',
    );
    assert.deepEqual(find('./azuredeploy.json').templates, ['azuredeploy.json']);
    assert.deepEqual(find('./x[1]/azuredeploy.json').templates, ['x[1]/azuredeploy.json']);
    assert.deepEqual(find('b/x[1]/main.json').templates, ['b/x[1]/main.json'], 'with a folder in it, an existing path is literal too');
    assert.deepEqual(find('b/x[2]/main.json').templates, [], 'not an existing path: a glob ([2] is a class)');
    assert.deepEqual(
      find('b/x[1]/*.json').templates,
      ['b/x1/main.json', 'b/x[1]/main.json'],
      'a glob stays a glob (picomatch reads [1] as a class and as text)',
    );
    assert.deepEqual(find('./*.json').templates, ['azuredeploy.json']);
    assert.deepEqual(find(`${ws.root}/a/azuredeploy.json`).templates, ['a/azuredeploy.json'], 'an absolute path inside the workspace');
    assert.deepEqual(find('./x[1]/azuredeploy.json', '!x*/**').templates, [], 'excludes apply to literal paths too');
    assert.deepEqual(find('./azuredeploy.json').problems, []);
  } finally {
    ws.dispose();
  }
});

test('a named path that cannot be used is a named-path problem; a glob that matches nothing is only no-match', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('a/azuredeploy.json', '{}');
    ws.write('emptydir/readme.md', '');
    const workspace = openWorkspace(ws.root);
    const problems = (request: Parameters<typeof discoverTemplates>[1]) =>
      discoverTemplates(workspace, request).problems.map((p) => `${p.kind} ${p.path}: ${p.message.replace(ws.root, '<ws>')}`);
    assert.deepEqual(
      problems({
        patterns: [
          'a/azuredeploy.jsn',
          './missing.json',
          '../out/azuredeploy.json',
          '/etc/azuredeploy.json',
          './a',
          'infra/**/*.json',
          'solution.json',
          '**/azuredeploy.json',
        ],
      }),
      [
        "named-path a/azuredeploy.jsn: templates pattern 'a/azuredeploy.jsn' names a file that does not exist",
        "named-path ./missing.json: templates pattern './missing.json' names a file that does not exist",
        "named-path ../out/azuredeploy.json: templates pattern '../out/azuredeploy.json' points outside the workspace (<ws>); nothing outside it is read",
        "named-path /etc/azuredeploy.json: templates pattern '/etc/azuredeploy.json' points outside the workspace (<ws>); nothing outside it is read",
        "named-path ./a: templates pattern './a' names a folder, not a template file: write 'a/**/*.json' to take every JSON file in it",
        "no-match infra/**/*.json: templates pattern 'infra/**/*.json' matches no file",
        "no-match solution.json: templates pattern 'solution.json' matches no file",
      ],
    );
    assert.deepEqual(problems({}), [], 'the default patterns never warn');
    assert.deepEqual(problems({ paths: ['emptydir', 'a', 'nope.json'], cwd: ws.root }), [
      "named-path emptydir: 'emptydir' holds no ARM template (1 .md file)",
      "named-path nope.json: 'nope.json' does not exist",
    ]);
    assert.deepEqual(problems({ paths: [join(ws.root, 'emptydir')], pathsAreDefault: true }), [], 'the current folder by default: nothing found is no problem');
  } finally {
    ws.dispose();
  }
});
