// The command line when its surroundings fail or its input carries terminal commands: a closed
// pipe, a full disk, a working folder that is gone, control characters in names and strings.
// Exit code 1 means "findings": none of these may end with it, or with a stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, runCli } from '../support/run-dist.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { template } from '../support/templates.ts';

const CLI = join(REPO_ROOT, 'dist/cli.js');

/** A workspace whose text output is far larger than a pipe's buffer (64 KiB). */
function manyFailingTemplates() {
  const ws = createTempWorkspace('cua-guard-pipe-');
  for (let i = 0; i < 2000; i++) ws.write(`t${i}/azuredeploy.json`, template([]));
  return ws;
}

test('a reader that closes the pipe early (| head) ends the run with exit 2, silently', () => {
  const ws = manyFailingTemplates();
  try {
    // bash, for PIPESTATUS: the exit code of cua-guard, not of head.
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check . | head -c 100 > /dev/null; exit \${PIPESTATUS[0]}`], {
      cwd: ws.root,
      encoding: 'utf8',
    });
    const { status, stderr } = run;
    assert.equal(status, 2);
    assert.doesNotMatch(stderr, /at .*\(|Error:/, 'no stack trace');
  } finally {
    ws.dispose();
  }
});

test('output to a full disk is exit 2 with one line saying so', { skip: process.platform !== 'linux' && 'needs /dev/full' }, () => {
  const ws = manyFailingTemplates();
  try {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check . > /dev/full`], { cwd: ws.root, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^cua-guard: cannot write to standard output \(ENOSPC\); the run did not complete\n$/);
  } finally {
    ws.dispose();
  }
});

test('a working folder that was deleted is exit 2 with one line saying so', () => {
  const gone = mkdtempSync(join(tmpdir(), 'cua-guard-gone-'));
  const run = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && "${process.execPath}" "${CLI}" check .`], { encoding: 'utf8' });
  rmSync(gone, { recursive: true, force: true });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^cua-guard: the current folder cannot be read \(ENOENT\)/);
});

test('control characters in file names and template strings reach the terminal as visible text', () => {
  const ws = createTempWorkspace('cua-guard-escape-');
  try {
    const title = '\u001b]0;pwned\u0007';
    const clipboard = '\u001b]52;c;cm0gLXJmIH4=\u0007';
    ws.write(
      `x${'\u001b[2J'}y/azuredeploy.json`,
      template([
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2021-04-01',
          name: `pid-${title}${clipboard}\r\u009b31m`,
          properties: { mode: 'Incremental', template: {} },
        },
      ]),
    );
    const run = runCli(['check', '.'], ws.root);
    assert.equal(run.status, 1);
    const raw = run.stdout + run.stderr;
    assert.doesNotMatch(raw, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'no control character but newlines');
    assert.match(run.stdout, /x\\x1B\[2Jy\/azuredeploy\.json/);
    assert.match(run.stdout, /\\x1B\]0;pwned\\x07/);
  } finally {
    ws.dispose();
  }
});
