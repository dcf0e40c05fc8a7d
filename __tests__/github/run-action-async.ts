// Starts the bundled action without blocking this process, so the fake API server in the same
// process can answer it (spawnSync would freeze the server).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, parseFileCommands, REPO_ROOT, runnerEnvironment, type ActionRun } from '../support/run-dist.ts';

export interface GitHubEvent {
  name: string;
  payload?: unknown;
}

/** `entry`: the bundle by default; src/app/action/main-entry.ts runs the source the bundle is built from. */
export async function runActionAsync(
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string>,
  event?: GitHubEvent,
  entry = 'dist/index.js',
): Promise<ActionRun> {
  const { env, files } = runnerEnvironment(workspace, inputs);
  Object.assign(env, extraEnv);
  if (event) {
    const eventPath = join(files.output, '..', 'event.json');
    writeFileSync(eventPath, JSON.stringify(event.payload ?? {}));
    env['GITHUB_EVENT_NAME'] = event.name;
    env['GITHUB_EVENT_PATH'] = eventPath;
  }
  const child = spawn(process.execPath, [entry.startsWith('dist/') ? join(DIST_DIR, entry.slice(5)) : join(REPO_ROOT, entry)], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const status = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the action did not finish in 60 s\n${stdout}\n${stderr}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return {
    status,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    state: parseFileCommands(readFileSync(files.state, 'utf8')),
  };
}
