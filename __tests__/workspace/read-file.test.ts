// Hostile files: links out of the workspace, FIFOs, binary, invalid UTF-8, UTF-16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace, readWorkspaceFile } from '../../src/workspace/read-file.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';

test('a symlink to a file outside the workspace is not read', () => {
  const ws = createTempWorkspace();
  const outside = createTempWorkspace();
  try {
    const secret = outside.write('azuredeploy.json', '{"secret": "do-not-read"}');
    symlinkSync(secret, join(ws.root, 'azuredeploy.json'));
    const read = readWorkspaceFile(openWorkspace(ws.root), 'azuredeploy.json');
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.message, /link to a file outside the workspace/);
    assert.equal(readWorkspaceFile(openWorkspace(ws.root), '../x.json').ok, false);
  } finally {
    ws.dispose();
    outside.dispose();
  }
});

test('links inside the workspace are followed; a folder that links outside is refused, also after a cached read', () => {
  const ws = createTempWorkspace();
  const outside = createTempWorkspace();
  try {
    ws.write('real/azuredeploy.json', '{"inside": true}');
    ws.write('real/other.json', '{"other": true}');
    outside.write('azuredeploy.json', '{"secret": "do-not-read"}');
    symlinkSync(join(ws.root, 'real'), join(ws.root, 'alias'));
    symlinkSync(join(ws.root, 'real/azuredeploy.json'), join(ws.root, 'real/link.json'));
    symlinkSync(outside.root, join(ws.root, 'escape'));
    const workspace = openWorkspace(ws.root);
    // The same folder object serves every read, so its cache of resolved folders is in play.
    for (const path of ['real/azuredeploy.json', 'alias/azuredeploy.json', 'real/link.json', 'alias/link.json', 'alias/other.json']) {
      const read = readWorkspaceFile(workspace, path);
      assert.equal(read.ok, true, path);
      assert.ok(read.ok && read.absolutePath.startsWith(workspace.root), path);
    }
    for (let i = 0; i < 2; i++) {
      const read = readWorkspaceFile(workspace, 'escape/azuredeploy.json');
      assert.equal(read.ok, false);
      assert.match(read.ok ? '' : read.message, /link to a file outside the workspace/);
    }
    const missing = readWorkspaceFile(workspace, 'real/missing.json');
    assert.match(missing.ok ? '' : missing.message, /no such file/);
    const noFolder = readWorkspaceFile(workspace, 'nowhere/missing.json');
    assert.match(noFolder.ok ? '' : noFolder.message, /no such file/);
  } finally {
    ws.dispose();
    outside.dispose();
  }
});

test('a FIFO is refused without blocking', () => {
  const ws = createTempWorkspace();
  try {
    execFileSync('mkfifo', [join(ws.root, 'azuredeploy.json')]);
    const read = readWorkspaceFile(openWorkspace(ws.root), 'azuredeploy.json');
    assert.match(read.ok ? '' : read.message, /not a regular file/);
  } finally {
    ws.dispose();
  }
});

test('binary, invalid UTF-8 and UTF-16 files', () => {
  const ws = createTempWorkspace();
  try {
    writeFileSync(join(ws.root, 'bin.json'), Buffer.from([0x7b, 0x00, 0x7d]));
    writeFileSync(join(ws.root, 'latin1.json'), Buffer.from('{"a": "caf\xe9"}', 'latin1'));
    writeFileSync(join(ws.root, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"resources": []}', 'utf16le')]));
    const workspace = openWorkspace(ws.root);
    assert.match((readWorkspaceFile(workspace, 'bin.json') as { message: string }).message, /binary file \(NUL byte at offset 1\)/);
    assert.match((readWorkspaceFile(workspace, 'latin1.json') as { message: string }).message, /not valid UTF-8 \(bad byte 0xe9 at offset 10\)/);
    assert.deepEqual(readWorkspaceFile(workspace, 'utf16.json').ok && JSON.parse((readWorkspaceFile(workspace, 'utf16.json') as { text: string }).text), {
      resources: [],
    });
  } finally {
    ws.dispose();
  }
});

test('one broken file never hides the verdict on the others', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('a/azuredeploy.json', '{ "resources": [ }');
    writeFileSync(join(ws.root, 'b-azuredeploy.json'), Buffer.from([0, 1, 2]));
    ws.write('c/azuredeploy.json', { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [] });
    const report = checkWorkspace({
      workspace: openWorkspace(ws.root),
      settings: DEFAULT_CHECK_SETTINGS,
      paths: ['a/azuredeploy.json', 'b-azuredeploy.json', 'c'],
      cwd: ws.root,
    });
    assert.deepEqual(
      report.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]),
      [
        ['a/azuredeploy.json', ['CUA013']],
        ['b-azuredeploy.json', ['CUA013']],
        ['c/azuredeploy.json', ['CUA001']],
      ],
    );
  } finally {
    ws.dispose();
  }
});

