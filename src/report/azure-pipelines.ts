// Azure Pipelines logging commands (learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands):
// each error and warning as `##vso[task.logissue type=…;sourcepath=…;linenumber=…;columnnumber=…;code=…]message`,
// notices as plain lines (logissue has no lower level), then the counts, and
// `##vso[task.complete result=Failed;]` when the run fails. The agent reads every line of
// standard output that contains `##vso[`: property values and messages are escaped as the
// agent's own task library does (%AZP25 for %, %0D %0A for CR LF; %3B and %5D for ; and ] in
// properties), so nothing a template or a file name holds can end a command or start another.
import { join } from 'node:path';
import type { CheckReport, Finding } from '../engine/types.ts';
import { countsLine } from './text.ts';

export interface AzurePipelinesOptions {
  /** Absolute workspace root: the agent wants absolute source paths. */
  workspaceRoot: string;
  /** The run fails (its exit code is not 0): the task is marked Failed. */
  failed: boolean;
}

/** A message (the part after `]`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (between `=` and `;` or `]`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(';');
  return `##vso[${name} ${props};]${escapeData(message)}`;
}

function issue(finding: Finding, workspaceRoot: string): string {
  const type = finding.severity === 'error' ? 'error' : 'warning';
  return command(
    'task.logissue',
    { type, sourcepath: join(workspaceRoot, finding.file), linenumber: finding.line, columnnumber: finding.column, code: finding.ruleId },
    finding.message,
  );
}

export function formatAzurePipelines(report: CheckReport & { problems?: { message: string }[] }, options: AzurePipelinesOptions): string {
  const lines: string[] = [];
  for (const problem of report.problems ?? []) lines.push(command('task.logissue', { type: 'warning' }, `cua-guard: ${problem.message}`));
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (finding.suppressed) continue;
      if (finding.severity === 'notice') lines.push(plainLine(`${finding.file}:${finding.line}:${finding.column} notice ${finding.ruleId} ${finding.message}`));
      else lines.push(issue(finding, options.workspaceRoot));
    }
  }
  lines.push(countsLine(report));
  if (options.failed) lines.push(command('task.complete', { result: 'Failed' }, 'cua-guard found problems'));
  return `${lines.join('\n')}\n`;
}

/** A line that is no command: one line, and no `##vso[` in it that the agent would take for one. */
function plainLine(text: string): string {
  return escapeData(text).replace(/##vso\[/gi, (match) => `${match.slice(0, -1)}%5B`);
}
