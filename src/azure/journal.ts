// The record of what the verification created, kept in the runner's step state (core.saveState)
// so the post step can remove it even when the job is cancelled. Each item is written BEFORE the
// request that creates it: a cancellation between the two leaves a record of something that may
// not exist, which the post step tolerates, never the reverse.
//
// Pure (no SDK): the post step reads it to decide whether to load the Azure SDK at all.
import type { ApiVersions } from './api-versions.ts';
import type { CloudEndpoints } from './clouds.ts';
import type { CredentialPlan } from './credential-plan.ts';
import type { ArmScope } from './scope.ts';
import type { CleanupPolicy } from '../settings/verify-settings.ts';

/** Step-state key (the post step sees it as STATE_cua-guard-created). */
export const CLEANUP_STATE_KEY = 'cua-guard-created';

export type CreatedItem =
  /**
   * A resource group that did not exist before (checked first; an existing one is never recorded),
   * created by cua-guard itself (create-resource-group) or, `by: 'deployment'`, by the template.
   */
  | { kind: 'resourceGroup'; subscriptionId: string; name: string; by?: 'deployment' }
  /**
   * A deployment record; `nested` lists ids of deployments it created elsewhere and `tracked` the
   * resources it created, once verification knew them.
   */
  | {
      kind: 'deployment';
      scope: ArmScope;
      name: string;
      nested?: string[];
      tracked?: string[];
      /** ARM refused to start it (409 DeploymentActive: another run's of that name): never touched. */
      refused?: true;
    };

/** A deployment record that existed before the run: the run may replace it, cleanup leaves it. */
export interface KeptRecord {
  scope: ArmScope;
  name: string;
}

export interface CleanupJournal {
  version: 1;
  cleanup: CleanupPolicy;
  /** Set when the main step finished; absent after a cancellation or crash. */
  outcome?: 'verified' | 'failed';
  /** How to reach ARM again: endpoints and credential choice, never a secret. */
  connection: { cloud: CloudEndpoints; credential: CredentialPlan; userAgentPrefix: string; apiVersions?: ApiVersions };
  /**
   * The run's x-ms-correlation-request-id, which ARM gives the deployments it starts: the post step
   * touches only deployments that carry it (and finds them by it when the step was killed).
   */
  correlationId?: string;
  created: CreatedItem[];
  /** Deployment records that already existed where the run deploys (checked before deploying). */
  kept?: KeptRecord[];
}

export type StateWriter = (key: string, value: string) => void;

export interface JournalWriter {
  readonly journal: CleanupJournal;
  record(item: CreatedItem): void;
  /** Adds what verification found to a recorded deployment: its nested deployments and created resources. */
  addFound(scope: ArmScope, name: string, found: { nested: readonly string[]; tracked: readonly string[] }): void;
  finish(outcome: 'verified' | 'failed'): void;
  /** ARM refused to start the recorded deployment: it is someone else's. */
  markRefused(scope: ArmScope, name: string): void;
  /** A record that existed before the run, left by cleanup. */
  keep(record: KeptRecord): void;
}

export function createJournalWriter(save: StateWriter, base: Omit<CleanupJournal, 'version' | 'created' | 'outcome'>): JournalWriter {
  const journal: CleanupJournal = { version: 1, ...base, created: [] };
  // The runner keeps the last value written for a key, so the whole journal is written each time.
  const flush = (): void => save(CLEANUP_STATE_KEY, JSON.stringify(journal));
  return {
    journal,
    record(item) {
      journal.created.push(item);
      flush();
    },
    addFound(scope, name, found) {
      const item = findDeployment(journal, scope, name);
      if (!item) return;
      // Recorded even when empty: the post step then knows it need not look for them itself.
      item.nested = [...new Set([...(item.nested ?? []), ...found.nested])];
      item.tracked = [...new Set([...(item.tracked ?? []), ...found.tracked])];
      flush();
    },
    markRefused(scope, name) {
      const item = findDeployment(journal, scope, name);
      if (!item) return;
      item.refused = true;
      flush();
    },
    keep(record) {
      journal.kept = [...(journal.kept ?? []), record];
      flush();
    },
    finish(outcome) {
      journal.outcome = outcome;
      if (journal.created.length > 0) flush();
    },
  };
}

function findDeployment(journal: CleanupJournal, scope: ArmScope, name: string): Extract<CreatedItem, { kind: 'deployment' }> | undefined {
  const item = journal.created.find((c) => c.kind === 'deployment' && c.name === name && JSON.stringify(c.scope) === JSON.stringify(scope));
  return item?.kind === 'deployment' ? item : undefined;
}

export function parseJournal(raw: string): CleanupJournal {
  const value: unknown = JSON.parse(raw);
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 1) {
    throw new Error(`unrecognised ${CLEANUP_STATE_KEY} state`);
  }
  const journal = value as CleanupJournal;
  if (!Array.isArray(journal.created) || typeof journal.connection !== 'object' || journal.connection === null)
    throw new Error(`incomplete ${CLEANUP_STATE_KEY} state`);
  // Each item is read field by field later on: one that is not what was written is no record at all.
  const bad = journal.created.findIndex((item) => !isCreatedItem(item));
  if (bad !== -1) throw new Error(`${CLEANUP_STATE_KEY} state: item ${bad} is not a created resource group or deployment`);
  return journal;
}

function isCreatedItem(item: unknown): item is CreatedItem {
  if (typeof item !== 'object' || item === null) return false;
  const { kind, name } = item as { kind?: unknown; name?: unknown };
  if (typeof name !== 'string') return false;
  if (kind === 'resourceGroup') return typeof (item as { subscriptionId?: unknown }).subscriptionId === 'string';
  return kind === 'deployment' && typeof (item as { scope?: unknown }).scope === 'object' && (item as { scope?: unknown }).scope !== null;
}

/** Whether the post step removes what was created: on-success needs a verified outcome. */
export function shouldCleanUp(journal: CleanupJournal): boolean {
  if (journal.created.length === 0) return false;
  if (journal.cleanup === 'never') return false;
  if (journal.cleanup === 'on-success') return journal.outcome === 'verified';
  return true;
}
