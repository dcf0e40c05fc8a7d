// The Checks API (every finding as a check-run annotation, 50 per request, a 403 from a fork's
// read-only token falling back to workflow annotations) and `only-changed` (the pull request's
// files, 100 per page), against a local stand-in for the GitHub API. The flows run the BUNDLED
// dist/index.js as the runner would, with GITHUB_API_URL pointing at the stand-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createGitHubApi } from '../../src/github/api.ts';
import { changedFilesOf } from '../../src/github/changed-files.ts';
import { readRunContext } from '../../src/github/event.ts';
import { publishCheckRun, toCheckAnnotation } from '../../src/github/check-run.ts';
import { ruleTitle } from '../../src/rules/index.ts';
import type { Finding } from '../../src/engine/types.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { emptyTemplate, GUID, RG_SCHEMA, template, trackingResource } from '../support/templates.ts';
import { REPO_ROOT } from '../support/run-dist.ts';
import { CHECK_RUN_ID, startFakeGitHub, type FakeGitHub, type RecordedRequest } from './fake-github.ts';
import { runActionAsync } from './run-action-async.ts';

const HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';
const PR_EVENT = { name: 'pull_request', payload: { action: 'synchronize', number: 7, pull_request: { number: 7, head: { sha: HEAD_SHA } } } };
const TOKEN = 'ghs_fake-token-for-tests';
/** The source the bundle is built from, for behaviour newer than the committed dist/. */
const ACTION_SOURCE = 'src/app/action/main-entry.ts';

/**
 * 30 main templates t00…t29, each with 4 findings (120 in all): a pid- tags resource (CUA006
 * error), a tracking deployment in Complete mode (CUA007 error) with apiVersion 'latest'
 * (CUA014 warning) and a condition that is false by default (CUA011 warning).
 * t12 links nested/net.json; t20 has a parameters file beside it.
 */
function thirtyTemplates(): TempWorkspace {
  const ws = createTempWorkspace('cua-guard-github-');
  for (let i = 0; i < 30; i++) {
    const dir = `t${String(i).padStart(2, '0')}`;
    const resources: unknown[] = [
      { type: 'Microsoft.Resources/tags', apiVersion: '2021-04-01', name: `pid-${GUID}`, properties: { tags: {} } },
      trackingResource({
        apiVersion: 'latest',
        condition: "[equals(parameters('telemetry'), 'on')]",
        properties: { mode: 'Complete', template: emptyTemplate() },
      }),
    ];
    if (i === 12)
      resources.push({
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: 'net',
        properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/net.json' } },
      });
    ws.write(`${dir}/azuredeploy.json`, template(resources, { parameters: { telemetry: { type: 'string', defaultValue: 'off' } } }));
  }
  ws.write('t12/nested/net.json', { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [] });
  ws.write('t20/azuredeploy.parameters.json', { parameters: { telemetry: { value: 'off' } } });
  return ws;
}

function apiEnv(api: FakeGitHub): Record<string, string> {
  return { GITHUB_API_URL: api.url };
}

const workflowAnnotations = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice) [^:]*file=/.test(l));
const checkRunCalls = (requests: RecordedRequest[]) => requests.filter((r) => r.path.startsWith('/repos/contoso/offer/check-runs'));

