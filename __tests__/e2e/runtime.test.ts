// The tests run on the Node.js major version action.yml declares (npm test puts the pinned
// `node` devDependency first on PATH), so what passes here is what the runner executes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/run-dist.ts';

test('tests run on the Node.js version action.yml declares', () => {
  const declared = /^\s+using:\s*node(\d+)\s*$/m.exec(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'))?.[1];
  assert.equal(declared, '24');
  assert.equal(process.versions.node.split('.')[0], declared, `running on Node ${process.versions.node}`);
});
