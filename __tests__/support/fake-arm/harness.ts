// Runs the verification step and the post step as separate child processes, the way the
// runner does: inputs as INPUT_* variables, core.saveState into the GITHUB_STATE file, and the
// post step given that state back as STATE_* variables. Children trust the fake server's
// certificate through NODE_EXTRA_CA_CERTS and load the network guard.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { VerifyStepResult, VerifyTemplate } from '../../../src/azure/step.ts';
import type { ChildCredential, FakeArm } from './server.ts';

const HERE = import.meta.dirname;
const GUARD = resolve(HERE, 'network-guard.ts');
const RUN_STEP = resolve(HERE, 'run-step.ts');
const POST_ENTRY = resolve(HERE, '../../../src/app/action/post-entry.ts');

export interface ChildOutcome {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  elapsedMs: number;
  /** Hosts the network guard blocked (only with allowBlockedHosts; otherwise a blocked host fails the run). */
  blockedHosts: string[];
}

export interface StepRun extends ChildOutcome {
  result: VerifyStepResult;
  /** Set when runVerifyStep threw (a usage error). */
  thrown?: string;
  /** Step state as the runner would pass it to the post step. */
  state: Record<string, string>;
}

export interface StepOptions {
  fake: FakeArm;
  workspace: string;
  templates: VerifyTemplate[];
  trackingIds?: string[];
  inputs: Record<string, string>;
  credential?: ChildCredential;
  /** Extra environment variables (after the credential's). */
  env?: Record<string, string>;
  /** Report hosts the network guard blocked instead of failing (tests of other clouds). */
  allowBlockedHosts?: boolean;
  /** Called once the child runs, e.g. to send it SIGINT. */
  onStart?: (child: ChildProcess) => void;
}

export async function runStepProcess(options: StepOptions): Promise<StepRun> {
  const { outcome, written, state } = await runStepChild(options);
  if (!written) throw new Error(`the step wrote no result (exit ${outcome.exitCode}, signal ${outcome.signal}):\n${outcome.stderr}\n${outcome.stdout}`);
  const { thrown, ...result } = written;
  return { ...outcome, result, ...(thrown ? { thrown } : {}), state };
}

/** For a step that is killed (SIGKILL): only its saved state and exit are known. */
export async function runKilledStepProcess(options: StepOptions): Promise<ChildOutcome & { state: Record<string, string> }> {
  const { outcome, state } = await runStepChild(options);
  return { ...outcome, state };
}

async function runStepChild(
  options: StepOptions,
): Promise<{ outcome: ChildOutcome; written?: VerifyStepResult & { thrown?: string }; state: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cua-guard-step-'));
  try {
    const stateFile = join(dir, 'state');
    const resultFile = join(dir, 'result.json');
    writeFileSync(stateFile, '');
    const env = {
      ...baseEnv(options.fake, options.credential ?? 'environment', dir),
      ...options.env,
      ...inputEnv({ 'resource-manager-endpoint': options.fake.url, ...options.inputs }),
      GITHUB_STATE: stateFile,
      GITHUB_WORKSPACE: options.workspace,
      CUA_TEST_RESULT_FILE: resultFile,
      CUA_TEST_STEP_CONFIG: JSON.stringify({ workspace: options.workspace, templates: options.templates, trackingIds: options.trackingIds ?? [] }),
    };
    const outcome = await runChild([RUN_STEP], env, options.onStart);
    if (!options.allowBlockedHosts && outcome.blockedHosts.length > 0) throw new Error(`the step tried to leave 127.0.0.1:\n${outcome.stderr}`);
    const written = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as VerifyStepResult & { thrown?: string }) : undefined;
    return { outcome, ...(written ? { written } : {}), state: parseStateFile(readFileSync(stateFile, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs src/app/action/post-entry.ts with STATE_<name> variables, as the runner starts a post step. */
export async function runPostProcess(
  fake: FakeArm,
  state: Record<string, string>,
  credential: ChildCredential = 'environment',
  extraEnv: Record<string, string> = {},
): Promise<ChildOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'cua-guard-post-'));
  try {
    const env: Record<string, string> = { ...baseEnv(fake, credential, dir), ...extraEnv };
    for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value;
    const outcome = await runChild([POST_ENTRY], env);
    if (outcome.blockedHosts.length > 0) throw new Error(`the post step tried to leave 127.0.0.1:\n${outcome.stderr}`);
    return outcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the file-command format @actions/core writes: `name<<delimiter\nvalue\ndelimiter`. */
export function parseStateFile(text: string): Record<string, string> {
  const state: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name = '', delimiter = ''] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    state[name] = value.join('\n');
  }
  return state;
}

function baseEnv(fake: FakeArm, credential: ChildCredential, dir: string): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    TMPDIR: dir,
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    ...fake.childEnv(credential),
  };
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
}

function runChild(args: string[], env: Record<string, string>, onStart?: (child: ChildProcess) => void): Promise<ChildOutcome> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', GUARD, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (exitCode, signal) =>
      resolvePromise({
        stdout,
        stderr,
        exitCode,
        signal,
        elapsedMs: Date.now() - started,
        blockedHosts: [...stderr.matchAll(/NETWORK GUARD: blocked a connection to (\S+)/g)].map((m) => m[1] ?? ''),
      }),
    );
    onStart?.(child);
  });
}

/**
 * Cancels a job the way the runner does: SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s
 * after that. `escalated` says whether the child needed more than the SIGINT.
 */
export function cancelLikeRunner(child: ChildProcess): { escalated: () => boolean } {
  let escalated = false;
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  child.kill('SIGINT');
  const term = setTimeout(() => {
    if (!alive()) return;
    escalated = true;
    child.kill('SIGTERM');
    setTimeout(() => alive() && child.kill('SIGKILL'), 2_500).unref();
  }, 7_500);
  term.unref();
  child.once('close', () => clearTimeout(term));
  return { escalated: () => escalated };
}

export async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** stdout/stderr without the runner's `::add-mask::` commands, which carry secrets on purpose. */
export function printed(outcome: ChildOutcome): string {
  return `${outcome.stdout}\n${outcome.stderr}`
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}
