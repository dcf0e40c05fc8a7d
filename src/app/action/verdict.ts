// Whether the step fails, and the one message that says why.
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import type { RunSettings } from '../../settings/run-settings.ts';

/** A templates pattern naming a file that cannot be checked fails the step whatever fail-on says. */
export function pathFailure(pathErrors: readonly string[]): string | undefined {
  if (pathErrors.length === 0) return undefined;
  return `${pathErrors.length} path(s) named in the templates input cannot be checked (missing or outside the workspace); fix the templates input`;
}

/** The findings' verdict under fail-on. */
export function verdictFailure(settings: RunSettings, report: WorkspaceCheckReport): string | undefined {
  const { error, warning } = report.counts;
  if (settings.failOn === 'never') return undefined;
  if (error > 0) return `customer usage attribution check failed: ${error} error(s) in ${report.files.filter((f) => f.verdict === 'fail').length} template(s)`;
  if (settings.failOn === 'warning' && warning > 0) return `customer usage attribution check failed: ${warning} warning(s) (fail-on: warning)`;
  return undefined;
}
