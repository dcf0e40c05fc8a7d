// Finds the main templates to check: glob patterns over the workspace, or explicit paths
// (a file named explicitly is a main template whatever its name; a folder is searched).
// A pattern that is exactly the workspace-relative path of an existing file selects that file,
// glob characters and all; `./` anchors a pattern at the workspace root. A path the user named
// that cannot be used (missing, outside the workspace, a folder without templates) is a
// 'named-path' problem, which fails a run; a glob that matches nothing is only worth a word.
import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, posix, resolve } from 'node:path';
import picomatch from 'picomatch';
import { isRecord } from '../parse/template-source.ts';
import { isDeploymentTemplateSchema } from '../parse/schema-kind.ts';
import { workspaceRelative, type Workspace } from './read-file.ts';
import { createWorkspaceFiles, type WorkspaceFiles } from './workspace-files.ts';
import { isZipFile, MAIN_TEMPLATE, ZIP_ENTRY_SEPARATOR } from './zip-package.ts';

export const DEFAULT_TEMPLATE_PATTERNS: readonly string[] = [
  '**/mainTemplate.json',
  '**/azuredeploy.json',
  '**/prereq.azuredeploy.json',
  '**/main.bicep',
  '**/mainTemplate.bicep',
  '**/azuredeploy.bicep',
  '**/*.tf',
];
/** `.terraform` holds the modules and providers `terraform init` downloaded: not the repository's own. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);

/** What a discovered file is checked as: a template (ARM JSON or Bicep), or a file of a Terraform module folder. */
export type TemplateKind = 'arm' | 'terraform';

export function templateKind(path: string): TemplateKind {
  return path.toLowerCase().endsWith('.tf') ? 'terraform' : 'arm';
}
const GLOB_SYNTAX = /[*?[\]{}()!+@]/;

/**
 * named-path: a path or literal pattern the user named cannot be used (missing, outside the
 * workspace, not a file, a folder holding no main template); no-match: a glob matched no file;
 * skipped: something found on the way that was not read (links out, FIFOs, unlistable folders).
 */
export type DiscoveryProblemKind = 'named-path' | 'no-match' | 'skipped' | 'unreached' | 'unchecked-bicep';

export interface DiscoveryProblem {
  path: string;
  message: string;
  kind: DiscoveryProblemKind;
  /** Every file the problem is about, when it is about several (the message names the first few). */
  files?: readonly string[];
}

/** What kind of source a discovered file is (other languages add their kinds beside this one). */
export type SourceKind = 'arm-template' | 'bicep' | 'terraform';

export interface DiscoveredSource {
  /** Workspace-relative path. */
  path: string;
  kind: SourceKind;
  /**
   * How it was found. named: a file the user named (a path, a templates pattern, the configuration's
   * include): always a main template. name: a default file name (azuredeploy.json, …); content: its
   * $schema says it is a deployment template. Found by name or content, a template another one links
   * to is a linked template, not a main one.
   */
  by: 'named' | 'name' | 'content';
}

/** Files seen on the walk that are not templates, by kind: to say what was found when no template was. */
export interface FileInventory {
  /** Files by lower-case extension ('.bicep', '.tf', '.json', …; '' for none). */
  byExtension: Record<string, number>;
  /** JSON files read and found not to be deployment templates. */
  otherJson: number;
}

export interface Discovery {
  /** Workspace-relative paths, sorted, without duplicates. */
  templates: string[];
  /** The same files with their kind and how each was found, in the same order. */
  sources: DiscoveredSource[];
  problems: DiscoveryProblem[];
  /** Every .json file the walk saw (workspace-relative): where a link's path may be found by its end. */
  jsonFiles: string[];
  /**
   * The .bicep files a default search saw but did not take (default discovery takes main.bicep,
   * mainTemplate.bicep and azuredeploy.bicep): a module of a checked one, or a template nobody named.
   */
  otherBicepFiles: string[];
  inventory: FileInventory;
}

export interface DiscoveryRequest {
  /** Paths from the command line (relative to cwd or absolute); empty = the workspace root. */
  paths?: readonly string[];
  /** The paths are a default (the CLI's current folder), not named: finding nothing there is no problem. */
  pathsAreDefault?: boolean;
  /** Glob patterns relative to the workspace; `!pattern` excludes. */
  patterns?: readonly string[];
  cwd?: string;
  /** The run's file cache: content discovery reads files through it, so they are read once. */
  files?: WorkspaceFiles;
}

