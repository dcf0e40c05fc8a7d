// Turns the repairs rules attached to their findings into text edits and applies them, keeping
// the file's layout (see insert.ts). Fixes are applied in the order given; one whose edits would
// touch text another fix already changes is skipped this pass (as ESLint does): the caller checks
// the fixed text again, and the next pass applies it to the new text if it is still wanted.
import { applyEdits, parseTree, type Edit, type Node } from 'jsonc-parser';
import type { Fix, FixOperation } from '../engine/rule.ts';
import { insertionEdit, replacementEdit } from './insert.ts';
import { detectStyle, type TextStyle } from './style.ts';

export interface AppliedFixes {
  text: string;
  /** The fixes whose edits are in `text`, in the order applied. */
  applied: Fix[];
  /** Each applied fix's edits on the original text (parallel to `applied`). */
  appliedEdits: Edit[][];
  /** Fixes left for another pass (their edits overlapped an applied one). */
  deferred: Fix[];
  /** Edits on the original text, sorted by offset. */
  edits: Edit[];
}

export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  // Text edits (Terraform) need no JSON tree; a text that is not JSON is no reason to skip them.
  const textOnly = fixes.every((fix) => fix.operations.every((operation) => operation.kind === 'text'));
  const tree = textOnly ? undefined : parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if ((!tree && !textOnly) || fixes.length === 0) return { text, applied: [], appliedEdits: [], deferred: [...fixes], edits: [] };
  const style = detectStyle(text);
  const applied: Fix[] = [];
  const appliedEdits: Edit[][] = [];
  const deferred: Fix[] = [];
  const accepted: Edit[] = [];
  for (const fix of fixes) {
    const edits = editsFor(fix, { text, tree, style });
    if (edits === undefined || edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) {
      deferred.push(fix);
      continue;
    }
    accepted.push(...edits);
    applied.push(fix);
    appliedEdits.push(edits);
  }
  const edits = [...accepted].sort((a, b) => a.offset - b.offset);
  return { text: applyEdits(text, edits), applied, appliedEdits, deferred, edits };
}

interface Document {
  text: string;
  tree: Node | undefined;
  style: TextStyle;
}

/** The fix's edits, or undefined when one of its operations no longer fits the text. */
function editsFor(fix: Fix, document: Document): Edit[] | undefined {
  try {
    return fix.operations.map((operation) => editFor(operation, document));
  } catch {
    return undefined;
  }
}

function editFor(operation: FixOperation, { text, tree, style }: Document): Edit {
  if (operation.kind === 'text') {
    if (operation.offset < 0 || operation.offset + operation.length > text.length) throw new Error('the edit is outside the text');
    return { offset: operation.offset, length: operation.length, content: operation.content };
  }
  const path = [...operation.path];
  if (operation.kind === 'replace') return replacementEdit(text, path, operation.value);
  if (tree === undefined) throw new Error('not a JSON text');
  return insertionEdit(text, tree, { path, value: operation.value, ...(operation.first !== undefined ? { first: operation.first } : {}) }, style);
}

/** Two edits overlap when they change the same text, or insert at the same place. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
