// What the fixer says about a template besides its changes, as data: the reporters word it
// (src/report/fix-notes.ts) and the action's suggestion picks the kinds it shows.
import type { Finding } from '../engine/types.ts';
import type { TemplateShapeProblem } from '../model/template-shape.ts';

export type FixNote =
  /** The file was not looked at (`message` says why: unreadable, UTF-16). */
  | { kind: 'unreadable'; message: string }
  /** The file is not valid JSON. */
  | { kind: 'invalid-json'; message: string }
  /** The file is JSON but not a deployment template. */
  | { kind: 'not-a-template'; shape: TemplateShapeProblem['kind'] }
  /** Another main template links to this one: the tracking deployment belongs there. */
  | { kind: 'linked-template'; parent: string }
  /** The rule has a repair for the finding, but the finding is suppressed on the resource. */
  | { kind: 'suppressed'; finding: Finding }
  /** The rule attached no repair to this finding, and said why. */
  | { kind: 'left-alone'; finding: Finding; reason: string }
  /** A finding left after the fix; `reason` is why its rule leaves such findings to people. */
  | { kind: 'still-reported'; finding: Finding; reason?: string };
/**
 * TRANSITIONAL (until CUA003/CUA009 attach their own rename fixes): a note of the name repair
 * in repair-name.ts, already worded.
 */
