// Checks Bicep fixtures written to a temporary workspace, as the CLI and the action do.
import { checkWorkspaceLoadingGrammars, type WorkspaceCheckReport } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';

export const GUID = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6';

/** The file's text with its lines joined: fixtures read as the Bicep they are. */
export function bicep(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export async function checkFiles(
  files: Record<string, string>,
  options: { settings?: Partial<CheckSettings>; paths?: string[]; parametersFile?: string } = {},
): Promise<WorkspaceCheckReport> {
  const ws = createTempWorkspace('cua-guard-bicep-');
  try {
    for (const [path, text] of Object.entries(files)) ws.write(path, text);
    return await checkWorkspaceLoadingGrammars({
      workspace: openWorkspace(ws.root),
      settings: { ...DEFAULT_CHECK_SETTINGS, ...options.settings },
      cwd: ws.root,
      ...(options.paths ? { paths: options.paths } : {}),
      ...(options.parametersFile ? { parametersFile: options.parametersFile } : {}),
    });
  } finally {
    ws.dispose();
  }
}

/** Each finding as `RULE messageId file:line:column`, in report order. */
export function located(report: WorkspaceCheckReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => `${x.ruleId} ${x.messageId} ${x.file}:${x.line}:${x.column}${x.suppressed ? ' suppressed' : ''}`));
}