export function isNamedPathProblem(problem: { kind?: string }): boolean {
  return problem.kind === 'named-path';
}

export function discoverTemplates(workspace: Workspace, request: DiscoveryRequest = {}): Discovery {
  const problems: DiscoveryProblem[] = [];
  const patterns = classifyPatterns(workspace, request.patterns?.length ? request.patterns : DEFAULT_TEMPLATE_PATTERNS);
  // No include pattern of the user's (only the defaults, perhaps with excludes): templates are found
  // by content too, and a template another one links to is not a main template.
  const byDefault = patterns.literalFiles.length === 0 && patterns.globs.every((g) => !g.explicit);
  const matcher = compile(patterns);
  const found = new Map<string, DiscoveredSource['by']>();
  const matched: string[] = [];
  const walked: WalkedFiles = { json: [], zip: [], bicep: [], byExtension: {} };
  const roots = request.paths?.length ? request.paths : [workspace.root];
  const named = (request.paths?.length ?? 0) > 0 && !request.pathsAreDefault;
  let searched = false;
  // .bicep files default discovery saw but does not take by name (it takes main.bicep and the like).
  const otherBicep = new Set<string>();
  let cache = request.files;
  const files = (): WorkspaceFiles => (cache ??= createWorkspaceFiles(workspace));
  // The folder named paths are relative to, as the file system sees it (the workspace root is a
  // real path too): a cwd reached through a symlinked folder is the same folder.
  const base = request.cwd === undefined ? workspace.root : realFolder(request.cwd);
  for (const given of roots) {
    const absolute = resolve(base, given);
    const rel = workspaceRelative(workspace, absolute);
    if (rel === undefined) {
      problems.push({ path: given, kind: 'named-path', message: `'${given}' is outside the workspace (${workspace.root}) and was not read` });
      continue;
    }
    let kind: 'file' | 'folder' | 'other';
    try {
      const stat = statSync(absolute);
      kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
    } catch {
      problems.push({ path: given, kind: 'named-path', message: `'${given}' does not exist` });
      continue;
    }
    if (kind === 'file') found.set(rel, 'named');
    else if (kind === 'folder' && !insideWorkspace(workspace, absolute))
      problems.push({ path: given, kind: 'named-path', message: `'${given}' is a link to a folder outside the workspace and was not searched` });
    else if (kind === 'folder') {
      searched = true;
      const before = matched.length;
      const literals = patterns.literalFiles.filter((file) => rel === '' || file.startsWith(`${rel}/`));
      for (const file of literals) if (!matcher.exclude(file)) matched.push(file);
      if (patterns.globs.length > 0) problems.push(...walk(workspace, absolute, matcher, matched, walked));
      const added = matched.slice(before).filter((file) => !matcher.exclude(file));
      for (const file of added) if (!found.has(file)) found.set(file, byDefault ? 'name' : 'named');
      if (byDefault) {
        const inFolder = walked.json.filter((file) => (rel === '' || file.startsWith(`${rel}/`)) && !matcher.exclude(file));
        for (const file of templatesByContent(files(), inFolder, found, walked)) added.push(file);
        const zips = walked.zip.filter((file) => (rel === '' || file.startsWith(`${rel}/`)) && !matcher.exclude(file));
        for (const file of zips) if (!found.has(file)) found.set(file, 'name');
        for (const file of walked.bicep) if ((rel === '' || file.startsWith(`${rel}/`)) && !matcher.exclude(file)) otherBicep.add(file);
      }
      if (named && added.length === 0) {
        problems.push({
          path: given,
          kind: 'named-path',
          message: byDefault
            ? `'${given}' holds no ARM template (${describeInventory(inventoryOf(walked))})`
            : `'${given}' holds no main template (${describeIncludes(patterns)}); name a template file to check it whatever its name`,
        });
      }
    } else problems.push({ path: given, kind: 'named-path', message: `'${given}' is not a regular file or folder` });
  }
  if (searched) problems.push(...unmatchedGlobs(patterns, matched));
  problems.push(...openPackageArchives(files(), found));
  const templates = [...found.keys()].sort();
  return {
    templates,
    sources: templates.map((path) => ({
      path,
      kind: /\.bicep$/i.test(path) ? 'bicep' : templateKind(path) === 'terraform' ? 'terraform' : 'arm-template',
      by: found.get(path) ?? 'named',
    })),
    problems: [...patterns.problems, ...problems],
    jsonFiles: [...new Set(walked.json)].sort(),
    otherBicepFiles: [...otherBicep].filter((file) => !found.has(file)).sort(),
    inventory: inventoryOf(walked),
  };
}

