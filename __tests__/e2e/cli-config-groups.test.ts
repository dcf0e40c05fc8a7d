// The command line over several configuration files: each named path is checked with its nearest
// .cua-guard.json, and the groups still share one link graph. A main template of one group that
// links a template in another group's folder makes it a linked template for `check` (no CUA001,
// not a main template) and for `fix` (never given a tracking deployment). Through the source
// entry point, started as a user starts the command; the merge itself on small reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/run-dist.ts';
import { mergeGroupReports, type GroupReport } from '../../src/app/cli/merge-groups.ts';
import type { TemplateResult } from '../../src/engine/types.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { storageAccount, template } from '../support/templates.ts';

const ID_A = '11111111-2222-4333-8444-555555555555';
const ID_B = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const MODULE = 'offer-b/network/azuredeploy.json';
/** Found by its content in a linked templates' folder: offer-b's run alone lists it as reached by nothing. */
const NESTED = 'offer-b/nestedtemplates/database.json';

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [join(REPO_ROOT, 'src/app/cli/cli-entry.ts'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function link(name: string, relativePath: string): Record<string, unknown> {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name,
    properties: { mode: 'Incremental', templateLink: { relativePath } },
  };
}

/**
 * A repository with two offers, each with its own configuration (its own tracking id). offer-a's
 * main template links two templates that live in offer-b's folder, which no template of offer-b links.
 */
function twoOffers(): TempWorkspace {
  const ws = createTempWorkspace('cua-guard-groups-');
  mkdirSync(join(ws.root, '.git'));
  ws.write('offer-a/.cua-guard.json', { 'tracking-ids': [ID_A] });
  ws.write('offer-b/.cua-guard.json', { 'tracking-ids': [ID_B] });
  ws.write('offer-a/azuredeploy.json', template([storageAccount('sta'), link('network', `../${MODULE}`), link('database', `../${NESTED}`)]));
  ws.write('offer-b/azuredeploy.json', template([storageAccount('stb')]));
  ws.write(MODULE, template([storageAccount('stnet')]));
  ws.write(NESTED, template([storageAccount('stdb')]));
  return ws;
}

interface JsonReport {
  files: { path: string; linkedFiles: string[]; findings: { ruleId: string; file: string }[] }[];
  linkedTemplates: string[];
  unreachedTemplates: string[];
  problems: unknown[];
}

test('cli groups: check knows a template linked from another configuration group is linked (no CUA001, not a main template)', () => {
  const ws = twoOffers();
  try {
    const run = cli(['check', 'offer-a', 'offer-b', '-f', 'json'], ws.root);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['offer-a/azuredeploy.json', 'offer-b/azuredeploy.json'],
    );
    assert.deepEqual(report.files[0]?.linkedFiles, [MODULE, NESTED]);
    assert.deepEqual(report.linkedTemplates, [NESTED, MODULE]);
    assert.deepEqual(report.unreachedTemplates, []);
    assert.deepEqual(report.problems, []);
    // One CUA001 per offer's main template, none on the module.
    const missing = report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'CUA001').map((x) => x.file));
    assert.deepEqual(missing, ['offer-a/azuredeploy.json', 'offer-b/azuredeploy.json']);
    // The text format counts the same.
    const text = cli(['check', 'offer-a', 'offer-b'], ws.root);
    assert.match(text.stdout, /^2 templates checked, 2 failed: 2 errors/m);
    assert.doesNotMatch(text.stdout + text.stderr, /network|database|not checked/);
  } finally {
    ws.dispose();
  }
});

