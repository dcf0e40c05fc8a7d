// Hostile repositories, through checkWorkspace and through the bundled CLI (dist/cli.js): links
// that leave the workspace (file and folder), linked templates whose path escapes with `..`,
// FIFOs, unreadable files, link loops, names with spaces, non-ASCII and control characters.
// Proof that nothing outside the workspace is read: every file outside holds a sentinel (a
// tracking resource with a unique GUID and a unique text) that must never appear in any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { REPO_ROOT, runCli } from '../support/run-dist.ts';
import { GUID, storageAccount, template, trackingResource } from '../support/templates.ts';

const SENTINEL_GUID = '5e171e1c-0de5-4bad-8bad-0d15ea5e0000';
const SENTINEL_TEXT = 'SENTINEL-OUTSIDE-THE-WORKSPACE-7f3a9c';
const sentinel = JSON.stringify(template([trackingResource({ name: `pid-${SENTINEL_GUID}`, tags: { note: SENTINEL_TEXT } })]), null, 2);
const HAVE_DIST = existsSync(join(REPO_ROOT, 'dist/cli.js'));
const HAVE_MKFIFO = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Folder names that must be found and checked like any other (`..dots` is inside, not a way out). */
const ODD_NAMES = ['dir with spaces', 'ünïcødé 日本語', "odd %0A ::error:: #'`", 'line\nbreak', '..dots', '-leading-dash'];

/** 100,000 files on a disk-backed /tmp of a busy machine can take half a minute to create; tmpfs takes a second. */
function fastTempDir(prefix: string): string {
  try {
    return mkdtempSync(join('/dev/shm', prefix));
  } catch {
    return mkdtempSync(join(tmpdir(), prefix));
  }
}

