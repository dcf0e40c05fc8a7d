// The engine's settings: everything a check needs, already validated and typed.
// The action's input helper, the CLI's argument parser and the config file all produce this.
import type { SeverityLevel } from './types.ts';

export interface CheckSettings {
  /** Per-rule severity overrides ('off' disables a rule). */
  severities: Readonly<Record<string, SeverityLevel>>;
  /** Registered tracking ids, normalized (lower-case GUID or partner-center id, no `pid-`). */
  trackingIds: readonly string[];
  /** Forbid a suffix after the GUID (landing zones append one by default). */
  strictNames: boolean;
  /** How many top-level tracking deployments a main template may have. */
  maxTrackingResources: number;
  /** Follow templateLink references to files in the workspace. */
  followLinks: boolean;
  /**
   * check: a Marketplace package without a tracking deployment is an error (CUA001) like any main
   * template; partner-center-adds-id: Partner Center adds one when the package is uploaded for an
   * Azure application plan, so CUA001 there is a notice that says so.
   */
  marketplacePackages: 'check' | 'partner-center-adds-id';
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  severities: {},
  trackingIds: [],
  strictNames: false,
  maxTrackingResources: 1,
  followLinks: true,
  marketplacePackages: 'check',
};
