// Finds the main templates to check: glob patterns over the workspace, or explicit paths
// (a file named explicitly is a main template whatever its name; a folder is searched).
import { opendirSync, statSync, type Dirent } from 'node:fs';
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
    include: includes.length ? picomatch(includes, options) : () => false,
    exclude: excludes.length ? picomatch(excludes, options) : () => false,
  };
}

/** Iterative walk (no recursion limit, constant memory per folder via opendir); never follows folder links. */
function walk(workspace: Workspace, start: string, matcher: Matcher, found: Set<string>, problems: DiscoveryProblem[]): void {
  const stack = [start];
  while (stack.length > 0) {
    const folder = stack.pop() as string;
    let dir;
    try {
      dir = opendirSync(folder);
    } catch (error) {
      problems.push({ path: workspaceRelative(workspace, folder) ?? folder, message: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      continue;
    }
    try {
      let entry: Dirent | null;
      while ((entry = dir.readSync()) !== null) {
        const absolute = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(absolute);
          continue;
        }
        if (!entry.isFile() && !entry.isSymbolicLink()) continue;
        const rel = workspaceRelative(workspace, absolute);
        if (rel !== undefined && matcher.include(rel) && !matcher.exclude(rel)) found.add(rel);
      }
    } finally {
      dir.closeSync();
    }
  }
}
