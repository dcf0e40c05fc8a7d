// The raw layer of the settings: what a front end received (the action's inputs, the CLI's flags),
// as text, before any parsing. Absent or '' means "not set here": the configuration's value (or the
// default) stays. src/settings/run-settings.ts turns it into the run's one RunSettings.
import type { VerifyInputs } from './verify-settings.ts';

export interface RawOptions {
  /** Which front end: messages name an input as `fail-on`, a flag as `--fail-on`. */
  front: 'action' | 'cli';
  /** The workspace folder (action: GITHUB_WORKSPACE; CLI: --workspace, else the cwd). */
  workspace?: string;
  /** The CLI's working directory: what relative --workspace and --config paths are relative to. */
  cwd?: string;
  /** Configuration file (input `config`, flag `--config`). */
  config?: string;
  /** Workspace-relative folder where the search for `.cua-guard.json` starts (CLI: the checked path); default the root. */
  configSearchFrom?: string;
  /** `CUA011=off` entries, one per line or comma-separated. */
  rules?: string | readonly string[];
  trackingIds?: string | readonly string[];
  /** Text from an input; a boolean from a flag. */
  strictNames?: string | boolean;
  maxTrackingResources?: string;
  /** Globs, one per line (input `templates`). */
  templates?: string;
  parameters?: string;
  failOn?: string;
  format?: string;
  report?: string;
  sarifFile?: string;
  checks?: string;
  token?: string;
  onlyChanged?: string;
  fix?: string;
  /** The runner's temporary folder (RUNNER_TEMP): default home of the report and the fix patch. */
  tempDir?: string;
  /** check or partner-center-adds-id (input and flag `marketplace-packages`). */
  marketplacePackages?: string;
  /** What to do when no template is found: error, warn or ignore (input and flag `if-no-templates`). */
  ifNoTemplates?: string;
  /** `owner/name` of the repository being checked (the action's GITHUB_REPOSITORY). */
  repository?: string;
  /** The verification inputs (action only). */
  verify?: VerifyInputs;
}
