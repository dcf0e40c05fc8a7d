// .cua-guard.json: validated against schema/cua-guard.schema.json with positions in every
// message, merged under action inputs and CLI flags, with per-path overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError, loadConfiguration, resolveSettings, type LoadedConfig } from '../../src/settings/config.ts';
import { readActionInputs } from '../../src/app/action/input-helper.ts';
import { explicitLayer } from '../../src/settings/run-settings.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { isUsageError } from '../../src/settings/usage-error.ts';
import { runCli as runSourceCli } from '../../src/app/cli/cli.ts';
import { RULES } from '../../src/rules/index.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { REPO_ROOT, runAction, runCli } from '../support/run-dist.ts';
import { GUID, storageAccount, template, trackingResource } from '../support/templates.ts';

const OTHER = '11111111-2222-3333-4444-555555555555';

async function configError(text: string): Promise<ConfigError> {
  const ws = createTempWorkspace();
  try {
    ws.write('.cua-guard.json', text);
    await loadConfiguration({ workspace: openWorkspace(ws.root) });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  } finally {
    ws.dispose();
  }
  assert.fail('the configuration was accepted');
}

async function load(ws: TempWorkspace, text: string): Promise<LoadedConfig> {
  ws.write('.cua-guard.json', text);
  const loaded = await loadConfiguration({ workspace: openWorkspace(ws.root) });
  assert.ok(loaded);
  return loaded;
}

test('every mistake is reported at its file:line:col with the setting it is about', async () => {
  const error = await configError(
    [
      '{',
      '  // registered ids',
      '  "rules": { "CUA011": "critical", "cua008": "off", "CUA999": "off" },',
      '  "trackingIds": ["pid-' + GUID + '", "not-a-guid"],',
      '  "maxTrackingResources": 0,',
      '  "overrides": [{ "strictNames": "yes" }],',
      '  "exclude": "examples/**",',
      '  "bogus": true,',
      '}',
    ].join('\n'),
  );
  assert.deepEqual(
    error.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    [
      '3:24 rules.CUA011 must be one of error, warning, notice, off, not "critical"',
      "3:36 rule ids are written in capitals: 'CUA008', not 'cua008' (in rules)",
      "3:53 unknown rule 'CUA999' in rules (known: CUA001…CUA205)",
      "4:63 trackingIds[1]: 'not-a-guid' is neither a GUID (with or without 'pid-') nor a Partner Center id ('<id>-partnercenter')",
      '5:27 maxTrackingResources must be at least 1, not 0',
      "6:17 overrides[0] needs 'files'",
      '6:34 overrides[0].strictNames must be a boolean, not string "yes"',
      '7:14 exclude must be an array, not string "examples/**"',
      "8:3 unknown setting 'bogus' (known: $schema, rules, trackingIds, strictNames, maxTrackingResources, include, exclude, ifNoTemplates, marketplacePackages, links, overrides)",
    ],
  );
  assert.match(error.message, /^invalid configuration, 9 problems:\n {2}\.cua-guard\.json:3:24: rules\.CUA011 must be one of/);
});

test('a JSON syntax error stops with its position', async () => {
  const error = await configError('{\n  "strictNames": true\n  "rules": {}\n}\n');
  assert.equal(error.message, 'invalid configuration: .cua-guard.json:3:3: not valid JSON: comma expected');
  const empty = await configError('   ');
  assert.equal(empty.message, 'invalid configuration: .cua-guard.json:1:4: not valid JSON: value expected');
});

test('the shipped schema lists exactly the rules the engine has', () => {
  const schema = JSON.parse(readFileSync(`${REPO_ROOT}/schema/cua-guard.schema.json`, 'utf8')) as {
    definitions: { rules: { properties: Record<string, { description: string }> } };
  };
  assert.deepEqual(
    Object.keys(schema.definitions.rules.properties),
    RULES.map((r) => r.meta.id),
  );
  // Editors show these descriptions: they must say what the rule modules say.
  for (const { meta: rule } of RULES)
    assert.equal(schema.definitions.rules.properties[rule.id]?.description, `${rule.name} (default ${rule.defaultSeverity}): ${rule.description}`);
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { files: string[] };
  assert.ok(pkg.files.includes('schema'), 'the schema ships in the package');
});

