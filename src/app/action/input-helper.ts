// Turns the raw action inputs (INPUT_* variables) into one typed settings object. Everything
// after this works on ActionSettings and can be tested without the Actions runtime.
// Inputs that are set override the configuration file (.cua-guard.json); inputs left empty
// leave the configuration's value (or the default) in place: that is what `explicit` records.
import { join, resolve } from 'node:path';
import { applyLayers } from '../../settings/resolve-config.ts';
import type { SettingsLayer } from '../../settings/config-types.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../engine/check-settings.ts';
import { parseBoolean, parseChoice, parsePositiveInteger, parseRuleSeverities, parseTrackingIds, splitLines, splitList, UsageError } from '../../settings/parse-options.ts';

export type FailOn = 'error' | 'warning' | 'never';
export const VERIFY_MODES = ['none', 'validate', 'what-if', 'deploy', 'existing'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];
export const FIX_MODES = ['none', 'suggest'] as const;
export type FixMode = (typeof FIX_MODES)[number];

export interface ActionSettings {
  /** Absolute path of the workspace (GITHUB_WORKSPACE). */
  workspace: string;
  patterns: string[];
  /** Defaults with the inputs that were set; the configuration file is merged under these by the step. */
  check: CheckSettings;
  /** Only the settings the inputs set (they win over the configuration file). */
  explicit: SettingsLayer;
  failOn: FailOn;
  /** Parameters file path or glob, relative to each template. */
  parametersFile?: string;
  /** Where the JSON report is written. */
  reportPath: string;
  verify: VerifyMode;
  /** Configuration file (input `config`), relative to the workspace. */
  configPath?: string;
  /** Where to write SARIF (input `sarif-file`), absolute. */
  sarifPath?: string;
  /** Publish every finding through the Checks API. */
  checks: boolean;
  /** Token for the GitHub API (checks, only-changed). */
  token: string;
  /** Report only the main templates a pull request affects. */
  onlyChanged: boolean;
  fix: FixMode;
}

export type InputReader = (name: string) => string;

export function readActionSettings(getInput: InputReader, env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const workspace = env['GITHUB_WORKSPACE'];
  if (!workspace) throw new UsageError('GITHUB_WORKSPACE is not set: run cua-guard as a step of a GitHub Actions job, or use the CLI');
  const parametersFile = getInput('parameters').trim();
  const verify = parseChoice(getInput('verify'), 'verify', VERIFY_MODES, 'none');
  const explicit = readExplicitLayer(getInput);
  const configPath = getInput('config').trim();
  const sarifPath = getInput('sarif-file').trim();
  return {
    workspace: resolve(workspace),
    patterns: splitLines(getInput('templates')),
    check: applyLayers(DEFAULT_CHECK_SETTINGS, [explicit]),
    explicit,
    failOn: parseChoice(getInput('fail-on'), 'fail-on', ['error', 'warning', 'never'] as const, 'error'),
    // Inline JSON parameters are for verification deployments; the static check reads files only.
    ...(parametersFile && !parametersFile.startsWith('{') ? { parametersFile } : {}),
    reportPath: resolve(workspace, getInput('report').trim() || join(env['RUNNER_TEMP'] ?? workspace, 'cua-guard-report.json')),
    verify,
    ...(configPath ? { configPath } : {}),
    ...(sarifPath ? { sarifPath: resolve(workspace, sarifPath) } : {}),
    checks: parseBoolean(getInput('checks'), 'checks', false),
    token: getInput('token').trim(),
    onlyChanged: parseBoolean(getInput('only-changed'), 'only-changed', false),
    fix: parseChoice(getInput('fix'), 'fix', FIX_MODES, 'none'),
  };
}

/** The check settings the inputs set; an empty input sets nothing. */
export function readExplicitLayer(getInput: InputReader): SettingsLayer {
  const rules = splitList(getInput('rules'));
  const trackingIds = splitList(getInput('tracking-ids'));
  const strictNames = getInput('strict-names').trim();
  const maxTracking = getInput('max-tracking-resources').trim();
  return {
    ...(rules.length > 0 ? { severities: parseRuleSeverities(rules) } : {}),
    ...(trackingIds.length > 0 ? { trackingIds: parseTrackingIds(trackingIds) } : {}),
    ...(strictNames !== '' ? { strictNames: parseBoolean(strictNames, 'strict-names', false) } : {}),
    ...(maxTracking !== '' ? { maxTrackingResources: parsePositiveInteger(maxTracking, 'max-tracking-resources', 1) } : {}),
  };
}
