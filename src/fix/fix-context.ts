// TRANSITIONAL: what the name repair (repair-name.ts) works on, until the rules CUA003 and CUA009
// attach their own rename fixes; then this module goes with repair-name.ts and legacy-name-fixes.ts.
// The repair no longer decides whether its rule applies: it runs only for names the check reported.
import type { CheckSettings } from '../engine/check-settings.ts';
import type { Fix } from '../engine/rule.ts';

export interface FixInput {
  /** Workspace-relative path of the main template. */
  file: string;
  /** The template text (without a byte-order mark). */
  text: string;
  /** Normalized tracking id to insert (the first of --tracking-id / tracking-ids). */
  trackingId?: string;
  /** Every registered id (normalized), for recognizing a malformed one. */
  registeredIds?: readonly string[];
  settings: CheckSettings;
}

export interface FixContext {
  input: FixInput;
  /** The repairs planned, as fixes. */
  pending: Fix[];
  notes: string[];
  /** Top-level tracking deployments in the main template (a rename to the given id needs exactly one). */
  topLevelCount: number;
  /** The rules the check reported (unsuppressed) on the resource being repaired. */
  reported: ReadonlySet<string>;
}

/** Plans replacing the value at `path`. */
export function replace(context: FixContext, path: (string | number)[], value: unknown, message: string): void {
  context.pending.push({ file: context.input.file, operations: [{ kind: 'replace', path, value }], description: message });
}

/** ARM reads a string in brackets as an expression; '[[' escapes a literal bracket. */
export function isExpression(value: string): boolean {
  return value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}