test('checks: true publishes all 120 findings on one check run, 50 annotations per request', async () => {
  const ws = thirtyTemplates();
  const api = await startFakeGitHub({ checkRuns: 'ok' });
  try {
    const run = await runActionAsync(ws.root, { checks: 'true', token: TOKEN }, apiEnv(api), PR_EVENT);
    const calls = checkRunCalls(api.requests);
    assert.deepEqual(
      calls.map((c) => `${c.method} ${c.path}`),
      ['POST /repos/contoso/offer/check-runs', ...Array(3).fill(`PATCH /repos/contoso/offer/check-runs/${CHECK_RUN_ID}`)],
    );
    assert.ok(calls.every((c) => c.authorization === `token ${TOKEN}`));
    const created = calls[0]?.body as { name: string; head_sha: string; status: string };
    assert.deepEqual(
      { name: created.name, head_sha: created.head_sha, status: created.status },
      { name: 'cua-guard', head_sha: HEAD_SHA, status: 'in_progress' },
    );
    const updates = calls
      .slice(1)
      .map((c) => c.body as { output: { title: string; annotations: Record<string, unknown>[] }; status?: string; conclusion?: string });
    assert.deepEqual(
      updates.map((u) => u.output.annotations.length),
      [50, 50, 20],
    );
    assert.deepEqual(
      updates.map((u) => u.conclusion),
      [undefined, undefined, 'failure'],
    );
    assert.equal(updates[2]?.status, 'completed');
    assert.equal(updates[0]?.output.title, '60 error(s), 60 warning(s), 0 notice(s)');
    const annotations = updates.flatMap((u) => u.output.annotations);
    assert.deepEqual(Object.fromEntries(['failure', 'warning'].map((level) => [level, annotations.filter((a) => a['annotation_level'] === level).length])), {
      failure: 60,
      warning: 60,
    });
    assert.equal(new Set(annotations.map((a) => a['path'])).size, 30);
    assert.deepEqual(Object.keys(annotations[0] ?? {}).sort(), [
      'annotation_level',
      'end_column',
      'end_line',
      'message',
      'path',
      'start_column',
      'start_line',
      'title',
    ]);

    // The check run carries the findings: no workflow-command annotations, the step still fails.
    assert.deepEqual(workflowAnnotations(run.stdout), []);
    assert.match(run.stdout, /^::error::customer usage attribution check failed: 60 error\(s\) in 30 template\(s\)$/m);
    assert.doesNotMatch(run.stdout, /^::warning::/m);
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /checks: 120 finding\(s\) published as annotations of check run 'cua-guard' \(https:\/\/github\.com\/contoso\/offer\/runs\/4242\) in 4 request\(s\)/,
    );
    assert.match(run.summary, /> Every finding \(120\) is an annotation of the check run \[cua-guard\]\(https:\/\/github\.com\/contoso\/offer\/runs\/4242\)\./);
    assert.doesNotMatch(run.summary, /not shown as annotations/);
  } finally {
    await api.close();
    ws.dispose();
  }
});

