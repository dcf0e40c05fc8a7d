// Attacks on secrets (issue 11, items 3 and 5): parameters whose secure type is reached through
// `$ref` to `definitions`, chains of `$ref` (aliases), nested `$ref`, secure object properties,
// `items` and `additionalProperties`, with defaults and parameters-file values flowing into a
// tracking name, a condition, a location, a copy count and a link. Through the bundled action
// (as the runner starts it) and CLI, every output is searched for the planted values, and the
// masks the action registers are checked against the policy: long committed secrets are masked,
// short or placeholder-like committed defaults never are (they would hide words all over the log
// and make GitHub drop the step's outputs), and the fix diff never shows a secure default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runAction, runCli } from '../support/run-dist.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { GUID, emptyTemplate, template } from '../support/templates.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { findReportSecrets, protectReport } from '../../src/secrets/report-secrets.ts';
import { hideSecureValues } from '../../src/secrets/secure-text.ts';
import { looksLikePlaceholder } from '../../src/secrets/mask-policy.ts';

const HAVE_DIST = existsSync(join(REPO_ROOT, 'dist/index.js')) && existsSync(join(REPO_ROOT, 'dist/cli.js'));
const dist = { skip: HAVE_DIST ? false : 'dist/ is missing: run npm run bundle', timeout: 120_000 };

/** Long, unique values: each must be masked and never shown. */
const PLANTED = {
  ref: 'Planted-Ref-Secret-Zq81',
  alias: 'Planted-Alias-Secret-Wm42',
  nestedRef: 'Planted-NestedRef-Secret-Kp73',
  property: 'Planted-Property-Secret-Hd94',
  items: 'Planted-Items-Secret-Jr15',
  additional: 'Planted-Additional-Secret-Lt26',
  parameterFile: 'Planted-ParamFile-Ref-Secret-Nx37',
  sasDefault: 'sv=2022-11-02&sr=c&sig=PlantedSasDefaultSig48',
};
/** Committed defaults too short or too obviously placeholders to mask: never shown, never masked. */
const UNMASKED = ['pass', 'json', 'true', 'changeme-please'];

function deployment(name: string, extra: Record<string, unknown> = {}, properties: Record<string, unknown> = { template: emptyTemplate() }) {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', ...properties }, ...extra };
}

function plantedWorkspace(): TempWorkspace {
  const ws = createTempWorkspace('cua-guard-hostile-secrets-');
  ws.write(
    'a/azuredeploy.json',
    template(
      [
        deployment("[concat('pid-', parameters('refSecret'))]"),
        deployment("[concat('pid-', parameters('aliasSecret'))]"),
        deployment("[concat('pid-', parameters('nestedRef').key)]"),
        deployment(`pid-${GUID}`, { location: "[parameters('propertySecret').pw]", condition: "[equals(parameters('itemsSecret')[0], 'x')]" }),
        deployment("[concat('pid-', parameters('additionalSecret').k.v)]", { copy: { name: 'c', count: "[length(parameters('additionalSecret').k.v)]" } }),
        deployment('linked', {}, { templateLink: { relativePath: "[concat(parameters('fileSecret'), '.json')]" } }),
        deployment("[concat('pid-', parameters('short1'), parameters('short2'), parameters('short3'), parameters('placeholder'))]"),
      ],
      {
        definitions: {
          secretString: { type: 'securestring' },
          alias: { $ref: '#/definitions/secretString' },
          creds: { type: 'object', properties: { key: { $ref: '#/definitions/alias' }, user: { type: 'string' } } },
        },
        parameters: {
          refSecret: { $ref: '#/definitions/secretString', defaultValue: PLANTED.ref },
          aliasSecret: { $ref: '#/definitions/alias', defaultValue: PLANTED.alias },
          nestedRef: { $ref: '#/definitions/creds', defaultValue: { key: PLANTED.nestedRef, user: 'someone' } },
          propertySecret: { type: 'object', properties: { pw: { type: 'securestring' } }, defaultValue: { pw: PLANTED.property } },
          itemsSecret: { type: 'array', items: { type: 'securestring' }, defaultValue: [PLANTED.items] },
          additionalSecret: { type: 'object', additionalProperties: { type: 'secureObject' }, defaultValue: { k: { v: PLANTED.additional } } },
          fileSecret: { $ref: '#/definitions/secretString' },
          short1: { type: 'securestring', defaultValue: UNMASKED[0] },
          short2: { type: 'securestring', defaultValue: UNMASKED[1] },
          short3: { type: 'securestring', defaultValue: UNMASKED[2] },
          placeholder: { type: 'securestring', defaultValue: UNMASKED[3] },
        },
      },
    ),
  );
  ws.write('a/azuredeploy.parameters.json', { parameters: { fileSecret: { value: PLANTED.parameterFile } } });
  // A template fix inserts a tracking deployment into, its SAS token default a few lines above.
  ws.write('b/azuredeploy.json', template([], { parameters: { _artifactsLocationSasToken: { type: 'securestring', defaultValue: PLANTED.sasDefault } } }));
  return ws;
}

