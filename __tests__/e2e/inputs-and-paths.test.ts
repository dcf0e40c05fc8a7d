// Paths the user names (action input `templates`, CLI arguments), the matrix round trip, and
// the inputs around them: the action's source entry (src/app/action/main-entry.ts, what dist/index.js
// is built from) started as the runner starts it, and the CLI in-process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/app/cli/cli.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { runAction, type ActionRun } from '../support/run-dist.ts';
import { GUID, storageAccount, template, trackingResource } from '../support/templates.ts';

const ACTION_SOURCE = 'src/app/action/main-entry.ts';

function action(ws: TempWorkspace, inputs: Record<string, string>): ActionRun {
  return runAction(ws.root, inputs, ACTION_SOURCE);
}

async function cli(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { status, stdout, stderr };
}

const annotations = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice)/.test(l));

/** Main templates whose paths a glob would misread: a root-level one, brackets, braces, spaces. */
function matrixWorkspace(): TempWorkspace {
  const ws = createTempWorkspace();
  for (const path of [
    'azuredeploy.json',
    'sub/azuredeploy.json',
    'x[1]/azuredeploy.json',
    'x1/azuredeploy.json',
    '{a,b}/mainTemplate.json',
    'a/mainTemplate.json',
    'with space/azuredeploy.json',
  ]) {
    ws.write(path, template([trackingResource()]));
  }
  return ws;
}

test('matrix: every entry of the templates output, fed back as ./<entry>, selects exactly that template', () => {
  const ws = matrixWorkspace();
  try {
    const all = action(ws, {});
    assert.equal(all.status, 0, all.stdout);
    const entries = JSON.parse(all.outputs['templates'] ?? '') as string[];
    assert.deepEqual(entries, [
      'a/mainTemplate.json',
      'azuredeploy.json',
      'sub/azuredeploy.json',
      'with space/azuredeploy.json',
      'x1/azuredeploy.json',
      'x[1]/azuredeploy.json',
      '{a,b}/mainTemplate.json',
    ]);
    for (const entry of entries) {
      // The README's matrix job: `templates: ./${{ matrix.template }}`.
      const one = action(ws, { templates: `./${entry}` });
      assert.equal(one.status, 0, `${entry}: ${one.stdout}`);
      assert.deepEqual(JSON.parse(one.outputs['templates'] ?? ''), [entry], entry);
      assert.deepEqual(annotations(one.stdout), [], entry);
    }
    // Without ./, a bare file name still matches at any depth; a path with a folder is anchored at the root.
    assert.equal((JSON.parse(action(ws, { templates: 'azuredeploy.json' }).outputs['templates'] ?? '') as string[]).length, 5);
    assert.deepEqual(
      JSON.parse(action(ws, { templates: 'x[1]/azuredeploy.json' }).outputs['templates'] ?? ''),
      ['x[1]/azuredeploy.json'],
      'an existing path is taken literally',
    );
    assert.deepEqual(JSON.parse(action(ws, { templates: './*.json' }).outputs['templates'] ?? ''), ['azuredeploy.json'], './ anchors a glob at the root');
  } finally {
    ws.dispose();
  }
});

test('matrix: a template inside a .zip package is checked and counted but left out of the templates output (a job cannot deploy it)', () => {
  const ws = createTempWorkspace();
  try {
    const uiDefinition = strToU8('{ "$schema": "https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#" }');
    ws.write('azuredeploy.json', template([trackingResource()]));
    // The package's sources, and the package built from them (whose main template lost its tracking deployment).
    ws.write('offer/package/mainTemplate.json', template([trackingResource()]));
    ws.write('offer/package/createUiDefinition.json', strFromU8(uiDefinition));
    writeFileSync(
      join(ws.root, 'offer/package.zip'),
      zipSync({ 'mainTemplate.json': strToU8(JSON.stringify(template([storageAccount()]))), 'createUiDefinition.json': uiDefinition }),
    );
    const all = action(ws, {});
    assert.equal(all.status, 1, all.stdout);
    assert.equal(all.outputs['result'], 'fail');
    assert.equal(all.outputs['error-count'], '1');
    const report = JSON.parse(readFileSync(resolve(ws.root, all.outputs['report'] ?? ''), 'utf8')) as { files: { path: string }[] };
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['azuredeploy.json', 'offer/package.zip!/mainTemplate.json', 'offer/package/mainTemplate.json'],
    );
    const entries = JSON.parse(all.outputs['templates'] ?? '') as string[];
    assert.deepEqual(entries, ['azuredeploy.json', 'offer/package/mainTemplate.json']);
    assert.ok(
      all.stdout.includes(
        'the templates output leaves out 1 template(s) inside a .zip package, which a job cannot deploy: offer/package.zip!/mainTemplate.json',
      ),
      all.stdout,
    );
    // Every entry left in the list is a file the fan-out job can take back.
    for (const entry of entries) {
      const one = action(ws, { templates: `./${entry}` });
      assert.equal(one.status, 0, `${entry}: ${one.stdout}`);
      assert.deepEqual(JSON.parse(one.outputs['templates'] ?? ''), [entry], entry);
    }
    // The archive itself, named, is still checked (and still not in the list).
    const zip = action(ws, { templates: './offer/package.zip' });
    assert.equal(zip.outputs['error-count'], '1');
    assert.equal(zip.outputs['templates'], '[]');
  } finally {
    ws.dispose();
  }
});

