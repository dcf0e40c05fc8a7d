// The command line:
//   cua-guard check [paths...]   exit 0 when no finding reaches --fail-on, 1 when one does
//   cua-guard fix [paths...]     exit 0 when no error is left after fixing, 1 when one is
//   cua-guard new-id             a fresh tracking GUID and the resource to paste
// Exit 2 on a usage error, an invalid configuration file or an internal error.
// Runs the same engine as the action; flags override the configuration file (.cua-guard.json).
import { checkWorkspaceLoadingGrammars, countFindings, discoverWorkspace, type WorkspaceCheckReport, type WorkspaceCheckRequest } from '../check-workspace.ts';
import { loadTerraformTools } from '../terraform-tools.ts';
import type { DeploymentScope } from '../../model/types.ts';
import { createWorkspaceFiles, type WorkspaceFiles } from '../../workspace/workspace-files.ts';
import { nothingCheckedMessage } from '../nothing-checked.ts';
import { formatText } from '../../report/text.ts';
import { formatJson } from '../../report/json.ts';
import { formatSarif } from '../../report/sarif.ts';
import { formatAzurePipelines } from '../../report/azure-pipelines.ts';
import { formatGitLab } from '../../report/gitlab.ts';
import { formatFixNote } from '../../report/fix-notes.ts';
import { escapeControlCharacters as visible } from '../../report/terminal-text.ts';
import type { FailOn, ReportFormat } from '../../settings/run-settings.ts';
import type { RawOptions } from '../../settings/raw-options.ts';
import { parseChoice } from '../../settings/parse-options.ts';
import { isUsageError, UsageError } from '../../settings/usage-error.ts';
import { isNamedPathProblem, type DiscoveryProblem } from '../../workspace/discover.ts';
import { TOOL_VERSION } from '../../meta.ts';
import { trackingResource } from '../../model/tracking-resource.ts';
import { CHECK_HELP, FIX_HELP, HELP, NEW_ID_HELP } from './help.ts';
import { RULES } from '../../rules/index.ts';
import { closest, parseCommandArgs } from './arguments.ts';
import { planCliRuns, type CliRunGroup, type CliRunPlan } from './cli-runs.ts';
import { writeOutputFile } from './output-file.ts';
import { mergeGroupReports, uniqueProblems, type GroupReport } from './merge-groups.ts';
import { createSecretsSearch, findReportSecrets, protectReport } from '../../secrets/report-secrets.ts';
import { redactText } from '../../secrets/mask-policy.ts';
import { createSyntaxParser } from '../../parse/tree-sitter/load.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Standard output is a terminal that takes colours (the entry point decides: TTY, NO_COLOR, FORCE_COLOR). */
  color?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const COMMANDS = ['check', 'fix', 'new-id', 'help'];
const COMMAND_HELP: Record<string, string> = { check: CHECK_HELP, fix: FIX_HELP, 'new-id': NEW_ID_HELP };

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h') return showHelp(io, HELP);
    if (command === 'help') return showHelp(io, COMMAND_HELP[rest[0] ?? ''] ?? HELP);
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    if (command === 'check') return await runCheck(rest, io);
    if (command === 'fix') return await runFix(rest, io);
    if (command === 'new-id') return runNewId(rest, io);
    const suggestion = closest(command, COMMANDS);
    throw new UsageError(`unknown command '${command}'${suggestion ? `: did you mean '${suggestion}'?` : ''} (see 'cua-guard --help')`);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`cua-guard: ${visible(error.message)}\n`);
    } else {
      io.stderr(`cua-guard: internal error: ${visible(error instanceof Error ? error.message : String(error))}\n`);
    }
    return EXIT_USAGE;
  }
}

/** Flags shared by check and fix: what to read and which settings apply. */
const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h', default: false },
  'tracking-id': { type: 'string', multiple: true, default: [] as string[] },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'strict-names': { type: 'boolean' },
  'max-tracking-resources': { type: 'string', default: '' },
  parameters: { type: 'string' },
  workspace: { type: 'string' },
  config: { type: 'string' },
  'if-no-templates': { type: 'string' },
  'marketplace-packages': { type: 'string' },
} as const;

const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string', short: 'f', default: 'text' },
  'output-file': { type: 'string', short: 'o' },
  'fail-on': { type: 'string', default: 'error' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean', default: false },
} as const;