function assertNothingPlanted(text: string, where: string): void {
  for (const [name, value] of Object.entries(PLANTED)) {
    assert.ok(!text.includes(value), `${where}: the ${name} secret appears`);
    const sig = /sig=([^&]+)/.exec(value)?.[1];
    if (sig) assert.ok(!text.includes(sig), `${where}: the ${name} signature appears`);
  }
}

function withoutMasks(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

test('action: secrets typed through $ref, properties, items and additionalProperties are never shown, and masked by policy', dist, () => {
  const ws = plantedWorkspace();
  try {
    const run = runAction(ws.root, { 'tracking-ids': GUID, report: 'out/report.json', 'sarif-file': 'out/report.sarif', fix: 'suggest' });
    assert.equal(run.status, 1, run.stdout);
    assert.doesNotMatch(run.stdout + run.stderr, /internal error/);
    assertNothingPlanted(withoutMasks(run.stdout), 'stdout');
    assertNothingPlanted(run.stderr, 'stderr');
    assertNothingPlanted(JSON.stringify(run.outputs), 'outputs');
    assertNothingPlanted(run.summary, 'summary');
    assertNothingPlanted(readFileSync(join(ws.root, 'out/report.json'), 'utf8'), 'JSON report');
    assertNothingPlanted(readFileSync(join(ws.root, 'out/report.sarif'), 'utf8'), 'SARIF');
    assert.ok(run.outputs['fix-patch'], 'fix suggest wrote a patch');
    assertNothingPlanted(readFileSync(run.outputs['fix-patch'] ?? '', 'utf8'), 'fix patch');
    assert.match(run.summary, /```diff\n[\s\S]*"defaultValue": "\*\*\*"/, 'the diff shows the secure default as ***');

    const masks = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
    for (const [name, value] of Object.entries(PLANTED)) assert.ok(masks.includes(value), `${name} is not masked`);
    for (const value of UNMASKED) assert.ok(!masks.includes(value), `the committed default '${value}' is registered as a mask`);
    for (const value of UNMASKED.slice(0, 3)) assert.ok(!masks.some((m) => m.length < 8 && m.includes(value)), value);
    // Outputs GitHub would drop if they held a masked value are all there.
    for (const output of ['result', 'templates', 'error-count', 'report']) assert.ok(run.outputs[output] !== undefined, `output ${output} missing`);
    assert.equal(run.outputs['result'], 'fail');
  } finally {
    ws.dispose();
  }
});

test('CLI: no planted secret in text, json, sarif or the fix diff', dist, () => {
  const ws = plantedWorkspace();
  try {
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['check', '--format', format, '--tracking-id', GUID], ws.root);
      assert.equal(run.status, 1, `${format}: ${run.stderr}`);
      assertNothingPlanted(run.stdout + run.stderr, `check --format ${format}`);
      for (const value of UNMASKED) assert.ok(!run.stdout.includes(`'pid-${value}`), `${format}: the short default '${value}' is shown`);
    }
    const dryRun = runCli(['fix', '--dry-run', '--tracking-id', GUID], ws.root);
    assertNothingPlanted(dryRun.stdout + dryRun.stderr, 'fix --dry-run');
    assert.match(dryRun.stdout, /"defaultValue": "\*\*\*"/);
  } finally {
    ws.dispose();
  }
});

test('CLI fix: what it says of a template it leaves alone shows no SAS signature the check hides', dist, () => {
  const signature = 'PlantedSignatureValue123';
  const ws = createTempWorkspace();
  ws.write(
    'azuredeploy.json',
    template(
      [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2021-04-01',
          name: "[concat('pid-', parameters('_artifactsLocationSasToken'))]",
          properties: { mode: 'Incremental', template: emptyTemplate() },
        },
      ],
      { parameters: { _artifactsLocationSasToken: { type: 'string', defaultValue: `?sv=2020-08-04&sig=${signature}` } } },
    ),
  );
  try {
    const check = runCli(['check', '--tracking-id', GUID], ws.root);
    assert.match(check.stdout, /CUA003/);
    assert.ok(!(check.stdout + check.stderr).includes(signature), 'check hides it');
    for (const args of [['fix', '--dry-run'], ['fix']]) {
      const run = runCli([...args, '--tracking-id', GUID], ws.root);
      assert.match(run.stdout + run.stderr, /left alone: azuredeploy\.json:\d+:\d+ error CUA003 tracking name 'pid-\*\*\*'/, args.join(' '));
      assert.ok(!(run.stdout + run.stderr).includes(signature), `${args.join(' ')} prints the signature`);
    }
  } finally {
    ws.dispose();
  }
});

