// What the runner says about the event that started the workflow: its name, the repository,
// and for pull requests the number and head commit (from the payload at GITHUB_EVENT_PATH).
import { readFileSync } from 'node:fs';
import { isRecord } from '../parse/template-source.ts';

export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target'];

export interface RunContext {
  eventName: string;
  owner?: string;
  repo?: string;
  /** The commit the workflow runs on (for pull requests, the merge commit). */
  sha?: string;
  pullRequest?: { number: number; headSha?: string };
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  const context: RunContext = {
    eventName,
    ...(owner && repo ? { owner, repo } : {}),
    ...(env['GITHUB_SHA'] ? { sha: env['GITHUB_SHA'] } : {}),
  };
  if (!PULL_REQUEST_EVENTS.includes(eventName)) return context;
  const payload = readPayload(env['GITHUB_EVENT_PATH']);
  const pr = isRecord(payload) && isRecord(payload['pull_request']) ? payload['pull_request'] : undefined;
  const number = pr?.['number'] ?? (isRecord(payload) ? payload['number'] : undefined);
  if (typeof number !== 'number') return context;
  const head = isRecord(pr?.['head']) ? pr['head'] : undefined;
  const headSha = typeof head?.['sha'] === 'string' ? head['sha'] : undefined;
  return { ...context, pullRequest: { number, ...(headSha ? { headSha } : {}) } };
}

function readPayload(path: string | undefined): unknown {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
