// The repair of one Terraform module folder, planned without writing: check it, apply the text
// fixes the Terraform rules attached to unsuppressed findings (each file on its own), check the
// fixed texts again. One plan per file the fixes touch, and one for the module's main file. The
// fixes do not make room for each other, so one pass is enough.
import { checkTerraformModule } from '../engine/check-terraform.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { Fix } from '../engine/rule.ts';
import type { Finding } from '../engine/types.ts';
import { isCheckedModule, moduleResultFile, readTerraformModule, type TerraformReaders, type Workflows } from '../workspace/read-terraform-module.ts';
import { LineIndex } from '../parse/text-position.ts';
import { RULES } from '../rules/index.ts';
import type { Workspace } from '../workspace/read-file.ts';
import { applyFixes } from './apply-fixes.ts';
import { isLeft, notesOn, type FixPlan } from './plan-fix.ts';

export interface TerraformFixInput {
  workspace: Workspace;
  folder: string;
  readers: TerraformReaders;
  workflows: Workflows;
  settingsFor: (file: string) => CheckSettings;
}

export function planTerraformFix(input: TerraformFixInput): FixPlan[] {
  const context = { readers: input.readers, workflows: input.workflows };
  const module = readTerraformModule(input.workspace, input.folder, context);
  if (!isCheckedModule(module)) return [];
  const main = moduleResultFile(module);
  const plan = { rules: RULES, settings: input.settingsFor(main) };
  const before = checkTerraformModule(module, plan, main);
  const fixes = before.findings.flatMap((f) => (f.fix && !f.suppressed ? [f.fix] : []));
  const originals = new Map([...module.files, ...module.varFiles].map((f) => [f.file, f.text]));
  const fixed = new Map<string, { text: string; applied: Fix[]; edits: FixPlan['edits'] }>();
  for (const file of new Set(fixes.map((f) => f.file))) {
    const original = originals.get(file);
    if (original === undefined) continue;
    const applied = applyFixes(
      original,
      fixes.filter((f) => f.file === file),
    );
    if (applied.text !== original) fixed.set(file, { text: applied.text, applied: applied.applied, edits: applied.edits });
  }
  const after =
    fixed.size === 0
      ? before
      : checkTerraformModule(
          readTerraformModule(input.workspace, input.folder, { ...context, texts: new Map([...fixed].map(([f, v]) => [f, v.text])) }),
          plan,
          main,
        );
  return [...new Set([main, ...fixed.keys()])].sort().map((file) => {
    const original = originals.get(file) ?? '';
    const change = fixed.get(file);
    const findings = after.findings.filter((f) => f.file === file || (file === main && !originals.has(f.file)));
    return {
      file,
      original,
      fixed: change?.text ?? original,
      edits: change?.edits ?? [],
      changes: change ? changesOf(change.text, change.applied, change.edits) : [],
      notes: notesOn(findings),
      remainingErrors: findings.filter((f: Finding) => isLeft(f) && f.severity === 'error'),
      linkedFiles: [],
    };
  });
}

/** Each applied fix's description, at the line of its edit in the fixed text. */
function changesOf(text: string, applied: readonly Fix[], edits: FixPlan['edits']): FixPlan['changes'] {
  const lines = new LineIndex(text);
  return applied
    .map((fix) => {
      const operation = fix.operations[0];
      const offset = operation?.kind === 'text' ? operation.offset : 0;
      const shift = edits.filter((e) => e.offset < offset).reduce((sum, e) => sum + e.content.length - e.length, 0);
      const leading = operation?.kind === 'text' ? (/^\s*/.exec(operation.content)?.[0].length ?? 0) : 0;
      return { message: fix.description, line: lines.positionAt(offset + shift + leading).line };
    })
    .sort((a, b) => a.line - b.line);
}