test('values given at run time are masked whatever their length; committed ones by the policy', () => {
  const ws = plantedWorkspace();
  try {
    const workspace = openWorkspace(ws.root);
    const report = checkWorkspace({ workspace, settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
    const found = findReportSecrets(workspace, report, { runTimeValues: { fileSecret: 'abc1', short1: 'xyz' }, external: ['ghs_token-value'] });
    for (const value of ['abc1', 'xyz', 'ghs_token-value']) assert.ok(found.masks.includes(value), value);
    for (const value of UNMASKED) assert.ok(found.secrets.includes(value) && !found.masks.includes(value), value);
    const shown = protectReport(workspace, report);
    assertNothingPlanted(JSON.stringify(shown.report), 'protected report');
    for (const value of ['changeme', '<your-password>', '********', 'REPLACE_ME', '{{secret}}', 'null']) assert.ok(looksLikePlaceholder(value), value);
    for (const value of ['k3J9-vQ2x-LmP7', PLANTED.ref]) assert.ok(!looksLikePlaceholder(value), value);
  } finally {
    ws.dispose();
  }
});

test('hideSecureValues: secure defaults (direct, through $ref, nested templates) become ***; empty ones and others stay', () => {
  const text = JSON.stringify(
    template(
      [
        deployment(
          'inner',
          {},
          {
            template: { ...emptyTemplate(), parameters: { p: { type: 'secureString' } } },
            parameters: { p: { value: 'Inner-Passed-Secret-1' } },
          },
        ),
      ],
      {
        definitions: { s: { type: 'securestring' } },
        parameters: {
          a: { type: 'securestring', defaultValue: 'Direct-Secret-2' },
          b: { $ref: '#/definitions/s', defaultValue: 'Ref-Secret-3' },
          c: { type: 'securestring', defaultValue: '' },
          d: { type: 'string', defaultValue: 'visible' },
        },
      },
    ),
    null,
    2,
  );
  const hidden = hideSecureValues(text);
  for (const secret of ['Inner-Passed-Secret-1', 'Direct-Secret-2', 'Ref-Secret-3']) assert.ok(!hidden.includes(secret), secret);
  assert.match(hidden, /"defaultValue": ""/);
  assert.match(hidden, /"defaultValue": "visible"/);
  assert.doesNotThrow(() => JSON.parse(hidden));
});

test('a template the check could not parse keeps its syntax error: nothing of its content was shown', () => {
  const ws = createTempWorkspace('cua-guard-unparsed-');
  try {
    ws.write('azuredeploy.json', '{ "parameters": { "p": { "type": "secureString", "defaultValue": "Unparsed-Secret-9" } }, "resources": [ } ');
    const workspace = openWorkspace(ws.root);
    const report = checkWorkspace({ workspace, settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
    const shown = protectReport(workspace, report);
    assert.match(shown.report.files[0]?.findings[0]?.message ?? '', /^not a valid JSON template: /);
    assert.ok(!JSON.stringify(shown.report).includes('Unparsed-Secret-9'));
  } finally {
    ws.dispose();
  }
});
