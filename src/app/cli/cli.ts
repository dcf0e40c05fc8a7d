// The command line:
//   cua-guard check [paths...]   exit 0 when no finding reaches --fail-on, 1 when one does
//   cua-guard fix [paths...]     exit 0 when no error is left after fixing, 1 when one is
//   cua-guard new-id             a fresh tracking GUID and the resource to paste
// Exit 2 on a usage error, an invalid configuration file or an internal error.
// Runs the same engine as the action; flags override the configuration file (.cua-guard.json).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkWorkspaceLoadingGrammars } from '../check-workspace.ts';
import { loadTerraformTools } from '../terraform-tools.ts';
import type { DeploymentScope } from '../../model/types.ts';
import { createWorkspaceFiles } from '../../workspace/workspace-files.ts';
import { nothingCheckedMessage } from '../nothing-checked.ts';
import { formatText } from '../../report/text.ts';
import { formatJson } from '../../report/json.ts';
import { formatSarif } from '../../report/sarif.ts';
import { formatFixNote } from '../../report/fix-notes.ts';
import { buildRunSettings, type PreparedRun } from '../../settings/run-settings.ts';
import type { RawOptions } from '../../settings/raw-options.ts';
import { parseChoice } from '../../settings/parse-options.ts';
import { isUsageError, UsageError } from '../../settings/usage-error.ts';
import { isNamedPathProblem, type DiscoveryProblem } from '../../workspace/discover.ts';
import { TOOL_VERSION } from '../../meta.ts';
import { trackingResource } from '../../model/tracking-resource.ts';
import { HELP } from './help.ts';
import { RULES } from '../../rules/index.ts';
import { createSyntaxParser } from '../../parse/tree-sitter/load.ts';
import { protectReport } from '../../secrets/report-secrets.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout(HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    if (command === 'check') return await runCheck(rest, io);
    if (command === 'fix') return await runFix(rest, io);
    if (command === 'new-id') return runNewId(rest, io);
    throw new UsageError(`unknown command '${command}' (try 'cua-guard help')`);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`cua-guard: ${error.message}\n`);
    } else {
      io.stderr(`cua-guard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
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
} satisfies ParseArgsConfig['options'];

const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string', short: 'f', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
} satisfies ParseArgsConfig['options'];

const FIX_OPTIONS = {
  ...COMMON_OPTIONS,
  'dry-run': { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

const NEW_ID_OPTIONS = {
  help: { type: 'boolean', short: 'h', default: false },
  scope: { type: 'string', default: 'resourceGroup' },
} satisfies ParseArgsConfig['options'];

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
    workspace: values.workspace ?? io.cwd,
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

function prepare(values: CommonValues, io: CliIo): Promise<PreparedRun> {
  return buildRunSettings(rawOptionsOf(values, io));
}

async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(args, CHECK_OPTIONS);
  if (values.help) return showHelp(io);
  const { settings, workspace } = await prepare(values, io);
  const { format, failOn, patterns } = settings;
  const files = createWorkspaceFiles(workspace);
  const checked = await checkWorkspaceLoadingGrammars({
    workspace,
    files,
    linkRoots: settings.linkRoots,
    settings: settings.check,
    settingsFor: settings.settingsFor,
    paths: positionals.length > 0 ? positionals : [io.cwd],
    pathsAreDefault: positionals.length === 0,
    cwd: io.cwd,
    ...(patterns.length > 0 ? { patterns } : {}),
    ...(settings.parametersFile ? { parametersFile: settings.parametersFile } : {}),
  });
  // No secret value in what is printed; a template whose secrets cannot be established shows none (fails closed).
  const { report, secrets } = protectReport(files, checked);
  const readFile = files.text;
  io.stdout(
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, { rules: RULES, workspaceRoot: workspace.root, readFile, secrets })
        : formatText(report),
  );
  // The text format prints the problems itself; JSON and SARIF keep stdout one document.
  if (format !== 'text') for (const problem of report.problems) io.stderr(`cua-guard: ${problem.message}\n`);
  if (namedPathFailed(report.problems, report.files.length)) return EXIT_USAGE;
  // No silent pass: nothing checked says what was found instead, and exits 2 unless allowed.
  if (report.files.length === 0 && settings.ifNoTemplates !== 'ignore') {
    io.stderr(`cua-guard: ${nothingCheckedMessage(report)}\n`);
    if (settings.ifNoTemplates === 'error') return EXIT_USAGE;
  }
  if (failOn === 'never') return EXIT_OK;
  if (report.counts.error > 0) return EXIT_FINDINGS;
  return failOn === 'warning' && report.counts.warning > 0 ? EXIT_FINDINGS : EXIT_OK;
}

async function runFix(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(args, FIX_OPTIONS);
  if (values.help) return showHelp(io);
  const { settings, workspace } = await prepare(values, io);
  const { fixWorkspaceLoadingGrammars, unifiedDiff } = await import('../../fix/index.ts');
  const patterns = settings.patterns;
  // --check (for CI) writes nothing, like --dry-run, and exits 1 when something would change.
  const check = values.check;
  const dryRun = values['dry-run'] || check;
  const report = await fixWorkspaceLoadingGrammars(
    {
      workspace,
      paths: positionals.length > 0 ? positionals : [io.cwd],
      pathsAreDefault: positionals.length === 0,
      cwd: io.cwd,
      ...(patterns.length > 0 ? { patterns } : {}),
      settingsFor: settings.settingsFor,
      ...(settings.parametersFile ? { parametersFile: settings.parametersFile } : {}),
      linkRoots: settings.linkRoots,
      write: !dryRun,
    },
    () => createSyntaxParser('bicep'),
    () => loadTerraformTools(workspace),
  );
  // With --dry-run the diff is the output (pipe it to `git apply`); messages go to stderr.
  const say = dryRun ? io.stderr : io.stdout;
  for (const problem of report.problems) io.stderr(`cua-guard: ${problem.message}\n`);
  for (const file of report.files) {
    for (const change of file.changes) say(`${file.file}:${change.line}: ${dryRun ? 'would have ' : ''}${change.message}\n`);
    for (const note of file.notes) say(`${file.file}: ${formatFixNote(note)}\n`);
  }
  // Printed, so secure parameters' defaults show as "***" (cua-guard fix makes such a change itself).
  if (values['dry-run']) io.stdout(await unifiedDiff(report.files, { hideSecureDefaults: true }));
  const changed = report.files.filter((f) => f.fixed !== f.original).length;
  const remaining = report.files.filter((f) => f.remainingErrors.length > 0 || f.skipped !== undefined).length;
  say(
    `${report.files.length} template(s): ${changed} ${dryRun ? 'would change' : 'changed'}, ${report.files.length - changed} unchanged` +
      (remaining > 0 ? `; ${remaining} still ha${remaining === 1 ? 's' : 've'} errors to fix by hand\n` : '\n'),
  );
  if (namedPathFailed(report.problems, report.files.length)) return EXIT_USAGE;
  if (check) return changed > 0 ? EXIT_FINDINGS : EXIT_OK;
  return remaining > 0 ? EXIT_FINDINGS : EXIT_OK;
}

const SCOPES: readonly DeploymentScope[] = ['resourceGroup', 'subscription', 'managementGroup', 'tenant'];

function runNewId(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCliArgs(args, NEW_ID_OPTIONS);
  if (values.help) return showHelp(io);
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

function showHelp(io: CliIo): number {
  io.stdout(HELP);
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

function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
