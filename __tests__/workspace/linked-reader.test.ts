// The linked-template reader: shared files are read once while they are in use, and what it keeps
// parsed between main templates stays within its budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLinkReader } from '../../src/workspace/linked-reader.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';

const template = (marker: string): string => `{ "resources": [], "variables": { "marker": "${marker}" } }`;

function markerOf(load: ReturnType<ReturnType<typeof createLinkReader>>): unknown {
  assert.equal(load.kind, 'file');
  return load.kind === 'file' ? (load.source.root['variables'] as Record<string, unknown>)['marker'] : undefined;
}

test('a linked template is read once while it stays within the budget', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('nested/a.json', template('first'));
    const read = createLinkReader(openWorkspace(ws.root));
    assert.equal(markerOf(read('main.json', 'nested/a.json')), 'first');
    ws.write('nested/a.json', template('second'));
    assert.equal(markerOf(read('other.json', 'nested/a.json')), 'first', 'served from the cache');
  } finally {
    ws.dispose();
  }
});

test('the least recently used templates leave the cache when it is over budget', () => {
  const ws = createTempWorkspace();
  try {
    for (const name of ['a', 'b', 'c']) ws.write(`nested/${name}.json`, template(`${name}1`));
    const size = template('a1').length;
    const read = createLinkReader(openWorkspace(ws.root), 2 * size); // room for two
    read('main.json', 'nested/a.json');
    read('main.json', 'nested/b.json');
    read('main.json', 'nested/a.json'); // a is now the most recent
    read('main.json', 'nested/c.json'); // over budget: b, the least recent, goes
    for (const name of ['a', 'b', 'c']) ws.write(`nested/${name}.json`, template(`${name}2`));
    assert.equal(markerOf(read('main.json', 'nested/a.json')), 'a1');
    assert.equal(markerOf(read('main.json', 'nested/c.json')), 'c1');
    assert.equal(markerOf(read('main.json', 'nested/b.json')), 'b2', 'b was evicted and read again');
  } finally {
    ws.dispose();
  }
});

test('a template larger than the whole budget is still served to the template that asked', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('nested/big.json', template('x'.repeat(1000)));
    const read = createLinkReader(openWorkspace(ws.root), 10);
    assert.equal(markerOf(read('main.json', 'nested/big.json')), 'x'.repeat(1000));
  } finally {
    ws.dispose();
  }
});
