// Checks every main template a request names: discovery, reading, parameter values,
// linked templates, rules. One broken file never hides the verdict on the others.
import { TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import { discoverTemplates, type DiscoveryProblem } from '../workspace/discover.ts';
import { loadParameterValues } from '../workspace/parameter-files.ts';
import { readWorkspaceFile, type Workspace } from '../workspace/read-file.ts';
import { createLinkReader } from '../workspace/linked-reader.ts';
import { checkTemplateText, checkUnreadableTemplate, type CheckPlan } from '../engine/check-template.ts';
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
  /** The Bicep parser, when discovery may find .bicep files (checkWorkspaceLoadingGrammars loads it). */
  bicepParser?: SyntaxParser;
}

export interface WorkspaceCheckReport extends CheckReport {
  problems: DiscoveryProblem[];
}

export function checkWorkspace(request: WorkspaceCheckRequest): WorkspaceCheckReport {
  return checkDiscovered(request, discover(request));
}

/** checkWorkspace, with the Bicep grammar loaded first when discovery found a .bicep file (only then). */
export async function checkWorkspaceLoadingGrammars(request: WorkspaceCheckRequest): Promise<WorkspaceCheckReport> {
  const discovery = discover(request);
  const needsBicep = request.bicepParser === undefined && discovery.templates.some(isBicepFile);
  return checkDiscovered(needsBicep ? { ...request, bicepParser: await createSyntaxParser('bicep') } : request, discovery);
}

function discover(request: WorkspaceCheckRequest): ReturnType<typeof discoverTemplates> {
  return discoverTemplates(request.workspace, {
    ...(request.paths ? { paths: request.paths } : {}),
    ...(request.pathsAreDefault ? { pathsAreDefault: true } : {}),
    ...(request.patterns ? { patterns: request.patterns } : {}),
    ...(request.cwd ? { cwd: request.cwd } : {}),
  });
}

function checkDiscovered(request: WorkspaceCheckRequest, discovery: ReturnType<typeof discoverTemplates>): WorkspaceCheckReport {
  const readLinked = createLinkReader(request.workspace);
  const trees = request.bicepParser ? new BicepTrees(request.bicepParser) : undefined;
  let files: TemplateResult[];
  try {
    files = discovery.templates.map((file) => checkOneTemplate({ request, trees }, file, readLinked));
  } finally {
    trees?.dispose();
  }
  files = noteCompiledTwins(request.workspace, files);
  return { tool: { name: TOOL_NAME, version: TOOL_VERSION }, files, counts: countFindings(files), problems: discovery.problems };
}

interface RunContext {
  request: WorkspaceCheckRequest;
  /** The run's Bicep syntax trees, when the grammar is loaded. */
  trees: BicepTrees | undefined;
}

function checkOneTemplate({ request, trees }: RunContext, file: string, readLinked: ReturnType<typeof createLinkReader>): TemplateResult {
  const plan: CheckPlan = { rules: request.rules ?? RULES, settings: request.settingsFor?.(file) ?? request.settings };
  try {
    const read = readWorkspaceFile(request.workspace, file);
    if (!read.ok) {
      // A binary or mis-encoded file: point at the line and column of the bad byte.
      const before = read.textBefore ?? '';
      return checkUnreadableTemplate(file, before, { kind: 'unreadable', message: read.message, offset: before.length }, plan);
    }
    if (isBicepFile(file)) return checkBicepFile({ request, trees }, { file, text: read.text }, plan, readLinked);
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

function checkBicepFile(
  { request, trees }: RunContext,
  { file, text }: { file: string; text: string },
  plan: CheckPlan,
  readLinked: ReturnType<typeof createLinkReader>,
): TemplateResult {
  if (trees === undefined) {
    const message = 'the Bicep grammar was not loaded for this run (checkWorkspaceLoadingGrammars loads it)';
    return checkUnreadableTemplate(file, text, { kind: 'unreadable', message, offset: 0 }, plan);
  }
  return checkBicepTemplate(
    { workspace: request.workspace, file, text, trees, readLinked, ...(request.parametersFile ? { parametersFile: request.parametersFile } : {}) },
    plan,
  );
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
