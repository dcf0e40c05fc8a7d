// The job-summary section for verification in Azure: one row per template, then what was
// tracked, what went wrong and how many requests it took.
import type { TemplateRun } from './context.ts';
import { describeResourceId, describeScope, type ArmScope } from './scope.ts';

const MAX_LISTED_RESOURCES = 50;

export interface VerifyRunFacts {
  scope: ArmScope;
  /** HTTP requests made. */
  requestCount: number;
  /** How the run signed in, in words. */
  credential: string;
}

export function formatVerifySummary(
  runs: readonly TemplateRun[],
  { scope, requestCount, credential }: VerifyRunFacts,
  problems: readonly string[] = [],
): string {
  const verified = runs.length > 0 && runs.every((r) => r.verified);
  const lines = [`### ${verified ? '✅' : '❌'} Customer usage attribution ${verified ? 'proven' : 'not proven'} in Azure`, ''];
  if (runs.length > 0) {
    lines.push(`Scope: ${escape(describeScope(scope))}.`, '');
    lines.push('| Template | Mode | Deployment | Result | Tracking deployment | correlationId | Created resources |', '|---|---|---|---|---|---|---|');
    for (const run of runs) {
      lines.push(
        `| \`${escape(run.template.path)}\` | ${run.mode} | \`${escape(run.deploymentName)}\` | ${run.verified ? '✅ verified' : '❌ not verified'} | ${run.tracking.map((t) => `\`${escape(t)}\``).join(', ') || '—'} | ${run.correlationId ? `\`${run.correlationId}\`` : '—'} | ${run.mode === 'deploy' || run.mode === 'existing' ? run.trackedResources.length : '—'} |`,
      );
    }
    lines.push('');
  }
  for (const run of runs) {
    if (run.trackedResources.length > 0) lines.push(...resourceTable(run), '');
    if (run.findings.length > 0) {
      for (const f of run.findings) lines.push(`- **${f.ruleId}** \`${escape(f.file)}:${f.line}\` ${escape(f.message)}`);
      lines.push('');
    }
    for (const note of run.notes) lines.push(`- ${escape(note)}`);
    if (run.notes.length > 0) lines.push('');
  }
  for (const problem of problems) lines.push(`- ${escape(problem)}`);
  if (problems.length > 0) lines.push('');
  lines.push(`_${requestCount} Azure request(s); signed in with ${escape(credential)}._`, '');
  return lines.join('\n');
}

/** The created resources of one run: id, type, and where they are. */
function resourceTable(run: TemplateRun): string[] {
  const what = run.verified ? 'Resources attributed with' : 'Resources created (not attributed) by';
  const lines = [
    `**${what} \`${escape(run.template.path)}\`** (${run.trackedResources.length})`,
    '',
    '| Resource | Type | Resource group | Subscription / scope |',
    '|---|---|---|---|',
  ];
  for (const id of run.trackedResources.slice(0, MAX_LISTED_RESOURCES)) {
    const parts = describeResourceId(id);
    const where = parts.subscriptionId ?? (parts.managementGroupId ? `management group ${parts.managementGroupId}` : 'tenant');
    lines.push(`| \`${escape(id)}\` | ${escape(parts.type) || '—'} | ${parts.resourceGroup ? escape(parts.resourceGroup) : '—'} | ${escape(where)} |`);
  }
  if (run.trackedResources.length > MAX_LISTED_RESOURCES) lines.push(`| … and ${run.trackedResources.length - MAX_LISTED_RESOURCES} more | | | |`);
  return lines;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
