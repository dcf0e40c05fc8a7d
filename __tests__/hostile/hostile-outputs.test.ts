// Attacks on what cua-guard writes (issue 11, item 1), through the bundled action as the runner
// starts it and the bundled CLI: a committed symlink or hard link at an output path, output paths
// with `..`, absolute or naming a checked template, a folder link on the way; `fix` killed with
// SIGKILL mid-write, and files swapped for links while `fix` runs. Every file outside the
// workspace holds a sentinel that must be unchanged afterwards, and nothing may be created there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  lstatSync,
  statSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runAction, runCli } from '../support/run-dist.ts';
import { GUID, storageAccount, template } from '../support/templates.ts';
import { readWorkspaceFile, openWorkspace } from '../../src/workspace/read-file.ts';
import { replaceFile, writeOutputFile } from '../../src/workspace/write-file.ts';

const HAVE_DIST = existsSync(join(REPO_ROOT, 'dist/index.js')) && existsSync(join(REPO_ROOT, 'dist/cli.js'));
const SENTINEL = 'SENTINEL: a file outside the workspace that cua-guard must never change\n';
const dist = { skip: HAVE_DIST ? false : 'dist/ is missing: run npm run bundle', timeout: 120_000 };

interface Arena {
  base: string;
  ws: string;
  outside: string;
  victim: string;
  dispose(): void;
}

/** A workspace with one failing template, beside an `outside` folder holding a victim file. */
function arena(): Arena {
  const base = mkdtempSync(join(tmpdir(), 'cua-guard-outputs-'));
  const ws = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  const victim = join(outside, 'victim.js');
  writeFileSync(victim, SENTINEL);
  writeFileSync(join(ws, 'azuredeploy.json'), `${JSON.stringify(template([storageAccount()]), null, 2)}\n`);
  return { base, ws, outside, victim, dispose: () => rmSync(base, { recursive: true, force: true }) };
}

function assertVictimUntouched(a: Arena, where: string): void {
  assert.equal(readFileSync(a.victim, 'utf8'), SENTINEL, `${where}: the file outside the workspace was changed`);
  assert.deepEqual(readdirSync(a.outside), ['victim.js'], `${where}: something was created outside the workspace`);
}

test('action: a committed symlink at the report or SARIF path is refused by name, nothing written through it', dist, () => {
  for (const input of ['sarif-file', 'report']) {
    const a = arena();
    try {
      symlinkSync(a.victim, join(a.ws, 'cua-guard.out'));
      const run = runAction(a.ws, { 'tracking-ids': GUID, [input]: 'cua-guard.out' });
      assertVictimUntouched(a, input);
      assert.equal(run.status, 1, input);
      assert.match(run.stdout, /::error::'[^']*cua-guard\.out' is a symbolic link: cua-guard does not write through links/, input);
      assert.doesNotMatch(run.stdout, /internal error/, input);
    } finally {
      a.dispose();
    }
  }
});

test('action: a hard link at an output path is refused; the linked file is unchanged', dist, () => {
  const a = arena();
  try {
    linkSync(a.victim, join(a.ws, 'results.sarif'));
    const run = runAction(a.ws, { 'tracking-ids': GUID, 'sarif-file': 'results.sarif' });
    assertVictimUntouched(a, 'hard link');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /::error::'[^']*results\.sarif' has 2 hard links/);
  } finally {
    a.dispose();
  }
});

test('action: output paths that leave the workspace, or name a checked template, are refused', dist, () => {
  const a = arena();
  try {
    const template = readFileSync(join(a.ws, 'azuredeploy.json'), 'utf8');
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'sarif-file': '../outside/x.sarif' }, /outside the workspace and the runner's temporary folder/],
      [{ report: join(a.outside, 'report.json') }, /outside the workspace and the runner's temporary folder/],
      [{ 'sarif-file': 'azuredeploy.json' }, /is a file cua-guard checks/],
      [{ report: './sub/../azuredeploy.json' }, /is a file cua-guard checks/],
    ];
    for (const [inputs, message] of cases) {
      const run = runAction(a.ws, { 'tracking-ids': GUID, ...inputs });
      assertVictimUntouched(a, JSON.stringify(inputs));
      assert.equal(readFileSync(join(a.ws, 'azuredeploy.json'), 'utf8'), template, `${JSON.stringify(inputs)}: the checked template was overwritten`);
      assert.equal(run.status, 1, JSON.stringify(inputs));
      assert.match(run.stdout, message, JSON.stringify(inputs));
    }
    // A link to a folder outside, on the way to the output.
    symlinkSync(a.outside, join(a.ws, 'out'));
    const run = runAction(a.ws, { 'tracking-ids': GUID, report: 'out/report.json' });
    assertVictimUntouched(a, 'folder link');
    assert.match(run.stdout, /::error::'[^']*out' is a symbolic link/);
  } finally {
    a.dispose();
  }
});

