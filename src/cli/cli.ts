// The command line: `cua-guard check [paths...]`. Exit 0 when no error-level finding,
// 1 when there is one, 2 on a usage or internal error. Runs the same engine as the action.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkWorkspace } from '../engine/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../engine/settings.ts';
import { openWorkspace } from '../workspace/read-file.ts';
import { formatText } from '../reporters/text.ts';
import { formatJson } from '../reporters/json.ts';
import { parseChoice, parsePositiveInteger, parseRuleSeverities, parseTrackingIds, UsageError } from '../settings/parse-options.ts';
import { TOOL_VERSION } from '../meta.ts';
import { HELP } from './help.ts';

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
    if (command === 'check') return runCheck(rest, io);
    throw new UsageError(`unknown command '${command}' (try 'cua-guard help')`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cua-guard: ${error.message}\n`);
    } else {
      io.stderr(`cua-guard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return EXIT_USAGE;
  }
}

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  'tracking-id': { type: 'string', multiple: true, default: [] as string[] },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'strict-names': { type: 'boolean', default: false },
  'max-tracking-resources': { type: 'string', default: '' },
  parameters: { type: 'string' },
  workspace: { type: 'string' },
  'fail-on': { type: 'string', default: 'error' },
} satisfies ParseArgsConfig['options'];

function runCheck(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCliArgs(args);
  const format = parseChoice(values.format, '--format', ['text', 'json'] as const, 'text');
  const failOn = parseChoice(values['fail-on'], '--fail-on', ['error', 'warning', 'never'] as const, 'error');
  const settings: CheckSettings = {
    ...DEFAULT_CHECK_SETTINGS,
    severities: parseRuleSeverities(values.rule),
    trackingIds: parseTrackingIds(values['tracking-id']),
    strictNames: values['strict-names'],
    maxTrackingResources: parsePositiveInteger(values['max-tracking-resources'], '--max-tracking-resources', 1),
  };
  const workspace = openWorkspaceOrFail(values.workspace ?? io.cwd, io.cwd);
  const report = checkWorkspace({
    workspace,
    settings,
    paths: positionals.length > 0 ? positionals : [io.cwd],
    cwd: io.cwd,
    ...(values.parameters ? { parametersFile: values.parameters } : {}),
  });
  io.stdout(format === 'json' ? formatJson(report) : formatText(report));
  if (report.problems.length > 0 && report.files.length === 0) return EXIT_USAGE;
  if (failOn === 'never') return EXIT_OK;
  if (report.counts.error > 0) return EXIT_FINDINGS;
  return failOn === 'warning' && report.counts.warning > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function parseCliArgs(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: CHECK_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function openWorkspaceOrFail(path: string, cwd: string) {
  try {
    return openWorkspace(path.startsWith('/') ? path : `${cwd}/${path}`);
  } catch {
    throw new UsageError(`workspace '${path}' does not exist`);
  }
}
