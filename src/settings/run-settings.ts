// The run's one settings object, built once: defaults ← configuration file (with its overrides) ←
// action inputs or command-line flags. Everything after this reads RunSettings and parses nothing.
import { join, resolve } from 'node:path';
import type { CheckSettings } from '../engine/check-settings.ts';
import { openWorkspace, type Workspace } from '../workspace/read-file.ts';
import { originRepository } from '../workspace/git-remote.ts';
import { githubLinkRoots, type LinkRoot } from '../model/link-roots.ts';
import type { LoadedConfig, SettingsLayer } from './config-types.ts';
import { loadConfiguration } from './load-config.ts';
import { parseBoolean, parseChoice, parsePositiveInteger, parseRuleSeverities, parseTrackingIds, splitLines, splitList } from './parse-options.ts';
import type { RawOptions } from './raw-options.ts';
import { resolveSettings } from './resolve-config.ts';
import { isUsageError, UsageError } from './usage-error.ts';
import { parseVerifySettings, VERIFY_MODES, type VerifySettings } from './verify-settings.ts';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const FIX_MODES = ['none', 'suggest'] as const;
export type FixMode = (typeof FIX_MODES)[number];
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'azure-pipelines', 'gitlab'] as const;
export const MARKETPLACE_PACKAGES = ['check', 'partner-center-adds-id'] as const;
export const IF_NO_TEMPLATES = ['error', 'warn', 'ignore'] as const;
export type IfNoTemplates = (typeof IF_NO_TEMPLATES)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type Verification =
  | { kind: 'none' }
  | { kind: 'verify'; settings: VerifySettings }
  /** Inputs that ask for verification but cannot work: reported after the static check, which still runs. */
  | { kind: 'invalid'; error: UsageError };

export interface RunSettings {
  /** Absolute path of the workspace, as given (paths in messages and outputs are built from it). */
  workspace: string;
  /** The configuration file in use. */
  config?: LoadedConfig;
  /** Settings for main templates no configuration override matches. */
  check: CheckSettings;
  /** Settings for one main template (workspace-relative path). */
  settingsFor: (file: string) => CheckSettings;
  /** Discovery patterns: the templates input or the configuration's include, then its exclude; [] = the defaults. */
  patterns: string[];
  /** Parameters file path or glob, relative to each template. */
  parametersFile?: string;
  /** URL prefixes that stand for folders of the checkout: this repository's own GitHub URLs, the configuration's links. */
  linkRoots: LinkRoot[];
  /** When nothing is checked: fail (error), warn, or say nothing more (ignore). */
  ifNoTemplates: IfNoTemplates;
  failOn: FailOn;
  /** The CLI's report format. */
  format: ReportFormat;
  /** Where the action writes the JSON report (absolute). */
  reportPath: string;
  /** Where to write SARIF (input `sarif-file`), absolute. */
  sarifPath?: string;
  /** Where fix: suggest writes its patch. */
  fixPatchPath: string;
  /** The runner's temporary folder (the workspace when RUNNER_TEMP is not set): outputs may be written there. */
  tempDir: string;
  fix: FixMode;
  /** Publish every finding through the Checks API. */
  checks: boolean;
  /** Token for the GitHub API (checks, only-changed). */
  token: string;
  /** Report only the main templates a pull request affects. */
  onlyChanged: boolean;
  verification: Verification;
}

export interface PreparedRun {
  settings: RunSettings;
  /** The workspace the settings were read from, opened once for the run. */
  workspace: Workspace;
}

