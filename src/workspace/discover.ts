// Finds the main templates to check: glob patterns over the workspace, or explicit paths
// (a file named explicitly is a main template whatever its name; a folder is searched).
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { workspaceRelative, type Workspace } from './read-file.ts';

export const DEFAULT_TEMPLATE_PATTERNS: readonly string[] = ['**/mainTemplate.json', '**/azuredeploy.json', '**/prereq.azuredeploy.json'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface DiscoveryProblem {
  path: string;
  message: string;
}

export interface Discovery {
  /** Workspace-relative paths, sorted, without duplicates. */
  templates: string[];
  problems: DiscoveryProblem[];
}

export interface DiscoveryRequest {
  /** Paths from the command line (relative to cwd or absolute); empty = the workspace root. */
  paths?: readonly string[];
  /** Glob patterns relative to the workspace; `!pattern` excludes. */
  patterns?: readonly string[];
  cwd?: string;
}

export function discoverTemplates(workspace: Workspace, request: DiscoveryRequest = {}): Discovery {
  const patterns = normalizePatterns(request.patterns?.length ? request.patterns : DEFAULT_TEMPLATE_PATTERNS);
  const matcher = compile(patterns);
  const found = new Set<string>();
  const problems: DiscoveryProblem[] = [];
  const roots = request.paths?.length ? request.paths : [workspace.root];
  for (const given of roots) {
    const absolute = resolve(request.cwd ?? workspace.root, given);
    const rel = workspaceRelative(workspace, absolute);
    if (rel === undefined) {
      problems.push({ path: given, message: `'${given}' is outside the workspace (${workspace.root}) and was not read` });
      continue;
    }
    let kind: 'file' | 'folder' | 'other';
    try {
      const stat = statSync(absolute);
      kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
    } catch {
      problems.push({ path: given, message: `'${given}' does not exist` });
      continue;
    }
    if (kind === 'file') found.add(rel);
    else if (kind === 'folder' && !insideWorkspace(workspace, absolute)) problems.push({ path: given, message: `'${given}' is a link to a folder outside the workspace and was not searched` });
    else if (kind === 'folder') walk(workspace, absolute, matcher, found, problems);
    else problems.push({ path: given, message: `'${given}' is not a regular file or folder` });
  }
  return { templates: [...found].sort(), problems };
}

interface Matcher {
  include: (path: string) => boolean;
  exclude: (path: string) => boolean;
}

function normalizePatterns(patterns: readonly string[]): string[] {
  return patterns
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#'))
    .map((p) => {
      const negated = p.startsWith('!');
      let body = (negated ? p.slice(1) : p).replace(/\\/g, '/').replace(/^\.\//, '');
      // A bare file name matches at any depth, as people expect from `azuredeploy.json`.
      if (!body.includes('/')) body = `**/${body}`;
      return negated ? `!${body}` : body;
    });
}

function compile(patterns: string[]): Matcher {
  const options = { nocase: true, dot: true };
  const includes = patterns.filter((p) => !p.startsWith('!'));
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return {
    include: includes.length ? (fileNameMatcher(includes) ?? matchingLineBreaks(picomatch(includes, options))) : () => false,
    exclude: excludes.length ? matchingLineBreaks(picomatch(excludes, options)) : () => false,
  };
}

/**
 * Patterns that are all a globstar, a slash and a file name without wildcards (the defaults and
 * bare file names) match by file name, case-insensitively, as picomatch does with these options;
 * compiling them cost a few milliseconds of every action's start-up.
 */
function fileNameMatcher(patterns: readonly string[]): ((path: string) => boolean) | undefined {
  const names = new Set<string>();
  for (const pattern of patterns) {
    const name = /^\*\*\/([^*?[\]{}()!+@/\\]+)$/.exec(pattern)?.[1];
    if (name === undefined) return undefined;
    names.add(name.toLowerCase());
  }
  return (path) => names.has(path.slice(path.lastIndexOf('/') + 1).toLowerCase());
}

/**
 * picomatch's regular expressions use `.`, which never matches a line break: a folder named with
 * one would be skipped silently. Match with line breaks stood in for by U+FFFD instead.
 */
function matchingLineBreaks(match: (path: string) => boolean): (path: string) => boolean {
  return (path) => match(/[\r\n\u2028\u2029]/.test(path) ? path.replace(/[\r\n\u2028\u2029]/g, '\uFFFD') : path);
}

/** True when the path, links resolved, is inside the workspace. */
function insideWorkspace(workspace: Workspace, absolute: string): boolean {
  try {
    return workspaceRelative(workspace, realpathSync.native(absolute)) !== undefined;
  } catch {
    return false;
  }
}

function isRealPath(path: string): boolean {
  try {
    return realpathSync.native(path) === path;
  } catch {
    return false;
  }
}

/** A link (never followed by the walk) whose target is a folder outside the workspace: worth a word. */
function linksToOutsideFolder(workspace: Workspace, absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory() && !insideWorkspace(workspace, absolute);
  } catch {
    return false; // a dangling link: nothing to search
  }
}

/**
 * Iterative walk (no recursion limit); never follows folder links. One readdirSync per folder:
 * reading entries one by one through opendir took 2.7 times as long on a repository of 2,500
 * solution folders, and even a folder of 100,000 entries lists in a few megabytes.
 */
function walk(workspace: Workspace, start: string, matcher: Matcher, found: Set<string>, problems: DiscoveryProblem[]): void {
  // Below a start that is its own real path, every folder the walk enters is real too (folder
  // links are never entered): tell the reader, so reading the templates found needs no realpath.
  const realFolders = isRealPath(start) ? workspace.realFolders : undefined;
  const listings = workspace.listings;
  const stack = [start];
  while (stack.length > 0) {
    const folder = stack.pop() as string;
    realFolders?.set(folder, folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: workspaceRelative(workspace, folder) ?? folder, message: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      continue;
    }
    listings?.set(folder, new Set(entries.map((entry) => entry.name)));
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(absolute);
        continue;
      }
      const rel = workspaceRelative(workspace, absolute);
      if (rel === undefined) continue;
      if (entry.isSymbolicLink() && linksToOutsideFolder(workspace, absolute)) {
        problems.push({ path: rel, message: `'${rel}' is a link to a folder outside the workspace and was not searched` });
        continue;
      }
      if (!matcher.include(rel) || matcher.exclude(rel)) continue;
      // A matching FIFO, socket or device is named, never opened; links are resolved when read.
      if (entry.isFile() || entry.isSymbolicLink()) found.add(rel);
      else problems.push({ path: rel, message: `'${rel}' is not a regular file and was not read` });
    }
  }
}
