// dist/ is committed because the runner executes it: it must be exactly what src/ builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../support/run-dist.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

test('dist/ matches a fresh build of src/', () => {
  const out = mkdtempSync(join(tmpdir(), 'cua-guard-dist-'));
  try {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle.mjs'), '--outdir', out], { cwd: REPO_ROOT, stdio: 'pipe' });
    const committed = listFiles(join(REPO_ROOT, 'dist'));
    assert.deepEqual(committed, listFiles(out), 'dist/ has different files: run `npm run bundle` and commit dist/');
    for (const file of committed) {
      assert.ok(
        readFileSync(join(REPO_ROOT, 'dist', file)).equals(readFileSync(join(out, file))),
        `dist/${file} is stale: run \`npm run bundle\` and commit dist/`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
