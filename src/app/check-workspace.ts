// Checks every main template a request names: discovery, reading, parameter values,
// linked templates, rules. One broken file never hides the verdict on the others.
// The repository model: every template found is read and parsed once and its links followed;
// with default discovery, a template another one links to is a linked template (checked as part
// of each main template that reaches it), never a main template of its own.
import { TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import { discoverTemplates, suffixIndex, type DiscoveredSource, type DiscoveryProblem, type FileInventory } from '../workspace/discover.ts';
import { loadParameterValues } from '../workspace/parameter-files.ts';
import type { Workspace } from '../workspace/read-file.ts';
import { createCachedLinkReader } from '../workspace/linked-reader.ts';
import { createWorkspaceFiles, type WorkspaceFiles } from '../workspace/workspace-files.ts';
import type { LinkRoot } from '../model/link-roots.ts';
import type { LinkContext, LinkReader } from '../model/linked-templates.ts';
import { checkPrepared, checkUnreadableTemplate, prepareTemplate, type CheckPlan } from '../engine/check-template.ts';
import type { Rule } from '../engine/rule.ts';
import { RULES } from '../rules/index.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { CheckReport, Severity, TemplateResult } from '../engine/types.ts';
import { BicepTrees, checkBicepTemplate, isBicepFile, type SyntaxParser } from '../engine/check-bicep.ts';
import { createSyntaxParser } from '../parse/tree-sitter/load.ts';
import { noteCompiledTwins } from './compiled-twins.ts';

export interface WorkspaceCheckRequest {
  workspace: Workspace;
  /** The rules to run, in order (default: every rule of this version). */
  rules?: readonly Rule[];
  settings: CheckSettings;
  /** Per-template settings (configuration `overrides`); `settings` when absent. */
  settingsFor?: (file: string) => CheckSettings;
  /** Explicit files or folders (CLI); empty = search the workspace. */
  paths?: readonly string[];
  /** The paths are a default (the CLI's current folder), not named by the user. */
  pathsAreDefault?: boolean;
  /** Glob patterns (action input `templates`). */
  patterns?: readonly string[];
  /** Parameters file path or glob, relative to each template (input `parameters`). */
  parametersFile?: string;
  cwd?: string;
  /** URL prefixes that stand for folders of the checkout (this repository's GitHub URLs, configured links). */
  linkRoots?: readonly LinkRoot[];
  /** The run's file cache (the caller reuses it for SARIF and secrets); a new one when absent. */
  files?: WorkspaceFiles;
  /** The Bicep parser, when discovery may find .bicep files (checkWorkspaceLoadingGrammars loads it). */
  bicepParser?: SyntaxParser;
}

export interface WorkspaceCheckReport extends CheckReport {
  problems: DiscoveryProblem[];
  /**
   * Templates found that another checked template links to: checked as part of it, not on their
   * own (each main template's `linkedFiles` says which). Sorted.
   */
  linkedTemplates: string[];
  /** What the search saw besides templates (to say what was found when no template was). */
  inventory: FileInventory;
}

export function checkWorkspace(request: WorkspaceCheckRequest): WorkspaceCheckReport {
  const files = request.files ?? createWorkspaceFiles(request.workspace);
  return checkDiscovered({ ...request, files }, discover(request, files));
}

/** checkWorkspace, with the Bicep grammar loaded first when discovery found a .bicep file (only then). */
export async function checkWorkspaceLoadingGrammars(request: WorkspaceCheckRequest): Promise<WorkspaceCheckReport> {
  const files = request.files ?? createWorkspaceFiles(request.workspace);
  const discovery = discover(request, files);
  const needsBicep = request.bicepParser === undefined && discovery.templates.some(isBicepFile);
  return checkDiscovered({ ...request, files, ...(needsBicep ? { bicepParser: await createSyntaxParser('bicep') } : {}) }, discovery);
}

function discover(request: WorkspaceCheckRequest, files: WorkspaceFiles): ReturnType<typeof discoverTemplates> {
  return discoverTemplates(request.workspace, {
    ...(request.paths ? { paths: request.paths } : {}),
    ...(request.pathsAreDefault ? { pathsAreDefault: true } : {}),
    ...(request.patterns ? { patterns: request.patterns } : {}),
    ...(request.cwd ? { cwd: request.cwd } : {}),
    files,
  });
}

function checkDiscovered(request: WorkspaceCheckRequest & { files: WorkspaceFiles }, discovery: ReturnType<typeof discoverTemplates>): WorkspaceCheckReport {
  const trees = request.bicepParser ? new BicepTrees(request.bicepParser) : undefined;
  try {
    return checkGraph(request, discovery, trees);
  } finally {
    trees?.dispose();
  }
}

function checkGraph(
  request: WorkspaceCheckRequest & { files: WorkspaceFiles },
  discovery: ReturnType<typeof discoverTemplates>,
  trees: BicepTrees | undefined,
): WorkspaceCheckReport {
  const { files } = request;
  const readLinked = createCachedLinkReader(files);
  const links: LinkContext = { roots: request.linkRoots ?? [], findBySuffix: suffixIndex(discovery.jsonFiles) };
  const packages = marketplacePackages(discovery.sources, discovery.jsonFiles, files);
  const check = (source: DiscoveredSource): CheckedFile =>
    checkOne(request, { source, files, readLinked, links, marketplacePackage: packages.has(source.path), trees });
  // Only a template with a templateLink can link another: those are checked first, and their links
  // are the edges of the graph. Every template they reach is then known (and read once, by the link
  // reader), so the others are checked only when they are main templates, and let go once checked.
  const linkers = discovery.sources.filter((source) => mayLink(files, source.path));
  const checked = new Map(linkers.map((source) => [source.path, check(source)]));
  const mains = mainTemplates(discovery.sources, [...checked.values()]);
  const results: TemplateResult[] = [];
  for (const source of discovery.sources) {
    if (!mains.has(source.path)) continue;
    let result = checked.get(source.path)?.result;
    if (result === undefined) {
      result = check(source).result;
      files.release(source.path);
    }
    results.push(result);
  }
  const linkedTemplates = discovery.templates.filter((file) => !mains.has(file));
  const withTwins = noteCompiledTwins(request.workspace, results);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: withTwins,
    counts: countFindings(withTwins),
    problems: discovery.problems,
    linkedTemplates,
    inventory: discovery.inventory,
  };
}

