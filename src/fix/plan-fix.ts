// Works out the edits that repair one main template, without writing anything:
//  - no tracking deployment anywhere: insert one as the first top-level resource (a new symbolic
//    resource in languageVersion 2.0 templates), shaped for the template's deployment scope;
//  - a top-level tracking deployment with a literal mode other than Incremental, or none: set it;
//    no properties at all, or no template: add the empty inline template;
//  - at subscription, management group or tenant scope without a location: add one;
//  - no apiVersion, or a literal one that is not a date: set 2021-04-01;
//  - a malformed literal name whose intended id is clear (wrong case of 'pid-', braces round the
//    GUID, a GUID one or two characters away from a given id, the all-zero placeholder GUID).
//  - a literal name that is invalid (CUA003) or carries an unregistered id (CUA009), when exactly
//    one id is given and the template has exactly one top-level tracking deployment: rename it to
//    pid-<given id>, keeping a landing-zone suffix;
//  - tracking deployments only in nested or linked templates or child resources: insert the
//    top-level one; the misplaced one stays (moving it is not sure to be safe) and is still reported.
// A repair whose rule is off for the template, or suppressed on the resource, is not made.
// Anything it cannot be sure of is left alone with a note saying why: duplicates, wrong types,
// conditions, names built by expressions, broken files. All edits are computed on the original
// text and applied at once with jsonc-parser's applyEdits; running the fix again finds nothing to do.
// Each repair is its own module (insert-tracking.ts, repair-name.ts, repair-deployment.ts) working
// on the shared FixContext (fix-context.ts); this module plans them in order and finishes the plan.
import { applyEdits, parseTree, type Edit } from 'jsonc-parser';
import { checkTemplateText } from '../engine/check-template.ts';
import { findTrackingResources } from '../model/tracking-candidates.ts';
import { RULES } from '../rules/index.ts';
import { parseTemplateText } from '../parse/parse-json.ts';
import { buildTemplateModel, isDeploymentType, type ResourceEntry } from '../model/template-model.ts';
import { createTemplateSource } from '../parse/template-source.ts';
import { LineIndex } from '../parse/text-position.ts';
import type { Finding } from '../engine/types.ts';
import { templateShapeProblem } from '../model/template-shape.ts';
import { detectStyle } from './style.ts';
import type { FixContext, FixInput } from './fix-context.ts';
import { insertTrackingResource } from './insert-tracking.ts';
import { repairTrackingDeployment } from './repair-deployment.ts';

export type { FixInput } from './fix-context.ts';

export interface FixChange {
  /** What was done, in words. */
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
  notes: string[];
  /** Error-level findings left after the fix (unsuppressed). */
  remainingErrors: Finding[];
  /** Linked template files this template reaches (workspace-relative). */
  linkedFiles: string[];
}

export function planTemplateFix(input: FixInput): FixPlan {
  const unchanged = (notes: string[]): FixPlan => finish(input, { pending: [], notes }, []);
  const parsed = parseTemplateText(input.text);
  if (!parsed.ok) return unchanged([`not changed: the file is not valid JSON (${parsed.error.message})`]);
  const shape = templateShapeProblem(parsed.value);
  if (shape) return unchanged([`not changed: it is not a deployment template (${shape.kind})`]);
  const tree = parseTree(input.text, [], { allowTrailingComma: true, disallowComments: false });
  if (!tree) return unchanged(['not changed: the file could not be parsed']);

  const source = createTemplateSource(input.file, input.text, parsed.value as Record<string, unknown>);
  const model = buildTemplateModel(source, {
    ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
    ...(input.readLinked && input.settings.followLinks ? { readLinked: input.readLinked } : {}),
  });
  const candidates = findTrackingResources(model, input.settings.strictNames);
  const style = detectStyle(input.text);
  const deployments = candidates.filter((c) => c.isDeployment);
  const topLevel = deployments.filter((c) => c.entry.placement === 'top-level' && c.entry.source.file === input.file);
  const elsewhere = deployments.filter((c) => !topLevel.includes(c));
  const context: FixContext = { input, tree, style, scope: model.scope, pending: [], notes: [], topLevelCount: topLevel.length };
  // A top-level deployment whose name mentions pid- but could not be evaluated (a broken
  // expression) is meant to be the tracking deployment: a second one would not fix it.
  const broken = model.resources.filter(
    (r) => r.placement === 'top-level' && r.source.file === input.file && isDeploymentType(r.type) && !candidates.some((c) => c.entry === r) && /pid-/i.test(JSON.stringify(r.resource['name'] ?? '')),
  );
  for (const entry of broken) {
    context.notes.push(`left alone: the deployment named ${JSON.stringify(entry.resource['name'])} looks like the tracking deployment, but its name cannot be evaluated; fix the expression by hand`);
  }
  // Misplaced tracking deployments do not attribute anything: the top-level one is still missing.
  const inserted = topLevel.length === 0 && broken.length === 0 && insertTrackingResource(context, model.main.root);
  for (const candidate of elsewhere) {
    context.notes.push(
      `left alone: tracking deployment '${candidate.name.display}' is ${describePlacement(candidate.entry)}; cua-guard fix never moves or deletes one, as it cannot be sure nothing depends on it: ` +
        (inserted ? 'a top-level one was inserted, so remove this one yourself' : "move it to the main template's top-level resources yourself"),
    );
  }
  for (const candidate of topLevel) repairTrackingDeployment(context, candidate);

  return finish(input, context, model.linkedSources.map((s) => s.file));
}

