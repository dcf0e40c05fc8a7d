// The step's outputs and the files behind them: the JSON report, and the counts and verdict a
// workflow reads. Files are written only through the safe writer (src/workspace/write-file.ts).
import * as core from '../../github/runner.ts';
import { join } from 'node:path';
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import { formatJson } from '../../report/json.ts';
import type { RunSettings } from '../../settings/run-settings.ts';
import type { Workspace } from '../../workspace/read-file.ts';
import { writeOutputFile, type OutputPlaces } from '../../workspace/write-file.ts';
import { splitZipPath } from '../../workspace/zip-package.ts';

/**
 * GitHub keeps at most 1 MiB of outputs per job: a longer `templates` list is not set (a matrix
 * reading it fails visibly rather than running on part of the list); the JSON report lists them all.
 */
export const MAX_TEMPLATES_OUTPUT = 512 * 1024;

/**
 * `gateFailed`: the gate cannot pass whatever the findings (a template the templates input names
 * cannot be checked, or nothing was checked under if-no-templates: error).
 */
export function publishOutputs(settings: RunSettings, report: WorkspaceCheckReport, gateFailed: boolean, places: OutputPlaces): void {
  writeOutputFile(settings.reportPath, formatJson(report), places);
  core.setOutput('result', report.counts.error > 0 || gateFailed ? 'fail' : 'pass');
  core.setOutput('error-count', report.counts.error);
  core.setOutput('warning-count', report.counts.warning);
  core.setOutput('notice-count', report.counts.notice);
  core.setOutput('report', settings.reportPath);
  publishTemplates(report);
  if (settings.sarifPath) core.setOutput('sarif-file', settings.sarifPath);
}

/**
 * `templates`: the main templates a fan-out job can deploy, each a file of the checkout. A template
 * inside a Marketplace package archive (`offer/package.zip!/mainTemplate.json`) is left out: no
 * deployment, verification or `templates` input takes a path inside an archive, and the archive is
 * built from sources the repository holds. Its check still counts in `result` and the report.
 */
function publishTemplates(report: WorkspaceCheckReport): void {
  const archived = report.files.filter((f) => splitZipPath(f.path) !== undefined).map((f) => f.path);
  const paths = report.files.map((f) => f.path).filter((path) => splitZipPath(path) === undefined);
  if (archived.length > 0) {
    const shown = archived.slice(0, 5).join(', ') + (archived.length > 5 ? ` and ${archived.length - 5} more` : '');
    core.info(`the templates output leaves out ${archived.length} template(s) inside a .zip package, which a job cannot deploy: ${shown}`);
  }
  const templates = JSON.stringify(paths);
  if (Buffer.byteLength(templates) <= MAX_TEMPLATES_OUTPUT) core.setOutput('templates', templates);
  else
    core.warning(
      `the templates output is not set: the list of ${paths.length} templates is ${Buffer.byteLength(templates)} bytes, over the ${MAX_TEMPLATES_OUTPUT}-byte limit cua-guard keeps under GitHub's 1 MiB of outputs per job; the JSON report (output report) lists every template under files[].path`,
    );
}

/**
 * Where the action may write: the workspace and the runner's temporary folder, never over a file
 * the check read (a template, its parameters file, a linked template, the configuration).
 */
export function outputPlaces(settings: RunSettings, workspace: Workspace, report: WorkspaceCheckReport): OutputPlaces {
  const roots = [...new Set([settings.workspace, workspace.root, settings.tempDir])];
  return {
    roots,
    protectedFiles: () => [
      ...report.files.flatMap((f) => [f.path, ...(f.parametersFile ? [f.parametersFile] : []), ...f.linkedFiles].map((rel) => join(workspace.root, rel))),
      ...(settings.config ? [settings.config.path] : []),
    ],
  };
}
