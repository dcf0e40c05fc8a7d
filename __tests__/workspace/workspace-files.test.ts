// The run's file cache: each file read and parsed once; a released file is let go (read again if
// asked), unless the cache keeps texts for a report that reads them after the check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createWorkspaceFiles } from '../../src/workspace/workspace-files.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';

test('release lets a file go, text and parsed value; keepTexts and keepText keep the text', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('a.json', { v: 1 });
    ws.write('b.json', { v: 1 });
    const plain = createWorkspaceFiles(openWorkspace(ws.root));
    const keeping = createWorkspaceFiles(openWorkspace(ws.root), { keepTexts: true });
    for (const files of [plain, keeping]) {
      assert.ok(files.parse('a.json').ok);
      assert.ok(files.text('b.json'));
    }
    const before = plain.text('a.json');
    // Changed on disk after the first read: what the cache still holds shows the first version.
    ws.write('a.json', { v: 2 });
    ws.write('b.json', { v: 2 });
    assert.equal(plain.text('a.json'), before, 'read once');
    plain.release('a.json');
    assert.notEqual(plain.text('a.json'), before, 'let go: read again');
    plain.release('b.json', { keepText: true });
    assert.equal(JSON.parse(plain.text('b.json') ?? '').v, 1, 'keepText: the text stays');
    keeping.release('a.json');
    assert.equal(JSON.parse(keeping.text('a.json') ?? '').v, 1, 'keepTexts: the text stays');
    // The parsed value goes in every case: parsed again from the text the cache holds.
    const reparsed = keeping.parse('a.json');
    assert.ok(reparsed.ok && 'value' in reparsed);
    assert.deepEqual(reparsed.value, { v: 1 });
  } finally {
    ws.dispose();
  }
});
