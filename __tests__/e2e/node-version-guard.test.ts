// The bundles need process.getBuiltinModule (Node.js 20.16 / 22.3 onwards). On an older Node
// (`node dist/cli.js` runs the machine's own) the entries must say so in one line before
// anything else runs: the CLI exits 2, the action fails the step with one error annotation.
// Built into a temporary folder (as the dist check does) and started on this Node with
// process.getBuiltinModule removed by a preloaded module, which is what an older Node lacks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/run-dist.ts';

let out: string;
let withoutGetBuiltinModule: string;

before(() => {
  out = mkdtempSync(join(tmpdir(), 'cua-guard-guard-'));
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle.mjs'), '--outdir', join(out, 'dist')], { cwd: REPO_ROOT, stdio: 'pipe' });
  withoutGetBuiltinModule = join(out, 'old-node.mjs');
  writeFileSync(withoutGetBuiltinModule, 'delete process.getBuiltinModule;\n');
});
after(() => rmSync(out, { recursive: true, force: true }));

function start(entry: string, args: string[], oldNode: boolean) {
  return spawnSync(process.execPath, [...(oldNode ? ['--import', withoutGetBuiltinModule] : []), join(out, 'dist', entry), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], GITHUB_WORKSPACE: REPO_ROOT, INPUT_TEMPLATES: './examples/passing/basic/azuredeploy.json' },
    timeout: 30_000,
  });
}

const NEEDS = /^cua-guard needs Node\.js 20\.16, 22\.3 or later \(for process\.getBuiltinModule\); this is v\d+\.\d+\.\d+\n$/;

test('cli on a Node without process.getBuiltinModule: one line on stderr, exit 2', () => {
  const run = start('cli.js', ['check', 'examples/passing'], true);
  assert.equal(run.status, 2);
  assert.match(run.stderr, NEEDS);
  assert.equal(run.stdout, '');
  assert.equal(start('cli.js', ['check', 'examples/passing'], false).status, 0, 'the same bundle runs on this Node');
});

test('action on a Node without process.getBuiltinModule: one error annotation, the step fails', () => {
  for (const entry of ['index.js', 'post.js']) {
    const run = start(entry, [], true);
    assert.equal(run.status, 1, entry);
    assert.match(run.stdout, /^::error::cua-guard needs Node\.js 20\.16, 22\.3 or later \(for process\.getBuiltinModule\); this is v[\d.]+\n$/, entry);
  }
});

test('the guard is the first statement of each entry, before anything that needs a newer Node', () => {
  for (const entry of ['cli.js', 'index.js', 'post.js']) {
    const lines = readFileSync(join(out, 'dist', entry), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('#!'));
    assert.match(lines[0] ?? '', /^if \(typeof process\.getBuiltinModule !== 'function'\) \{/, entry);
  }
});
