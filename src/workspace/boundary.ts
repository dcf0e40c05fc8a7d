// The workspace boundary of a path named on the command line when --workspace is not given, as
// ESLint finds its project: the root of the git repository that holds the path; outside any git
// repository, the current folder when the path lies in it, else the path itself (a file: its
// folder). Nothing outside the boundary is read; finding it only looks for `.git` entries in the
// folders above the path.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The absolute, symlink-resolved boundary of each path (relative to `cwd`). */
export function workspaceBoundaries(paths: readonly string[], cwd: string): string[] {
  // Hundreds of named files share a few folders: each folder is looked up once.
  const gitRoots = new Map<string, string | undefined>();
  const here = existingFolderOf(resolve(cwd));
  return paths.map((path) => {
    const start = existingFolderOf(resolve(cwd, path));
    const gitRoot = gitRootAbove(start, gitRoots);
    if (gitRoot !== undefined) return gitRoot;
    return isInside(start, here) ? here : start;
  });
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The folder a path is or lies in; a path that does not exist counts as its nearest existing folder. */
function existingFolderOf(absolute: string): string {
  let candidate = absolute;
  for (;;) {
    try {
      const real = realpathSync.native(candidate);
      return statSync(real).isDirectory() ? real : dirname(real);
    } catch {
      const parent = dirname(candidate);
      if (parent === candidate) return candidate;
      candidate = parent;
    }
  }
}

/** The nearest folder at or above `folder` holding `.git` (a folder, or a file in worktrees and submodules). */
function gitRootAbove(folder: string, known: Map<string, string | undefined>): string | undefined {
  const walked: string[] = [];
  let found: string | undefined;
  for (let current = folder; ; current = dirname(current)) {
    if (known.has(current)) {
      found = known.get(current);
      break;
    }
    walked.push(current);
    if (existsSync(join(current, '.git'))) {
      found = current;
      break;
    }
    if (dirname(current) === current) break;
  }
  for (const path of walked) known.set(path, found);
  return found;
}
