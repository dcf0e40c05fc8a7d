// Checks shared by the fix tests: a fix only adds text (or replaces a string literal), and the
// rest of the file is the same byte for byte.
import assert from 'node:assert/strict';
import type { FixPlan } from '../../src/fix/index.ts';

/** Longest common prefix and suffix of two texts, independent of the edits the fixer reports. */
export function changedRegion(before: string, after: string): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/**
 * Every edit is a pure insertion or the replacement of one JSON string literal, and the text
 * outside the edits is unchanged: removing the inserted text (and putting the replaced literals
 * back) gives the original, byte for byte.
 */
export function assertUntouchedOutsideEdits(plan: FixPlan): void {
  let shift = 0;
  for (const edit of plan.edits) {
    const replaced = plan.original.slice(edit.offset, edit.offset + edit.length);
    if (edit.length > 0)
      assert.match(replaced, /^"(?:[^"\\]|\\.)*"$/, `${plan.file}: an edit replaces more than a string literal: ${JSON.stringify(replaced)}`);
    const at = edit.offset + shift;
    assert.equal(plan.fixed.slice(at, at + edit.content.length), edit.content, `${plan.file}: the edit is where it says it is`);
    shift += edit.content.length - edit.length;
  }
  // Independent check: cut every edit's content out of the fixed text, put back what it replaced.
  let restored = plan.fixed;
  for (const edit of [...plan.edits].reverse()) {
    const before = plan.edits.filter((e) => e.offset < edit.offset || (e.offset === edit.offset && plan.edits.indexOf(e) < plan.edits.indexOf(edit)));
    const at = edit.offset + before.reduce((sum, e) => sum + e.content.length - e.length, 0);
    restored = restored.slice(0, at) + plan.original.slice(edit.offset, edit.offset + edit.length) + restored.slice(at + edit.content.length);
  }
  assert.equal(restored, plan.original, `${plan.file}: the text outside the edits changed`);
}

/** A single insertion: the diff between original and fixed is exactly the inserted text. */
export function assertPureInsertion(plan: FixPlan): void {
  assert.equal(plan.edits.length, 1, `${plan.file}: one edit`);
  const [edit] = plan.edits;
  assert.ok(edit);
  assert.equal(edit.length, 0, `${plan.file}: nothing replaced`);
  const { prefix, suffix } = changedRegion(plan.original, plan.fixed);
  // The original's changed region is empty: only text was added.
  assert.equal(plan.original.length - prefix - suffix, 0, `${plan.file}: the original lost or changed text`);
  assert.equal(plan.fixed.length - plan.original.length, edit.content.length);
  assert.equal(plan.fixed.slice(0, edit.offset) + plan.fixed.slice(edit.offset + edit.content.length), plan.original);
}