test('the bad byte is found exactly (overlong forms and surrogates too), and the text before it comes with the failure', () => {
  const ws = createTempWorkspace();
  try {
    const cases: [string, number[], number][] = [
      ['surrogate.json', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0xed, 0xa0, 0x80, 0x7d], 5],
      ['overlong.json', [0x7b, 0x0a, 0xe0, 0x80, 0xaf, 0x7d], 2],
      ['above-max.json', [0x7b, 0xf4, 0x90, 0x80, 0x80, 0x7d], 1],
    ];
    const workspace = openWorkspace(ws.root);
    for (const [name, bytes, offset] of cases) {
      writeFileSync(join(ws.root, name), Buffer.from(bytes));
      const read = readWorkspaceFile(workspace, name);
      assert.equal(read.ok, false, name);
      assert.equal(read.ok ? undefined : read.offset, offset, name);
      assert.match(read.ok ? '' : read.message, new RegExp(`bad byte 0x${(bytes[offset] ?? 0).toString(16)} at offset ${offset}\\)`), name);
      assert.equal(read.ok ? undefined : read.textBefore, Buffer.from(bytes.slice(0, offset)).toString('utf8'), name);
    }
    writeFileSync(join(ws.root, 'bin.json'), Buffer.concat([Buffer.from('\ufeff{\n  "é": '), Buffer.from([0])]));
    const binary = readWorkspaceFile(workspace, 'bin.json');
    // The BOM is not text; the offset counts bytes, the text before it characters.
    assert.deepEqual(binary.ok ? undefined : [binary.offset, binary.textBefore], [13, '{\n  "é": ']);
  } finally {
    ws.dispose();
  }
});

test('a binary file is reported at the line and column of its bad byte, and nothing else is read for it', () => {
  const ws = createTempWorkspace();
  try {
    writeFileSync(join(ws.root, 'azuredeploy.json'), Buffer.concat([Buffer.from('{\n  "resources": [\n    '), Buffer.from([0]), Buffer.from(']}')]));
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, paths: ['azuredeploy.json'], cwd: ws.root });
    const finding = report.files[0]?.findings[0];
    assert.deepEqual([finding?.ruleId, finding?.line, finding?.column], ['CUA013', 3, 5]);
  } finally {
    ws.dispose();
  }
});

test('a folder, a file over the size limit and a missing file are refused with what they are', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('dir/azuredeploy.json', '{}');
    ws.write('big.json', '{"resources": []}');
    const workspace = openWorkspace(ws.root);
    assert.match((readWorkspaceFile(workspace, 'dir') as { message: string }).message, /'dir' is not a regular file/);
    assert.match((readWorkspaceFile(workspace, 'big.json', 10) as { message: string }).message, /'big.json' is 17 bytes, over the 10 bytes limit/);
    const missing = readWorkspaceFile(workspace, 'gone.json');
    assert.deepEqual(missing.ok ? undefined : [missing.code, missing.message], ['ENOENT', "cannot read 'gone.json': no such file"]);
  } finally {
    ws.dispose();
  }
});