/** Parses and checks every option, reads the configuration file, and merges the layers. */
export async function buildRunSettings(raw: RawOptions): Promise<PreparedRun> {
  const label = (name: string): string => (raw.front === 'cli' ? `--${name}` : name);
  if (raw.front === 'action' && !raw.workspace) {
    throw new UsageError('GITHUB_WORKSPACE is not set: run cua-guard as a step of a GitHub Actions job, or use the CLI');
  }
  const verification = verificationOf(raw);
  const explicit = explicitLayer(raw);
  const failOn = parseChoice(raw.failOn ?? '', label('fail-on'), FAIL_ON, 'error');
  const format = parseChoice(raw.format ?? '', label('format'), REPORT_FORMATS, 'text');
  const checks = parseBoolean(raw.checks ?? '', 'checks', false);
  const onlyChanged = parseBoolean(raw.onlyChanged ?? '', 'only-changed', false);
  const fix = parseChoice(raw.fix ?? '', 'fix', FIX_MODES, 'none');
  const workspace = openRunWorkspace(raw);
  const root = raw.front === 'action' ? resolve(raw.workspace ?? '') : workspace.root;
  const config = await loadConfiguration({
    workspace,
    ...(raw.config?.trim() ? { explicit: raw.config } : {}),
    ...(raw.front === 'cli' && raw.cwd ? { baseDir: raw.cwd } : {}),
    ...(raw.configSearchFrom ? { searchFrom: raw.configSearchFrom } : {}),
  });
  const resolved = resolveSettings(config?.config, explicit, config?.folder ?? '');
  const parameters = raw.parameters?.trim() ?? '';
  const sarifFile = raw.sarifFile?.trim() ?? '';
  const tempDir = raw.tempDir || root;
  const ifNoTemplates = parseChoice(raw.ifNoTemplates?.trim() || config?.config.ifNoTemplates || '', label('if-no-templates'), IF_NO_TEMPLATES, 'error');
  const settings: RunSettings = {
    workspace: root,
    ...(config ? { config } : {}),
    check: resolved.base,
    settingsFor: resolved.settingsFor,
    patterns: resolved.patterns(splitLines(raw.templates ?? '')),
    // Inline JSON parameters are for verification deployments; the static check reads files only.
    ...(parameters && !(raw.front === 'action' && parameters.startsWith('{')) ? { parametersFile: parameters } : {}),
    linkRoots: linkRootsOf(raw, workspace, config?.config.links),
    ifNoTemplates,
    failOn,
    format,
    reportPath: resolve(root, raw.report?.trim() || join(tempDir, 'cua-guard-report.json')),
    ...(sarifFile ? { sarifPath: resolve(root, sarifFile) } : {}),
    fixPatchPath: join(tempDir, 'cua-guard-fix.patch'),
    tempDir: resolve(tempDir),
    fix,
    checks,
    token: raw.token?.trim() ?? '',
    onlyChanged,
    verification,
  };
  return { settings, workspace };
}

/** The check settings the inputs or flags set; one left empty sets nothing. */
export function explicitLayer(raw: RawOptions): SettingsLayer {
  const label = (name: string): string => (raw.front === 'cli' ? `--${name}` : name);
  const rules = splitList(raw.rules ?? []);
  const trackingIds = splitList(raw.trackingIds ?? []);
  const strictNames = typeof raw.strictNames === 'string' ? raw.strictNames.trim() : raw.strictNames;
  const maxTracking = raw.maxTrackingResources?.trim() ?? '';
  const marketplace = raw.marketplacePackages?.trim() ?? '';
  return {
    ...(marketplace !== '' ? { marketplacePackages: parseChoice(marketplace, label('marketplace-packages'), MARKETPLACE_PACKAGES, 'check') } : {}),
    ...(rules.length > 0 ? { severities: parseRuleSeverities(rules) } : {}),
    ...(trackingIds.length > 0 ? { trackingIds: parseTrackingIds(trackingIds) } : {}),
    ...(typeof strictNames === 'boolean' ? { strictNames } : strictNames ? { strictNames: parseBoolean(strictNames, label('strict-names'), false) } : {}),
    ...(maxTracking !== '' ? { maxTrackingResources: parsePositiveInteger(maxTracking, label('max-tracking-resources'), 1) } : {}),
  };
}

/**
 * This repository's own GitHub URLs (GITHUB_REPOSITORY in the action, the origin remote for the
 * CLI) and the configuration's link roots. Any ref maps to the checked-out tree: that is what the
 * URLs serve once the change is merged.
 */
function linkRootsOf(raw: RawOptions, workspace: Workspace, links: Record<string, string> | undefined): LinkRoot[] {
  const repository = raw.repository?.trim() || (raw.front === 'cli' ? originRepository(workspace) : undefined);
  const configured = Object.entries(links ?? {}).map(([prefix, folder]) => ({
    prefix: prefix.endsWith('/') ? prefix : `${prefix}/`,
    folder: folder
      .replace(/\\/g, '/')
      .replace(/^(\.\/)+/, '')
      .replace(/\/+$/, ''),
    ref: false,
  }));
  return [...configured, ...(repository ? githubLinkRoots(repository) : [])];
}

function verificationOf(raw: RawOptions): Verification {
  const mode = parseChoice(raw.verify?.verify ?? '', 'verify', VERIFY_MODES, 'none');
  if (mode === 'none') return { kind: 'none' };
  try {
    return { kind: 'verify', settings: parseVerifySettings(raw.verify ?? {}) };
  } catch (error) {
    if (isUsageError(error)) return { kind: 'invalid', error };
    throw error;
  }
}

function openRunWorkspace(raw: RawOptions): Workspace {
  const given = raw.workspace ?? raw.cwd ?? '.';
  if (raw.front === 'action') {
    // A workspace that is not there is a broken job, never "0 templates checked, all pass".
    try {
      return openWorkspace(resolve(given));
    } catch {
      throw new UsageError(`GITHUB_WORKSPACE '${given}' does not exist or cannot be read: nothing can be checked`);
    }
  }
  try {
    return openWorkspace(resolve(raw.cwd ?? '.', given));
  } catch {
    throw new UsageError(`workspace '${given}' does not exist`);
  }
}
