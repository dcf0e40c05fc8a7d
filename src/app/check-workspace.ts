// Checks every main template a request names: discovery, reading, parameter values,
// linked templates, rules. One broken file never hides the verdict on the others.
// The repository model: every template found is read and parsed once and its links followed;
// with default discovery, a template another one links to is a linked template (checked as part
// of each main template that reaches it), never a main template of its own.
import { TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import {
  discoverTemplates,
  suffixIndex,
  templateKind,
  type DiscoveredSource,
  type Discovery,
  type DiscoveryProblem,
  type FileInventory,
} from '../workspace/discover.ts';
import { loadParameterValues } from '../workspace/parameter-files.ts';
import type { Workspace } from '../workspace/read-file.ts';
import { createCachedLinkReader } from '../workspace/linked-reader.ts';
import { createWorkspaceFiles, type WorkspaceFiles } from '../workspace/workspace-files.ts';
import type { LinkRoot } from '../model/link-roots.ts';
import type { LinkContext, LinkReader } from '../model/linked-templates.ts';
import { checkPrepared, checkUnreadableTemplate, prepareTemplate, type CheckPlan } from '../engine/check-template.ts';
import type { AnyRule } from '../engine/rule.ts';
import { RULES } from '../rules/index.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { CheckReport, Severity, TemplateResult } from '../engine/types.ts';
import { BicepTrees, checkBicepTemplate, isBicepFile, type SyntaxParser } from '../engine/check-bicep.ts';
import { createSyntaxParser } from '../parse/tree-sitter/load.ts';
import { noteCompiledTwins } from './compiled-twins.ts';
import { loadTerraformTools, terraformNotLoaded, type TerraformTools } from './terraform-tools.ts';
import { internalErrorResult } from './internal-error.ts';
import type { SecretsSearch } from '../secrets/report-secrets.ts';

export interface WorkspaceCheckRequest {
  workspace: Workspace;
  /** The rules to run, in order (default: every rule of this version). */
  rules?: readonly AnyRule[];
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
  /**
   * The run's secrets search: each main template is added once checked, while the run still holds
   * its parsed value, which is then let go (a repository's trees kept to the end cost more garbage
   * collection than parsing them took).
   */
  secrets?: SecretsSearch;
  /** The Bicep parser, when discovery may find .bicep files (checkWorkspaceLoadingGrammars loads it). */
  bicepParser?: SyntaxParser;
  /** The Terraform grammar and check, when discovery may find .tf files (checkWorkspaceLoadingGrammars loads them). */
  terraform?: TerraformTools;
}

export interface WorkspaceCheckReport extends CheckReport {
  problems: DiscoveryProblem[];
  /**
   * Templates found that another checked template links to: checked as part of it, not on their
   * own (each main template's `linkedFiles` says which). Sorted.
   */
  linkedTemplates: string[];
  /** Templates found by content that no main template reaches: listed, not checked (see templateRoles). */
  unreachedTemplates: string[];
  /** What the search saw besides templates (to say what was found when no template was). */
  inventory: FileInventory;
}

export function checkWorkspace(request: WorkspaceCheckRequest): WorkspaceCheckReport {
  const files = request.files ?? createWorkspaceFiles(request.workspace);
  return checkDiscovered({ ...request, files }, discoverWorkspace(request, files));
}

/**
 * checkWorkspace, with the Bicep grammar loaded first when discovery found a .bicep file, and the
 * Terraform grammar and check when it found a .tf file (only then).
 */
export async function checkWorkspaceLoadingGrammars(request: WorkspaceCheckRequest, found?: Discovery): Promise<WorkspaceCheckReport> {
  const files = request.files ?? createWorkspaceFiles(request.workspace);
  const discovery = found ?? discoverWorkspace(request, files);
  const needsBicep = request.bicepParser === undefined && discovery.templates.some(isBicepFile);
  const needsTerraform = request.terraform === undefined && discovery.sources.some((source) => source.kind === 'terraform');
  const [bicepParser, terraform] = await Promise.all([
    needsBicep ? createSyntaxParser('bicep') : undefined,
    needsTerraform ? loadTerraformTools(request.workspace) : undefined,
  ]);
  return checkDiscovered({ ...request, files, ...(bicepParser ? { bicepParser } : {}), ...(terraform ? { terraform } : {}) }, discovery);
}

/** What a request checks (found through `files`, the run's cache): the command line asks first, to know what was named. */
export function discoverWorkspace(request: WorkspaceCheckRequest, files: WorkspaceFiles): Discovery {
  return discoverTemplates(request.workspace, {
    ...(request.paths ? { paths: request.paths } : {}),
    ...(request.pathsAreDefault ? { pathsAreDefault: true } : {}),
    ...(request.patterns ? { patterns: request.patterns } : {}),
    ...(request.cwd ? { cwd: request.cwd } : {}),
    files,
  });
}

function checkDiscovered(request: WorkspaceCheckRequest & { files: WorkspaceFiles }, discovery: ReturnType<typeof discoverTemplates>): WorkspaceCheckReport {
  // A Terraform module is a folder, checked on its own (see check-terraform.ts); templates go through the graph.
  const terraformFiles = discovery.sources.filter((source) => source.kind === 'terraform').map((source) => source.path);
  const templates =
    terraformFiles.length === 0
      ? discovery
      : {
          ...discovery,
          sources: discovery.sources.filter((s) => s.kind !== 'terraform'),
          templates: discovery.templates.filter((f) => templateKind(f) !== 'terraform'),
        };
  const trees = request.bicepParser ? new BicepTrees(request.bicepParser) : undefined;
  let report: WorkspaceCheckReport;
  try {
    report = checkGraph(request, templates, trees);
  } finally {
    trees?.dispose();
  }
  if (terraformFiles.length === 0) return report;
  const settingsFor = (file: string): CheckSettings => request.settingsFor?.(file) ?? request.settings;
  const terraformRequest = { workspace: request.workspace, rules: request.rules ?? RULES, settingsFor };
  const terraform = request.terraform ? request.terraform.checkFiles(terraformRequest, terraformFiles) : terraformNotLoaded(terraformFiles);
  const all = [...report.files, ...terraform].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...report, files: all, counts: countFindings(all) };
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
  // Every template named (command-line files, a `templates` glob): each is a main template whatever
  // links to it, so none is checked before another, and each is read, checked and let go in turn.
  // Otherwise only a template with a templateLink can link another: those are checked first, and
  // their links are the edges of the graph. Every template they reach is then known (and read
  // once, by the link reader), so the others are checked only when they are main templates.
  const everyNamed = discovery.sources.every((source) => source.by === 'named');
  const linkers = everyNamed ? [] : discovery.sources.filter((source) => mayLink(files, source.path));
  const checked = new Map(linkers.map((source) => [source.path, check(source)]));
  const packageFolders = [...packages].map((path) => path.slice(0, path.lastIndexOf('/') + 1).toLowerCase());
  const byPath = new Map(discovery.sources.map((source) => [source.path, source]));
  // A template at a linked template's place that holds a top-level tracking deployment is deployed
  // on its own (an alternative entry point of a package, a module published with its own id).
  const holdsOwnTracking = (path: string): boolean => {
    const source = byPath.get(path);
    if (source === undefined) return false;
    let done = checked.get(path);
    if (done === undefined) {
      done = check(source);
      checked.set(path, done);
    }
    return done.result.tracking.some((t) => t.placement === 'top-level');
  };
  const roles = templateRoles(discovery.sources, [...checked.values()], (path) => isLinkedTemplatePlace(path, packageFolders) && !holdsOwnTracking(path));
  const mains = roles.main;
  const linkedByOthers = new Set([...checked.values()].flatMap((done) => done.linkTargets));
  const readAgain = readAfterTheCheck(discovery.sources, packages);
  const results: TemplateResult[] = [];
  for (const source of discovery.sources) {
    if (!mains.has(source.path)) continue;
    const done = checked.get(source.path) ?? check(source);
    for (const target of done.linkTargets) linkedByOthers.add(target);
    request.secrets?.add(done.result, trees);
    // A named template that a later one links to is read again then (rare: 4 of 968 files in the
    // corpus). Without the run's secrets search, the caller searches once the check is done: the
    // text stays for it.
    if (!linkedByOthers.has(source.path) && !readAgain(source.path)) {
      const keep = { keepText: request.secrets === undefined };
      files.release(source.path, keep);
      // Its own parameters file (<stem>.parameters.json) too; one the configuration names may be shared.
      if (done.result.parametersFile !== undefined && request.parametersFile === undefined) files.release(done.result.parametersFile, keep);
    }
    results.push(done.result);
  }
  const unreached = new Set(roles.unreached);
  const linkedTemplates = discovery.templates.filter((file) => !mains.has(file) && !unreached.has(file));
  const withTwins = noteCompiledTwins(files, results);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: withTwins,
    counts: countFindings(withTwins),
    problems: [...discovery.problems, ...unreachedProblems(roles.unreached, uncheckedBicep(discovery.otherBicepFiles, results))],
    linkedTemplates,
    unreachedTemplates: roles.unreached,
    inventory: discovery.inventory,
  };
}

