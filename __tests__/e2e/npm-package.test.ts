// The npm package as users get it: `npm pack`, installed from the tarball into an empty folder
// with no network (it has no runtime dependencies: dist/ bundles them), then `npx cua-guard
// check` there, away from the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, REPO_ROOT } from '../support/run-dist.ts';
import { storageAccount, template, trackingResource } from '../support/templates.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const HAVE_NPM = spawnSync(NPM, ['--version'], { encoding: 'utf8' }).status === 0;

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv, command = NPM): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test(
  'npm package: packed, installed offline into an empty folder, and `npx cua-guard check` runs there',
  { skip: HAVE_NPM ? false : 'npm is not on PATH', timeout: 240_000 },
  () => {
    const temp = mkdtempSync(join(tmpdir(), 'cua-guard-pack-'));
    try {
      // A cache of its own: nothing from the developer's cache, and nothing from the network.
      const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: join(temp, 'cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false' };
      // Packed from a copy of the repository's top level with the bundle under test as dist/
      // (dist/ itself, or CUA_GUARD_TEST_DIST): what `npm pack` in the repository packs.
      const source = join(temp, 'source');
      for (const entry of readdirSync(REPO_ROOT)) {
        if (['node_modules', '.git', '.tmp', 'dist'].includes(entry)) continue;
        cpSync(join(REPO_ROOT, entry), join(source, entry), { recursive: true });
      }
      cpSync(DIST_DIR, join(source, 'dist'), { recursive: true });
      const packed = npm(['pack', '--json', '--pack-destination', temp], source, env);
      assert.equal(packed.status, 0, packed.stderr);
      const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
      const files = (info?.files ?? []).map((f) => f.path);
      for (const file of ['dist/cli.js', 'LICENSE', 'README.md', 'package.json']) assert.ok(files.includes(file), `${file} is in the package`);
      assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('__tests__/')), 'no sources or tests in the package');

      const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies?: object };
      assert.equal(manifest.dependencies, undefined, 'no runtime dependencies: dist/ bundles them');

      const project = join(temp, 'project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
      const installed = npm(['install', '--offline', '--no-audit', '--no-fund', join(temp, info?.filename ?? '')], project, env);
      assert.equal(installed.status, 0, installed.stderr);

      mkdirSync(join(project, 'ok'));
      writeFileSync(join(project, 'ok/azuredeploy.json'), JSON.stringify(template([trackingResource()])));
      mkdirSync(join(project, 'bad'));
      writeFileSync(join(project, 'bad/azuredeploy.json'), JSON.stringify(template([storageAccount()])));
      const pass = npm(['--offline', 'cua-guard', 'check', 'ok'], project, env, NPX);
      assert.equal(pass.status, 0, pass.stderr);
      assert.equal(pass.stdout, '✓ 1 template checked, no problems\n');
      const fail = npm(['--offline', 'cua-guard', 'check'], project, env, NPX);
      assert.equal(fail.status, 1, fail.stderr);
      assert.match(fail.stdout, /^bad\/azuredeploy\.json:1:\d+ error CUA001 /m);
      const version = npm(['--offline', 'cua-guard', '--version'], project, env, NPX);
      assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  },
);
