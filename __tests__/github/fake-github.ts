// A stand-in for the GitHub REST API on 127.0.0.1, for the Checks API and the pull-request
// files API. Records every request; GITHUB_API_URL points the action at it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body: unknown;
}

export interface FakeGitHubOptions {
  /** 'ok', or an HTTP status every check-run call fails with (403 for a fork's read-only token). */
  checkRuns?: 'ok' | number;
  /** The pull request's files, served 100 (or per_page) at a time. */
  pullRequestFiles?: { filename: string; status?: string; previous_filename?: string }[];
  /** An HTTP status every pull-request files call fails with (the API being down, say). */
  pullRequestFilesStatus?: number;
  /** A hostile or broken server: every page links a next one, or the answer is not a list. */
  pullRequestFilesAnswer?: 'endless' | { body: unknown };
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const CHECK_RUN_ID = 4242;

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  let base = '';
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', base);
      const body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body,
      });
      route(req.method ?? '', url, res);
    });
  });

  function route(method: string, url: URL, res: ServerResponse): void {
    const checkRuns = /^\/repos\/([^/]+)\/([^/]+)\/check-runs(?:\/(\d+))?$/.exec(url.pathname);
    if (checkRuns) {
      if (options.checkRuns !== undefined && options.checkRuns !== 'ok') {
        return json(res, options.checkRuns, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
          status: String(options.checkRuns),
        });
      }
      if (method === 'POST' && !checkRuns[3])
        return json(res, 201, { id: CHECK_RUN_ID, html_url: `https://github.com/${checkRuns[1]}/${checkRuns[2]}/runs/${CHECK_RUN_ID}`, status: 'in_progress' });
      if (method === 'PATCH' && checkRuns[3]) return json(res, 200, { id: Number(checkRuns[3]) });
    }
    const files = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(url.pathname);
    if (files && method === 'GET' && options.pullRequestFilesStatus !== undefined)
      return json(res, options.pullRequestFilesStatus, { message: 'Server Error' });
    if (files && method === 'GET' && options.pullRequestFilesAnswer !== undefined) return hostileFiles(url, res, options.pullRequestFilesAnswer);
    if (files && method === 'GET') {
      const all = (options.pullRequestFiles ?? []).map((f) => ({ sha: '0'.repeat(40), additions: 1, deletions: 0, changes: 1, status: 'modified', ...f }));
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      const page = Number(url.searchParams.get('page') ?? '1');
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const links: string[] = [];
      const pageUrl = (n: number) => {
        const next = new URL(url);
        next.searchParams.set('page', String(n));
        return next.href;
      };
      if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
      if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(page - 1)}>; rel="prev"`);
      return json(res, 200, all.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
    }
    json(res, 404, { message: 'Not Found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Pages that never end (each names 100 files and links the next), or one answer that is not a list. */
function hostileFiles(url: URL, res: ServerResponse, answer: 'endless' | { body: unknown }): void {
  if (answer !== 'endless') return json(res, 200, answer.body);
  const page = Number(url.searchParams.get('page') ?? '1');
  const next = new URL(url);
  next.searchParams.set('page', String(page + 1));
  const files = Array.from({ length: 100 }, (_, i) => ({
    sha: '0'.repeat(40),
    filename: `docs/p${page}-${i}.md`,
    status: 'modified',
    additions: 1,
    deletions: 0,
    changes: 1,
  }));
  json(res, 200, files, { link: `<${next.href}>; rel="next"` });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
