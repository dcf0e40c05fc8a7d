// Words the fixer's notes (src/fix/fix-notes.ts) for the CLI and the job summary.
import type { Finding } from '../engine/types.ts';
import type { FixNote } from '../fix/fix-notes.ts';

export function formatFixNote(note: FixNote): string {
  switch (note.kind) {
    case 'unreadable':
      return `not changed: ${note.message}`;
    case 'invalid-json':
      return `not changed: the file is not valid JSON (${note.message})`;
    case 'not-a-template':
      return `not changed: it is not a deployment template (${note.shape})`;
    case 'linked-template':
      return `left alone: it is a linked template of ${note.parent}, which is where a tracking deployment belongs`;
    case 'suppressed':
      return `left alone: ${where(note.finding)} ${note.finding.ruleId} ${note.finding.message} (${note.finding.ruleId} is suppressed on this resource: ${note.finding.suppressed?.reason ?? 'no reason given'})`;
    case 'left-alone':
      return `left alone: ${where(note.finding)} ${note.finding.severity} ${note.finding.ruleId} ${note.finding.message} (not fixed: ${note.reason})`;
    case 'still-reported':
      return `still reported: ${where(note.finding)} ${note.finding.severity} ${note.finding.ruleId} ${note.finding.message}${note.reason ? ` (not fixed: ${note.reason})` : ''}`;
  }
}

function where(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}`;
}