test('configuration, overrides and inputs merge in that order; include and exclude pick the templates', async () => {
  const ws = createTempWorkspace();
  try {
    ws.write('infra/main.json', template([trackingResource({ name: `pid-${OTHER}`, apiVersion: 'latest' })]));
    ws.write(
      'landing/azuredeploy.json',
      template([trackingResource({ name: `pid-${GUID}-westeurope` }), trackingResource({ name: `pid-${OTHER}-westeurope` })]),
    );
    ws.write('legacy/azuredeploy.json', template([storageAccount()]));
    const loaded = await load(
      ws,
      JSON.stringify({
        $schema: 'https://raw.githubusercontent.com/cua-guard/cua-guard/main/schema/cua-guard.schema.json',
        rules: { CUA014: 'error' },
        trackingIds: [GUID],
        strictNames: true,
        include: ['**/azuredeploy.json', 'infra/main.json'],
        exclude: ['legacy/**'],
        overrides: [
          { files: ['landing/**'], strictNames: false, maxTrackingResources: 2, trackingIds: [GUID, `pid-${OTHER}`] },
          { files: ['azuredeploy.json'], rules: { CUA014: 'off' } },
        ],
      }),
    );
    const resolved = resolveSettings(loaded.config, {});
    assert.deepEqual(resolved.patterns(), ['**/azuredeploy.json', 'infra/main.json', '!legacy/**']);
    assert.deepEqual(resolved.patterns(['x/*.json']), ['x/*.json', '!legacy/**'], 'the templates input replaces include, not exclude');
    const landing = resolved.settingsFor('landing/azuredeploy.json');
    assert.deepEqual(
      { strict: landing.strictNames, max: landing.maxTrackingResources, ids: landing.trackingIds, sev: landing.severities },
      { strict: false, max: 2, ids: [GUID, OTHER], sev: { CUA014: 'off' } },
    );
    assert.equal(resolved.settingsFor('infra/main.json'), resolved.base);

    const report = checkWorkspace({
      workspace: openWorkspace(ws.root),
      settings: resolved.base,
      settingsFor: resolved.settingsFor,
      patterns: resolved.patterns(),
    });
    const byFile = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}:${x.severity}`).sort()]));
    assert.deepEqual(byFile, {
      'infra/main.json': ['CUA009:error', 'CUA014:error'],
      'landing/azuredeploy.json': [],
    });

    // Inputs and flags win over the file and its overrides.
    const withInputs = resolveSettings(loaded.config, { severities: { CUA014: 'notice' }, trackingIds: [OTHER], maxTrackingResources: 1 });
    const landingNow = withInputs.settingsFor('landing/azuredeploy.json');
    assert.deepEqual(
      { max: landingNow.maxTrackingResources, ids: landingNow.trackingIds, sev: landingNow.severities['CUA014'], strict: landingNow.strictNames },
      { max: 1, ids: [OTHER], sev: 'notice', strict: false },
    );
    assert.equal(withInputs.base.strictNames, true, 'a setting no input gives stays as configured');
  } finally {
    ws.dispose();
  }
});

test('tracking-ids, strict-names and max-tracking-resources may be written in kebab-case, as the action inputs are', async () => {
  const ws = createTempWorkspace();
  try {
    const loaded = await load(
      ws,
      JSON.stringify({
        'tracking-ids': [`pid-${GUID}`],
        'strict-names': true,
        'max-tracking-resources': 2,
        overrides: [{ files: ['landing/**'], 'tracking-ids': [OTHER], 'strict-names': false }],
      }),
    );
    const resolved = resolveSettings(loaded.config, {});
    assert.deepEqual(
      { ids: resolved.base.trackingIds, strict: resolved.base.strictNames, max: resolved.base.maxTrackingResources },
      { ids: [GUID], strict: true, max: 2 },
    );
    const landing = resolved.settingsFor('landing/azuredeploy.json');
    assert.deepEqual({ ids: landing.trackingIds, strict: landing.strictNames }, { ids: [OTHER], strict: false });
  } finally {
    ws.dispose();
  }
  const both = await configError(`{\n  "trackingIds": ["${GUID}"],\n  "tracking-ids": ["${OTHER}"]\n}\n`);
  assert.deepEqual(
    both.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    ["3:3 'tracking-ids' and 'trackingIds' are the same setting; keep one"],
  );
  const bad = await configError('{ "tracking-ids": ["nope"] }');
  assert.deepEqual(
    bad.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    ["1:20 tracking-ids[0]: 'nope' is neither a GUID (with or without 'pid-') nor a Partner Center id ('<id>-partnercenter')"],
  );
  const schema = JSON.parse(readFileSync(`${REPO_ROOT}/schema/cua-guard.schema.json`, 'utf8')) as { properties: Record<string, unknown> };
  assert.ok('tracking-ids' in schema.properties, 'editors see the kebab-case keys through $schema too');
});

test('action inputs that are left empty do not override the configuration', () => {
  const inputs: Record<string, string> = { 'strict-names': '', 'max-tracking-resources': '', rules: '', 'tracking-ids': '' };
  const settings = readActionInputs((name: string) => inputs[name] ?? '', { GITHUB_WORKSPACE: REPO_ROOT, RUNNER_TEMP: '/tmp' });
  assert.deepEqual(explicitLayer(settings), {});
  const setInputs: Record<string, string> = { ...inputs, 'strict-names': 'true', 'max-tracking-resources': '3', rules: 'CUA011=off', 'tracking-ids': GUID };
  const set = readActionInputs((name: string) => setInputs[name] ?? '', { GITHUB_WORKSPACE: REPO_ROOT });
  assert.deepEqual(explicitLayer(set), { severities: { CUA011: 'off' }, trackingIds: [GUID], strictNames: true, maxTrackingResources: 3 });
});

test('the bundled CLI exits 2 on an invalid configuration, and --config and flags apply', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource({ name: `pid-${OTHER}` })]));
    ws.write('.cua-guard.json', '{\n  "trackingIds": ["' + GUID + '"],\n  "rules": { "CUA009": "warn" }\n}\n');
    const bad = runCli(['check'], ws.root);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'cua-guard: invalid configuration: .cua-guard.json:3:24: rules.CUA009 must be one of error, warning, notice, off, not "warn"\n');
    assert.equal(bad.stdout, '');

    ws.write('ci/cua.jsonc', '{\n  // CI settings\n  "trackingIds": ["' + GUID + '"],\n}\n');
    const configured = runCli(['check', '--config', 'ci/cua.jsonc'], ws.root);
    assert.equal(configured.status, 1, 'the configured id makes CUA009 an error');
    assert.match(configured.stdout, /error CUA009 /);
    const flagged = runCli(['check', '--config', 'ci/cua.jsonc', '--rule', 'CUA009=warning'], ws.root);
    assert.equal(flagged.status, 0, 'a flag overrides the configuration');
    const missing = runCli(['check', '--config', 'nope.json'], ws.root);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /configuration file 'nope\.json' does not exist/);
  } finally {
    ws.dispose();
  }
});

test('the bundled action fails the step on an invalid configuration, with the position', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource()]));
    ws.write('cua.json', '{ "maxTrackingResources": "two" }');
    const run = runAction(ws.root, { config: 'cua.json' });
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /^::error title=cua-guard configuration,file=cua\.json,line=1,col=27::invalid configuration: maxTrackingResources must be an integer, not string "two"$/m,
    );
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
  } finally {
    ws.dispose();
  }
});

test('the configuration is read through the safe reader: links out, FIFOs, folders and paths outside are errors that read nothing', async () => {
  const outside = createTempWorkspace('cua-guard-outside-');
  const ws = createTempWorkspace();
  try {
    const secret = outside.write('secret.json', `{ "trackingIds": ["${GUID}"] }`);
    const workspace = (): ReturnType<typeof openWorkspace> => openWorkspace(ws.root);
    const failure = async (location: Omit<Parameters<typeof loadConfiguration>[0], 'workspace'>): Promise<Error> => {
      try {
        await loadConfiguration({ workspace: workspace(), ...location });
      } catch (error) {
        if (error instanceof Error) return error;
        throw error;
      }
      return assert.fail('the configuration was read');
    };

    // .cua-guard.json as a link to a file outside the workspace: refused, located at the file.
    symlinkSync(secret, join(ws.root, '.cua-guard.json'));
    const linked = await failure({});
    assert.ok(linked instanceof ConfigError);
    assert.equal(
      linked.message,
      "invalid configuration: .cua-guard.json:1:1: cannot read the configuration: '.cua-guard.json' is a link to a file outside the workspace and was not read",
    );
    unlinkSync(join(ws.root, '.cua-guard.json'));

    // A FIFO must not hang the run nor pass as "no configuration".
    execFileSync('mkfifo', [join(ws.root, '.cua-guard.json')]);
    const fifo = await failure({});
    assert.ok(fifo instanceof ConfigError);
    assert.equal(fifo.message, "invalid configuration: .cua-guard.json:1:1: cannot read the configuration: '.cua-guard.json' is not a regular file");
    unlinkSync(join(ws.root, '.cua-guard.json'));

    mkdirSync(join(ws.root, '.cua-guard.json'));
    const folder = await failure({});
    assert.ok(folder instanceof ConfigError);
    assert.match(folder.message, /^invalid configuration: \.cua-guard\.json:1:1: cannot read the configuration: /);

    // `config` / `--config` must name a file inside the workspace; the file is not opened.
    for (const explicit of ['../secret.json', relative(ws.root, secret), secret, '/proc/self/environ']) {
      const error = await failure({ explicit });
      assert.ok(isUsageError(error) && !(error instanceof ConfigError), explicit);
      assert.equal(error.message, `configuration file '${explicit}' is outside the workspace and was not read`);
    }
    const fromCwd = await failure({ explicit: '../x.json', baseDir: join(ws.root, 'sub') });
    assert.equal(fromCwd.message, "configuration file '../x.json' does not exist", 'relative to the CLI cwd inside the workspace: inside, and missing');
  } finally {
    ws.dispose();
    outside.dispose();
  }
});

test('the CLI refuses --config ../x and an absolute path outside the workspace (exit 2)', async () => {
  const outside = createTempWorkspace('cua-guard-outside-');
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource()]));
    const secret = outside.write('cua.json', `{ "trackingIds": ["${GUID}"] }`);
    for (const config of [relative(ws.root, secret), secret, '/proc/self/environ']) {
      const out: string[] = [];
      const err: string[] = [];
      const status = await runSourceCli(['check', '--config', config], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: ws.root });
      assert.equal(status, 2, config);
      assert.equal(err.join(''), `cua-guard: configuration file '${config}' is outside the workspace and was not read\n`);
      assert.equal(out.join(''), '');
    }
  } finally {
    ws.dispose();
    outside.dispose();
  }
});
