// The bundled action with verify: deploy, started as the runner starts it (dist/index.js, then
// dist/post.js with the saved state), against the fake ARM server over HTTPS: a verified run, and
// a failed deployment reported as an annotation on the failing resource's line. Also proves that
// a run without verification never loads the Azure SDK.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeArm, type FakeArm } from '../support/fake-arm/server.ts';
import { PID, SUB, TRACKING_ID, pidResource, storage, template } from '../support/fake-arm/fixtures.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { REPO_ROOT, parseFileCommands, runnerEnvironment } from '../support/run-dist.ts';

const SUPPORT = resolve(fileURLToPath(import.meta.url), '../../support');
const GUARD = join(SUPPORT, 'fake-arm/network-guard.ts');
const RECORD_MODULES = join(SUPPORT, 'record-modules.ts');

let fake: FakeArm;
let ws: TempWorkspace;

before(async () => {
  fake = await startFakeArm();
  ws = createTempWorkspace();
  ws.write('rg/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stcuadist')]));
  ws.write('failing/azuredeploy.json', template('resourceGroup', [pidResource(), storage('stdistok'), storage('stdistfail')]));
});
after(async () => {
  await fake.close();
  ws.dispose();
});

interface Run {
  code: number | null;
  /** stdout, then stderr. */
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  modules: string[];
}

function runDist(entry: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<Run> {
  const { env, files } = runnerEnvironment(ws.root, inputs);
  const moduleLog = join(env['RUNNER_TEMP'] ?? '', 'modules.log');
  writeFileSync(moduleLog, '');
  const childEnv = { ...env, ...fake.childEnv('environment'), CUA_TEST_MODULE_LOG: moduleLog, ...extraEnv };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', GUARD, '--import', RECORD_MODULES, join(REPO_ROOT, entry)], { cwd: ws.root, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      done({
        code,
        stdout: `${stdout}${stderr}`,
        stderr,
        outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
        state: parseFileCommands(readFileSync(files.state, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        modules: readFileSync(moduleLog, 'utf8').split('\n').filter(Boolean),
      }),
    );
  });
}

/** Bundled chunks that contain the Azure identity library. */
function azureChunksLoaded(modules: string[]): string[] {
  return modules.filter((url) => url.startsWith('file:') && url.includes('/dist/') && readFileSync(fileURLToPath(url), 'utf8').includes('AzureCliCredential'));
}

test('dist: verify deploy proves attribution, sets the outputs, and the post step removes the group', async () => {
  const inputs = {
    templates: 'rg/azuredeploy.json',
    'tracking-ids': TRACKING_ID,
    verify: 'deploy',
    scope: 'resourcegroup',
    'subscription-id': SUB,
    'resource-group': 'rg-dist',
    'create-resource-group': 'true',
    region: 'westeurope',
    cleanup: 'always',
    'resource-manager-endpoint': fake.url,
  };
  const main = await runDist('dist/index.js', inputs);
  assert.equal(main.code, 0, main.stdout);
  assert.doesNotMatch(main.stderr, /NETWORK GUARD/);
  assert.equal(main.outputs['result'], 'pass');
  assert.equal(main.outputs['verified'], 'true');
  assert.match(main.outputs['correlation-id'] ?? '', /^[0-9a-f-]{36}$/);
  assert.deepEqual(JSON.parse(main.outputs['tracked-resources'] ?? '[]'), [
    `/subscriptions/${SUB}/resourceGroups/rg-dist/providers/Microsoft.Storage/storageAccounts/stcuadist`,
  ]);
  assert.match(main.summary, /stcuadist/);
  assert.ok(fake.state.hasResourceGroup(SUB, 'rg-dist'));
  assert.ok(azureChunksLoaded(main.modules).length > 0, 'verification loads the Azure SDK');
  const printedText = main.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  assert.doesNotMatch(printedText, new RegExp(fake.clientSecret), 'the secret is only ever sent to the runner to mask');
  assert.match(main.stdout, new RegExp(`^::add-mask::${fake.clientSecret}$`, 'm'));

  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  assert.ok(Object.keys(stateEnv).length > 0, 'the main step saved what it created');
  const post = await runDist('dist/post.js', {}, stateEnv);
  assert.equal(post.code, 0, post.stdout);
  assert.equal(fake.state.hasResourceGroup(SUB, 'rg-dist'), false, 'the group the action created is gone');
});

test('dist: a failed deployment is an error annotation on the failing resource, verified=false, and the post step still cleans up', async () => {
  fake.scenario.failResources = { stdistfail: { code: 'StorageAccountAlreadyTaken', message: 'The storage account named stdistfail is already taken.' } };
  try {
    const main = await runDist('dist/index.js', {
      templates: 'failing/azuredeploy.json',
      'tracking-ids': TRACKING_ID,
      verify: 'deploy',
      scope: 'resourcegroup',
      'subscription-id': SUB,
      'resource-group': 'rg-dist-fail',
      'create-resource-group': 'true',
      region: 'westeurope',
      'resource-manager-endpoint': fake.url,
    });
    assert.equal(main.code, 1, main.stdout);
    assert.equal(main.outputs['verified'], 'false');
    assert.deepEqual(JSON.parse(main.outputs['tracked-resources'] ?? 'null'), [
      `/subscriptions/${SUB}/resourceGroups/rg-dist-fail/providers/Microsoft.Storage/storageAccounts/stdistok`,
    ]);
    const lines = readFileSync(join(ws.root, 'failing/azuredeploy.json'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('"stdistfail"')) + 1;
    assert.ok(line > 1);
    const annotation = new RegExp(
      `^::error title=CUA101 deployment-failed,file=failing/azuredeploy\\.json,line=${line},col=\\d+::Microsoft\\.Storage/storageAccounts 'stdistfail' failed in deployment 'cua-guard-[^']+': StorageAccountAlreadyTaken: The storage account named stdistfail is already taken\\.$`,
      'm',
    );
    assert.match(main.stdout, annotation);
    assert.match(main.stdout, /^::error::attribution verification failed: see the job summary$/m);
    assert.match(main.summary, /not proven/);
    assert.doesNotMatch(main.stderr, /NETWORK GUARD/);
    assert.ok(main.summary.includes(PID), 'the tracking deployment ran and is named in the summary');

    const post = await runDist('dist/post.js', {}, Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v])));
    assert.equal(post.code, 0, post.stdout);
    assert.doesNotMatch(post.stderr, /NETWORK GUARD/);
    assert.equal(fake.state.hasResourceGroup(SUB, 'rg-dist-fail'), false, 'cleanup: always removes the group after a failure too');
  } finally {
    fake.scenario.failResources = {};
  }
});

test('dist: a run without verification never loads the Azure SDK, and its post step does nothing', async () => {
  const main = await runDist('dist/index.js', { templates: 'rg/azuredeploy.json' });
  assert.equal(main.code, 0, main.stdout);
  assert.equal(main.outputs['result'], 'pass');
  assert.deepEqual(azureChunksLoaded(main.modules), []);
  const post = await runDist('dist/post.js', {});
  assert.equal(post.code, 0, post.stdout);
  assert.deepEqual(azureChunksLoaded(post.modules), []);
});