test('action: a named template that does not exist or lies outside fails the step; a glob matching nothing warns', () => {
  const ws = matrixWorkspace();
  try {
    const typo = action(ws, { templates: 'sub/azuredeploy.jsn\n./azuredeploy.json\n../elsewhere/azuredeploy.json' });
    assert.equal(typo.status, 1);
    assert.equal(typo.outputs['result'], 'fail');
    assert.deepEqual(JSON.parse(typo.outputs['templates'] ?? ''), ['azuredeploy.json'], 'the others are still checked');
    assert.deepEqual(annotations(typo.stdout), [
      "::error title=cua-guard templates::templates pattern 'sub/azuredeploy.jsn' names a file that does not exist",
      `::error title=cua-guard templates::templates pattern '../elsewhere/azuredeploy.json' points outside the workspace (${ws.root}); nothing outside it is read`,
      '::error::2 path(s) named in the templates input cannot be checked (missing or outside the workspace); fix the templates input',
    ]);
    // Even with fail-on: never: the gate itself is broken.
    assert.equal(action(ws, { templates: './missing.json', 'fail-on': 'never' }).status, 1);

    const glob = action(ws, { templates: 'infra/**/*.json\n./azuredeploy.json' });
    assert.equal(glob.status, 0);
    assert.deepEqual(annotations(glob.stdout), ["::warning::templates pattern 'infra/**/*.json' matches no file"]);
    // Escaped for Markdown: the stars show as written, they start no emphasis.
    assert.match(glob.summary, /> ⚠️ templates pattern 'infra\/\\\*\\\*\/\\\*\.json' matches no file/);
  } finally {
    ws.dispose();
  }
});

test('cli: a named path that is missing, outside or holds no main template exits 2, after checking the others', async () => {
  const ws = createTempWorkspace();
  try {
    ws.write('ok.json', template([trackingResource()]));
    ws.write('emptydir/readme.md', '# nothing here');
    const missing = await cli(['check', 'nonexist.json', 'ok.json'], ws.root);
    assert.equal(missing.status, 2);
    assert.match(missing.stdout, /^cua-guard: 'nonexist\.json' does not exist$/m);
    assert.match(missing.stdout, /^✓ 1 template checked, no problems$/m, 'ok.json is still checked');
    const empty = await cli(['check', 'emptydir'], ws.root);
    assert.equal(empty.status, 2);
    assert.match(empty.stdout, /'emptydir' holds no ARM template \(1 \.md file\)/);
    const outside = await cli(['check', '--format', 'json', '--workspace', '.', '../', 'ok.json'], ws.root);
    assert.equal(outside.status, 2);
    assert.equal(JSON.parse(outside.stdout).files.length, 1, 'stdout stays one JSON document');
    assert.match(outside.stderr, /^cua-guard: '\.\.\/' is outside the workspace/);
    // The default (the current folder) finding nothing is no silent pass: it says what it found
    // (exit 2), unless --if-no-templates says nothing checked is fine.
    const nothing = await cli(['check'], join(ws.root, 'emptydir'));
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /^cua-guard: no ARM template was checked: found 1 \.md file, no ARM template/m);
    const allowed = await cli(['check', '--if-no-templates', 'warn'], join(ws.root, 'emptydir'));
    assert.equal(allowed.status, 0);
    assert.match(allowed.stderr, /no ARM template was checked/);
    const ignored = await cli(['check', '--if-no-templates', 'ignore'], join(ws.root, 'emptydir'));
    assert.equal(ignored.status, 0);
    assert.equal(ignored.stderr, '');
  } finally {
    ws.dispose();
  }
});

