// Starts the bundled action or CLI as a separate process, the way the runner or a user does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The bundle under test: dist/, or the folder CUA_GUARD_TEST_DIST names (a fresh bundle of the
 * sources, `node scripts/bundle.mjs --outdir .tmp/dist`, while dist/ waits to be rebuilt).
 */
export const DIST_DIR = process.env['CUA_GUARD_TEST_DIST'] ? resolve(REPO_ROOT, process.env['CUA_GUARD_TEST_DIST']) : join(REPO_ROOT, 'dist');

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
}

// Runner temp folders live until the test process ends (a test may read them after the run).
const runnerTemps: string[] = [];
process.on('exit', () => {
  for (const temp of runnerTemps) rmSync(temp, { recursive: true, force: true });
});

/** Environment a GitHub runner gives a JavaScript action, plus INPUT_* for the inputs. */
export function runnerEnvironment(
  workspace: string,
  inputs: Record<string, string>,
): { env: NodeJS.ProcessEnv; files: { output: string; summary: string; state: string } } {
  const temp = mkdtempSync(join(tmpdir(), 'cua-guard-runner-'));
  runnerTemps.push(temp);
  const files = { output: join(temp, 'output'), summary: join(temp, 'summary'), state: join(temp, 'state') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: temp,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'contoso/offer',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return { env, files };
}

/** `timeoutMs`: for runs that do much work on purpose (the hostile 100,000 findings). */
export function runAction(workspace: string, inputs: Record<string, string>, entry = 'dist/index.js', timeoutMs = 60_000): ActionRun {
  const { env, files } = runnerEnvironment(workspace, inputs);
  const child = spawnSync(process.execPath, [entry.startsWith('dist/') ? join(DIST_DIR, entry.slice(5)) : join(REPO_ROOT, entry)], {
    cwd: workspace,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    state: parseFileCommands(readFileSync(files.state, 'utf8')),
  };
}

export function runCli(args: string[], cwd: string, env?: NodeJS.ProcessEnv, timeoutMs = 60_000): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [join(DIST_DIR, 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, ...(env ? { env } : {}) });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Reads `name<<DELIMITER\nvalue\nDELIMITER` records, as the runner does with GITHUB_OUTPUT. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
    values[name ?? ''] = value.join('\n');
  }
  return values;
}
