// What one `check` or `fix` command runs: the workspace boundary (--workspace, else the git
// repository holding the paths, else the path itself), and the paths grouped by the
// configuration file that applies to them (the nearest `.cua-guard.json` walking up from each
// path to the workspace root, or --config for all). Each group is checked with its own settings.
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME } from '../../settings/config-types.ts';
import { buildRunSettings, type PreparedRun } from '../../settings/run-settings.ts';
import type { RawOptions } from '../../settings/raw-options.ts';
import { UsageError } from '../../settings/usage-error.ts';
import { createRealPath, workspaceBoundaries, type RealPath } from '../../workspace/boundary.ts';
import { workspaceRelative, type Workspace } from '../../workspace/read-file.ts';

export interface CliRunGroup extends PreparedRun {
  /** The paths as given (relative to the current folder, or absolute). */
  paths: string[];
}

export interface CliRunPlan {
  /** Absolute, symlink-resolved workspace root. */
  root: string;
  /** Most specific configuration first (a template two groups find is checked with the first). */
  groups: CliRunGroup[];
  /** No path was named: the current folder is checked. */
  pathsAreDefault: boolean;
  /** A workspace-relative path as shown in text output: relative to the current folder. */
  displayPath: (file: string) => string;
}

/** `raw`: the flags as raw settings, without workspace and configuration search (set here). */
export async function planCliRuns(raw: RawOptions, positionals: readonly string[], cwd: string): Promise<CliRunPlan> {
  const pathsAreDefault = positionals.length === 0;
  const paths = pathsAreDefault ? [cwd] : [...positionals];
  const realPath = createRealPath();
  const root = raw.workspace !== undefined ? resolve(cwd, raw.workspace) : commonBoundary(paths, cwd, realPath);
  const withRoot: RawOptions = { ...raw, workspace: root };
  const boundary: Workspace = { root: realFolder(root) };
  const groups = new Map<string, CliRunGroup>();
  // Settings are built once per folder that can hold the nearest configuration file (hundreds of
  // named files share a few), and read there through the safe reader as before.
  const nearest = new Map<string, string>();
  const built = new Map<string, Promise<PreparedRun>>();
  for (const path of raw.config?.trim() ? [] : paths) {
    const searchFrom = nearestConfigFolder(boundary.root, configSearchStart(boundary, resolve(cwd, path), realPath) ?? '', nearest);
    let preparing = built.get(searchFrom);
    if (preparing === undefined) {
      preparing = buildRunSettings({ ...withRoot, configSearchFrom: searchFrom });
      built.set(searchFrom, preparing);
    }
    const prepared = await preparing;
    const key = prepared.settings.config?.path ?? '';
    const group = groups.get(key);
    if (group) group.paths.push(path);
    else groups.set(key, { ...prepared, paths: [path] });
  }
  if (groups.size === 0) groups.set('', { ...(await buildRunSettings(withRoot)), paths });
  const ordered = [...groups.values()].sort((a, b) => depth(b) - depth(a));
  const realCwd = realFolder(cwd);
  const workspaceRoot = ordered[0]?.workspace.root ?? root;
  return {
    root: workspaceRoot,
    groups: ordered,
    pathsAreDefault,
    displayPath: (file) => relative(realCwd, resolve(workspaceRoot, file)).split(sep).join('/') || file,
  };
}

/** The one workspace all paths share; paths in different repositories are checked by separate runs. */
function commonBoundary(paths: readonly string[], cwd: string, realPath: RealPath): string {
  const roots = [...new Set(workspaceBoundaries(paths, cwd, realPath))];
  if (roots.length > 1) {
    throw new UsageError(
      `the paths lie in different workspaces (${roots.join(', ')}): check each separately, or name a folder holding them all with --workspace`,
    );
  }
  return roots[0] ?? resolve(cwd);
}

/**
 * The workspace-relative folder where the search for `.cua-guard.json` starts for a path: the
 * path itself when it is a folder, its folder when it is a file. Undefined for a path outside
 * the workspace (discovery reports it).
 */
function configSearchStart(workspace: Workspace, path: string, realPath: RealPath): string | undefined {
  let absolute: string;
  try {
    const real = realPath(path);
    absolute = real.isFolder ? real.path : dirname(real.path);
  } catch {
    return undefined;
  }
  return workspaceRelative(workspace, absolute);
}

/**
 * The nearest folder, from `folder` up to the workspace root, where a `.cua-guard.json` entry
 * exists (any kind: the safe reader decides what it is and reports it); '' for the root.
 */
function nearestConfigFolder(root: string, folder: string, cache: Map<string, string>): string {
  const known = cache.get(folder);
  if (known !== undefined) return known;
  let found = '';
  if (folder !== '' && folder !== '.') {
    found = entryExists(join(root, folder, CONFIG_FILE_NAME)) ? folder : nearestConfigFolder(root, parentFolder(folder), cache);
  }
  cache.set(folder, found);
  return found;
}

function parentFolder(folder: string): string {
  const parent = posix.dirname(folder);
  return parent === '.' ? '' : parent;
}

/** Whether there is an entry to hand to the safe reader: only a missing one is skipped (as it does). */
function entryExists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

function depth(group: CliRunGroup): number {
  const folder = group.settings.config?.folder;
  return folder === undefined ? -1 : folder === '' ? 0 : folder.split('/').length;
}

function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}
