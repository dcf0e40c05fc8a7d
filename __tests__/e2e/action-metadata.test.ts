// action.yml as the runner reads it: valid YAML (an invalid file fails every workflow that uses the
// action before any of our code runs), entry points that exist, and inputs that match the code
// that reads them and the README that documents them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/run-dist.ts';

interface ActionMetadata {
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

const metadata = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'), { strict: true, uniqueKeys: true }) as ActionMetadata;

/** Every input name the sources read: getInput('x') in the action (its input helper reads the verification inputs too). */
function inputsReadBySources(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\b(?:getInput|read)\('([a-z][a-z-]*)'\)/g)) names.add(match[1] as string);
      }
    }
  };
  visit(join(REPO_ROOT, 'src/app/action'));
  return names;
}

test('action.yml is strict YAML with node24 entry points that exist, cleaned up by an always-run post step', () => {
  assert.equal(metadata.runs.using, 'node24');
  assert.ok(existsSync(join(REPO_ROOT, metadata.runs.main)), metadata.runs.main);
  assert.ok(metadata.runs.post && existsSync(join(REPO_ROOT, metadata.runs.post)), String(metadata.runs.post));
  assert.equal(metadata.runs['post-if'], 'always()');
});

test('every input the code reads is declared in action.yml, and every declared input is read', () => {
  const declared = new Set(Object.keys(metadata.inputs));
  const read = inputsReadBySources();
  assert.deepEqual([...read].filter((name) => !declared.has(name)).sort(), [], 'read but not declared');
  assert.deepEqual([...declared].filter((name) => !read.has(name)).sort(), [], 'declared but never read');
  for (const [name, input] of Object.entries(metadata.inputs)) assert.ok(input.description.trim() !== '', `input ${name} has a description`);
});

test('the README documents every input and output in its tables', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const documented = (name: string): boolean => new RegExp(`^\\|[^\\n]*\`${name}\``, 'm').test(readme);
  assert.deepEqual(
    Object.keys(metadata.inputs).filter((name) => !documented(name)),
    [],
    'inputs missing from the README',
  );
  assert.deepEqual(
    Object.keys(metadata.outputs).filter((name) => !documented(name)),
    [],
    'outputs missing from the README',
  );
});
