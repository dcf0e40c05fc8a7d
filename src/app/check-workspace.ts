// Checks every main template a request names: discovery, reading, parameter values,
// linked templates, rules. One broken file never hides the verdict on the others.
import { TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import { discoverTemplates, templateKind, type Discovery, type DiscoveryProblem } from '../workspace/discover.ts';
import { loadParameterValues } from '../workspace/parameter-files.ts';
import { readWorkspaceFile, type Workspace } from '../workspace/read-file.ts';
import { createLinkReader } from '../workspace/linked-reader.ts';
import { checkTemplateText, checkUnreadableTemplate, type CheckPlan } from '../engine/check-template.ts';
import type { AnyRule } from '../engine/rule.ts';
import { RULES } from '../rules/index.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { CheckReport, Severity, TemplateResult } from '../engine/types.ts';
import { loadTerraformTools, terraformNotLoaded, type TerraformTools } from './terraform-tools.ts';

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
}

export interface WorkspaceCheckReport extends CheckReport {
  problems: DiscoveryProblem[];
}

/**
 * Checks synchronously. Terraform files need the grammar: `checkWorkspaceWithParsers` loads it
 * when .tf files are found; without `terraform`, each Terraform module is an internal error.
 */
export function checkWorkspace(request: WorkspaceCheckRequest, terraform?: TerraformTools): WorkspaceCheckReport {
  return checkDiscovered(request, discover(request), terraform);
}

/** Discovers, loads the Terraform grammar only when .tf files were found, and checks. */
export async function checkWorkspaceWithParsers(request: WorkspaceCheckRequest): Promise<WorkspaceCheckReport> {
  const discovery = discover(request);
  const terraform = discovery.templates.some((file) => templateKind(file) === 'terraform') ? await loadTerraformTools(request.workspace) : undefined;
  return checkDiscovered(request, discovery, terraform);
}

type DiscoveryInput = Pick<WorkspaceCheckRequest, 'workspace' | 'paths' | 'pathsAreDefault' | 'patterns' | 'cwd'>;

/** The Terraform grammar when the request names .tf files, else nothing (`cua-guard fix`, fix suggestions). */
export async function terraformToolsFor(request: DiscoveryInput): Promise<TerraformTools | undefined> {
  return discover(request).templates.some((file) => templateKind(file) === 'terraform') ? loadTerraformTools(request.workspace) : undefined;
}

function discover(request: DiscoveryInput): Discovery {
  return discoverTemplates(request.workspace, {
    ...(request.paths ? { paths: request.paths } : {}),
    ...(request.pathsAreDefault ? { pathsAreDefault: true } : {}),
    ...(request.patterns ? { patterns: request.patterns } : {}),
    ...(request.cwd ? { cwd: request.cwd } : {}),
  });
}

function checkDiscovered(request: WorkspaceCheckRequest, discovery: Discovery, terraform: TerraformTools | undefined): WorkspaceCheckReport {
  const readLinked = createLinkReader(request.workspace);
  const armFiles = discovery.templates.filter((file) => templateKind(file) === 'arm');
  const terraformFiles = discovery.templates.filter((file) => templateKind(file) === 'terraform');
  const files = armFiles.map((file) => checkOneTemplate(request, file, readLinked));
  if (terraformFiles.length > 0) {
    const settingsFor = (file: string): CheckSettings => request.settingsFor?.(file) ?? request.settings;
    const terraformRequest = { workspace: request.workspace, rules: request.rules ?? RULES, settingsFor };
    files.push(...(terraform ? terraform.checkFiles(terraformRequest, terraformFiles) : terraformNotLoaded(terraformFiles)));
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return { tool: { name: TOOL_NAME, version: TOOL_VERSION }, files, counts: countFindings(files), problems: discovery.problems };
}

function checkOneTemplate(request: WorkspaceCheckRequest, file: string, readLinked: ReturnType<typeof createLinkReader>): TemplateResult {
  const plan: CheckPlan = { rules: request.rules ?? RULES, settings: request.settingsFor?.(file) ?? request.settings };
  try {
    const read = readWorkspaceFile(request.workspace, file);
    if (!read.ok) {
      // A binary or mis-encoded file: point at the line and column of the bad byte.
      const before = read.textBefore ?? '';
      return checkUnreadableTemplate(file, before, { kind: 'unreadable', message: read.message, offset: before.length }, plan);
    }
    const parameters = loadParameterValues(request.workspace, file, request.parametersFile);
    const result = checkTemplateText(
      {
        file,
        text: read.text,
        parameterValues: parameters.values,
        readLinked,
        ...(parameters.problem ? { parametersProblem: { file: parameters.file ?? file, problem: parameters.problem } } : {}),
      },
      plan,
    );
    return parameters.file ? { ...result, parametersFile: parameters.file } : result;
  } catch (error) {
    // A bug must not hide the verdict on the other templates: this one gets a located finding.
    return internalErrorResult(file, error);
  }
}

/** A template whose check failed outside any rule: an error finding that says so. */
function internalErrorResult(file: string, error: unknown): TemplateResult {
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