function inventoryOf(walked: WalkedFiles): FileInventory {
  return { byExtension: walked.byExtension, otherJson: walked.otherJson ?? 0 };
}

interface WalkedFiles {
  /** Workspace-relative .json files, whatever their name. */
  json: string[];
  /** Workspace-relative .zip files: Marketplace packages may be archives. */
  zip: string[];
  /** Workspace-relative .bicep files. */
  bicep: string[];
  byExtension: Record<string, number>;
  otherJson?: number;
}

// The schema URL's file name, in the first bytes a template starts with: a quick test before parsing.
const TEMPLATE_SCHEMA_TEXT = /deploymentTemplate\.json/i;

/**
 * The .json files the walk saw, not yet found by name, whose top-level $schema is a deployment
 * template's: each is read and parsed once (through `files`, which keeps them for the check).
 * Adds them to `found` and returns them.
 */
function templatesByContent(files: WorkspaceFiles, candidates: readonly string[], found: Map<string, DiscoveredSource['by']>, walked: WalkedFiles): string[] {
  const added: string[] = [];
  let otherJson = 0;
  for (const file of candidates) {
    if (found.has(file)) continue;
    const read = files.read(file);
    if (!read.ok || !TEMPLATE_SCHEMA_TEXT.test(read.text)) {
      otherJson++;
      continue;
    }
    const parsed = files.parse(file);
    // A parameters file with a template's $schema has no resources: it is not a template.
    if (parsed.ok && isRecord(parsed.value) && isDeploymentTemplateSchema(parsed.value['$schema']) && parsed.value['resources'] !== undefined) {
      found.set(file, 'content');
      added.push(file);
    } else otherJson++;
  }
  walked.otherJson = (walked.otherJson ?? 0) + otherJson;
  return added;
}

/** "61 .bicep files, 3 other JSON files": what a search found instead of a template. */
export function describeInventory(inventory: FileInventory): string {
  const parts: string[] = [];
  const counts = Object.entries(inventory.byExtension)
    .filter(([extension]) => extension !== '.json' && extension !== '')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [extension, count] of counts.slice(0, 4)) parts.push(`${count} ${extension} file${count === 1 ? '' : 's'}`);
  if (inventory.otherJson > 0)
    parts.push(`${inventory.otherJson} JSON file${inventory.otherJson === 1 ? '' : 's'} that ${inventory.otherJson === 1 ? 'is' : 'are'} not an ARM template`);
  const rest = counts.slice(4).reduce((sum, [, count]) => sum + count, 0);
  if (rest > 0) parts.push(`${rest} other file${rest === 1 ? '' : 's'}`);
  return parts.length === 0 ? 'no files' : parts.join(', ');
}

interface Matcher {
  include: (path: string) => boolean;
  exclude: (path: string) => boolean;
}

interface IncludeGlob {
  /** As the user wrote it, for messages. */
  given: string;
  glob: string;
  /** Not one of the default patterns: worth a warning when it matches nothing. */
  explicit: boolean;
}

interface PatternSet {
  /** Workspace-relative paths of existing files that patterns name exactly. */
  literalFiles: string[];
  globs: IncludeGlob[];
  excludes: string[];
  /** Patterns that name a path that cannot be used. */
  problems: DiscoveryProblem[];
}

function classifyPatterns(workspace: Workspace, raw: readonly string[]): PatternSet {
  const set: PatternSet = { literalFiles: [], globs: [], excludes: [], problems: [] };
  for (const pattern of raw.map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('#'))) {
    if (pattern.startsWith('!')) {
      set.excludes.push(atAnyDepth(pattern.slice(1)));
      continue;
    }
    const explicit = !DEFAULT_TEMPLATE_PATTERNS.includes(pattern);
    const slashed = pattern.replace(/\\/g, '/');
    const anchored = slashed.startsWith('./') || slashed.startsWith('/');
    const path = anchored ? relativeToRoot(workspace, slashed) : posix.normalize(slashed);
    if (path === undefined || path === '..' || path.startsWith('../')) {
      set.problems.push({
        path: pattern,
        kind: 'named-path',
        message: `templates pattern '${pattern}' points outside the workspace (${workspace.root}); nothing outside it is read`,
      });
      continue;
    }
    // A path with a folder in it, or anchored with ./, names one file when that file exists.
    const pathLike = explicit && (anchored || path.includes('/'));
    if (pathLike && isFileInside(workspace, path)) {
      set.literalFiles.push(path);
    } else if (pathLike && !GLOB_SYNTAX.test(path)) {
      set.problems.push({ path: pattern, kind: 'named-path', message: `templates pattern '${pattern}' names ${describeMissing(workspace, path)}` });
    } else {
      set.globs.push({ given: pattern, glob: anchored ? path : atAnyDepth(path), explicit });
    }
  }
  return set;
}