test('cli groups: fix gives each offer its own id and never inserts a tracking deployment into the module another group links', () => {
  const ws = twoOffers();
  try {
    const moduleBefore = readFileSync(join(ws.root, MODULE), 'utf8');
    const dry = cli(['fix', '--check', 'offer-a', 'offer-b'], ws.root);
    assert.equal(dry.status, 1, dry.stderr);
    assert.match(dry.stderr, /^2 template\(s\): 2 would change, 0 unchanged$/m);
    assert.doesNotMatch(dry.stderr, /network|database/);

    const run = cli(['fix', 'offer-a', 'offer-b'], ws.root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^2 template\(s\): 2 changed, 0 unchanged$/m);
    assert.equal(readFileSync(join(ws.root, MODULE), 'utf8'), moduleBefore, 'the linked module is untouched');
    assert.match(readFileSync(join(ws.root, 'offer-a/azuredeploy.json'), 'utf8'), new RegExp(`pid-${ID_A}`));
    assert.match(readFileSync(join(ws.root, 'offer-b/azuredeploy.json'), 'utf8'), new RegExp(`pid-${ID_B}`));
    // Fixed, both offers pass; the module is still checked, as part of offer-a.
    const after = cli(['check', 'offer-a', 'offer-b', '-f', 'json'], ws.root);
    assert.equal(after.status, 0, after.stdout);
    assert.deepEqual((JSON.parse(after.stdout) as JsonReport).files[0]?.linkedFiles, [MODULE, NESTED]);
  } finally {
    ws.dispose();
  }
});

test('cli groups: a module named on the command line is a main template for check, and fix leaves it alone and says why', () => {
  const ws = twoOffers();
  try {
    const checked = JSON.parse(cli(['check', 'offer-a', MODULE, '-f', 'json'], ws.root).stdout) as JsonReport;
    assert.deepEqual(
      checked.files.map((f) => f.path),
      ['offer-a/azuredeploy.json', MODULE],
    );
    const moduleBefore = readFileSync(join(ws.root, MODULE), 'utf8');
    const run = cli(['fix', 'offer-a', MODULE], ws.root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.ok(
      run.stdout.includes(`${MODULE}: left alone: it is a linked template of offer-a/azuredeploy.json, which is where a tracking deployment belongs`),
      run.stdout,
    );
    assert.equal(readFileSync(join(ws.root, MODULE), 'utf8'), moduleBefore);
    assert.match(readFileSync(join(ws.root, 'offer-a/azuredeploy.json'), 'utf8'), new RegExp(`pid-${ID_A}`));
  } finally {
    ws.dispose();
  }
});

/** A group's report of main templates (path → the files its links reached), as checkWorkspace gives it. */
function groupReport(mains: Record<string, string[]>, named: string[] = []): GroupReport {
  const files: TemplateResult[] = Object.entries(mains).map(([path, linked]) => ({
    path,
    verdict: 'pass',
    findings: [],
    tracking: [],
    linkedFiles: linked,
    linkTargets: linked,
  }));
  return {
    report: {
      tool: { name: 'cua-guard', version: '0' },
      files,
      counts: { error: 0, warning: 0, notice: 0, suppressed: 0 },
      problems: [],
      linkedTemplates: [],
      unreachedTemplates: [],
      inventory: { byExtension: {}, otherJson: 0 },
    },
    named: new Set(named),
  };
}

test('merge groups: templates of two groups that link each other in a circle keep one main template, as one run would', () => {
  const merged = mergeGroupReports([
    groupReport({ 'b/azuredeploy.json': ['a/azuredeploy.json'] }),
    groupReport({ 'a/azuredeploy.json': ['b/azuredeploy.json'] }),
  ]);
  assert.deepEqual(
    merged.files.map((f) => f.path),
    ['a/azuredeploy.json'],
  );
  assert.deepEqual(merged.linkedTemplates, ['b/azuredeploy.json']);
  // Named in its group, a template is a main template whatever links to it; a template two groups found counts once.
  const named = mergeGroupReports([groupReport({ 'b/x.json': [] }, ['b/x.json']), groupReport({ 'a/main.json': ['b/x.json'], 'b/x.json': [] })]);
  assert.deepEqual(
    named.files.map((f) => f.path),
    ['a/main.json', 'b/x.json'],
  );
  assert.deepEqual(named.linkedTemplates, []);
});
