// Issue 11, item 4, through the bundle as it is started: a `.cua-guard.json` committed as a link to
// a file outside the workspace, or as a FIFO, is an error that names it, through dist/index.js as
// the runner starts it and dist/cli.js as users run it. Nothing of the file outside is read: its
// unique keys and values never appear; the FIFO never hangs the run nor passes as "no
// configuration".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, runAction, runCli } from '../support/run-dist.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { GUID, template, trackingResource } from '../support/templates.ts';

const HAVE_DIST = existsSync(join(DIST_DIR, 'index.js')) && existsSync(join(DIST_DIR, 'cli.js'));
const dist = { skip: HAVE_DIST ? false : 'dist/ is missing: run npm run bundle', timeout: 120_000 };
const fifo = { ...dist, skip: dist.skip || (process.platform === 'win32' ? 'needs mkfifo' : false) };

/** A key and a value only the file outside holds. */
const OUTSIDE_KEY = 'outsideOnlyKey7Qz';
const OUTSIDE_VALUE = 'Outside-Only-Value-5Rw';

function workspaceWithConfig(kind: 'link' | 'fifo'): { ws: TempWorkspace; outside: TempWorkspace } {
  const outside = createTempWorkspace('cua-guard-outside-');
  const ws = createTempWorkspace('cua-guard-hostile-config-');
  ws.write('azuredeploy.json', template([trackingResource({ name: `pid-${GUID}` })]));
  const target = outside.write('cua.json', `{ "trackingIds": ["${GUID}"], "${OUTSIDE_KEY}": "${OUTSIDE_VALUE}" }`);
  if (kind === 'link') symlinkSync(target, join(ws.root, '.cua-guard.json'));
  else execFileSync('mkfifo', [join(ws.root, '.cua-guard.json')]);
  return { ws, outside };
}

function assertNothingOutside(text: string, where: string): void {
  assert.ok(!text.includes(OUTSIDE_KEY) && !text.includes(OUTSIDE_VALUE), `${where} shows the file outside`);
}

const WHY = { link: /'\.cua-guard\.json' is a link to a file outside the workspace and was not read/, fifo: /'\.cua-guard\.json' is not a regular file/ };

for (const kind of ['link', 'fifo'] as const) {
  test(
    `dist/index.js: a .cua-guard.json ${kind === 'link' ? 'linked outside' : 'that is a FIFO'} fails the step with an error that names it`,
    kind === 'fifo' ? fifo : dist,
    () => {
      const { ws, outside } = workspaceWithConfig(kind);
      try {
        const run = runAction(ws.root, { 'tracking-ids': GUID });
        assert.notEqual(run.status, null, 'the run ended');
        assert.equal(run.status, 1, run.stdout);
        assert.match(run.stdout, /^::error[^\n]*\.cua-guard\.json/m);
        assert.match(run.stdout, WHY[kind]);
        assert.doesNotMatch(run.stdout, /all pass/);
        assertNothingOutside(run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs), 'the action');
      } finally {
        ws.dispose();
        outside.dispose();
      }
    },
  );

  test(
    `dist/cli.js: a .cua-guard.json ${kind === 'link' ? 'linked outside' : 'that is a FIFO'} is a usage error (exit 2) that names it`,
    kind === 'fifo' ? fifo : dist,
    () => {
      const { ws, outside } = workspaceWithConfig(kind);
      try {
        for (const format of ['text', 'json']) {
          const run = runCli(['check', '--format', format], ws.root);
          assert.equal(run.status, 2, `${format}: ${run.stdout}${run.stderr}`);
          assert.match(run.stderr, WHY[kind]);
          assertNothingOutside(run.stdout + run.stderr, `check --format ${format}`);
        }
      } finally {
        ws.dispose();
        outside.dispose();
      }
    },
  );
}
