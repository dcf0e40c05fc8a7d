// The smaller defects of issue 11, each through the bundled action as the runner starts it or the
// bundled CLI: linked templates through a link to a folder outside (never opened, and the message
// does not tell whether the file outside exists), a post step given a malformed saved state, a
// GITHUB_WORKSPACE that does not exist, and a `templates` output over GitHub's output limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFileCommands, REPO_ROOT, runAction, runCli, runnerEnvironment } from '../support/run-dist.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { GUID, template, trackingResource } from '../support/templates.ts';

const HAVE_DIST = existsSync(join(REPO_ROOT, 'dist/index.js')) && existsSync(join(REPO_ROOT, 'dist/cli.js'));
const dist = { skip: HAVE_DIST ? false : 'dist/ is missing: run npm run bundle', timeout: 120_000 };

function linked(name: string, relativePath: string) {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', templateLink: { relativePath } } };
}

test('linked templates through a link to a folder outside: never opened, and existence outside is not revealed', dist, () => {
  const base = mkdtempSync(join(tmpdir(), 'cua-guard-folder-link-'));
  try {
    const ws = join(base, 'ws');
    const outside = join(base, 'outside');
    mkdirSync(ws);
    mkdirSync(outside);
    writeFileSync(join(outside, 'exists.json'), JSON.stringify(template([trackingResource({ name: 'pid-5e171e1c-0de5-4bad-8bad-0d15ea5e0001' })])));
    symlinkSync(outside, join(ws, 'shared'));
    symlinkSync('/dev', join(ws, 'devices'));
    writeFileSync(
      join(ws, 'azuredeploy.json'),
      JSON.stringify(
        template([
          trackingResource(),
          linked('a', 'shared/exists.json'),
          linked('b', 'shared/missing.json'),
          linked('c', 'devices/zero'),
          linked('d', 'devices/no-such-device'),
        ]),
      ),
    );
    const run = runCli(['check', '--format', 'json', '--tracking-id', GUID], ws);
    assert.notEqual(run.status, null, 'no hang on /dev/zero');
    const report = JSON.parse(run.stdout) as { files: { findings: { message: string }[] }[] };
    const messages = (report.files[0]?.findings ?? []).map((f) => f.message);
    assert.doesNotMatch(run.stdout, /5e171e1c-0de5-4bad-8bad-0d15ea5e0001/, 'the file outside was read');
    for (const target of ['shared/exists.json', 'shared/missing.json', 'devices/zero', 'devices/no-such-device']) {
      const about = messages.filter((m) => m.includes(`'${target}'`));
      assert.equal(about.length, 1, `${target}: ${messages.join('\n')}`);
      assert.match(about[0] ?? '', /is a link to a file outside the workspace and was not read/, target);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('post step: a saved state with a null or malformed item is a warning, never a TypeError', dist, () => {
  for (const created of [[null], [42], [{ kind: 'resourceGroup' }], [{ kind: 'deployment', name: 'x', scope: null }]]) {
    const ws = createTempWorkspace('cua-guard-post-');
    try {
      const { env } = runnerEnvironment(ws.root, { cleanup: 'always' });
      env['STATE_cua-guard-created'] = JSON.stringify({ version: 1, cleanup: 'always', connection: {}, created });
      const child = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/post.js')], { cwd: ws.root, env, encoding: 'utf8', timeout: 30_000 });
      assert.equal(child.status, 0, `${JSON.stringify(created)}: ${child.stdout}${child.stderr}`);
      assert.doesNotMatch(child.stdout + child.stderr, /TypeError|Cannot read properties/, JSON.stringify(created));
      assert.match(child.stdout, /::warning::cua-guard: cannot read what the verification created .*nothing was removed/, JSON.stringify(created));
    } finally {
      ws.dispose();
    }
  }
});

test('a GITHUB_WORKSPACE that does not exist fails the step; it never passes', dist, () => {
  const base = mkdtempSync(join(tmpdir(), 'cua-guard-no-workspace-'));
  try {
    const missing = join(base, 'gone');
    const { env, files } = runnerEnvironment(missing, {});
    const child = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/index.js')], { cwd: base, env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 1);
    assert.match(child.stdout, /::error::GITHUB_WORKSPACE '.*gone' does not exist or cannot be read/);
    assert.doesNotMatch(child.stdout, /internal error/);
    assert.doesNotMatch(readFileSync(files.summary, 'utf8'), /all pass/);
    assert.notEqual(parseFileCommands(readFileSync(files.output, 'utf8'))['result'], 'pass');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('a templates output over the limit is not set; the step says where the list is', dist, () => {
  const ws = createTempWorkspace('cua-guard-many-');
  try {
    const text = JSON.stringify(template([trackingResource()]));
    // 1,100 templates two folders of 240 characters deep: a list of about 540 KB.
    for (let i = 0; i < 1100; i++) {
      const dir = join(ws.root, `${String(i).padStart(4, '0')}-${'x'.repeat(235)}`, 'y'.repeat(240));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'azuredeploy.json'), text);
    }
    const run = runAction(ws.root, { 'tracking-ids': GUID });
    assert.equal(run.status, 0, run.stdout.slice(-2000));
    assert.equal(run.outputs['templates'], undefined);
    assert.match(run.stdout, /::warning::the templates output is not set: the list of 1100 templates is \d+ bytes, over the 524288-byte limit/);
    const report = JSON.parse(readFileSync(run.outputs['report'] ?? '', 'utf8')) as { files: unknown[] };
    assert.equal(report.files.length, 1100);
    assert.equal(run.outputs['result'], 'pass');
  } finally {
    ws.dispose();
  }
});
