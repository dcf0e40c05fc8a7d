// Where `-o/--output-file` writes the report: through the safe writer (src/workspace/write-file),
// so never through a symbolic or hard link and never over a file the run checked, atomically. The
// places it may write: the workspace and the current folder; a file the user names elsewhere (their
// own folder, outside the repository being checked) is written in its nearest existing folder.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { WorkspaceCheckReport } from '../check-workspace.ts';
import { writeOutputFile as writeSafely } from '../../workspace/write-file.ts';

export interface OutputContext {
  cwd: string;
  /** Absolute, symlink-resolved workspace root. */
  workspaceRoot: string;
  /** The run's report: the files it read are never written over. */
  report: WorkspaceCheckReport;
}

export function writeOutputFile(path: string, text: string, context: OutputContext): void {
  const cwd = realFolder(context.cwd);
  const absolute = resolve(cwd, path);
  const roots = [context.workspaceRoot, cwd];
  if (!roots.some((root) => isInside(root, absolute))) roots.push(nearestExistingFolder(dirname(absolute)));
  const read = context.report.files.flatMap((f) => [f.path, ...(f.parametersFile ? [f.parametersFile] : []), ...f.linkedFiles]);
  writeSafely(absolute, text, { roots, protectedFiles: () => read.map((rel) => join(context.workspaceRoot, rel)) });
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function nearestExistingFolder(folder: string): string {
  for (let current = folder; ; current = dirname(current)) {
    try {
      return realpathSync.native(current);
    } catch {
      if (dirname(current) === current) return current;
    }
  }
}

function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}