const FIX_OPTIONS = {
  ...COMMON_OPTIONS,
  'dry-run': { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
} as const;

const NEW_ID_OPTIONS = {
  help: { type: 'boolean', short: 'h', default: false },
  scope: { type: 'string', default: 'resourceGroup' },
} as const;

interface CommonValues {
  'tracking-id': string[];
  rule: string[];
  'strict-names'?: boolean | undefined;
  'max-tracking-resources': string;
  parameters?: string | undefined;
  workspace?: string | undefined;
  config?: string | undefined;
  'if-no-templates'?: string | undefined;
  'marketplace-packages'?: string | undefined;
  format?: string;
  'fail-on'?: string;
}

/** The flags as the raw settings layer; src/settings parses them and puts them over the configuration file. */
function rawOptionsOf(values: CommonValues, io: CliIo): RawOptions {
  // Comma-separated lists work as in the action's inputs: --tracking-id a,b --rule CUA011=off,CUA008=error.
  return {
    front: 'cli',
    cwd: io.cwd,
    ...(values.workspace !== undefined ? { workspace: values.workspace } : {}),
    rules: values.rule,
    trackingIds: values['tracking-id'],
    ...(values['strict-names'] !== undefined ? { strictNames: values['strict-names'] } : {}),
    maxTrackingResources: values['max-tracking-resources'],
    ...(values.parameters ? { parameters: values.parameters } : {}),
    ...(values.config ? { config: values.config } : {}),
    ...(values['if-no-templates'] ? { ifNoTemplates: values['if-no-templates'] } : {}),
    ...(values['marketplace-packages'] ? { marketplacePackages: values['marketplace-packages'] } : {}),
    ...(values.format !== undefined ? { format: values.format } : {}),
    ...(values['fail-on'] !== undefined ? { failOn: values['fail-on'] } : {}),
  };
}

async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, CHECK_OPTIONS);
  if (values.help) return showHelp(io, CHECK_HELP);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : parseWarningLimit(values['max-warnings']);
  const plan = await planCliRuns(rawOptionsOf(values, io), positionals, io.cwd);
  const { format, failOn } = plan.groups[0]?.settings ?? { format: 'text', failOn: 'error' };
  // SARIF and GitLab fingerprints read the templates again once they are checked: the texts stay.
  const files = createWorkspaceFiles(plan.groups[0]?.workspace ?? { root: plan.root }, { keepTexts: format === 'sarif' || format === 'gitlab' });
  const { report, secrets } = await checkPlan(plan, { cwd: io.cwd, files });
  const ifNoTemplates = plan.groups[0]?.settings.ifNoTemplates ?? 'error';
  // No silent pass: nothing checked says what was found instead, and exits 2 unless allowed.
  const nothing = report.files.length === 0 && ifNoTemplates !== 'ignore' ? nothingCheckedMessage(report) : undefined;
  const verdict = checkVerdict(report, failOn, maxWarnings);
  if (nothing !== undefined && ifNoTemplates === 'error' && verdict.exitCode === EXIT_OK) verdict.exitCode = EXIT_USAGE;
  const exitCode = verdict.exitCode;
  const shown = values.quiet ? errorsOnly(report) : report;
  const toFile = values['output-file'];
  const color = toFile === undefined && format === 'text' && !values['no-color'] && (values.color ?? io.color === true);
  const output = formatReport(shown, {
    format,
    plan,
    exitCode,
    color,
    secrets,
    readFile: files.text,
    hidden: report.counts.warning + report.counts.notice - (shown.counts.warning + shown.counts.notice),
  });
  if (toFile !== undefined) writeOutputFile(toFile, output, { cwd: io.cwd, workspaceRoot: plan.root, report });
  else io.stdout(output);
  // The text format prints the problems itself; the others keep stdout one document.
  if (format !== 'text' || toFile !== undefined) for (const problem of report.problems) io.stderr(`cua-guard: ${visible(problem.message)}\n`);
  if (nothing !== undefined) io.stderr(`cua-guard: ${visible(nothing)}\n`);
  if (verdict.tooManyWarnings) io.stderr(`cua-guard: ${report.counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
  return exitCode;
}

/**
 * Exit 2 when the run is incomplete (a named path could not be checked); 1 when a finding reaches
 * --fail-on, or when there are more warnings than --max-warnings (said on its own line); else 0.
 */
function checkVerdict(report: WorkspaceCheckReport, failOn: FailOn, maxWarnings: number | undefined): { exitCode: number; tooManyWarnings: boolean } {
  if (namedPathFailed(report.problems, report.files.length)) return { exitCode: EXIT_USAGE, tooManyWarnings: false };
  const { error, warning } = report.counts;
  if (failOn !== 'never' && (error > 0 || (failOn === 'warning' && warning > 0))) return { exitCode: EXIT_FINDINGS, tooManyWarnings: false };
  const tooManyWarnings = maxWarnings !== undefined && warning > maxWarnings;
  return { exitCode: tooManyWarnings ? EXIT_FINDINGS : EXIT_OK, tooManyWarnings };
}

interface FormatRequest {
  format: ReportFormat;
  plan: CliRunPlan;
  exitCode: number;
  color: boolean;
  /** Values no fingerprint may hash. */
  secrets: readonly string[];
  /** The run's texts (the files the check read), for SARIF and GitLab fingerprints. */
  readFile: (file: string) => string | undefined;
  /** Findings --quiet left out. */
  hidden: number;
}

function formatReport(report: WorkspaceCheckReport, request: FormatRequest): string {
  const { plan, exitCode, readFile } = request;
  switch (request.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, {
        rules: RULES,
        workspaceRoot: plan.root,
        readFile,
        secrets: request.secrets,
        outcome: { exitCode, complete: exitCode !== EXIT_USAGE },
      });
    case 'azure-pipelines':
      return formatAzurePipelines(report, { workspaceRoot: plan.root, failed: exitCode !== EXIT_OK });
    case 'gitlab':
      return formatGitLab(report, { readFile, secrets: request.secrets });
    case 'text':
      return formatText(report, { color: request.color, displayPath: plan.displayPath, hidden: request.hidden });
  }
}

/**
 * Checks each group with its settings, and reports them as one run over one link graph
 * (merge-groups.ts). No secret value is in what is printed: each group's report is protected
 * (a template whose secrets cannot be established shows none), and the secrets are returned for
 * SARIF's fingerprints.
 */
async function checkPlan(
  plan: CliRunPlan,
  { cwd, files }: { cwd: string; files: WorkspaceFiles },
): Promise<{ report: WorkspaceCheckReport; secrets: string[] }> {
  const secrets = new Set<string>();
  const groups: GroupReport[] = [];
  for (const { settings, workspace, paths } of plan.groups) {
    // One read of each file for every group (they share the workspace root), the check and the secrets search.
    const search = createSecretsSearch(files);
    const request: WorkspaceCheckRequest = {
      workspace,
      files,
      secrets: search,
      linkRoots: settings.linkRoots,
      settings: settings.check,
      settingsFor: settings.settingsFor,
      paths,
      pathsAreDefault: plan.pathsAreDefault,
      cwd,
      ...(settings.patterns.length > 0 ? { patterns: settings.patterns } : {}),
      ...(settings.parametersFile ? { parametersFile: settings.parametersFile } : {}),
    };
    const discovery = discoverWorkspace(request, files);
    const { report, secrets: found } = protectReport(files, await checkWorkspaceLoadingGrammars(request, discovery), { search });
    for (const secret of found) secrets.add(secret);
    groups.push({ report, named: new Set(discovery.sources.filter((source) => source.by === 'named').map((source) => source.path)) });
  }
  return { report: mergeGroupReports(groups), secrets: [...secrets] };
}

/** --quiet: errors only (ESLint's meaning); the exit code still counts the warnings (--max-warnings). */
function errorsOnly(report: WorkspaceCheckReport): WorkspaceCheckReport {
  const files = report.files.map((file) => ({ ...file, findings: file.findings.filter((f) => f.severity === 'error') }));
  return { ...report, files, counts: countFindings(files) };
}

function parseWarningLimit(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--max-warnings must be a whole number of 0 or more (got '${text}')`);
  return Number(text.trim());
}