const TEMPLATE_LINK_TEXT = /templatelink/i;

/** Whether a file's text mentions a templateLink (unreadable files cannot link anything). */
function mayLink(files: WorkspaceFiles, file: string): boolean {
  const text = files.text(file);
  return text !== undefined && TEMPLATE_LINK_TEXT.test(text);
}

interface CheckedFile {
  file: string;
  result: TemplateResult;
  /** Every file its links were looked for at (transitively): the edges of the link graph. */
  linkTargets: readonly string[];
}

interface PrepareContext {
  source: DiscoveredSource;
  files: WorkspaceFiles;
  readLinked: LinkReader;
  links: LinkContext;
  marketplacePackage: boolean;
  /** The run's Bicep syntax trees, when the grammar is loaded. */
  trees: BicepTrees | undefined;
}

/** Reads, parses (each once per run: through the file cache), models and checks one template. */
function checkOne(request: WorkspaceCheckRequest, context: PrepareContext): CheckedFile {
  const file = context.source.path;
  const plan: CheckPlan = { rules: request.rules ?? RULES, settings: request.settingsFor?.(file) ?? request.settings };
  try {
    const read = context.files.read(file);
    if (!read.ok) {
      // A binary or mis-encoded file: point at the line and column of the bad byte.
      const before = read.textBefore ?? '';
      return {
        file,
        linkTargets: [],
        result: checkUnreadableTemplate(file, before, { kind: 'unreadable', message: read.message, offset: before.length }, plan),
      };
    }
    if (isBicepFile(file)) return { file, linkTargets: [], result: checkBicepFile(request, context, { file, text: read.text }, plan) };
    const parsed = context.files.parse(file);
    if (!('text' in parsed)) throw new Error(`'${file}' could be read but not parsed`);
    const parameters = loadParameterValues(context.files, file, request.parametersFile);
    const prepared = prepareTemplate(
      {
        file,
        text: read.text,
        parsed,
        parameterValues: parameters.values,
        readLinked: context.readLinked,
        links: context.links,
        ...(context.marketplacePackage ? { marketplacePackage: true } : {}),
        ...(parameters.problem ? { parametersProblem: { file: parameters.file ?? file, problem: parameters.problem } } : {}),
      },
      plan.settings,
    );
    const linkTargets = prepared.kind === 'model' ? prepared.model.linkTargets : [];
    const result = checkPrepared(prepared, plan);
    return { file, linkTargets, result: parameters.file ? { ...result, parametersFile: parameters.file } : result };
  } catch (error) {
    // A bug must not hide the verdict on the other templates: this one gets a located finding.
    return { file, linkTargets: [], result: internalErrorResult(file, error) };
  }
}

