// The command line as ESLint's: any path from any folder (the workspace is the git repository
// holding it, or the path itself outside git), the nearest .cua-guard.json, "did you mean",
// per-command help, --quiet, --max-warnings, -o, colours, and the one-line summary. Through the
// bundled dist/cli.js, from folders outside the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { runCli } from '../support/run-dist.ts';
import { GUID, storageAccount, template, trackingResource } from '../support/templates.ts';

const SENTINEL = '99999999-8888-7777-6666-555555555555';

/** A tree: home/src/offer (a git repository with two templates and a config), home/sibling (no git), home/outside.json. */
function tree(): TempWorkspace {
  const ws = createTempWorkspace('cua-guard-anywhere-');
  mkdirSync(join(ws.root, 'home/src/offer/.git'), { recursive: true });
  ws.write('home/src/offer/.cua-guard.json', { rules: { CUA014: 'error' } });
  ws.write('home/src/offer/solutions/a/azuredeploy.json', template([trackingResource({ apiVersion: 'latest' })]));
  ws.write('home/src/offer/solutions/b/azuredeploy.json', template([trackingResource()]));
  ws.write('home/sibling/azuredeploy.json', template([storageAccount()]));
  // Linked from the sibling: outside the sibling (no git there), so never read.
  ws.write('home/shared.json', template([trackingResource({ name: `pid-${SENTINEL}` })]));
  ws.write(
    'home/sibling/linking/azuredeploy.json',
    template([
      trackingResource(),
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: 'linked',
        properties: { mode: 'Incremental', templateLink: { relativePath: '../../shared.json' } },
      },
    ]),
  );
  mkdirSync(join(ws.root, 'elsewhere'), { recursive: true });
  return ws;
}

test('cli anywhere: an absolute path from another folder is checked, with its repository as the workspace and its configuration', () => {
  const ws = tree();
  try {
    const run = runCli(['check', join(ws.root, 'home/src/offer')], join(ws.root, 'elsewhere'));
    assert.equal(run.status, 1, run.stderr);
    // The configuration at the repository root makes CUA014 an error; paths are shown from the current folder.
    assert.match(run.stdout, /^\.\.\/home\/src\/offer\/solutions\/a\/azuredeploy\.json:\d+:\d+ error CUA014 /m);
    assert.match(run.stdout, /^2 templates checked, 1 failed: 1 error, 0 warnings, 0 notices$/m);
    // JSON paths stay relative to the workspace (the repository root).
    const json = JSON.parse(runCli(['check', '-f', 'json', join(ws.root, 'home/src/offer')], join(ws.root, 'elsewhere')).stdout);
    assert.deepEqual(
      json.files.map((f: { path: string }) => f.path),
      ['solutions/a/azuredeploy.json', 'solutions/b/azuredeploy.json'],
    );
  } finally {
    ws.dispose();
  }
});

test('cli anywhere: from a subfolder, the configuration above it applies and the other templates are not checked', () => {
  const ws = tree();
  try {
    const run = runCli(['check'], join(ws.root, 'home/src/offer/solutions/a'));
    assert.equal(run.status, 1);
    assert.equal(run.stdout.split('\n')[0]?.startsWith('azuredeploy.json:'), true, run.stdout);
    assert.match(run.stdout, / error CUA014 /);
    assert.match(run.stdout, /^1 template checked, 1 failed/m);
    // Without the configuration CUA014 is a warning: the same run passes.
    ws.write('home/src/offer/.cua-guard.json', {});
    const plain = runCli(['check'], join(ws.root, 'home/src/offer/solutions/a'));
    assert.equal(plain.status, 0);
  } finally {
    ws.dispose();
  }
});

