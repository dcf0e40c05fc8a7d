// The step's outputs and the files behind them: the JSON report, and the counts and verdict a
// workflow reads.
import * as core from '../../github/runner.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import { formatJson } from '../../report/json.ts';
import type { RunSettings } from '../../settings/run-settings.ts';

/**
 * `gateFailed`: the gate cannot pass whatever the findings (a template the templates input names
 * cannot be checked, or nothing was checked under if-no-templates: error).
 */
export function publishOutputs(settings: RunSettings, report: WorkspaceCheckReport, gateFailed: boolean): void {
  writeReport(settings.reportPath, formatJson(report));
  core.setOutput('result', report.counts.error > 0 || gateFailed ? 'fail' : 'pass');
  core.setOutput('error-count', report.counts.error);
  core.setOutput('warning-count', report.counts.warning);
  core.setOutput('notice-count', report.counts.notice);
  core.setOutput('report', settings.reportPath);
  core.setOutput('templates', JSON.stringify(report.files.map((f) => f.path)));
  if (settings.sarifPath) core.setOutput('sarif-file', settings.sarifPath);
}

/** Writes a report file, creating its folder. */
export function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
