// The workspace boundary of a path named on the command line when --workspace is not given, as
// ESLint finds its project: the root of the git repository that holds the path; outside any git
// repository, the current folder when the path lies in it, else the path itself (a file: its
// folder). Nothing outside the boundary is read; finding it only looks for `.git` entries in the
// folders above the path.
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** What realpath(3) gives for a path, and whether that is a folder. */
export interface RealEntry {
  path: string;
  isFolder: boolean;
}

/** realpath(3) of an absolute path, and its kind; throws as realpath does. */
export type RealPath = (absolute: string) => RealEntry;

/**
 * realpath(3) for the paths of one command line: hundreds of named files share folders, and
 * realpath reads every folder on the way each time, so each path's real path is found once (from
 * its folder's) and an entry that is not a link sits in its folder's real path. The lstat that
 * tells a link also tells a folder: no second stat.
 */
export function createRealPath(): RealPath {
  const known = new Map<string, RealEntry>();
  const realPath = (absolute: string): RealEntry => {
    let entry = known.get(absolute);
    if (entry === undefined) {
      entry = findRealEntry(absolute, realPath);
      known.set(absolute, entry);
    }
    return entry;
  };
  return realPath;
}

function findRealEntry(absolute: string, realPath: RealPath): RealEntry {
  const folder = dirname(absolute);
  if (folder === absolute) return { path: absolute, isFolder: true }; // the file system's root
  const inRealFolder = join(realPath(folder).path, basename(absolute));
  const entry = lstatSync(inRealFolder);
  if (!entry.isSymbolicLink()) return { path: inRealFolder, isFolder: entry.isDirectory() };
  const target = realpathSync.native(inRealFolder);
  return { path: target, isFolder: statSync(target).isDirectory() };
}

/** The absolute, symlink-resolved boundary of each path (relative to `cwd`). */
export function workspaceBoundaries(paths: readonly string[], cwd: string, realPath: RealPath = createRealPath()): string[] {
  const existingFolderOf = (absolute: string): string => existingFolder(absolute, realPath);
  // Each folder's git root is looked for once.
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
function existingFolder(absolute: string, realPath: RealPath): string {
  let candidate = absolute;
  for (;;) {
    try {
      const real = realPath(candidate);
      return real.isFolder ? real.path : dirname(real.path);
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
