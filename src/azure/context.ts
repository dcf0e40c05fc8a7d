// What the per-template verification needs, and what it reports back to the step.
import type { Finding } from '../engine/types.ts';
import type { Workspace } from '../workspace/read-file.ts';
import type { Cancellation } from './cancellation.ts';
import type { JournalWriter } from './journal.ts';
import type { AzureSession } from './session.ts';
import type { VerifyMode, VerifySettings } from '../settings/verify-settings.ts';
import type { ExpectedTrackingName, NameMatcher } from './tracking-match.ts';

export interface VerifyTemplate {
  /** Workspace-relative path. */
  path: string;
  absolutePath: string;
  /** pid- names resolved statically, as parts; may be empty. */
  trackingNames: ExpectedTrackingName[];
  /** Workspace-relative parameters file the static check used, if any. */
  parametersFile?: string;
}

export interface StepContext {
  settings: VerifySettings;
  session: AzureSession;
  journal: JournalWriter;
  cancellation: Cancellation;
  workspace: Workspace;
  /** Resource groups already checked or created in this step, by lower-case id. */
  ensuredGroups: Map<string, 'existed' | 'created'>;
}

export interface TemplateRun {
  template: VerifyTemplate;
  mode: VerifyMode;
  deploymentName: string;
  verified: boolean;
  correlationId?: string;
  trackedResources: string[];
  /** Names of the tracking deployments seen (or predicted by what-if / validate). */
  tracking: string[];
  findings: Finding[];
  /** Plain-language facts for the job summary. */
  notes: string[];
  requestCount: number;
  /** Signing in failed: the other templates would fail the same way. */
  signInFailed?: true;
}

export interface TemplateJob {
  template: VerifyTemplate;
  deploymentName: string;
  matcher: NameMatcher;
}