test('CLI fix: a hard-linked template is not rewritten, so the write cannot reach the other name', dist, () => {
  const a = arena();
  try {
    const outsideTemplate = join(a.outside, 'victim.js');
    writeFileSync(outsideTemplate, `${JSON.stringify(template([storageAccount()]), null, 2)}\n`);
    const before = readFileSync(outsideTemplate, 'utf8');
    rmSync(join(a.ws, 'azuredeploy.json'));
    linkSync(outsideTemplate, join(a.ws, 'azuredeploy.json'));
    const run = runCli(['fix', '--tracking-id', GUID], a.ws);
    assert.equal(readFileSync(outsideTemplate, 'utf8'), before, 'the hard link carried the write outside the workspace');
    assert.match(run.stdout + run.stderr, /has 2 hard links/);
    assert.equal(run.status, 1);
  } finally {
    a.dispose();
  }
});

/** A template of about `megabytes` MB that fails (no tracking deployment): fix rewrites it. */
function largeTemplate(megabytes: number): string {
  const one = JSON.stringify(storageAccount('stlarge'));
  const count = Math.ceil((megabytes * 1024 * 1024) / (one.length + 8));
  const resources = Array.from({ length: count }, (_, i) => ({ ...storageAccount(`st${i}`), tags: { filler: 'x'.repeat(64) } }));
  return `${JSON.stringify(template(resources), null, 2)}\n`;
}

test('CLI fix killed with SIGKILL mid-write: the template is the old one or the new one, never anything else', dist, async (t) => {
  const a = arena();
  try {
    const original = largeTemplate(2);
    const file = join(a.ws, 'azuredeploy.json');
    const outcomes: string[] = [];
    // Kill as soon as the temporary file appears (mid-write), and at a few fixed moments.
    for (const when of ['first-change', 'temp-file', 300, 'never'] as const) {
      // A temporary file a killed run left behind (nothing can remove it after SIGKILL) is ours alone.
      for (const left of readdirSync(a.ws).filter((f) => f !== 'azuredeploy.json')) {
        assert.match(left, /^\.azuredeploy\.json\.cua-guard-[0-9a-f]{12}\.tmp$/);
        rmSync(join(a.ws, left));
      }
      writeFileSync(file, original);
      const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'fix', '--tracking-id', GUID], { cwd: a.ws, stdio: 'ignore' });
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      const t0 = Date.now();
      if (when === 'first-change') {
        // A busy wait (this process need not answer the child): the moment anything happens to
        // the template or beside it, kill. An in-place rewrite is caught truncated or half-written.
        const started = Date.now();
        const before = statSync(file);
        for (;;) {
          const now = statSync(file, { throwIfNoEntry: false });
          if (now === undefined || now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) break;
          if (readdirSync(a.ws).length > 1 || Date.now() - started > 60_000) break;
        }
      } else if (when === 'temp-file') {
        const started = Date.now();
        while (!readdirSync(a.ws).some((f) => f.includes('.cua-guard-')) && Date.now() - started < 60_000 && child.exitCode === null)
          await new Promise((r) => setTimeout(r, 2));
      } else if (when !== 'never') {
        await new Promise((r) => setTimeout(r, when));
      }
      if (when !== 'never') child.kill('SIGKILL');
      await exited;
      t.diagnostic(`${when}: killed after ${Date.now() - t0} ms`);
      const now = readFileSync(file, 'utf8');
      if (now === original) {
        outcomes.push(`${when}: old`);
        continue;
      }
      let parsed: { resources: { name: string }[] };
      try {
        parsed = JSON.parse(now) as { resources: { name: string }[] };
      } catch {
        assert.fail(`${when}: the template is neither the old nor the new one (${now.length} of ${original.length} bytes, not JSON)`);
      }
      assert.equal(parsed.resources[0]?.name, `pid-${GUID}`, `${when}: neither the old nor the fixed template`);
      assert.equal(parsed.resources.length, (JSON.parse(original) as { resources: unknown[] }).resources.length + 1, `${when}`);
      outcomes.push(`${when}: new`);
    }
    assert.equal(outcomes.length, 4);
    assert.equal(outcomes[3], 'never: new', 'a run left alone writes the fixed template');
    t.diagnostic(outcomes.join(', '));
  } finally {
    a.dispose();
  }
});

