// --format azure-pipelines and --format gitlab against their documented shapes: Azure Pipelines
// logging commands (learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands) and
// GitLab's Code Quality report (docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { runCli } from '../support/run-dist.ts';
import { storageAccount, template, trackingResource } from '../support/templates.ts';
import { escapeData, escapeProperty, formatAzurePipelines } from '../../src/report/azure-pipelines.ts';
import type { WorkspaceCheckReport } from '../../src/app/check-workspace.ts';
import type { Finding } from '../../src/engine/types.ts';

/** A logging command as the agent reads it: area.action, properties split at `;` and `=`, the message after `]`. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } | undefined {
  const match = /^##vso\[([\w.]+) ([^\]]*)\](.*)$/.exec(line);
  if (!match) return undefined;
  const unescape = (text: string): string =>
    text
      .replace(/%3B/g, ';')
      .replace(/%5D/g, ']')
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%AZP25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(';').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { command: match[1] ?? '', properties, message: unescape(match[3] ?? '') };
}

function finding(overrides: Partial<Finding>): Finding {
  return { ruleId: 'CUA001', severity: 'error', messageId: 'm', message: 'no tracking', file: 'a.json', line: 3, column: 5, ...overrides };
}

function report(findings: Finding[]): WorkspaceCheckReport {
  const counts = { error: 0, warning: 0, notice: 0, suppressed: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    tool: { name: 'cua-guard', version: '0' },
    files: [{ path: 'a.json', verdict: 'fail', findings, tracking: [], linkedFiles: [] }],
    counts,
    problems: [],
    linkedTemplates: [],
    unreachedTemplates: [],
    inventory: { byExtension: {}, otherJson: 0 },
  };
}

test('azure-pipelines: escaping follows the agent: % as %AZP25, CR LF, and ; ] in properties', () => {
  assert.equal(escapeData('100% a\r\nb;]'), '100%AZP25 a%0D%0Ab;]');
  assert.equal(escapeProperty('x;y]z%\n'), 'x%3By%5Dz%AZP25%0A');
});

test('azure-pipelines: a hostile file name or message cannot end a command or start another', () => {
  const hostile = 'evil;code=X]\n##vso[task.setvariable variable=pwned]1%.json';
  const text = formatAzurePipelines(
    report([
      finding({ file: hostile, message: 'line one\n##vso[task.complete result=Succeeded;]' }),
      finding({ severity: 'notice', ruleId: 'CUA011', message: 'a notice ##vso[task.setvariable variable=x]y' }),
    ]),
    { workspaceRoot: '/ws', failed: true },
  );
  const lines = text.trimEnd().split('\n');
  // The agent takes one command per line, from the first ##vso[ to the first ]: every line that
  // holds ##vso[ starts with one of ours, and what follows is property values and message text.
  for (const line of lines) if (line.includes('##vso[')) assert.ok(line.startsWith('##vso[task.'), line);
  assert.equal(lines.length, 4, 'two findings, the counts and task.complete: no line break got through');
  const issue = parseCommand(lines[0] ?? '');
  assert.deepEqual(issue?.properties, { type: 'error', sourcepath: join('/ws', hostile), linenumber: '3', columnnumber: '5', code: 'CUA001' });
  assert.equal(issue?.message, 'line one\n##vso[task.complete result=Succeeded;]');
  assert.deepEqual(parseCommand(lines.at(-1) ?? ''), { command: 'task.complete', properties: { result: 'Failed' }, message: 'cua-guard found problems' });
});

test('cli --format azure-pipelines: logissue per error and warning with absolute source paths, task.complete Failed on failure', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('bad/azuredeploy.json', template([storageAccount()]));
    ws.write('warn/azuredeploy.json', template([trackingResource({ apiVersion: 'latest' })]));
    const run = runCli(['check', '--format', 'azure-pipelines'], ws.root);
    assert.equal(run.status, 1);
    const commands = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => parseCommand(line));
    const issues = commands.filter((c) => c?.command === 'task.logissue');
    assert.deepEqual(
      issues.map((c) => [c?.properties['type'], c?.properties['code'], c?.properties['sourcepath']]),
      [
        ['error', 'CUA001', join(ws.root, 'bad/azuredeploy.json')],
        ['warning', 'CUA014', join(ws.root, 'warn/azuredeploy.json')],
      ],
    );
    for (const issue of issues) assert.match(issue?.properties['linenumber'] ?? '', /^\d+$/);
    assert.deepEqual(commands.at(-1)?.properties, { result: 'Failed' });
    const passing = runCli(['check', '--format', 'azure-pipelines', 'warn'], ws.root);
    assert.equal(passing.status, 0);
    assert.doesNotMatch(passing.stdout, /task\.complete/);
  } finally {
    ws.dispose();
  }
});

test('cli --format gitlab: a Code Quality array with description, check_name, unique fingerprint, severity, location.path and lines.begin', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('bad/azuredeploy.json', template([storageAccount()]));
    ws.write('warn/azuredeploy.json', template([trackingResource({ apiVersion: 'latest' }), trackingResource({ name: 'pid-x' })]));
    const run = runCli(['check', '--format', 'gitlab'], ws.root);
    assert.equal(run.status, 1);
    const issues = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.ok(Array.isArray(issues) && issues.length >= 3);
    const severities = new Set(['info', 'minor', 'major', 'critical', 'blocker']);
    for (const issue of issues) {
      assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.equal(typeof issue['description'], 'string');
      assert.match(String(issue['check_name']), /^CUA\d{3}$/);
      assert.ok(severities.has(String(issue['severity'])));
      const location = issue['location'] as { path: string; lines: { begin: number } };
      assert.ok(['bad/azuredeploy.json', 'warn/azuredeploy.json'].includes(location.path));
      assert.ok(Number.isInteger(location.lines.begin) && location.lines.begin >= 1);
    }
    assert.equal(new Set(issues.map((i) => i['fingerprint'])).size, issues.length, 'fingerprints are unique');
    const cua001 = issues.find((i) => i['check_name'] === 'CUA001');
    assert.equal(cua001?.['severity'], 'major');
    // The same findings give the same fingerprints on the next run.
    assert.deepEqual(
      JSON.parse(runCli(['check', '--format', 'gitlab'], ws.root).stdout).map((i: { fingerprint: string }) => i.fingerprint),
      issues.map((i) => i['fingerprint']),
    );
  } finally {
    ws.dispose();
  }
});