async function runFix(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('fix', args, FIX_OPTIONS);
  if (values.help) return showHelp(io, FIX_HELP);
  const plan = await planCliRuns(rawOptionsOf(values, io), positionals, io.cwd);
  const { fixWorkspaceLoadingGrammars, unifiedDiff } = await import('../../fix/index.ts');
  // --check (for CI) writes nothing, like --dry-run, and exits 1 when something would change.
  const check = values.check;
  const dryRun = values['dry-run'] || check;
  type FixReport = Awaited<ReturnType<typeof fixWorkspaceLoadingGrammars>>;
  const fixGroup = (group: CliRunGroup, only?: ReadonlySet<string>, write = !dryRun, linkedFrom?: ReadonlyMap<string, string>): Promise<FixReport> =>
    fixWorkspaceLoadingGrammars(
      {
        workspace: group.workspace,
        paths: group.paths,
        pathsAreDefault: plan.pathsAreDefault,
        cwd: io.cwd,
        ...(group.settings.patterns.length > 0 ? { patterns: group.settings.patterns } : {}),
        settingsFor: group.settings.settingsFor,
        ...(group.settings.parametersFile ? { parametersFile: group.settings.parametersFile } : {}),
        linkRoots: group.settings.linkRoots,
        ...(only ? { only } : {}),
        ...(linkedFrom ? { linkedFrom } : {}),
        write,
      },
      () => createSyntaxParser('bicep'),
      () => loadTerraformTools(group.workspace),
    );
  // Several configurations: a template two groups find is fixed once, by the first (the most
  // specific configuration), so each group is first asked which templates it finds and links;
  // a template one group's templates link to is a linked template in every group (never given a
  // tracking deployment of its own).
  const reports: FixReport[] = [];
  if (plan.groups.length === 1 && plan.groups[0]) reports.push(await fixGroup(plan.groups[0]));
  else {
    const found = new Map<CliRunGroup, FixReport>();
    for (const group of plan.groups) found.set(group, await fixGroup(group, undefined, false));
    const linkedFrom = new Map<string, string>();
    for (const { files } of found.values())
      for (const file of files) for (const linked of file.linkedFiles) if (linked !== file.file && !linkedFrom.has(linked)) linkedFrom.set(linked, file.file);
    const owned = new Set<string>();
    for (const group of plan.groups) {
      const mine = new Set((found.get(group)?.files ?? []).map((f) => f.file).filter((file) => !owned.has(file)));
      for (const file of mine) owned.add(file);
      reports.push(await fixGroup(group, mine, !dryRun, linkedFrom));
    }
  }
  const files = reports.flatMap((r) => r.files).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const problems = uniqueProblems(reports.flatMap((r) => r.problems));
  // What fix prints quotes what the check says of the templates: no secret value in it, as in check.
  const { redacted } = findReportSecrets({ root: plan.root }, { files: files.map((f) => ({ path: f.file, linkedFiles: f.linkedFiles })) });
  const hide = (text: string): string => redactText(text, redacted);
  // With --dry-run the diff is the output (pipe it to `git apply`); messages go to stderr.
  const say = dryRun ? io.stderr : io.stdout;
  const shownPath = (file: string): string => visible(plan.displayPath(file));
  for (const problem of problems) io.stderr(`cua-guard: ${visible(problem.message)}\n`);
  for (const file of files) {
    for (const change of file.changes) say(`${shownPath(file.file)}:${change.line}: ${dryRun ? 'would have ' : ''}${hide(change.message)}\n`);
    for (const note of file.notes) say(`${shownPath(file.file)}: ${hide(formatFixNote(note))}\n`);
  }
  // Printed, so secure parameters' defaults show as "***" (cua-guard fix makes such a change itself).
  if (values['dry-run']) io.stdout(hide(await unifiedDiff(files, { hideSecureDefaults: true })));
  const changed = files.filter((f) => f.fixed !== f.original).length;
  const remaining = files.filter((f) => f.remainingErrors.length > 0 || f.skipped !== undefined).length;
  say(
    `${files.length} template(s): ${changed} ${dryRun ? 'would change' : 'changed'}, ${files.length - changed} unchanged` +
      (remaining > 0 ? `; ${remaining} still ha${remaining === 1 ? 's' : 've'} errors to fix by hand\n` : '\n'),
  );
  if (namedPathFailed(problems, files.length)) return EXIT_USAGE;
  if (check) return changed > 0 ? EXIT_FINDINGS : EXIT_OK;
  return remaining > 0 ? EXIT_FINDINGS : EXIT_OK;
}

