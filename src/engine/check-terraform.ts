// Checks one Terraform module folder with the Terraform rules it is handed (rules of another
// source kind are not run here), turning the spans the rules point at into lines and columns of
// the .tf, .tfvars or workflow file. It knows no rule by id.
import type { TerraformModule } from '../model/terraform/terraform-module.ts';
import { hclSuppressionFor } from '../model/terraform/suppression.ts';
import { LineIndex } from '../parse/text-position.ts';
import type { CheckSettings } from './check-settings.ts';
import { isTerraformRule, renderMessage, type AnyRule, type TerraformRule, type TerraformRuleReport } from './rule.ts';
import type { Finding, Severity, TemplateResult } from './types.ts';

export interface TerraformCheckPlan {
  rules: readonly AnyRule[];
  settings: CheckSettings;
}

/**
 * `file` names the module in the result (the .tf file holding its first azurerm or azapi
 * provider block, else its first .tf file); every other file read with it is listed as linked.
 */
export function checkTerraformModule(module: TerraformModule, plan: TerraformCheckPlan, file: string): TemplateResult {
  const texts = new Map<string, string>();
  for (const source of [...module.files, ...module.varFiles, ...module.workflowFiles]) texts.set(source.file, source.text);
  const lineIndexes = new Map<string, LineIndex>();
  const lines = (path: string): LineIndex => {
    let index = lineIndexes.get(path);
    if (index === undefined) {
      index = new LineIndex(texts.get(path) ?? '');
      lineIndexes.set(path, index);
    }
    return index;
  };
  const findings: Finding[] = [];
  for (const rule of plan.rules) {
    if (!isTerraformRule(rule)) continue;
    const severity = severityFor(rule, plan.settings);
    if (severity === undefined) continue;
    const configured = plan.settings.severities[rule.meta.id] !== undefined;
    const report = (r: TerraformRuleReport): void => {
      findings.push(toFinding(rule, r, { severity: configured ? severity : (r.severity ?? severity), lines: lines(r.file), module }));
    };
    const before = findings.length;
    try {
      rule.check({ module, settings: plan.settings, report });
    } catch (error) {
      findings.splice(before);
      findings.push(internalError(rule, file, error));
    }
  }
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) : a.file.localeCompare(b.file)));
  const linkedFiles = [...texts.keys()].filter((f) => f !== file);
  const failed = findings.some((f) => f.severity === 'error' && !f.suppressed);
  return { path: file, verdict: failed ? 'fail' : 'pass', findings, tracking: [], linkedFiles, linkTargets: linkedFiles, moduleFolder: module.folder };
}

function severityFor(rule: TerraformRule, settings: CheckSettings): Severity | undefined {
  const configured = settings.severities[rule.meta.id];
  if (configured === 'off') return undefined;
  return configured ?? rule.meta.defaultSeverity;
}

function toFinding(rule: TerraformRule, r: TerraformRuleReport, context: { severity: Severity; lines: LineIndex; module: TerraformModule }): Finding {
  const template = rule.meta.messages[r.messageId];
  const message = template === undefined ? `${r.messageId} (message missing from rule ${rule.meta.id})` : renderMessage(template, r.data, rule.meta.renderData);
  const start = context.lines.positionAt(r.span.offset);
  const end = context.lines.positionAt(r.span.end);
  const hclFile = r.block ? [...context.module.files, ...context.module.varFiles].find((f) => f.file === r.file) : undefined;
  const suppressed = hclFile && r.block ? hclSuppressionFor(hclFile, r.block, rule.meta.id) : undefined;
  return {
    ruleId: rule.meta.id,
    severity: context.severity,
    messageId: r.messageId,
    ...(r.data ? { data: r.data } : {}),
    message,
    file: r.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(suppressed ? { suppressed } : {}),
    ...(r.fix ? { fix: r.fix } : {}),
    ...(r.notFixable !== undefined ? { notFixable: r.notFixable } : {}),
  };
}

function internalError(rule: TerraformRule, file: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: rule.meta.id,
    severity: 'error',
    messageId: 'internal-error',
    data: { error: detail },
    message: `cua-guard's rule ${rule.meta.id} (${rule.meta.name}) failed on this module (internal error: ${detail}); its findings are missing, please report it`,
    file,
    line: 1,
    column: 1,
    internalError: true,
  };
}
