// `only-changed`: keep the main templates a pull request affects. Every main template is still
// checked (that is how cua-guard learns which linked templates and parameters file each one
// uses); then a template is kept when the pull request changes the template itself, a file one
// of its links points at (existing or not: a deleted or renamed linked template matters most),
// or the parameters file whose values were used. A change to the configuration file affects
// every template. `changed` holds a renamed file's old path too. A Terraform module is its folder:
// it is kept when a .tf or .tfvars file there changes, is added, deleted or renamed.
import { countFindings, type WorkspaceCheckReport } from './check-workspace.ts';
import type { TemplateResult } from '../engine/types.ts';
import { folderOf } from '../workspace/read-terraform-module.ts';

export interface ChangeFilter {
  report: WorkspaceCheckReport;
  /** Main templates left out because the pull request does not affect them. */
  skipped: string[];
}

export function filterReportToChanges(report: WorkspaceCheckReport, changed: ReadonlySet<string>, alwaysAffecting: readonly string[] = []): ChangeFilter {
  if (alwaysAffecting.some((file) => changed.has(file))) return { report, skipped: [] };
  const changedModules = terraformFolders(changed);
  const files = report.files.filter((f) => isAffected(f, changed) || (f.moduleFolder !== undefined && changedModules.has(f.moduleFolder)));
  const skipped = report.files.filter((f) => !files.includes(f)).map((f) => f.path);
  return { report: { ...report, files, counts: countFindings(files) }, skipped };
}

/** The folders of the changed .tf and .tfvars files: the Terraform modules they belong (or belonged) to. */
function terraformFolders(changed: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of changed) if (/\.(tf|tfvars)$/i.test(file)) folders.add(folderOf(file));
  return folders;
}

export function isAffected(result: TemplateResult, changed: ReadonlySet<string>): boolean {
  return (
    changed.has(result.path) ||
    result.linkedFiles.some((f) => changed.has(f)) ||
    (result.linkTargets ?? []).some((f) => changed.has(f)) ||
    (result.parametersFile !== undefined && changed.has(result.parametersFile)) ||
    result.findings.some((f) => changed.has(f.file))
  );
}