function checkBicepFile(
  request: WorkspaceCheckRequest,
  context: PrepareContext,
  { file, text }: { file: string; text: string },
  plan: CheckPlan,
): TemplateResult {
  if (context.trees === undefined) {
    const message = 'the Bicep grammar was not loaded for this run (checkWorkspaceLoadingGrammars loads it)';
    return checkUnreadableTemplate(file, text, { kind: 'unreadable', message, offset: 0 }, plan);
  }
  return checkBicepTemplate(
    {
      workspace: request.workspace,
      file,
      text,
      trees: context.trees,
      readLinked: context.readLinked,
      ...(request.parametersFile ? { parametersFile: request.parametersFile } : {}),
    },
    plan,
  );
}

/** Main templates of Marketplace Azure application packages: a mainTemplate.json with createUiDefinition.json beside it. */
function marketplacePackages(sources: readonly DiscoveredSource[], jsonFiles: readonly string[], files: WorkspaceFiles): Set<string> {
  const uiDefinitions = new Set(
    jsonFiles.filter((f) => /(^|\/)createuidefinition\.json$/i.test(f)).map((f) => f.slice(0, f.lastIndexOf('/') + 1).toLowerCase()),
  );
  return new Set(
    sources
      .map((s) => s.path)
      .filter((path) => /(^|\/)maintemplate\.json$/i.test(path))
      .filter((path) => {
        const folder = path.slice(0, path.lastIndexOf('/') + 1);
        // A file named on the command line was not walked to: look beside it.
        return uiDefinitions.has(folder.toLowerCase()) || files.read(`${folder}createUiDefinition.json`).ok;
      }),
  );
}

/**
 * The main templates: every file the user named, and every template found that no other found
 * template links to (the roots of the link graph). Templates that only link each other in a circle
 * have no root: the first of each such circle (in path order) is a main template.
 */
export function mainTemplates(sources: readonly DiscoveredSource[], prepared: readonly { file: string; linkTargets: readonly string[] }[]): Set<string> {
  const found = new Set(sources.map((s) => s.path));
  const targetsOf = new Map(prepared.map((p) => [p.file, p.linkTargets.filter((t) => t !== p.file && found.has(t))]));
  const linked = new Set<string>();
  for (const targets of targetsOf.values()) for (const target of targets) linked.add(target);
  const mains = new Set(sources.filter((s) => s.by === 'named' || !linked.has(s.path)).map((s) => s.path));
  // What the main templates reach, through linked templates' own links too (a linked template
  // checked on its own may follow links its parent's walk did not, e.g. other allowed values).
  const reached = new Set<string>();
  const reach = (from: string): void => {
    const pending = [...(targetsOf.get(from) ?? [])];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (reached.has(next)) continue;
      reached.add(next);
      pending.push(...(targetsOf.get(next) ?? []));
    }
  };
  for (const main of mains) reach(main);
  for (const source of sources) {
    if (mains.has(source.path) || reached.has(source.path)) continue;
    mains.add(source.path);
    reach(source.path);
  }
  return mains;
}

/** A template whose check failed outside any rule: an error finding that says so. */
export function internalErrorResult(file: string, error: unknown): TemplateResult {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `cua-guard could not check this file (internal error: ${detail}); please report it`;
  return {
    path: file,
    verdict: 'fail',
    findings: [
      {
        ruleId: 'internal-error',
        severity: 'error',
        messageId: 'internal-error',
        data: { error: detail },
        message,
        file,
        line: 1,
        column: 1,
        internalError: true,
      },
    ],
    tracking: [],
    linkedFiles: [],
  };
}

export function countFindings(files: readonly TemplateResult[]): CheckReport['counts'] {
  const counts: Record<Severity, number> & { suppressed: number } = { error: 0, warning: 0, notice: 0, suppressed: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.suppressed) counts.suppressed++;
      else counts[finding.severity]++;
    }
  }
  return counts;
}
