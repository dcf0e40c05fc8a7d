// Turns the raw action inputs (INPUT_* variables) into one typed settings object. Everything
// after this works on ActionSettings and can be tested without the Actions runtime.
import { join, resolve } from 'node:path';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../engine/settings.ts';
import { parseBoolean, parseChoice, parsePositiveInteger, parseRuleSeverities, parseTrackingIds, splitLines, splitList, UsageError } from '../settings/parse-options.ts';

export type FailOn = 'error' | 'warning' | 'never';
export const VERIFY_MODES = ['none', 'validate', 'what-if', 'deploy', 'existing'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

export interface ActionSettings {
  /** Absolute path of the workspace (GITHUB_WORKSPACE). */
  workspace: string;
  patterns: string[];
  check: CheckSettings;
  failOn: FailOn;
  /** Parameters file path or glob, relative to each template. */
  parametersFile?: string;
  /** Where the JSON report is written. */
  reportPath: string;
  verify: VerifyMode;
}

export type InputReader = (name: string) => string;

export function readActionSettings(getInput: InputReader, env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const workspace = env['GITHUB_WORKSPACE'];
  if (!workspace) throw new UsageError('GITHUB_WORKSPACE is not set: run cua-guard as a step of a GitHub Actions job, or use the CLI');
  const parametersFile = getInput('parameters').trim();
  const verify = parseChoice(getInput('verify'), 'verify', VERIFY_MODES, 'none');
  const check: CheckSettings = {
    ...DEFAULT_CHECK_SETTINGS,
    severities: parseRuleSeverities(splitList(getInput('rules'))),
    trackingIds: parseTrackingIds(splitList(getInput('tracking-ids'))),
    strictNames: parseBoolean(getInput('strict-names'), 'strict-names', false),
    maxTrackingResources: parsePositiveInteger(getInput('max-tracking-resources'), 'max-tracking-resources', 1),
  };
  return {
    workspace: resolve(workspace),
    patterns: splitLines(getInput('templates')),
    check,
    failOn: parseChoice(getInput('fail-on'), 'fail-on', ['error', 'warning', 'never'] as const, 'error'),
    // Inline JSON parameters are for verification deployments; the static check reads files only.
    ...(parametersFile && !parametersFile.startsWith('{') ? { parametersFile } : {}),
    reportPath: resolve(workspace, getInput('report').trim() || join(env['RUNNER_TEMP'] ?? workspace, 'cua-guard-report.json')),
    verify,
  };
}