test("checks: true with a fork's read-only token (403) falls back to annotations with one warning", async () => {
  const ws = thirtyTemplates();
  const api = await startFakeGitHub({ checkRuns: 403 });
  try {
    const run = await runActionAsync(ws.root, { checks: 'true', token: TOKEN }, apiEnv(api), PR_EVENT);
    assert.equal(checkRunCalls(api.requests).length, 1, 'one attempt, no retries');
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    assert.deepEqual(warnings, [
      '::warning::checks: the token cannot write check runs (403: Resource not accessible by integration); pull requests from forks get a read-only token, and the job needs `permissions: checks: write`; findings are shown as annotations instead (at most 10 per severity; the job summary lists all of them)',
    ]);
    const annotations = workflowAnnotations(run.stdout);
    // 10 errors minus the failure message, 10 warnings minus the fallback warning.
    assert.equal(annotations.filter((l) => l.startsWith('::error')).length, 9);
    assert.equal(annotations.filter((l) => l.startsWith('::warning')).length, 9);
    assert.match(run.summary, /> 102 finding\(s\) are not shown as annotations/);
    assert.match(run.summary, /> The check run could not be published \(the token cannot write check runs/);
    assert.equal(run.status, 1, 'failed by the findings');
    assert.match(run.stdout, /^::error::customer usage attribution check failed: 60 error\(s\)/m);

    // A clean repository: the 403 never fails the step.
    const clean = createTempWorkspace();
    try {
      clean.write('azuredeploy.json', template([trackingResource()]));
      const ok = await runActionAsync(clean.root, { checks: 'true', token: TOKEN }, apiEnv(api), PR_EVENT);
      assert.equal(ok.status, 0, ok.stdout);
      assert.equal(ok.stdout.split('\n').filter((l) => l.startsWith('::warning::checks:')).length, 1);
      assert.doesNotMatch(ok.stdout, /^::error/m);
    } finally {
      clean.dispose();
    }
  } finally {
    await api.close();
    ws.dispose();
  }
});

function pullRequestFiles(): { filename: string; status?: string }[] {
  // 250 files over 3 pages; the ones that matter are on pages 1, 2 and 3.
  const files: { filename: string; status?: string }[] = Array.from({ length: 250 }, (_, i) => ({ filename: `docs/page-${String(i).padStart(3, '0')}.md` }));
  files[10] = { filename: 't07/azuredeploy.json' };
  files[150] = { filename: 't12/nested/net.json' };
  files[240] = { filename: 't20/azuredeploy.parameters.json' };
  files[245] = { filename: 'gone/azuredeploy.json', status: 'removed' };
  return files;
}

test('only-changed on a pull request: the files API over 3 pages, then only the affected templates', async () => {
  const ws = thirtyTemplates();
  const api = await startFakeGitHub({ pullRequestFiles: pullRequestFiles() });
  try {
    const run = await runActionAsync(ws.root, { 'only-changed': 'true', token: TOKEN }, apiEnv(api), PR_EVENT);
    const pages = api.requests.filter((r) => r.path === '/repos/contoso/offer/pulls/7/files');
    assert.deepEqual(
      pages.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1']),
      [
        ['100', '1'],
        ['100', '2'],
        ['100', '3'],
      ],
    );
    // t07 changed; t12's linked template changed; t20's parameters file changed.
    assert.deepEqual(JSON.parse(run.outputs['templates'] ?? ''), ['t07/azuredeploy.json', 't12/azuredeploy.json', 't20/azuredeploy.json']);
    assert.equal(run.outputs['error-count'], '6');
    const report = JSON.parse(readFileSync(run.outputs['report'] ?? '', 'utf8')) as { files: { path: string }[] };
    assert.equal(report.files.length, 3);
    assert.match(run.stdout, /only-changed: pull request #7 changes 250 file\(s\); 3 of 30 main template\(s\) are affected by them/);
    assert.match(run.summary, /> only-changed: 3 of 30 main template\(s\) are affected by pull request #7 .* the other 27 were checked but are not reported\./);
    assert.match(run.summary, /^## ❌ cua-guard: 3 of 3 templates fail · /);
    // Findings in the changed file itself come first: t07's are annotated before t12's and t20's.
    const errors = workflowAnnotations(run.stdout).filter((l) => l.startsWith('::error'));
    assert.match(errors[0] ?? '', /file=t07\/azuredeploy\.json/);
    assert.equal(run.status, 1);
  } finally {
    await api.close();
    ws.dispose();
  }
});

test('without only-changed, a pull request with more findings than annotations: findings in its files are annotated first', async () => {
  const ws = thirtyTemplates();
  const files = [{ filename: 't25/azuredeploy.json' }, { filename: 'README.md' }];
  const api = await startFakeGitHub({ pullRequestFiles: files });
  try {
    const run = await runActionAsync(ws.root, { token: TOKEN }, apiEnv(api), PR_EVENT, ACTION_SOURCE);
    assert.equal(api.requests.filter((r) => r.path === '/repos/contoso/offer/pulls/7/files').length, 1);
    const errors = workflowAnnotations(run.stdout).filter((l) => l.startsWith('::error'));
    const warnings = workflowAnnotations(run.stdout).filter((l) => l.startsWith('::warning'));
    // t25's two errors and two warnings first, then the other templates take turns in tree order.
    assert.deepEqual(
      errors.slice(0, 3).map((l) => /file=([^,]+)/.exec(l)?.[1]),
      ['t25/azuredeploy.json', 't25/azuredeploy.json', 't00/azuredeploy.json'],
    );
    assert.deepEqual(
      warnings.slice(0, 3).map((l) => /file=([^,]+)/.exec(l)?.[1]),
      ['t25/azuredeploy.json', 't25/azuredeploy.json', 't00/azuredeploy.json'],
    );
    assert.equal(JSON.parse(run.outputs['templates'] ?? '[]').length, 30, 'everything is still reported');
    assert.match(run.stdout, /annotations: more findings than GitHub shows; findings in the 2 file\(s\) pull request #7 changes come first/);
  } finally {
    await api.close();
  }
  // The files API failing changes nothing but the order: no warning, one debug line.
  const down = await startFakeGitHub({ pullRequestFilesStatus: 500 });
  try {
    const run = await runActionAsync(ws.root, { token: TOKEN }, apiEnv(down), PR_EVENT, ACTION_SOURCE);
    const errors = workflowAnnotations(run.stdout).filter((l) => l.startsWith('::error'));
    assert.match(errors[0] ?? '', /file=t00\/azuredeploy\.json/);
    assert.doesNotMatch(run.stdout, /^::warning::/m);
    assert.match(run.stdout, /^::debug::annotations: ordered without the pull request's files \(could not list the files of pull request #7 \(500/m);
    assert.equal(run.status, 1, 'failed by the findings, not by the API');
  } finally {
    await down.close();
  }
  // Within the caps (or without a token) the API is not asked.
  const quiet = await startFakeGitHub({ pullRequestFiles: files });
  try {
    const one = createTempWorkspace();
    try {
      one.write('azuredeploy.json', template([trackingResource({ apiVersion: 'latest' })]));
      await runActionAsync(one.root, { token: TOKEN }, apiEnv(quiet), PR_EVENT, ACTION_SOURCE);
    } finally {
      one.dispose();
    }
    await runActionAsync(ws.root, { token: '' }, apiEnv(quiet), PR_EVENT, ACTION_SOURCE);
    assert.deepEqual(quiet.requests, []);
  } finally {
    await quiet.close();
    ws.dispose();
  }
});

test('only-changed on a push: everything is checked and reported, and the run says so', async () => {
  const ws = thirtyTemplates();
  const api = await startFakeGitHub({ pullRequestFiles: pullRequestFiles() });
  try {
    const run = await runActionAsync(ws.root, { 'only-changed': 'true', token: TOKEN }, apiEnv(api), { name: 'push', payload: { ref: 'refs/heads/main' } });
    assert.deepEqual(api.requests, [], 'no API call off a pull request');
    assert.equal(JSON.parse(run.outputs['templates'] ?? '[]').length, 30);
    assert.match(run.stdout, /only-changed: the 'push' event is not a pull request; every main template is checked and reported/);
    assert.match(run.summary, /> only-changed: the 'push' event is not a pull request, so every main template is checked and reported\./);
  } finally {
    await api.close();
    ws.dispose();
  }
});

test('checks and only-changed together: the check run carries the affected templates only', async () => {
  const ws = thirtyTemplates();
  const api = await startFakeGitHub({ checkRuns: 'ok', pullRequestFiles: pullRequestFiles() });
  try {
    const run = await runActionAsync(ws.root, { checks: 'true', 'only-changed': 'true', token: TOKEN }, apiEnv(api), PR_EVENT);
    const updates = checkRunCalls(api.requests)
      .slice(1)
      .map((c) => c.body as { output: { annotations: { path: string }[] }; conclusion?: string });
    assert.deepEqual(
      updates.map((u) => u.output.annotations.length),
      [12],
    );
    assert.deepEqual([...new Set(updates[0]?.output.annotations.map((a) => a.path))].sort(), [
      't07/azuredeploy.json',
      't12/azuredeploy.json',
      't20/azuredeploy.json',
    ]);
    assert.equal(updates[0]?.conclusion, 'failure');
    assert.equal(run.status, 1);
  } finally {
    await api.close();
    ws.dispose();
  }
});

test('the API client pages through pull request files and reports a 403 as a permission failure', async () => {
  const api = await startFakeGitHub({ checkRuns: 403, pullRequestFiles: pullRequestFiles() });
  const saved = process.env['GITHUB_API_URL'];
  process.env['GITHUB_API_URL'] = api.url;
  try {
    const client = await createGitHubApi(TOKEN);
    const changed = await changedFilesOf({ eventName: 'pull_request', owner: 'contoso', repo: 'offer', pullRequest: { number: 7 } }, async () => client);
    assert.equal(changed.kind, 'pull-request');
    if (changed.kind === 'pull-request') assert.equal(changed.files.size, 250);
    const findings: Finding[] = [
      { ruleId: 'CUA001', severity: 'error', messageId: 'm', message: 'm', file: 'a.json', line: 2, column: 3, endLine: 2, endColumn: 9 },
    ];
    const result = await publishCheckRun(client, {
      owner: 'contoso',
      repo: 'offer',
      headSha: HEAD_SHA,
      name: 'cua-guard',
      title: 't',
      summary: 's',
      findings,
      conclusion: 'failure',
      titleOf: ruleTitle,
    });
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual({ status: result.failure.status, permission: result.permission }, { status: 403, permission: true });
  } finally {
    if (saved === undefined) delete process.env['GITHUB_API_URL'];
    else process.env['GITHUB_API_URL'] = saved;
    await api.close();
  }
});

test('event context, and check-run annotations in the API shape', () => {
  const ws = createTempWorkspace();
  try {
    const path = ws.write('event.json', PR_EVENT.payload);
    assert.deepEqual(
      readRunContext({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'contoso/offer', GITHUB_SHA: 'abc' }),
      {
        eventName: 'pull_request_target',
        owner: 'contoso',
        repo: 'offer',
        sha: 'abc',
        pullRequest: { number: 7, headSha: HEAD_SHA },
      },
    );
    assert.deepEqual(readRunContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path }), { eventName: 'push' });
  } finally {
    ws.dispose();
  }
  const base: Finding = { ruleId: 'CUA011', severity: 'notice', messageId: 'm', message: 'm', file: 'x.json', line: 4, column: 2, endLine: 6, endColumn: 3 };
  assert.deepEqual(toCheckAnnotation(base, ruleTitle), {
    path: 'x.json',
    start_line: 4,
    end_line: 6,
    annotation_level: 'notice',
    message: 'm',
    title: 'CUA011 conditional-tracking',
  });
  assert.equal(toCheckAnnotation({ ...base, severity: 'error', endLine: 4, endColumn: 9 }, ruleTitle).end_column, 9);
});

test('the bundle loads the GitHub client, ajv and the diff library only when a run needs them', () => {
  // Walk the static import graph of each entry point: the heavy parts must sit behind import().
  const staticGraph = (entry: string): string => {
    const seen = new Set<string>();
    const queue = [entry];
    let text = '';
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      text += source;
      for (const match of source.matchAll(/^import\s[^;]*?from\s*"(\.\/[^"]+|\.\.\/[^"]+)"|^import\s*"(\.[^"]+)"/gm)) {
        const spec = match[1] ?? match[2];
        if (spec) queue.push(new URL(spec, `file://${file}`).pathname);
      }
    }
    return text;
  };
  // The markers are there in the bundle as a whole, so their absence below means something.
  const everything = readdirSync(`${REPO_ROOT}/dist`)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(`${REPO_ROOT}/dist/${f}`, 'utf8'))
    .join('');
  for (const marker of [/octokit-core\.js/, /strictSchema/, /function createTwoFilesPatch\(/]) assert.match(everything, marker);
  for (const entry of ['dist/index.js', 'dist/cli.js']) {
    const loaded = staticGraph(`${REPO_ROOT}/${entry}`);
    assert.doesNotMatch(loaded, /octokit-core\.js/, `${entry} loads the GitHub client up front`);
    assert.doesNotMatch(loaded, /strictSchema/, `${entry} loads ajv up front`);
    assert.doesNotMatch(loaded, /function createTwoFilesPatch\(/, `${entry} loads the diff library up front`);
    assert.match(loaded, /import\("\.\/lazy-[^"]+\.js"\)/, `${entry} has lazily loaded modules`);
  }
});

test('only-changed trusts the files API within bounds: endless pages stop at 3,000 files, and then every template is reported', async () => {
  const ws = thirtyTemplates();
  const api = await startFakeGitHub({ pullRequestFilesAnswer: 'endless' });
  try {
    const run = await runActionAsync(ws.root, { 'only-changed': 'true', token: TOKEN }, apiEnv(api), PR_EVENT);
    const pages = api.requests.filter((r) => r.path === '/repos/contoso/offer/pulls/7/files');
    // GitHub lists at most 3,000 files: 30 pages of 100, once (the annotation order does not
    // ask again for a listing only-changed could not use).
    assert.equal(pages.length, 30, `${pages.length} requests`);
    assert.equal(JSON.parse(run.outputs['templates'] ?? '[]').length, 30);
    assert.match(run.stdout, /changes 3000 files or more/);
    assert.equal(run.status, 1);
  } finally {
    await api.close();
    ws.dispose();
  }
});

test('only-changed: an answer that is not a list of files is an error that checks and reports everything, never a pass', async () => {
  const ws = thirtyTemplates();
  for (const body of [{ message: 'not a list' }, [{ filename: 42 }], 'text']) {
    const api = await startFakeGitHub({ pullRequestFilesAnswer: { body } });
    try {
      const run = await runActionAsync(ws.root, { 'only-changed': 'true', token: TOKEN }, apiEnv(api), PR_EVENT);
      assert.equal(JSON.parse(run.outputs['templates'] ?? '[]').length, 30, JSON.stringify(body));
      assert.equal(run.outputs['result'], 'fail');
      assert.match(run.stdout, /could not list the files of pull request #7/);
      assert.equal(run.status, 1);
    } finally {
      await api.close();
    }
  }
  ws.dispose();
});
