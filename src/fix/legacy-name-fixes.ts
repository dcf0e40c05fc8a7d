// TRANSITIONAL: the rename repairs of CUA003 and CUA009, attached here to the findings of those
// rules until the rules attach them themselves (then delete this module, fix-context.ts and
// repair-name.ts, and its call in plan-fix.ts). Only names the check reported, unsuppressed, on
// the main template's own top-level tracking deployments are repaired.
import type { CheckSettings } from '../engine/check-settings.ts';
import type { Fix } from '../engine/rule.ts';
import type { Finding } from '../engine/types.ts';
import { buildTemplateModel } from '../model/template-model.ts';
import { findTrackingResources } from '../model/tracking-candidates.ts';
import { toJsonPointer } from '../parse/json-pointer.ts';
import { parseTemplateText } from '../parse/parse-json.ts';
import { createTemplateSource } from '../parse/template-source.ts';
import type { FixContext } from './fix-context.ts';
import { repairName } from './repair-name.ts';

const NAME_RULES: ReadonlySet<string> = new Set(['CUA003', 'CUA009']);

export interface NameRepairs {
  fixes: Fix[];
  notes: string[];
}

export interface NameRepairInput {
  file: string;
  text: string;
  settings: CheckSettings;
  parameterValues?: Record<string, unknown>;
}

export function legacyNameFixes({ file, text, settings, parameterValues }: NameRepairInput, findings: readonly Finding[]): NameRepairs {
  const named = findings.filter((f) => NAME_RULES.has(f.ruleId) && !f.suppressed && f.fix === undefined && f.file === file);
  if (named.length === 0) return { fixes: [], notes: [] };
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return { fixes: [], notes: [] };
  const model = buildTemplateModel(createTemplateSource(file, parsed.text, parsed.value as Record<string, unknown>), parameterValues ? { parameterValues } : {});
  const topLevel = findTrackingResources(model, settings.strictNames).filter((c) => c.isDeployment && c.entry.placement === 'top-level' && c.entry.source.file === file);
  const fixes: Fix[] = [];
  const notes: string[] = [];
  for (const candidate of topLevel) {
    const pointer = toJsonPointer(candidate.entry.path);
    const reported = new Set(named.filter((f) => f.jsonPointer === pointer || f.jsonPointer?.startsWith(`${pointer}/`)).map((f) => f.ruleId));
    if (reported.size === 0) continue;
    const context: FixContext = {
      input: { file, text, ...(settings.trackingIds[0] ? { trackingId: settings.trackingIds[0] } : {}), registeredIds: settings.trackingIds, settings },
      pending: [],
      notes: [],
      topLevelCount: topLevel.length,
      reported,
    };
    repairName(context, candidate);
    fixes.push(...context.pending);
    notes.push(...context.notes);
  }
  return { fixes, notes };
}