/** A bare file name matches at any depth, as people expect from `azuredeploy.json`. */
function atAnyDepth(pattern: string): string {
  const body = pattern.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return body.includes('/') ? body : `**/${body}`;
}

/** `./x` and `/abs/x` as a workspace-relative path (undefined when it leaves the workspace). */
function relativeToRoot(workspace: Workspace, pattern: string): string | undefined {
  if (pattern.startsWith('/') || isAbsolute(pattern)) return workspaceRelative(workspace, resolve(pattern));
  const path = posix.normalize(pattern);
  return path === '.' ? '' : path;
}

function isFileInside(workspace: Workspace, path: string): boolean {
  return statOf(join(workspace.root, path))?.isFile() === true;
}

/** A stat without the cost of an exception for the usual "no such file" (start-up time counts). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR, EACCES: not a file we can use either
  }
}

function describeMissing(workspace: Workspace, path: string): string {
  if (statOf(join(workspace.root, path))?.isDirectory()) {
    return `a folder, not a template file: write '${path === '' ? '' : `${path}/`}**/*.json' to take every JSON file in it`;
  }
  return 'a file that does not exist';
}

function describeIncludes(patterns: PatternSet): string {
  const globs = patterns.globs.map((g) => g.given);
  const isDefault =
    globs.length === DEFAULT_TEMPLATE_PATTERNS.length && globs.every((g, i) => g === DEFAULT_TEMPLATE_PATTERNS[i]) && patterns.literalFiles.length === 0;
  return isDefault
    ? 'mainTemplate.json, azuredeploy.json, prereq.azuredeploy.json, main.bicep, mainTemplate.bicep, azuredeploy.bicep or .tf files'
    : `matching ${[...patterns.literalFiles, ...globs].join(', ')}`;
}

/** Explicit globs that matched no file (excluded ones count as matched: leaving them out was asked for). */
function unmatchedGlobs(patterns: PatternSet, matched: readonly string[]): DiscoveryProblem[] {
  const options = { nocase: true, dot: true };
  return patterns.globs
    .filter((g) => g.explicit)
    .filter((g) => {
      const test = fileNameMatcher([g.glob]) ?? matchingLineBreaks(picomatch(g.glob, options));
      return !matched.some(test);
    })
    .map((g) => ({ path: g.given, kind: 'no-match' as const, message: `templates pattern '${g.given}' matches no file` }));
}

function compile(patterns: PatternSet): Matcher {
  const options = { nocase: true, dot: true };
  const includes = patterns.globs.map((g) => g.glob);
  return {
    include: includes.length ? (fileNameMatcher(includes) ?? matchingLineBreaks(picomatch(includes, options))) : () => false,
    exclude: patterns.excludes.length ? matchingLineBreaks(picomatch(patterns.excludes, options)) : () => false,
  };
}

/**
 * Patterns that are all a globstar, a slash and a file name without wildcards (the defaults and
 * bare file names), or `**\/*.<extension>`, match by file name, case-insensitively, as picomatch
 * does with these options; compiling them cost a few milliseconds of every action's start-up.
 */
