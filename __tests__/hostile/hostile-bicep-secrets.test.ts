// Attacks on secrets in Bicep (issue 11, item 3; issue 13): every form in which Bicep declares a
// value secure (__tests__/support/bicep-secrets.ts), with defaults, .bicepparam values and module
// parameters flowing into tracking names, conditions, locations and copy counts. Through the
// bundled action (as the runner starts it) and CLI, every output is searched for the planted
// values, and the masks are checked against the policy, as for JSON `securestring` and
// `secureObject` (hostile-secrets.test.ts): long committed secrets are masked, short or
// placeholder-like committed defaults never are, and the fix diff never shows a secure default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, runAction, runCli } from '../support/run-dist.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { BICEP_GUID, BICEP_PLANTED, BICEP_UNMASKED, writeBicepSecrets } from '../support/bicep-secrets.ts';

const HAVE_DIST = existsSync(join(DIST_DIR, 'index.js')) && existsSync(join(DIST_DIR, 'cli.js'));
const dist = { skip: HAVE_DIST ? false : 'dist/ is missing: run npm run bundle', timeout: 120_000 };

function plantedWorkspace(): TempWorkspace {
  const ws = createTempWorkspace('cua-guard-hostile-bicep-secrets-');
  writeBicepSecrets(ws);
  return ws;
}

function assertNothingPlanted(text: string, where: string): void {
  for (const [name, value] of Object.entries(BICEP_PLANTED)) {
    assert.ok(!text.includes(value), `${where}: the ${name} secret appears`);
    const sig = /sig=([^&]+)/.exec(value)?.[1];
    if (sig) assert.ok(!text.includes(sig), `${where}: the ${name} signature appears`);
  }
  for (const value of BICEP_UNMASKED) assert.ok(!text.includes(`pid-${value}`), `${where}: the short default '${value}' appears`);
}

function withoutMasks(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

const TEMPLATES = '**/main.bicep';

test('action: Bicep secure values are never shown, and masked by policy', dist, () => {
  const ws = plantedWorkspace();
  try {
    const run = runAction(ws.root, {
      templates: TEMPLATES,
      'tracking-ids': BICEP_GUID,
      report: 'out/report.json',
      'sarif-file': 'out/report.sarif',
      fix: 'suggest',
    });
    assert.equal(run.status, 1, run.stdout);
    assert.doesNotMatch(run.stdout + run.stderr, /internal error|message withheld/);
    assertNothingPlanted(withoutMasks(run.stdout), 'stdout');
    assertNothingPlanted(run.stderr, 'stderr');
    assertNothingPlanted(JSON.stringify(run.outputs), 'outputs');
    assertNothingPlanted(run.summary, 'summary');
    const json = readFileSync(join(ws.root, 'out/report.json'), 'utf8');
    assertNothingPlanted(json, 'JSON report');
    assertNothingPlanted(readFileSync(join(ws.root, 'out/report.sarif'), 'utf8'), 'SARIF');
    assert.match(json, /"path": "a\/main\.bicep"/, 'the Bicep template was checked');
    assert.ok(run.outputs['fix-patch'], 'fix suggest wrote a patch');
    const patch = readFileSync(run.outputs['fix-patch'] ?? '', 'utf8');
    assertNothingPlanted(patch, 'fix patch');
    assert.match(patch, /^ param shortSecret string = '\*\*\*'$/m, 'the diff shows a short secure default as ***');
    assert.match(run.summary, /```diff\n[\s\S]*param _artifactsLocationSasToken string = '\*\*\*'/, 'the summary diff shows the secure default as ***');

    const masks = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
    for (const [name, value] of Object.entries(BICEP_PLANTED)) assert.ok(masks.includes(value), `${name} is not masked`);
    for (const value of [...BICEP_UNMASKED, 'pw']) assert.ok(!masks.includes(value), `the committed default '${value}' is registered as a mask`);
    for (const value of BICEP_UNMASKED.slice(0, 3)) assert.ok(!masks.some((m) => m.length < 8 && m.includes(value)), value);
    for (const output of ['result', 'templates', 'error-count', 'report']) assert.ok(run.outputs[output] !== undefined, `output ${output} missing`);
    assert.equal(run.outputs['result'], 'fail');
  } finally {
    ws.dispose();
  }
});

test('CLI: no Bicep secret in text, json, sarif or the fix diff', dist, () => {
  const ws = plantedWorkspace();
  try {
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['check', '--format', format, '--tracking-id', BICEP_GUID, 'a/main.bicep', 'b/main.bicep'], ws.root);
      assert.equal(run.status, 1, `${format}: ${run.stderr}`);
      assert.doesNotMatch(run.stdout + run.stderr, /internal error|message withheld/);
      assertNothingPlanted(run.stdout + run.stderr, `check --format ${format}`);
    }
    const dryRun = runCli(['fix', '--dry-run', '--tracking-id', BICEP_GUID, 'b/main.bicep'], ws.root);
    assertNothingPlanted(dryRun.stdout + dryRun.stderr, 'fix --dry-run');
    assert.doesNotMatch(dryRun.stdout, /'pw'/);
    assert.match(dryRun.stdout, /^ param _artifactsLocationSasToken string = '\*\*\*'$/m);
  } finally {
    ws.dispose();
  }
});