interface Hostile {
  base: string;
  ws: string;
  dispose(): void;
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function linkedDeployment(name: string, link: Record<string, unknown>): Record<string, unknown> {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', templateLink: link } };
}

/** A workspace full of traps, beside an `outside` folder of sentinels. */
function hostileRepository(): Hostile {
  const base = mkdtempSync(join(tmpdir(), 'cua-guard-hostile-'));
  const ws = join(base, 'ws');
  const outside = join(base, 'outside');
  write(join(outside, 'azuredeploy.json'), sentinel);
  write(join(outside, 'dir/azuredeploy.json'), sentinel);
  write(join(outside, 'dir/azuredeploy.parameters.json'), json({ parameters: { x: { value: SENTINEL_TEXT } } }));
  write(join(base, 'outside.json'), sentinel);
  const good = json(template([trackingResource(), storageAccount()]));

  // Links out of the workspace: a file, a folder, a loop, a dangling link.
  mkdirSync(join(ws, 'link-file'), { recursive: true });
  symlinkSync(join(outside, 'azuredeploy.json'), join(ws, 'link-file/azuredeploy.json'));
  symlinkSync(join(outside, 'dir'), join(ws, 'link-dir'));
  mkdirSync(join(ws, 'loop'), { recursive: true });
  symlinkSync(join(ws, 'loop/b.json'), join(ws, 'loop/azuredeploy.json'));
  symlinkSync(join(ws, 'loop/azuredeploy.json'), join(ws, 'loop/b.json'));
  symlinkSync(ws, join(ws, 'loop/self'));
  // A parameters file that is a link out of the workspace.
  write(join(ws, 'param-link/azuredeploy.json'), good);
  symlinkSync(join(outside, 'dir/azuredeploy.parameters.json'), join(ws, 'param-link/azuredeploy.parameters.json'));

  // Linked templates that escape: `..`, a link inside the repository pointing out, file:// and absolute paths.
  write(
    join(ws, 'escape/azuredeploy.json'),
    json(
      template([
        trackingResource(),
        linkedDeployment('up', { relativePath: '../../outside.json' }),
        linkedDeployment('up-deeper', { relativePath: '../../../../../../../../outside.json' }),
        linkedDeployment('through-link', { relativePath: 'nested/link.json' }),
        linkedDeployment('file-uri', { uri: `file://${join(base, 'outside.json')}` }),
        linkedDeployment('computed', { relativePath: "[concat('..', '/..', '/outside.json')]" }),
      ]),
    ),
  );
  mkdirSync(join(ws, 'escape/nested'), { recursive: true });
  symlinkSync(join(outside, 'azuredeploy.json'), join(ws, 'escape/nested/link.json'));

  // Names with spaces, non-ASCII, percent signs, quotes and a line break.
  for (const folder of ODD_NAMES) write(join(ws, folder, 'azuredeploy.json'), good);

  if (HAVE_MKFIFO) {
    // FIFOs as a main template, a parameters file and a linked template: opening one must not block.
    mkdirSync(join(ws, 'fifo'), { recursive: true });
    execFileSync('mkfifo', [join(ws, 'fifo/azuredeploy.json')]);
    write(join(ws, 'fifo-param/azuredeploy.json'), good);
    execFileSync('mkfifo', [join(ws, 'fifo-param/azuredeploy.parameters.json')]);
    write(join(ws, 'fifo-linked/azuredeploy.json'), json(template([trackingResource(), linkedDeployment('pipe', { relativePath: 'nested/pipe.json' })])));
    mkdirSync(join(ws, 'fifo-linked/nested'), { recursive: true });
    execFileSync('mkfifo', [join(ws, 'fifo-linked/nested/pipe.json')]);
  }
  return { base, ws, dispose: () => rmSync(base, { recursive: true, force: true }) };
}

function assertNoSentinel(text: string, where: string): void {
  assert.ok(!text.includes(SENTINEL_GUID), `${where}: the sentinel GUID from outside the workspace appears`);
  assert.ok(!text.includes(SENTINEL_TEXT), `${where}: the sentinel text from outside the workspace appears`);
}

function messagesOf(report: ReturnType<typeof checkWorkspace>, path: string): string[] {
  return report.files.find((f) => f.path === path)?.findings.map((f) => `${f.ruleId} ${f.message}`) ?? [];
}

test('hostile repository via checkWorkspace: nothing outside is read, every trap gets a clear message', { timeout: 30_000 }, () => {
  const h = hostileRepository();
  try {
    const started = performance.now();
    const report = checkWorkspace({ workspace: openWorkspace(h.ws), settings: DEFAULT_CHECK_SETTINGS, cwd: h.ws });
    assert.ok(performance.now() - started < 20_000, 'bounded time');
    assertNoSentinel(JSON.stringify(report), 'report');
    const problems = report.problems.map((p) => p.message);

    assert.match(messagesOf(report, 'link-file/azuredeploy.json').join('\n'), /CUA013 .*link to a file outside the workspace and was not read/);
    assert.ok(
      problems.some((m) => /'link-dir' is a link to a folder outside the workspace and was not searched/.test(m)),
      problems.join('\n'),
    );
    assert.ok(!report.files.some((f) => f.path.startsWith('link-dir/')), 'the folder link is never walked');
    assert.match(messagesOf(report, 'loop/azuredeploy.json').join('\n'), /CUA013 .*too many symbolic links/);

    const escape = messagesOf(report, 'escape/azuredeploy.json').join('\n');
    assert.match(escape, /CUA017 .*'\.\.\/outside\.json' is outside the workspace and was not read/);
    assert.match(escape, /CUA01[37] .*link to a file outside the workspace/);
    assert.match(escape, /CUA017 .*file:\/\/.* is remote and was not fetched/);
    assert.equal(report.files.find((f) => f.path === 'escape/azuredeploy.json')?.linkedFiles.length, 0);

    const param = report.files.find((f) => f.path === 'param-link/azuredeploy.json');
    assert.ok(param, 'a template whose parameters file links outside is still checked');
    assert.equal(param.verdict, 'pass');

    for (const folder of ODD_NAMES) {
      const result = report.files.find((f) => f.path === `${folder}/azuredeploy.json`);
      assert.equal(result?.verdict, 'pass', folder);
    }
    if (HAVE_MKFIFO) {
      assert.ok(
        problems.some((m) => /'fifo\/azuredeploy.json' is not a regular file and was not read/.test(m)),
        problems.join('\n'),
      );
      assert.equal(report.files.find((f) => f.path === 'fifo-param/azuredeploy.json')?.verdict, 'pass');
      assert.match(messagesOf(report, 'fifo-linked/azuredeploy.json').join('\n'), /CUA01[37] .*'fifo-linked\/nested\/pipe\.json' is not a regular file/);
    }
  } finally {
    h.dispose();
  }
});

test('hostile paths named explicitly are refused with a message, the rest still checked', { timeout: 30_000 }, () => {
  const h = hostileRepository();
  try {
    const paths = [
      'link-dir',
      'link-file/azuredeploy.json',
      '../outside/azuredeploy.json',
      join(h.base, 'outside.json'),
      'escape',
      'missing.json',
      ...(HAVE_MKFIFO ? ['fifo/azuredeploy.json'] : []),
    ];
    const report = checkWorkspace({ workspace: openWorkspace(h.ws), settings: DEFAULT_CHECK_SETTINGS, paths, cwd: h.ws });
    assertNoSentinel(JSON.stringify(report), 'report');
    const problems = Object.fromEntries(report.problems.map((p) => [p.path, p.message]));
    assert.match(problems['link-dir'] ?? '', /link to a folder outside the workspace/);
    assert.match(problems['../outside/azuredeploy.json'] ?? '', /outside the workspace .* was not read/);
    assert.match(problems[join(h.base, 'outside.json')] ?? '', /outside the workspace .* was not read/);
    assert.match(problems['missing.json'] ?? '', /does not exist/);
    if (HAVE_MKFIFO) assert.match(problems['fifo/azuredeploy.json'] ?? '', /not a regular file/);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['escape/azuredeploy.json', 'link-file/azuredeploy.json'],
    );
  } finally {
    h.dispose();
  }
});