/**
 * Templates noteCompiledTwins reads once every template is checked: Marketplace package templates
 * (a folder's and a .zip's are compared) and JSON compiled from a .bicep file that is checked too.
 */
function readAfterTheCheck(sources: readonly DiscoveredSource[], packages: ReadonlySet<string>): (path: string) => boolean {
  const bicep = new Set(sources.filter((source) => source.kind === 'bicep').map((source) => source.path.toLowerCase()));
  return (path) => packages.has(path) || bicep.has(path.replace(/\.json$/i, '.bicep').toLowerCase());
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
    return { file, linkTargets: [], result: uncheckedResult(file, error) };
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

/** The templates found, by role: main templates, and templates found that are neither main nor linked. */
export interface TemplateRoles {
  main: Set<string>;
  /**
   * Templates found by their content only, that no main template reaches, and that sit where their
   * author keeps linked templates (see isLinkedTemplatePlace). Listed, not checked: a helper whose
   * link could not be resolved (a URL on another host, a value set at publishing) is not a
   * solution template, and CUA001 on each would cry wolf.
   */
  unreached: string[];
}

/** Folder names authors give to linked and nested templates (any ancestor folder, any case). */
const LINKED_TEMPLATE_FOLDERS = new Set(['nested', 'nestedtemplates', 'nested-templates', 'linked', 'linkedtemplates', 'linked-templates', 'modules']);

/**
 * Where a template found by its content only is a linked template by its author's say-so: inside a
 * folder named for linked templates, or inside a Marketplace package other than as its
 * mainTemplate.json (a package has exactly one main template). One that holds a top-level tracking
 * deployment is a main template wherever it sits (checkGraph).
 */
export function isLinkedTemplatePlace(path: string, packageFolders: readonly string[]): boolean {
  const folders = path.split('/').slice(0, -1);
  if (folders.some((folder) => LINKED_TEMPLATE_FOLDERS.has(folder.toLowerCase()))) return true;
  const lower = path.toLowerCase();
  return packageFolders.some((folder) => lower.startsWith(folder) && lower !== `${folder}maintemplate.json`);
}

/**
 * The main templates: every file the user named, and every template found that no other found
 * template links to (the roots of the link graph), except a template found by its content only at
 * a linked template's place (isLinkedTemplatePlace), which is listed as not checked. Templates
 * that only link each other in a circle have no root: the first of each such circle (in path
 * order) is a main template.
 */
export function templateRoles(
  sources: readonly Pick<DiscoveredSource, 'path' | 'by'>[],
  prepared: readonly { file: string; linkTargets: readonly string[] }[],
  isLinkedPlace: (path: string) => boolean = () => false,
): TemplateRoles {
  const found = new Set(sources.map((s) => s.path));
  const targetsOf = new Map(prepared.map((p) => [p.file, p.linkTargets.filter((t) => t !== p.file && found.has(t))]));
  const reachedFrom = (starts: Iterable<string>): Set<string> => {
    const reached = new Set<string>();
    const pending = [...starts].flatMap((start) => targetsOf.get(start) ?? []);
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (reached.has(next)) continue;
      reached.add(next);
      pending.push(...(targetsOf.get(next) ?? []));
    }
    return reached;
  };
  const candidates = sources.filter((s) => s.by !== 'content' || !isLinkedPlace(s.path));
  const linked = reachedFrom(sources.map((s) => s.path));
  const main = new Set(candidates.filter((s) => s.by === 'named' || !linked.has(s.path)).map((s) => s.path));
  let reached = reachedFrom(main);
  for (const source of candidates) {
    if (main.has(source.path) || reached.has(source.path)) continue;
    main.add(source.path);
    reached = reachedFrom(main);
  }
  const unreached = sources.filter((s) => !main.has(s.path) && !reached.has(s.path)).map((s) => s.path);
  return { main, unreached };
}