function fileNameMatcher(patterns: readonly string[]): ((path: string) => boolean) | undefined {
  const names = new Set<string>();
  const extensions: string[] = [];
  for (const pattern of patterns) {
    const name = /^\*\*\/([^*?[\]{}()!+@/\\]+)$/.exec(pattern)?.[1];
    const extension = /^\*\*\/\*(\.[^*?[\]{}()!+@/\\.]+)$/.exec(pattern)?.[1];
    if (name !== undefined) names.add(name.toLowerCase());
    else if (extension !== undefined) extensions.push(extension.toLowerCase());
    else return undefined;
  }
  return (path) => {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    // `*` matches no leading dot (picomatch with dot: true still needs one character before it).
    return names.has(name) || extensions.some((extension) => name.endsWith(extension) && name.length > extension.length);
  };
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
 * solution folders, and even a folder of 100,000 entries lists in a few megabytes. Pushes the
 * files the include patterns match (the caller applies the excludes); with `walked`, also notes
 * every .json file and counts files by extension. Returns what it could not read.
 */
function walk(workspace: Workspace, start: string, matcher: Matcher, matched: string[], walked?: WalkedFiles): DiscoveryProblem[] {
  const problems: DiscoveryProblem[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const folder = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({
        path: workspaceRelative(workspace, folder) ?? folder,
        kind: 'skipped',
        message: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      });
      continue;
    }
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(absolute);
        continue;
      }
      const rel = workspaceRelative(workspace, absolute);
      if (rel === undefined) continue;
      if (entry.isSymbolicLink() && linksToOutsideFolder(workspace, absolute)) {
        problems.push({ path: rel, kind: 'skipped', message: `'${rel}' is a link to a folder outside the workspace and was not searched` });
        continue;
      }
      const included = matcher.include(rel);
      if (walked && (entry.isFile() || entry.isSymbolicLink())) noteWalked(walked, rel);
      if (!included) continue;
      if (entry.isSymbolicLink() && !matcher.exclude(rel)) {
        const dangling = danglingTarget(absolute);
        if (dangling !== undefined) {
          problems.push({ path: rel, kind: 'skipped', message: `'${rel}' is a link to '${dangling}', which does not exist; it was not checked` });
          continue;
        }
      }
      // A matching FIFO, socket or device is named, never opened; links are resolved when read.
      if (entry.isFile() || entry.isSymbolicLink()) matched.push(rel);
      else if (!matcher.exclude(rel)) problems.push({ path: rel, kind: 'skipped', message: `'${rel}' is not a regular file and was not read` });
    }
  }
  return problems;
}

function noteWalked(walked: WalkedFiles, rel: string): void {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  walked.byExtension[extension] = (walked.byExtension[extension] ?? 0) + 1;
  if (extension === '.json') walked.json.push(rel);
  else if (extension === '.zip') walked.zip.push(rel);
  else if (extension === '.bicep') walked.bicep.push(rel);
}

/**
 * Each .zip found stands for the main template of the Marketplace package in it
 * (`offer/package.zip!/mainTemplate.json`, found the same way as the archive). An archive that
 * cannot be used (corrupt, over the limits, hostile names) stays as it is: checking it gives a
 * CUA013 finding on the .zip that says why. Found by name, an archive that is not a package is
 * dropped; a Git LFS pointer is said to be skipped.
 */
function openPackageArchives(files: WorkspaceFiles, found: Map<string, DiscoveredSource['by']>): DiscoveryProblem[] {
  const problems: DiscoveryProblem[] = [];
  for (const [file, by] of [...found]) {
    if (!isZipFile(file)) continue;
    const archive = files.archive(file);
    if (archive.ok && archive.isPackage) {
      found.delete(file);
      found.set(`${file}${ZIP_ENTRY_SEPARATOR}${MAIN_TEMPLATE}`, by);
    } else if (by !== 'named' && (archive.ok || /Git LFS pointer/.test(archive.message))) {
      found.delete(file);
      if (!archive.ok) problems.push({ path: file, kind: 'skipped', message: archive.message });
    }
  }
  return problems;
}

/** The target a link names when it points at nothing (a dangling link), else undefined. */
function danglingTarget(absolute: string): string | undefined {
  try {
    // Only "no such file": a link loop (ELOOP) or a denied folder is the reader's to explain.
    if (statSync(absolute, { throwIfNoEntry: false }) !== undefined) return undefined;
    return readlinkSync(absolute);
  } catch {
    return undefined;
  }
}

/** The real path of a folder, or the path as given when it cannot be resolved. */
function realFolder(folder: string): string {
  try {
    return realpathSync.native(resolve(folder));
  } catch {
    return resolve(folder);
  }
}

/** Workspace .json files by the end of their path: `nestedtemplates/x.json` finds `a/b/nestedtemplates/x.json`. */
export function suffixIndex(jsonFiles: readonly string[]): (relative: string) => string[] {
  let byName: Map<string, string[]> | undefined;
  return (relative) => {
    if (byName === undefined) {
      byName = new Map();
      for (const file of jsonFiles) {
        const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
        const list = byName.get(name);
        if (list) list.push(file);
        else byName.set(name, [file]);
      }
    }
    const name = relative.slice(relative.lastIndexOf('/') + 1).toLowerCase();
    return (byName.get(name) ?? []).filter((file) => file === relative || file.endsWith(`/${relative}`));
  };
}
