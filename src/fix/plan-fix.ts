// Works out the repair of one main template without writing anything, as ESLint's fixer does:
// check the text with the rules → collect the fixes the rules attached to their unsuppressed
// findings in this file → apply them (apply-fixes.ts) → check again → until nothing more is
// applied, at most MAX_PASSES times. It decides nothing about what to repair: a rule that is off
// reports nothing, a suppressed finding's fix is not applied, and a finding a rule attached no fix
// to is left, with the reason its rule gives. Running the fix again finds nothing to do.
import type { Edit } from 'jsonc-parser';
import { checkTemplateText } from '../engine/check-template.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { Fix } from '../engine/rule.ts';
import type { Finding, TemplateResult } from '../engine/types.ts';
import type { LinkContext, LinkReader } from '../model/linked-templates.ts';
import { templateShapeProblem } from '../model/template-shape.ts';
import { parseTemplateText } from '../parse/parse-json.ts';
import { LineIndex } from '../parse/text-position.ts';
import { RULES, findRule } from '../rules/index.ts';
import type { TextRange } from '../secrets/secure-spans.ts';
import { applyFixes } from './apply-fixes.ts';
import { composeEdit } from './compose-edits.ts';
import type { FixNote } from './fix-notes.ts';

export type { FixNote } from './fix-notes.ts';

/** ESLint's limit: fixes that keep making room for each other stop here. */
const MAX_PASSES = 10;

export interface FixInput {
  /** Workspace-relative path of the main template. */
  file: string;
  /** The template text (without a byte-order mark). */
  text: string;
  /** The settings for this template; its first tracking id is the one a new tracking deployment gets. */
  settings: CheckSettings;
  parameterValues?: Record<string, unknown>;
  readLinked?: LinkReader;
  /** Link roots and the repository's files, so links resolve as `check` resolves them. */
  links?: LinkContext;
}

export interface FixChange {
  /** What was done, in words (the fix's description). */
  message: string;
  /** 1-based line in the fixed text. */
  line: number;
}

export interface FixPlan {
  file: string;
  original: string;
  fixed: string;
  /** Edits on the original text, sorted by offset. Insertions have length 0. */
  edits: Edit[];
  changes: FixChange[];
  /** What was left alone and why, and what the check still reports afterwards. */
  notes: FixNote[];
  /** Error-level findings left after the fix (unsuppressed). */
  remainingErrors: Finding[];
  /** Linked template files this template reaches (workspace-relative). */
  linkedFiles: string[];
  /**
   * Where `original` and `fixed` hold a secure value, never printed (a Bicep file, whose secure
   * values are found on its lowering; a JSON file's are found on its own syntax tree when printed).
   */
  secureRanges?: { original: TextRange[]; fixed: TextRange[] };
}

export function planTemplateFix(input: FixInput): FixPlan {
  const parsed = parseTemplateText(input.text);
  if (!parsed.ok) return unchanged(input, { kind: 'invalid-json', message: parsed.error.message });
  const shape = templateShapeProblem(parsed.value);
  if (shape) return unchanged(input, { kind: 'not-a-template', shape: shape.kind });

  let text = input.text;
  let edits: Edit[] = [];
  let placed: Placed[] = [];
  let result = check(input, text);
  const linkedFiles = result.linkedFiles;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = attachedFixes(input.file, result.findings);
    const applied = applyFixes(text, fixes);
    if (applied.applied.length === 0 || applied.text === text) break;
    placed = [...placed.map((p) => ({ ...p, at: moved(p.at, applied.edits) })), ...placedIn(applied.applied, applied.appliedEdits, applied.edits)];
    for (const edit of [...applied.edits].sort((a, b) => b.offset - a.offset)) {
      edits = composeEdit(edits, text, edit);
      text = text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
    }
    result = check(input, text);
  }
  const lines = new LineIndex(text);
  const changes = placed.map((p) => ({ message: p.description, line: lines.positionAt(p.at).line })).sort((a, b) => a.line - b.line);
  const notes: FixNote[] = notesOn(result.findings);
  const remaining = result.findings.filter(isLeft);
  return {
    file: input.file,
    original: input.text,
    fixed: text,
    edits,
    changes,
    notes,
    remainingErrors: remaining.filter((f) => f.severity === 'error'),
    linkedFiles,
  };
}

function check(input: FixInput, text: string): TemplateResult {
  return checkTemplateText(
    {
      file: input.file,
      text,
      ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
      ...(input.readLinked ? { readLinked: input.readLinked } : {}),
      ...(input.links ? { links: input.links } : {}),
    },
    { rules: RULES, settings: input.settings },
  );
}

/** The fixes rules attached to unsuppressed findings, for this file only (never a linked one). */
function attachedFixes(file: string, findings: readonly Finding[]): Fix[] {
  return findings.flatMap((f) => (f.fix && !f.suppressed && f.fix.file === file ? [f.fix] : []));
}

/** A finding the fix leaves: unsuppressed and more than a notice. */
export function isLeft(finding: Finding): boolean {
  return !finding.suppressed && finding.severity !== 'notice';
}

/** For each finding left, why; and each suppressed finding whose repair was therefore not made. */
export function notesOn(findings: readonly Finding[]): FixNote[] {
  const notes: FixNote[] = [];
  for (const finding of findings) {
    if (finding.suppressed) {
      if (finding.fix) notes.push({ kind: 'suppressed', finding });
      continue;
    }
    if (!isLeft(finding)) continue;
    if (finding.notFixable !== undefined) {
      notes.push({ kind: 'left-alone', finding, reason: finding.notFixable });
      continue;
    }
    const reason = findRule(finding.ruleId)?.meta.notFixable;
    notes.push({ kind: 'still-reported', finding, ...(reason !== undefined ? { reason } : {}) });
  }
  return notes;
}

function unchanged(input: FixInput, note: FixNote): FixPlan {
  const result = check(input, input.text);
  const remaining = result.findings.filter(isLeft);
  return {
    file: input.file,
    original: input.text,
    fixed: input.text,
    edits: [],
    changes: [],
    notes: [note, ...notesOn(result.findings)],
    remainingErrors: remaining.filter((f) => f.severity === 'error'),
    linkedFiles: [],
  };
}

/** An applied fix's description and where its text starts in the text of the latest pass. */
interface Placed {
  description: string;
  at: number;
}

function placedIn(fixes: readonly Fix[], editsByFix: readonly Edit[][], all: readonly Edit[]): Placed[] {
  return fixes.map((fix, i) => {
    const first = [...(editsByFix[i] ?? [])].sort((a, b) => a.offset - b.offset)[0];
    const offset = first ? first.offset : 0;
    const before = all.filter((edit) => edit.offset < offset).reduce((sum, edit) => sum + edit.content.length - edit.length, 0);
    return { description: fix.description, at: offset + before + (first ? leadingLayout(first.content) : 0) };
  });
}

/** Where an offset of the text before a pass is in the text after it (an insertion at it goes before). */
function moved(offset: number, edits: readonly Edit[]): number {
  let shift = 0;
  for (const edit of edits) if (edit.offset < offset || (edit.offset === offset && edit.length === 0)) shift += edit.content.length - edit.length;
  return offset + shift;
}

/** Commas, line breaks and indentation an insertion starts with (so a change's line is where its text is). */
function leadingLayout(content: string): number {
  return /^[,\s]*/.exec(content)?.[0].length ?? 0;
}