const SCOPES: readonly DeploymentScope[] = ['resourceGroup', 'subscription', 'managementGroup', 'tenant'];

function runNewId(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('new-id', args, NEW_ID_OPTIONS);
  if (values.help) return showHelp(io, NEW_ID_HELP);
  if (positionals.length > 0) throw new UsageError(`new-id takes no arguments (got '${positionals[0]}')`);
  const scope = parseChoice(values.scope, '--scope', SCOPES, 'resourceGroup');
  const id = process.getBuiltinModule('node:crypto').randomUUID();
  const resource = JSON.stringify(trackingResource(id, scope), null, 2);
  io.stdout(
    `${id}\n\n` +
      `Register this GUID for your offer in Partner Center, then add this resource as the first element of the main template's "resources"\n` +
      `(or run: cua-guard fix --tracking-id ${id}):\n\n${resource}\n`,
  );
  return EXIT_OK;
}

function showHelp(io: CliIo, text: string): number {
  io.stdout(text);
  return EXIT_OK;
}

/**
 * Exit 2 when a path the user named cannot be used (missing, outside the workspace, a folder
 * with no main template), even when other paths were checked: a typo must not pass as a clean
 * run. Also when nothing could be checked because what was found could not be read. A glob
 * (configuration `include`) that matches nothing is only a warning.
 */
function namedPathFailed(problems: readonly DiscoveryProblem[], checked: number): boolean {
  return problems.some(isNamedPathProblem) || (checked === 0 && problems.some((p) => p.kind === 'skipped'));
}
