// The configuration file (.cua-guard.json) as it is after validation against
// schema/cua-guard.schema.json, and the settings layers it is merged from.
import type { SeverityLevel } from '../engine/types.ts';

export const CONFIG_FILE_NAME = '.cua-guard.json';

export interface ConfigOverride {
  files: string[];
  rules?: Record<string, SeverityLevel>;
  trackingIds?: string[];
  strictNames?: boolean;
  maxTrackingResources?: number;
}

export interface CuaGuardConfig {
  $schema?: string;
  rules?: Record<string, SeverityLevel>;
  trackingIds?: string[];
  strictNames?: boolean;
  maxTrackingResources?: number;
  include?: string[];
  exclude?: string[];
  overrides?: ConfigOverride[];
  /** partner-center-adds-id: CUA001 in Marketplace packages is a notice (Partner Center adds the id on upload). */
  marketplacePackages?: 'check' | 'partner-center-adds-id';
  /** What to do when no template is found. */
  ifNoTemplates?: 'error' | 'warn' | 'ignore';
  /** URL prefixes that mirror folders of the repository (linked templates there are read from the checkout). */
  links?: Record<string, string>;
}

/** Settings from one source (config file, override, action inputs, CLI flags); absent = not set there. */
export interface SettingsLayer {
  severities?: Readonly<Record<string, SeverityLevel>>;
  trackingIds?: readonly string[];
  strictNames?: boolean;
  maxTrackingResources?: number;
  marketplacePackages?: 'check' | 'partner-center-adds-id';
}

export interface LoadedConfig {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown in messages (workspace-relative when inside the workspace). */
  displayPath: string;
  /**
   * Workspace-relative folder its globs (`include`, `exclude`, `overrides`) are relative to: the
   * folder of a `.cua-guard.json` found by walking up; '' (the root) for a named file.
   */
  folder: string;
  config: CuaGuardConfig;
}