test('a file nobody may read gets a clear message', (t) => {
  if (process.getuid?.() === 0) {
    t.skip('tests run as root, and permission bits do not stop root from reading a file');
    return;
  }
  const h = hostileRepository();
  try {
    const file = join(h.ws, 'locked/azuredeploy.json');
    write(file, json(template([trackingResource()])));
    chmodSync(file, 0o000);
    try {
      closeSync(openSync(file, 'r'));
      t.skip('this system lets the test read a chmod 000 file (capabilities or an unusual file system)');
      return;
    } catch {
      // expected: not readable
    }
    const report = checkWorkspace({ workspace: openWorkspace(h.ws), settings: DEFAULT_CHECK_SETTINGS, paths: ['locked'], cwd: h.ws });
    assert.match(messagesOf(report, 'locked/azuredeploy.json').join('\n'), /CUA013 .*permission denied/);
  } finally {
    h.dispose();
  }
});

test(
  'hostile repository via the bundled CLI: text, json and sarif; no hang, no sentinel, clear messages',
  { skip: HAVE_DIST ? false : 'dist/cli.js is missing: run npm run bundle', timeout: 60_000 },
  () => {
    const h = hostileRepository();
    try {
      for (const format of ['text', 'json', 'sarif']) {
        const run = runCli(['check', '--format', format], h.ws);
        assert.notEqual(run.status, null, `${format}: the CLI was killed by the timeout (a hang)`);
        assert.ok(run.status === 1 || run.status === 2 || (format === 'sarif' && run.status === 0), `${format}: exit ${run.status}\n${run.stderr}`);
        assertNoSentinel(run.stdout + run.stderr, `cli ${format}`);
        assert.doesNotMatch(run.stderr, /internal error/, format);
        if (format === 'json') {
          const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
          const link = report.files.find((f) => f.path === 'link-file/azuredeploy.json');
          assert.match(link?.findings[0]?.message ?? '', /outside the workspace/);
          assert.ok(report.files.some((f) => f.path === 'ünïcødé 日本語/azuredeploy.json'));
          assert.ok(report.files.some((f) => f.path === 'line\nbreak/azuredeploy.json'));
        }
        if (format === 'text') {
          assert.match(run.stdout + run.stderr, /link-dir' is a link to a folder outside the workspace/);
          assert.match(run.stdout, /escape\/azuredeploy\.json:\d+:\d+ notice CUA017 .*outside the workspace/);
        }
      }
      // With --workspace set (without it, a path outside the current folder is its own workspace, as in ESLint).
      const explicit = runCli(['check', '--format', 'json', '--workspace', '.', 'link-dir', '../outside', '../outside.json', 'escape'], h.ws);
      assertNoSentinel(explicit.stdout + explicit.stderr, 'cli explicit');
      assert.equal(explicit.status, 2, 'a named path that is outside the workspace is a usage error, after the others are checked');
      assert.deepEqual(
        (JSON.parse(explicit.stdout) as { files: { path: string }[] }).files.map((f) => f.path),
        ['escape/azuredeploy.json'],
      );
      const onlyOutside = runCli(['check', '--workspace', '.', '../outside/azuredeploy.json'], h.ws);
      assert.equal(onlyOutside.status, 2, 'nothing to check is a usage error');
      assert.match(onlyOutside.stdout + onlyOutside.stderr, /outside the workspace/);
      assertNoSentinel(onlyOutside.stdout + onlyOutside.stderr, 'cli outside only');
    } finally {
      h.dispose();
    }
  },
);

test('a folder of 100,000 entries is searched in bounded time', { timeout: 120_000 }, (t) => {
  const base = fastTempDir('cua-guard-wide-');
  try {
    const wide = join(base, 'wide');
    mkdirSync(wide);
    const created = performance.now();
    try {
      // xargs touch creates the files in a few large batches, far faster than one call per file.
      execFileSync('sh', ['-c', 'cd "$1" && seq -f "f%06g.json" 1 100000 | xargs touch', 'sh', wide], { stdio: 'ignore' });
    } catch {
      for (let i = 1; i <= 100_000; i++) writeFileSync(join(wide, `f${String(i).padStart(6, '0')}.json`), '');
    }
    writeFileSync(join(wide, 'azuredeploy.json'), json(template([trackingResource()])));
    const createMs = performance.now() - created;
    const started = performance.now();
    const report = checkWorkspace({ workspace: openWorkspace(base), settings: { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] }, cwd: base });
    const ms = performance.now() - started;
    assert.deepEqual(
      report.files.map((f) => [f.path, f.verdict]),
      [['wide/azuredeploy.json', 'pass']],
    );
    assert.ok(ms < 30_000, `discovery and check of 100,000 entries took ${ms.toFixed(0)} ms`);
    if (HAVE_DIST) {
      const cliStarted = performance.now();
      const run = runCli(['check', '--format', 'json'], base);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(performance.now() - cliStarted < 30_000);
    }
    t.diagnostic(`100,000 entries: created in ${createMs.toFixed(0)} ms, searched and checked in ${ms.toFixed(0)} ms`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
