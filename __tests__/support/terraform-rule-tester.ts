// RuleTester for the Terraform rules (CUA2xx): each case is a module folder written as files
// (`main.tf`, `variables.tf`, `terraform.tfvars`, `.github/workflows/x.yml` …); the rule runs alone
// over it, and each finding's message id, data, file, exact range and severity are asserted, and
// the fixed text of each file the fixes touch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTerraformModule } from '../../src/engine/check-terraform.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import type { MessageData, TerraformRule } from '../../src/engine/rule.ts';
import type { Finding } from '../../src/engine/types.ts';
import { applyFixes } from '../../src/fix/apply-fixes.ts';
import { buildTerraformModule, type TerraformModule } from '../../src/model/terraform/terraform-module.ts';
import { parseHclFile } from '../../src/parse/hcl/parse-hcl.ts';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';
import { partnerIdEnvOfWorkflow } from '../../src/parse/workflow-partner-env.ts';

export interface TerraformValidCase {
  name: string;
  /** Path → text. Paths under `.github/workflows/` are workflows; the rest is the module folder. */
  files: Readonly<Record<string, string>>;
  settings?: Partial<CheckSettings>;
}

export interface TerraformExpectedFinding {
  messageId: string;
  data?: MessageData;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: Finding['severity'];
  /** Default: main.tf. */
  file?: string;
  suppressed?: { reason: string };
}

export interface TerraformInvalidCase extends TerraformValidCase {
  errors: readonly TerraformExpectedFinding[];
  /** Path → text after the fixes; `null` asserts that nothing is fixable. */
  output?: Readonly<Record<string, string>> | null;
}

const MAIN = 'main.tf';

export async function terraformModuleOf(files: Readonly<Record<string, string>>): Promise<TerraformModule> {
  const parser = await createSyntaxParser('terraform');
  const entries = Object.entries(files);
  const workflows = entries.filter(([path]) => path.startsWith('.github/workflows/')).map(([file, text]) => ({ file, text }));
  const parse = ([file, text]: [string, string]) => parseHclFile(parser, file, text);
  return buildTerraformModule({
    folder: '',
    files: entries.filter(([path]) => path.endsWith('.tf')).map(parse),
    varFiles: entries.filter(([path]) => path.endsWith('.tfvars')).map(parse),
    workflowPartnerIds: workflows.flatMap((w) => partnerIdEnvOfWorkflow(w.file, w.text)),
    workflowFiles: workflows,
  });
}

export async function runTerraformRule(rule: TerraformRule, testCase: TerraformValidCase): Promise<Finding[]> {
  const module = await terraformModuleOf(testCase.files);
  const settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, ...testCase.settings };
  return checkTerraformModule(module, { rules: [rule], settings }, MAIN).findings;
}

export function terraformRuleTester(rule: TerraformRule, cases: { valid: readonly TerraformValidCase[]; invalid: readonly TerraformInvalidCase[] }): void {
  const id = rule.meta.id;
  for (const testCase of cases.valid) {
    test(`${id} valid: ${testCase.name}`, async () => {
      assert.deepEqual((await runTerraformRule(rule, testCase)).map(summary), []);
    });
  }
  for (const testCase of cases.invalid) {
    test(`${id} invalid: ${testCase.name}`, async () => {
      const findings = await runTerraformRule(rule, testCase);
      assert.deepEqual(findings.map(summary), testCase.errors.map(expected));
      for (const finding of findings) assert.ok(finding.messageId in rule.meta.messages, `${finding.messageId} is one of ${id}'s messages`);
      if (testCase.output === undefined) return;
      const fixes = findings.flatMap((f) => (f.fix && !f.suppressed ? [f.fix] : []));
      if (testCase.output === null) {
        assert.deepEqual(fixes, [], 'nothing is fixable');
        return;
      }
      const fixed: Record<string, string> = {};
      for (const file of new Set(fixes.map((f) => f.file))) {
        fixed[file] = applyFixes(
          testCase.files[file] ?? '',
          fixes.filter((f) => f.file === file),
        ).text;
      }
      assert.deepEqual(fixed, testCase.output);
    });
  }
}

function summary(f: Finding): Record<string, unknown> {
  return {
    messageId: f.messageId,
    ...(f.data ? { data: f.data } : {}),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    severity: f.severity,
    file: f.file,
    ...(f.suppressed ? { suppressed: f.suppressed } : {}),
  };
}

function expected(e: TerraformExpectedFinding): Record<string, unknown> {
  const { severity, file, suppressed, ...rest } = e;
  return { ...rest, severity: severity ?? 'error', file: file ?? MAIN, ...(suppressed ? { suppressed } : {}) };
}
