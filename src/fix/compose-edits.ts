// The fixer applies fixes in passes, each on the text the previous pass produced. The plan reports
// edits on the ORIGINAL text (the diff and the tests read them), so each pass's edits are carried
// back: an edit in untouched text becomes an edit of the original; one that touches text an
// earlier pass wrote is merged into that earlier edit.
import type { Edit } from 'jsonc-parser';

/** `earlier`: edits on the original, sorted, not overlapping; `edit`: one edit on the text they give. */
export function composeEdit(earlier: readonly Edit[], current: string, edit: Edit): Edit[] {
  const start = edit.offset;
  const end = edit.offset + edit.length;
  let shift = 0;
  const before: Edit[] = [];
  const touched: { edit: Edit; at: number; shift: number }[] = [];
  const after: Edit[] = [];
  for (const e of earlier) {
    const at = e.offset + shift; // where e's content starts in the current text
    const contentEnd = at + e.content.length;
    const touches = edit.length === 0 ? at <= start && start <= contentEnd : at < end && start < contentEnd;
    if (touches) touched.push({ edit: e, at, shift });
    else if (contentEnd <= start) before.push(e);
    else after.push(e);
    shift += e.content.length - e.length;
  }
  const shiftBefore = before.reduce((sum, e) => sum + e.content.length - e.length, 0);
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (first === undefined || last === undefined) {
    return sortEdits([...before, { offset: start - shiftBefore, length: edit.length, content: edit.content }, ...after]);
  }
  // The merged region, in the current text and in the original.
  const regionStart = Math.min(start, first.at);
  const regionEnd = Math.max(end, last.at + last.edit.content.length);
  const originalStart = start < first.at ? start - first.shift : first.edit.offset;
  const lastEndInOriginal = last.edit.offset + last.edit.length;
  const originalEnd = end > last.at + last.edit.content.length ? lastEndInOriginal + (end - (last.at + last.edit.content.length)) : lastEndInOriginal;
  const content = current.slice(regionStart, start) + edit.content + current.slice(end, regionEnd);
  return sortEdits([...before, { offset: originalStart, length: originalEnd - originalStart, content }, ...after]);
}

function sortEdits(edits: Edit[]): Edit[] {
  return edits.sort((a, b) => a.offset - b.offset);
}