test('cli anywhere: the nearest .cua-guard.json wins, with its globs relative to its own folder', () => {
  const ws = tree();
  try {
    ws.write('home/src/offer/solutions/.cua-guard.json', { rules: { CUA014: 'off' }, overrides: [{ files: ['b/*.json'], rules: { CUA001: 'warning' } }] });
    ws.write('home/src/offer/solutions/b/azuredeploy.json', template([storageAccount()]));
    const run = runCli(['check', 'solutions'], join(ws.root, 'home/src/offer'));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^solutions\/b\/azuredeploy\.json:\d+:\d+ warning CUA001 /m);
    assert.doesNotMatch(run.stdout, /CUA014/);
  } finally {
    ws.dispose();
  }
});

test('cli anywhere: ../sibling outside any git repository is its own workspace; nothing outside it is read', () => {
  const ws = tree();
  try {
    const run = runCli(['check', '../sibling', '-f', 'json'], join(ws.root, 'home/src'));
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['azuredeploy.json', 'linking/azuredeploy.json'],
    );
    const linking = report.files[1]?.findings ?? [];
    assert.ok(
      linking.some((f) => f.ruleId === 'CUA017' && /outside the workspace and was not read/.test(f.message)),
      JSON.stringify(linking),
    );
    assert.ok(!run.stdout.includes(SENTINEL), 'the file outside the boundary was not read');
    // --workspace still sets the boundary explicitly: then the shared file is inside and read.
    const wide = runCli(['check', '../sibling/linking', '--workspace', '..', '-f', 'json'], join(ws.root, 'home/src'));
    assert.match(wide.stdout, new RegExp(SENTINEL));
  } finally {
    ws.dispose();
  }
});

test('cli anywhere: paths in two different repositories are a usage error naming both', () => {
  const ws = tree();
  try {
    mkdirSync(join(ws.root, 'home/other/.git'), { recursive: true });
    ws.write('home/other/azuredeploy.json', template([trackingResource()]));
    const run = runCli(['check', 'src/offer', 'other'], join(ws.root, 'home'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /different workspaces/);
  } finally {
    ws.dispose();
  }
});

test('cli: unknown flags and commands get "did you mean", exit 2; check --help shows the options of check; cua-guard alone shows help, exit 0', () => {
  const ws = tree();
  try {
    const cwd = join(ws.root, 'elsewhere');
    const flag = runCli(['check', '--fromat', 'json'], cwd);
    assert.equal(flag.status, 2);
    assert.equal(flag.stderr, "cua-guard: unknown option '--fromat' for check: did you mean '--format'? (see 'cua-guard check --help')\n");
    const command = runCli(['chekc'], cwd);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /unknown command 'chekc': did you mean 'check'\?/);
    const far = runCli(['check', '--zzzzzzzz'], cwd);
    assert.equal(far.status, 2);
    assert.doesNotMatch(far.stderr, /did you mean/);
    const help = runCli(['check', '--help'], cwd);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: cua-guard check /);
    for (const option of ['--quiet', '--max-warnings', '--output-file', '--no-color', 'azure-pipelines', 'gitlab'])
      assert.ok(help.stdout.includes(option), option);
    const bare = runCli([], cwd);
    assert.equal(bare.status, 0);
    assert.match(bare.stdout, /^cua-guard: checks Azure customer usage attribution/);
  } finally {
    ws.dispose();
  }
});

test('cli: --quiet shows errors only, --max-warnings N fails above N, -o writes the report to a file, a clean run says so in one line', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('warn/azuredeploy.json', template([trackingResource({ apiVersion: 'latest' })]));
    ws.write('ok/azuredeploy.json', template([trackingResource()]));
    const clean = runCli(['check', 'ok'], ws.root);
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, '✓ 1 template checked, no problems\n');
    const quiet = runCli(['check', '--quiet'], ws.root);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '✓ 2 templates checked, no errors (1 warning or notice not shown: --quiet)\n');
    const limit = runCli(['check', '--max-warnings', '0'], ws.root);
    assert.equal(limit.status, 1);
    assert.match(limit.stderr, /1 warnings, more than --max-warnings 0/);
    assert.equal(runCli(['check', '--max-warnings', '1'], ws.root).status, 0);
    assert.equal(runCli(['check', '--max-warnings', '-1'], ws.root).status, 2);
    const toFile = runCli(['check', '-f', 'sarif', '-o', 'out/cua-guard.sarif'], ws.root);
    assert.equal(toFile.status, 0);
    assert.equal(toFile.stdout, '');
    const sarif = JSON.parse(readFileSync(join(ws.root, 'out/cua-guard.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.length, 1);
    assert.deepEqual(sarif.runs[0].invocations[0], { executionSuccessful: true, exitCode: 0 });
  } finally {
    ws.dispose();
  }
});

