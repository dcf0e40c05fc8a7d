// `cua-guard fix` and the action's `fix: suggest` over a workspace: finds the main templates as
// `check` does, plans each fix, and writes the files (or not, for a dry run or a suggestion).
// Byte-order marks are kept; UTF-16 files are left alone; nothing outside the workspace is read
// or written. Each file is replaced atomically, and only if it is still the file that was read
// (src/workspace/write-file.ts): a crash leaves the old or the new file, never a part of one.
import type { CheckSettings } from '../engine/check-settings.ts';
import { discoverTemplates, suffixIndex, templateKind, type DiscoveryProblem } from '../workspace/discover.ts';
import { folderOf, readWorkflows, type TerraformReaders } from '../workspace/read-terraform-module.ts';
import { planTerraformFix } from './plan-terraform-fix.ts';
import { createLinkReader } from '../workspace/linked-reader.ts';
import { loadParameterValues } from '../workspace/parameter-files.ts';
import { readWorkspaceFile, type FileIdentity, type Workspace } from '../workspace/read-file.ts';
import { splitZipPath } from '../workspace/zip-package.ts';
import { replaceFile } from '../workspace/write-file.ts';
import { hideSecureValues } from '../secrets/secure-text.ts';
import { hideBicepRanges } from '../secrets/secure-spans.ts';
import { planTemplateFix, type FixPlan } from './plan-fix.ts';
import type { LinkContext, LinkReader } from '../model/linked-templates.ts';
import type { LinkRoot } from '../model/link-roots.ts';
import { BicepTrees, isBicepFile } from '../engine/check-bicep.ts';
import type { SyntaxParser } from '../parse/tree-sitter/load.ts';
import { planBicepFix } from './plan-bicep-fix.ts';

export interface FixRequest {
  workspace: Workspace;
  /** Files or folders (CLI); empty = search the workspace. */
  paths?: readonly string[];
  /** The paths are a default (the CLI's current folder), not named by the user. */
  pathsAreDefault?: boolean;
  patterns?: readonly string[];
  cwd?: string;
  /** Settings for each main template (its first tracking id is the one a new tracking deployment gets). */
  settingsFor: (file: string) => CheckSettings;
  /** Only these main templates (workspace-relative), e.g. the ones a pull request affects. */
  only?: ReadonlySet<string>;
  parametersFile?: string;
  /** URL prefixes that stand for folders of the checkout (as for `check`). */
  linkRoots?: readonly LinkRoot[];
  /**
   * Templates that main templates of another run of the same command link to (file → the template
   * linking it): the command line runs once per configuration file, over one link graph.
   */
  linkedFrom?: ReadonlyMap<string, string>;
  /** Write the fixed files (false for --dry-run and the action's suggestion). */
  write: boolean;
  /** The Bicep parser, for .bicep main templates (fixWorkspaceLoadingGrammars loads it when needed). */
  bicepParser?: SyntaxParser;
  /** The Terraform grammar, for .tf files (fixWorkspaceLoadingGrammars loads it when needed). */
  terraform?: TerraformReaders;
}

export interface FixFileResult extends FixPlan {
  written: boolean;
  /** Why the file was not even looked at (unreadable, UTF-16). */
  skipped?: string;
}

export interface FixReport {
  files: FixFileResult[];
  problems: DiscoveryProblem[];
}

const UTF8_BOM = '\uFEFF';

export function fixWorkspace(request: FixRequest): FixReport {
  return fixDiscovered(request, discover(request));
}

/**
 * fixWorkspace, with the Bicep parser loaded (by `loadBicep`, from the application layer) only when a
 * .bicep file is to be fixed, and the Terraform grammar (`loadTerraform`) only when .tf files are found.
 */
export async function fixWorkspaceLoadingGrammars(
  request: FixRequest,
  loadBicep: () => Promise<SyntaxParser>,
  loadTerraform?: () => Promise<TerraformReaders>,
): Promise<FixReport> {
  const discovery = discover(request);
  const needsBicep = request.bicepParser === undefined && discovery.templates.some((f) => isBicepFile(f) && (!request.only || request.only.has(f)));
  const needsTerraform = request.terraform === undefined && loadTerraform !== undefined && discovery.templates.some((f) => templateKind(f) === 'terraform');
  const [bicepParser, terraform] = await Promise.all([needsBicep ? loadBicep() : undefined, needsTerraform ? loadTerraform() : undefined]);
  return fixDiscovered({ ...request, ...(bicepParser ? { bicepParser } : {}), ...(terraform ? { terraform } : {}) }, discovery);
}

