// What planning a template's fix works on: the input, the parsed text, the edits planned so far
// and the notes on what was left alone; and the helpers every repair uses to add to them.
import type { Edit, Node } from 'jsonc-parser';
import { suppressionFor } from '../model/suppression.ts';
import type { LinkReader } from '../model/linked-templates.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { ResourceEntry } from '../model/template-model.ts';
import type { DeploymentScope } from '../model/types.ts';
import { insertionEdit, replacementEdit } from './insert.ts';
import type { TextStyle } from './style.ts';

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
  parameterValues?: Record<string, unknown>;
  readLinked?: LinkReader;
}

export interface PendingEdit {
  edit: Edit;
  message: string;
}

export interface FixContext {
  input: FixInput;
  tree: Node;
  style: TextStyle;
  scope: DeploymentScope | undefined;
  pending: PendingEdit[];
  notes: string[];
  /** Top-level tracking deployments in the main template (a rename to the given id needs exactly one). */
  topLevelCount: number;
}

/**
 * True when the check would report `ruleId` here: the rule is not off for this template and not
 * suppressed on the resource. A repair for a finding nobody wants is not made; the note says why.
 */
export function wanted(context: FixContext, ruleId: string, what: string, entry?: ResourceEntry): boolean {
  if (context.input.settings.severities[ruleId] === 'off') {
    context.notes.push(`left alone: ${what} (${ruleId} is off for this template)`);
    return false;
  }
  const suppressed = entry ? suppressionFor(entry.resource, ruleId) : undefined;
  if (suppressed) {
    context.notes.push(`left alone: ${what} (${ruleId} is suppressed on this resource: ${suppressed.reason})`);
    return false;
  }
  return true;
}

/** Plans inserting `value` at `path` (an object member or array element), in the template's layout. */
export function addProperty(context: FixContext, path: (string | number)[], value: unknown, message: string, first = false): void {
  const edit = insertionEdit(context.input.text, context.tree, { path, value, first }, context.style);
  context.pending.push({ edit, message });
}

/** Plans replacing the value at `path`. */
export function replace(context: FixContext, path: (string | number)[], value: unknown, message: string): void {
  context.pending.push({ edit: replacementEdit(context.input.text, path, value), message });
}

/** ARM reads a string in brackets as an expression; '[[' escapes a literal bracket. */
export function isExpression(value: string): boolean {
  return value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}