test('cli: colours only when asked for (FORCE_COLOR or a terminal), never with --no-color or NO_COLOR', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([storageAccount()]));
    const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'], ...extra });
    const piped = runCli(['check'], ws.root, env({}));
    assert.doesNotMatch(piped.stdout, /\u001b\[/);
    const forced = runCli(['check'], ws.root, env({ FORCE_COLOR: '1' }));
    assert.match(forced.stdout, /\u001b\[31merror\u001b\[0m CUA001/);
    assert.doesNotMatch(runCli(['check', '--no-color'], ws.root, env({ FORCE_COLOR: '1' })).stdout, /\u001b\[/);
    assert.doesNotMatch(runCli(['check'], ws.root, env({ FORCE_COLOR: '1', NO_COLOR: '1' })).stdout, /\u001b\[/);
  } finally {
    ws.dispose();
  }
});

test('cli: SARIF says executionSuccessful false with exit code 2 when a named path cannot be checked', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource()]));
    const run = runCli(['check', '-f', 'sarif', 'azuredeploy.json', 'missing.json'], ws.root);
    assert.equal(run.status, 2);
    const invocation = JSON.parse(run.stdout).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.exitCode, 2);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /'missing\.json' does not exist/);
  } finally {
    ws.dispose();
  }
});

test('cli: new-id prints a fresh GUID first', () => {
  const first = runCli(['new-id'], process.cwd());
  const second = runCli(['new-id'], process.cwd());
  assert.equal(first.status, 0);
  const id = /^([0-9a-f-]{36})\n/.exec(first.stdout)?.[1];
  assert.ok(id, first.stdout);
  assert.notEqual(id, /^([0-9a-f-]{36})\n/.exec(second.stdout)?.[1]);
  assert.ok(first.stdout.includes(`"name": "pid-${id}"`));
  assert.ok(GUID.length === 36);
});

test('cli: -o writes through the safe writer: never through a symbolic link a repository planted, never over a checked template', () => {
  const ws = createTempWorkspace();
  const outside = createTempWorkspace('cua-guard-outside-');
  try {
    ws.write('azuredeploy.json', template([trackingResource()]));
    const victim = outside.write('victim.txt', 'untouched\n');
    symlinkSync(victim, join(ws.root, 'cua-guard.sarif'));
    const linked = runCli(['check', '-f', 'sarif', '-o', 'cua-guard.sarif'], ws.root);
    assert.equal(linked.status, 2);
    assert.match(linked.stderr, /cua-guard\.sarif/);
    assert.equal(readFileSync(victim, 'utf8'), 'untouched\n');
    const overTemplate = runCli(['check', '-f', 'json', '-o', 'azuredeploy.json'], ws.root);
    assert.equal(overTemplate.status, 2);
    assert.match(readFileSync(join(ws.root, 'azuredeploy.json'), 'utf8'), /"resources"/);
    // A file the user names outside the repository is written there.
    const elsewhere = runCli(['check', '-f', 'json', '-o', join(outside.root, 'reports/cua.json')], ws.root);
    assert.equal(elsewhere.status, 0, elsewhere.stderr);
    assert.equal(JSON.parse(readFileSync(join(outside.root, 'reports/cua.json'), 'utf8')).files.length, 1);
  } finally {
    ws.dispose();
    outside.dispose();
  }
});