function discover(request: FixRequest): ReturnType<typeof discoverTemplates> {
  return discoverTemplates(request.workspace, {
    ...(request.paths ? { paths: request.paths } : {}),
    ...(request.pathsAreDefault ? { pathsAreDefault: true } : {}),
    ...(request.patterns ? { patterns: request.patterns } : {}),
    ...(request.cwd ? { cwd: request.cwd } : {}),
  });
}

function fixDiscovered(request: FixRequest, discovery: ReturnType<typeof discoverTemplates>): FixReport {
  const readLinked = createLinkReader(request.workspace);
  const links: LinkContext = { roots: request.linkRoots ?? [], findBySuffix: suffixIndex(discovery.jsonFiles) };
  const trees = request.bicepParser ? new BicepTrees(request.bicepParser) : undefined;
  let planned: PlannedFile[];
  try {
    planned = discovery.templates
      .filter((file) => templateKind(file) === 'arm' && (!request.only || request.only.has(file)))
      .map((file) => planOneFile({ request, trees }, file, { readLinked, links }));
  } finally {
    trees?.dispose();
  }
  // A template another one links to is part of that deployment, not a main template: the
  // tracking deployment belongs in the one that links it, so such a file is never changed.
  const linkedFrom = new Map<string, string>();
  for (const plan of planned) for (const linked of plan.linkedFiles) if (!linkedFrom.has(linked)) linkedFrom.set(linked, plan.file);
  for (const [linked, parent] of request.linkedFrom ?? []) if (!linkedFrom.has(linked)) linkedFrom.set(linked, parent);
  // With default discovery such a template is not a main template at all (as in `check`): it is
  // left out; a file the user named is listed with a note saying why it is left alone.
  const named = new Set(discovery.sources.filter((s) => s.by === 'named').map((s) => s.path));
  const mains = planned.filter((plan) => named.has(plan.file) || linkedFrom.get(plan.file) === undefined || linkedFrom.get(plan.file) === plan.file);
  const files = mains.map((plan): PlannedFile => {
    const parent = linkedFrom.get(plan.file);
    if (parent === undefined || parent === plan.file || plan.fixed === plan.original) return plan;
    return { ...plan, fixed: plan.original, edits: [], changes: [], notes: [{ kind: 'linked-template', parent }] };
  });
  const terraformFiles = discovery.templates.filter((file) => templateKind(file) === 'terraform');
  if (terraformFiles.length > 0) files.push(...planTerraformFolders(request, terraformFiles));
  const problems = [...discovery.problems];
  for (const plan of files) {
    if (request.write && plan.fixed !== plan.original && plan.absolutePath && plan.identity) {
      try {
        replaceFile(plan.absolutePath, Buffer.from(plan.bom + plan.fixed), plan.identity);
        plan.written = true;
      } catch (error) {
        plan.skipped = error instanceof Error ? error.message : String(error);
        plan.notes = [...plan.notes, { kind: 'unreadable', message: plan.skipped }];
      }
    }
  }
  return { files: files.map(({ absolutePath: _path, bom: _bom, identity: _identity, ...rest }) => rest), problems };
}

interface PlannedFile extends FixFileResult {
  absolutePath?: string;
  /** The file that was read: the one a write may replace. */
  identity?: FileIdentity;
  bom: string;
}