const UNREACHED_LISTED = 5;

/** The problems that say which templates found were not checked, and why. */
function unreachedProblems(unreached: readonly string[], bicep: readonly string[]): DiscoveryProblem[] {
  return [...(unreached.length > 0 ? [unreachedProblem(unreached)] : []), ...(bicep.length > 0 ? [uncheckedBicepProblem(bicep)] : [])];
}

/** .bicep files a default search saw that are neither a main template nor a module a checked one reaches. */
function uncheckedBicep(otherBicepFiles: readonly string[], results: readonly TemplateResult[]): string[] {
  // With nothing checked at all, what was found instead is the if-no-templates message's to say.
  if (otherBicepFiles.length === 0 || results.length === 0) return [];
  const reached = new Set(results.flatMap((result) => result.linkedFiles));
  return otherBicepFiles.filter((file) => !reached.has(file));
}

/** The first few paths, quoted, and how many more there are. */
function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, UNREACHED_LISTED).map((path) => `'${path}'`);
  return `${shown.join(', ')}${paths.length > UNREACHED_LISTED ? ` and ${paths.length - UNREACHED_LISTED} more` : ''}`;
}

export function uncheckedBicepProblem(files: readonly string[]): DiscoveryProblem {
  const one = files.length === 1;
  return {
    path: files[0] ?? '',
    kind: 'unchecked-bicep',
    files,
    message:
      `${one ? '1 .bicep file is' : `${files.length} .bicep files are`} neither named main.bicep, mainTemplate.bicep or azuredeploy.bicep nor a module of a checked template, ` +
      `and ${one ? 'was' : 'were'} not checked: ${listed(files)}; name ${one ? 'it' : 'them'} (templates input or command-line paths) to check ${one ? 'it' : 'them'}`,
  };
}

/** One line for every template that was found but is neither a main template nor linked from one. */
export function unreachedProblem(unreached: readonly string[]): DiscoveryProblem {
  const one = unreached.length === 1;
  const what = one ? '1 ARM template is' : `${unreached.length} ARM templates are`;
  const how = one
    ? 'name it (templates input or a command-line path) to check it as a main template'
    : 'name them (templates input or command-line paths) to check them as main templates';
  return {
    path: unreached[0] ?? '',
    kind: 'unreached',
    message: `${what} in a linked templates' place (a nested/linked/modules folder or a Marketplace package) but linked from no main template, and ${one ? 'was' : 'were'} not checked: ${listed(unreached)}; ${how}`,
  };
}

/** A template whose check failed outside any rule: an error finding that says so. */
function uncheckedResult(file: string, error: unknown): TemplateResult {
  const detail = error instanceof Error ? error.message : String(error);
  return internalErrorResult(file, detail, `cua-guard could not check this file (internal error: ${detail}); please report it`);
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