test('CLI fix while templates are swapped for links to a file outside: nothing outside is written', dist, async () => {
  const a = arena();
  try {
    const count = 1500;
    rmSync(join(a.ws, 'azuredeploy.json'));
    const text = `${JSON.stringify(template([storageAccount()]), null, 2)}\n`;
    for (let i = 0; i < count; i++) {
      mkdirSync(join(a.ws, `t${i}`));
      writeFileSync(join(a.ws, `t${i}/azuredeploy.json`), text);
    }
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'fix', '--tracking-id', GUID], { cwd: a.ws, stdio: 'ignore' });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    // Swap from the last template backwards while fix reads from the first forwards: some are
    // swapped before they are read, some after, while fix plans and while it writes.
    let swapped = 0;
    for (let i = count - 1; i >= 0 && child.exitCode === null; i--) {
      const path = join(a.ws, `t${i}/azuredeploy.json`);
      renameSync(path, `${path}.moved`);
      symlinkSync(a.victim, path);
      swapped++;
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    await exited;
    assertVictimUntouched(a, `fix with ${swapped} templates swapped for links`);
    for (let i = 0; i < count; i++) {
      const path = join(a.ws, `t${i}/azuredeploy.json`);
      const stat = lstatSync(path);
      assert.ok(stat.isSymbolicLink() || stat.isFile(), path);
    }
    assert.ok(swapped > 0);
  } finally {
    a.dispose();
  }
});

test('the writer: a file swapped for a link after it was read is not replaced; report writes refuse links and escapes', () => {
  const a = arena();
  try {
    const workspace = openWorkspace(a.ws);
    const read = readWorkspaceFile(workspace, 'azuredeploy.json');
    assert.ok(read.ok && read.identity);
    renameSync(join(a.ws, 'azuredeploy.json'), join(a.ws, 'moved.json'));
    symlinkSync(a.victim, join(a.ws, 'azuredeploy.json'));
    assert.throws(() => replaceFile(read.absolutePath, Buffer.from('{}'), read.identity ?? { dev: 0, ino: 0 }), /is a symbolic link/);
    rmSync(join(a.ws, 'azuredeploy.json'));
    writeFileSync(join(a.ws, 'azuredeploy.json'), '{}'); // another file at the same name
    assert.throws(() => replaceFile(read.absolutePath, Buffer.from('{"x":1}'), read.identity ?? { dev: 0, ino: 0 }), /replaced by another file/);
    assert.equal(readFileSync(join(a.ws, 'azuredeploy.json'), 'utf8'), '{}');
    assertVictimUntouched(a, 'replaceFile');

    const places = { roots: [a.ws], protectedFiles: () => [join(a.ws, 'moved.json')] };
    writeOutputFile(join(a.ws, 'deep/er/report.json'), 'ok', places);
    assert.equal(readFileSync(join(a.ws, 'deep/er/report.json'), 'utf8'), 'ok');
    writeOutputFile(join(a.ws, 'deep/er/report.json'), 'again', places);
    assert.equal(readFileSync(join(a.ws, 'deep/er/report.json'), 'utf8'), 'again');
    assert.throws(() => writeOutputFile(join(a.ws, 'moved.json'), 'x', places), /is a file cua-guard checks/);
    assert.throws(() => writeOutputFile(join(a.outside, 'x.json'), 'x', places), /outside the workspace/);
    assert.throws(() => writeOutputFile(join(a.ws, 'azuredeploy.json/x'), 'x', places), /is not a folder/);
    assert.deepEqual(
      readdirSync(join(a.ws, 'deep/er')).filter((f) => f.includes('.tmp')),
      [],
      'no temporary file is left behind',
    );
  } finally {
    a.dispose();
  }
});

test(
  'CLI fix when the disk fills up mid-write (a file-size limit): the template is untouched',
  { ...dist, skip: process.platform !== 'linux' ? 'needs ulimit -f' : dist.skip },
  () => {
    const a = arena();
    try {
      const original = largeTemplate(0.5);
      const file = join(a.ws, 'azuredeploy.json');
      writeFileSync(file, original);
      // ulimit -f counts 1024-byte blocks: room for half of the fixed file. The write then fails
      // (EFBIG, or SIGXFSZ ends the process), as it would on a full disk.
      const limit = Math.floor(original.length / 2048);
      const run = spawnSync('bash', ['-c', `ulimit -f ${limit}; exec "${process.execPath}" "${join(REPO_ROOT, 'dist/cli.js')}" fix --tracking-id ${GUID}`], {
        cwd: a.ws,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.notEqual(run.status, 0, 'the write cannot have succeeded');
      assert.equal(readFileSync(file, 'utf8'), original, 'the template was cut');
    } finally {
      a.dispose();
    }
  },
);