function planOneFile(
  { request, trees }: { request: FixRequest; trees: BicepTrees | undefined },
  file: string,
  { readLinked, links }: { readLinked: LinkReader; links: LinkContext },
): PlannedFile {
  const leave = (message: string): PlannedFile => leaveFile(file, message);
  // A package archive is built from sources: fix those, never the archive.
  const archived = splitZipPath(file);
  if (archived !== undefined) return leave(`'${file}' is inside the archive '${archived.zip}', which is not rewritten: fix the template it is built from`);
  const read = readWorkspaceFile(request.workspace, file);
  if (!read.ok) return leave(read.message);
  if (read.encoding === 'utf16le' || read.encoding === 'utf16be') return leave('UTF-16 files are not rewritten');
  const bom = read.encoding === 'utf8-bom' ? UTF8_BOM : '';
  const text = read.text;
  const settings = request.settingsFor(file);
  // Where a write goes, and the file it may replace: the one just read (Bicep and JSON alike).
  const target = { written: false, absolutePath: read.absolutePath, ...(read.identity ? { identity: read.identity } : {}), bom };
  if (isBicepFile(file)) {
    if (trees === undefined) return leave('the Bicep grammar was not loaded for this run');
    const plan = planBicepFix({
      workspace: request.workspace,
      file,
      text,
      settings,
      trees,
      readLinked,
      ...(request.parametersFile ? { parametersFile: request.parametersFile } : {}),
    });
    return { ...plan, ...target };
  }
  const parameters = loadParameterValues(request.workspace, file, request.parametersFile);
  const plan = planTemplateFix({ file, text, settings, parameterValues: parameters.values, readLinked, links });
  return { ...plan, ...target };
}

/** The fixes of each Terraform module folder the discovered .tf files are in. */
function planTerraformFolders(request: FixRequest, files: readonly string[]): PlannedFile[] {
  const folders = [...new Set(files.map(folderOf))].sort();
  const readers = request.terraform;
  if (readers === undefined) return folders.map((folder) => leaveFile(folder, 'the Terraform grammar was not loaded (internal error)'));
  const workflows = readWorkflows(request.workspace, readers);
  const planned: PlannedFile[] = [];
  for (const folder of folders) {
    const plans = planTerraformFix({ workspace: request.workspace, folder, readers, workflows, settingsFor: request.settingsFor });
    if (request.only && !plans.some((p) => request.only?.has(p.file))) continue;
    for (const plan of plans) planned.push(writableTerraformPlan(request, plan));
  }
  return planned;
}

/** Where a changed Terraform file is written, keeping its byte-order mark; UTF-16 files are left alone. */
function writableTerraformPlan(request: FixRequest, plan: FixPlan): PlannedFile {
  if (plan.fixed === plan.original) return { ...plan, written: false, bom: '' };
  const read = readWorkspaceFile(request.workspace, plan.file);
  if (!read.ok) return leaveFile(plan.file, read.message);
  if (read.encoding === 'utf16le' || read.encoding === 'utf16be') return leaveFile(plan.file, 'UTF-16 files are not rewritten');
  const bom = read.encoding === 'utf8-bom' ? UTF8_BOM : '';
  return { ...plan, written: false, absolutePath: read.absolutePath, ...(read.identity ? { identity: read.identity } : {}), bom };
}

function leaveFile(file: string, message: string): PlannedFile {
  return {
    file,
    original: '',
    fixed: '',
    edits: [],
    changes: [],
    notes: [{ kind: 'unreadable', message }],
    remainingErrors: [],
    linkedFiles: [],
    written: false,
    skipped: message,
    bom: '',
  };
}

/**
 * One unified diff for every changed file, with a/ and b/ paths relative to the workspace (for
 * `git apply`). `hideSecureDefaults`: for printing; secure parameters' defaults show as "***"
 * (a hunk whose context holds one then no longer applies: `cua-guard fix` makes the change itself).
 */
export async function unifiedDiff(plans: readonly FixPlan[], options: { hideSecureDefaults?: boolean } = {}): Promise<string> {
  const changed = plans.filter((p) => p.fixed !== p.original);
  if (changed.length === 0) return '';
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  // A plan that knows where its secure values are (Bicep) hides those; a JSON text is searched for them.
  const shown = (p: FixPlan, which: 'original' | 'fixed'): string => {
    if (!options.hideSecureDefaults) return p[which];
    return p.secureRanges ? hideBicepRanges(p[which], p.secureRanges[which]) : hideSecureValues(p[which]);
  };
  return changed
    .map((p) =>
      createTwoFilesPatch(`a/${p.file}`, `b/${p.file}`, shown(p, 'original'), shown(p, 'fixed'), undefined, undefined, {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      }),
    )
    .join('');
}
