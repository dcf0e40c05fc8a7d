// What makes the repository releasable and usable from elsewhere: the license, the changelog, the
// workflows (CI runs the README's test command; a tag publishes and moves the major tag), the
// pre-commit hook, and a README whose first screen says what the tool does and how to add it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/run-dist.ts';

const read = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as { license: string; bin: Record<string, string>; engines: { node: string }; version: string };

test('LICENSE is the MIT license package.json names; CHANGELOG.md has an Unreleased section', () => {
  assert.equal(manifest.license, 'MIT');
  assert.match(read('LICENSE'), /^MIT License\n\nCopyright \(c\) \d{4} /);
  assert.match(read('CHANGELOG.md'), /^## \[Unreleased\]$/m);
});

test('the CI workflow lints and runs the README test command; the release workflow checks the tag and moves the major tag', () => {
  const ci = parse(read('.github/workflows/ci.yml')) as { jobs: Record<string, { steps: { run?: string; uses?: string }[] }> };
  const runs = Object.values(ci.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
  for (const command of ['npm ci', 'npm run lint', 'npm test', 'npm run bundle'])
    assert.ok(
      runs.some((run) => run.includes(command)),
      command,
    );
  assert.ok(read('README.md').includes('npm ci && npm test'), 'the README keeps the test command CI runs (.ci/run)');
  assert.ok(
    Object.values(ci.jobs).some((job) => job.steps.some((step) => step.uses === './')),
    'the action runs on the examples',
  );
  const release = parse(read('.github/workflows/release.yml')) as { on: { push: { tags: string[] } }; jobs: Record<string, { steps: { run?: string }[] }> };
  assert.deepEqual(release.on.push.tags, ['v[0-9]+.[0-9]+.[0-9]+']);
  const script = Object.values(release.jobs)
    .flatMap((job) => job.steps.map((step) => step.run ?? ''))
    .join('\n');
  for (const part of ['npm test', 'npm publish --provenance', 'git tag -f "$major"', 'gh release create']) assert.ok(script.includes(part), part);
});

test('the pre-commit hook runs the package binary on main templates', () => {
  const [hook] = parse(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; language: string; files: string }[];
  assert.equal(hook?.id, 'cua-guard');
  assert.equal(hook?.language, 'node');
  assert.ok(Object.keys(manifest.bin).includes((hook?.entry ?? '').split(' ')[0] ?? ''), 'the entry is the package binary');
  // pre-commit reads `files` as a Python regular expression; (?i) is its inline flag.
  const files = new RegExp((hook?.files ?? '').replace(/^\(\?i\)/, ''), 'i');
  for (const path of ['azuredeploy.json', 'infra/mainTemplate.json', 'a/b/prereq.azuredeploy.json', 'X/AzureDeploy.json']) assert.match(path, files);
  for (const path of ['azuredeploy.parameters.json', 'main.bicep', 'notazuredeploy.json']) assert.doesNotMatch(path, files);
});

test('the README first screen: what cua-guard does, the workflow step, npx cua-guard check ., where a tracking id comes from', () => {
  const firstScreen = read('README.md').split('\n').slice(0, 45).join('\n');
  assert.match(firstScreen, /checks Azure \*\*customer usage attribution\*\*/);
  assert.match(firstScreen, /uses: cua-guard\/cua-guard@v1/);
  assert.match(firstScreen, /npx cua-guard check \./);
  assert.match(firstScreen, /Technical configuration/);
  assert.match(firstScreen, /cua-guard new-id/);
  assert.doesNotMatch(firstScreen, /npx node dist\/cli\.js/, 'development commands come last');
});