test('cli: --help after a command prints the help and exits 0; --tracking-id and --rule take comma lists', async () => {
  for (const command of ['check', 'fix', 'new-id']) {
    for (const flag of ['--help', '-h']) {
      const run = await cli([command, flag], process.cwd());
      assert.equal(run.status, 0, `${command} ${flag}`);
      assert.match(run.stdout, new RegExp(`^Usage: cua-guard ${command} `), 'the options of that command');
    }
  }
  const ws = createTempWorkspace();
  try {
    const other = '11111111-2222-3333-4444-555555555555';
    ws.write('azuredeploy.json', template([trackingResource({ name: `pid-${other}`, apiVersion: 'latest' })]));
    assert.equal((await cli(['check', '--tracking-id', GUID], ws.root)).status, 1, 'CUA009: the id is not registered');
    const listed = await cli(['check', '--tracking-id', `${GUID},pid-${other}`, '--rule', 'CUA014=off,CUA011=off'], ws.root);
    assert.equal(listed.status, 0, listed.stdout + listed.stderr);
    assert.match(listed.stdout, /^✓ 1 template checked, no problems$/m, 'CUA014 is off too');
    assert.equal((await cli(['check', '--tracking-id', `${GUID},nope`], ws.root)).status, 2);
  } finally {
    ws.dispose();
  }
});

test('CUA013 for a binary or mis-encoded file points at the line and column of the bad byte', () => {
  const ws = createTempWorkspace();
  try {
    const text = '{\n  "resources": [\n    "abc';
    writeFileSync(ws.write('binary/azuredeploy.json', ''), Buffer.concat([Buffer.from(text), Buffer.from([0x00, 0x01]), Buffer.from('"]}')]));
    writeFileSync(ws.write('latin1/azuredeploy.json', ''), Buffer.concat([Buffer.from('{\n  "n": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
    const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS });
    const located = report.files.map((f) => `${f.path}:${f.findings[0]?.line}:${f.findings[0]?.column}`);
    assert.deepEqual(located, ['binary/azuredeploy.json:3:9', 'latin1/azuredeploy.json:2:12']);
    assert.match(report.files[0]?.findings[0]?.message ?? '', /binary file \(NUL byte at offset 27\) \(line 3, column 9\)/);
  } finally {
    ws.dispose();
  }
});

test('action: invalid verification inputs still set verified=false', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource()]));
    const run = action(ws, {
      verify: 'deploy',
      scope: 'subscription',
      'subscription-id': '00000000-0000-0000-0000-000000000001',
      cleanup: 'always',
      'timeout-minutes': '60',
      environment: 'AzureCloud',
    });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^::error::scope: subscription needs region/m);
    assert.equal(run.outputs['verified'], 'false');
    assert.equal(run.outputs['result'], 'pass', 'the static check ran and passed');
  } finally {
    ws.dispose();
  }
});

test('action: a configuration mistake is an error annotation at its file, line and column', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([storageAccount()]));
    ws.write('.cua-guard.json', '{\n  // ids\n  "tracking-ids": ["pid-not-a-guid"],\n  "rules": { "CUA011": "loud" }\n}\n');
    const run = action(ws, {});
    assert.equal(run.status, 1);
    assert.deepEqual(annotations(run.stdout), [
      "::error title=cua-guard configuration,file=.cua-guard.json,line=3,col=20::invalid configuration: tracking-ids[0]: 'pid-not-a-guid' is neither a GUID (with or without 'pid-') nor a Partner Center id ('<id>-partnercenter')",
      '::error title=cua-guard configuration,file=.cua-guard.json,line=4,col=24::invalid configuration: rules.CUA011 must be one of error, warning, notice, off, not "loud"',
    ]);
  } finally {
    ws.dispose();
  }
});

test('action: the job summary stays within 900 KiB with thousands of failing templates and fix: suggest', () => {
  const ws = createTempWorkspace();
  try {
    const text = JSON.stringify(
      template([storageAccount(), trackingResource({ apiVersion: 'latest', properties: { mode: 'Complete', template: {} } })]),
      null,
      2,
    );
    for (let i = 0; i < 2500; i++) ws.write(`solutions/s${String(i).padStart(4, '0')}/azuredeploy.json`, text);
    const run = action(ws, { 'tracking-ids': GUID, fix: 'suggest' });
    assert.equal(run.status, 1);
    const bytes = Buffer.byteLength(run.summary);
    assert.ok(bytes <= 900 * 1024 + 1, `${bytes} bytes`);
    assert.match(run.summary, /^## ❌ cua-guard: 2500 of 2500 templates fail · /);
    assert.match(
      run.summary,
      /> Shortened: the findings of \d+ failing templates do not fit in GitHub's 1 MiB summary\. Every finding is in `[^`]*cua-guard-report\.json`/,
    );
    assert.match(run.summary, /<details><summary>🔧 Suggested fix: \d+ change\(s\) in <code>cua-guard-fix\.patch<\/code><\/summary>/);
    assert.match(run.summary, /- … \d+ more change\(s\): run `cua-guard fix --dry-run` to see them all/);
    const report = JSON.parse(readFileSync(run.outputs['report'] ?? '', 'utf8')) as { files: unknown[] };
    assert.equal(report.files.length, 2500, 'the JSON report has everything');
  } finally {
    ws.dispose();
  }
});
