// Runs the bundled action's main step (dist/index.js) and post step (dist/post.js) as the runner
// starts them, against the fake ARM over HTTPS (its CA trusted, the network guard loaded): inputs
// as INPUT_*, outputs, state and summary through the runner's files, the post step given the
// saved state as STATE_*. Returns what a workflow would see: exit code, annotations, outputs.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, parseFileCommands, runnerEnvironment } from '../run-dist.ts';
import type { FakeArm } from './server.ts';

const GUARD = join(import.meta.dirname, 'network-guard.ts');

export interface ActionStepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout then stderr. */
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** `CUA101 deployment-failed`, or '' for the run's own messages. */
  title: string;
  file?: string;
  line?: number;
  message: string;
}

export interface ActionStepOptions {
  fake: FakeArm;
  workspace: string;
  inputs?: Record<string, string>;
  /** The saved state of the main step, for the post step. */
  state?: Record<string, string>;
  env?: Record<string, string>;
  onStart?: (child: ChildProcess) => void;
}

export function runMainStep(options: ActionStepOptions): Promise<ActionStepRun> {
  return runStep('dist/index.js', options);
}

export function runPostStep(options: ActionStepOptions & { state: Record<string, string> }): Promise<ActionStepRun> {
  return runStep('dist/post.js', options);
}

function runStep(entry: string, { fake, workspace, inputs = {}, state = {}, env = {}, onStart }: ActionStepOptions): Promise<ActionStepRun> {
  const { env: runnerEnv, files } = runnerEnvironment(workspace, entry === 'dist/index.js' ? { 'resource-manager-endpoint': fake.url, ...inputs } : {});
  const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
  const childEnv = { ...runnerEnv, GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '1', ...fake.childEnv('environment'), ...stateEnv, ...env };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', GUARD, join(REPO_ROOT, entry)], { cwd: workspace, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (/NETWORK GUARD/.test(stderr)) return fail(new Error(`the step tried to leave 127.0.0.1:\n${stderr}`));
      done({
        code,
        signal,
        log: `${stdout}${stderr}`,
        outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
        state: parseFileCommands(readFileSync(files.state, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        annotations: parseAnnotations(stdout),
      });
    });
    onStart?.(child);
  });
}

/** `::error title=T,file=F,line=L,col=C::message` workflow commands, decoded as the runner does. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, level = 'error', rawProperties = '', message = ''] = match;
    const properties = new Map(
      rawProperties
        .split(',')
        .filter(Boolean)
        .map((p) => {
          const at = p.indexOf('=');
          return [p.slice(0, at), unescapeProperty(p.slice(at + 1))] as const;
        }),
    );
    const file = properties.get('file');
    const lineNumber = properties.get('line');
    annotations.push({
      level: level as Annotation['level'],
      title: properties.get('title') ?? '',
      ...(file !== undefined ? { file } : {}),
      ...(lineNumber !== undefined ? { line: Number(lineNumber) } : {}),
      message: unescapeData(message),
    });
  }
  return annotations;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}