function describePlacement(entry: ResourceEntry): string {
  const chain = entry.chain.map((hop) => `'${hop.label}'`).join(' → ');
  switch (entry.placement) {
    case 'nested-inline':
      return `inside the nested template of ${chain} (${entry.source.file})`;
    case 'linked':
      return `in the linked template ${entry.source.file}${chain ? ` (reached through ${chain})` : ''}`;
    default:
      return `a child resource in ${entry.source.file}`;
  }
}

function finish(input: FixInput, context: Pick<FixContext, 'pending' | 'notes'>, linkedFiles: string[]): FixPlan {
  const ordered = context.pending.map((p, index) => ({ ...p, index })).sort((a, b) => a.edit.offset - b.edit.offset || a.index - b.index);
  const edits = ordered.map((p) => p.edit);
  const fixed = applyEdits(input.text, edits);
  const lines = new LineIndex(fixed);
  let shift = 0;
  const changes: FixChange[] = [];
  for (const { edit, message } of ordered) {
    const start = edit.offset + shift + leadingLayout(edit.content);
    changes.push({ message, line: lines.positionAt(start).line });
    shift += edit.content.length - edit.length;
  }
  const recheck = checkTemplateText(
    {
      file: input.file,
      text: fixed,
      ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
      ...(input.readLinked ? { readLinked: input.readLinked } : {}),
    },
    { rules: RULES, settings: input.settings },
  );
  const remaining = recheck.findings.filter((f) => !f.suppressed && f.severity !== 'notice');
  const notes = [...context.notes];
  for (const finding of remaining) {
    const why = NOT_FIXED[finding.ruleId];
    notes.push(`still reported: ${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}${why ? ` (not fixed: ${why})` : ''}`);
  }
  changes.sort((a, b) => a.line - b.line);
  return { file: input.file, original: input.text, fixed, edits, changes, notes, remainingErrors: remaining.filter((f) => f.severity === 'error'), linkedFiles };
}

/** Why fix leaves each of these findings to people: it cannot be sure what the right change is. */
const NOT_FIXED: Readonly<Record<string, string>> = {
  CUA002: 'which tracking deployment to delete, or how to drop the copy loop, is your call; fix never deletes a resource',
  CUA004: 'fix never moves a resource out of a nested template or a parent resource; it inserts the top-level one when there is none',
  CUA005: 'fix never edits a linked template or moves a resource out of it; it inserts the top-level one when there is none',
  CUA006: 'changing the type or name of a resource that is not a deployment could change what it does; fix leaves it to you',
  CUA008: "fix never deletes resources from the tracking deployment's template",
  CUA010: 'the id is known only at deployment; fix does not rewrite expressions',
  CUA011: 'a condition may be a deliberate opt-out; fix does not remove or change it',
  CUA013: 'fix edits only files it can parse as deployment templates',
  CUA015: 'renaming a tracking deployment that may already be deployed is left to you',
  CUA016: 'fix does not rewrite expressions',
  CUA017: 'fix does not read remote templates',
};

/** Commas, line breaks and indentation an insertion starts with (so a change's line is where its text is). */
function leadingLayout(content: string): number {
  return /^[,\s]*/.exec(content)?.[0].length ?? 0;
}
