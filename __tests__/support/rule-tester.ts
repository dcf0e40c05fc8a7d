// RuleTester, after ESLint's: each rule is tested on templates that must pass and templates that
// must fail, asserting the message id, its data, the exact range and the fixed text. Message prose
// is asserted in one place only (a rule's test that renders its messages).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTemplateText } from '../../src/engine/check-template.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import type { MessageData, Rule } from '../../src/engine/rule.ts';
import type { Finding } from '../../src/engine/types.ts';
import { applyFixes } from '../../src/fix/apply-fixes.ts';
import { createLinkReader } from '../../src/workspace/linked-reader.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace } from './temp-workspace.ts';

type Json = unknown;

export interface ValidCase {
  name: string;
  /** A template: text as written, or a value written with two-space indentation. */
  template: Json | string;
  settings?: Partial<CheckSettings>;
  parameterValues?: Record<string, unknown>;
  /** Files the template may link (workspace-relative paths); when given, links are followed. */
  linked?: Record<string, Json | string>;
}

export interface ExpectedFinding {
  messageId: string;
  data?: MessageData;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: Finding['severity'];
  /** File of the finding when it is not the main template (a linked one). */
  file?: string;
}

export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedFinding[];
  /** The template after the rule's fixes are applied; `null` asserts that nothing is fixable. */
  output?: string | null;
}

const FILE = 'azuredeploy.json';

export function templateText(template: Json | string): string {
  return typeof template === 'string' ? template : `${JSON.stringify(template, null, 2)}\n`;
}

/** The findings of one rule, run alone (other rules' findings never mask or add to it). */
export function runRule(rule: Rule, testCase: ValidCase): { text: string; findings: Finding[] } {
  const text = templateText(testCase.template);
  const settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, ...testCase.settings };
  const input = { file: FILE, text, ...(testCase.parameterValues ? { parameterValues: testCase.parameterValues } : {}) };
  if (testCase.linked === undefined) return { text, findings: checkTemplateText(input, { rules: [rule], settings }).findings };
  // Linked files are read from a real workspace, through the reader the CLI uses.
  const ws = createTempWorkspace();
  try {
    for (const [path, content] of Object.entries(testCase.linked)) ws.write(path, templateText(content));
    const readLinked = createLinkReader(openWorkspace(ws.root));
    return { text, findings: checkTemplateText({ ...input, readLinked }, { rules: [rule], settings }).findings };
  } finally {
    ws.dispose();
  }
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  const id = rule.meta.id;
  for (const testCase of cases.valid) {
    test(`${id} valid: ${testCase.name}`, () => {
      const { findings } = runRule(rule, testCase);
      assert.deepEqual(findings.map(summary), []);
    });
  }
  for (const testCase of cases.invalid) {
    test(`${id} invalid: ${testCase.name}`, () => {
      const { text, findings } = runRule(rule, testCase);
      assert.deepEqual(
        findings.map(summary),
        testCase.errors.map((e) => expected(e)),
      );
      for (const finding of findings) assert.ok(finding.messageId in rule.meta.messages, `${finding.messageId} is one of ${id}'s messages`);
      if (testCase.output === undefined) return;
      const fixes = findings.flatMap((f) => (f.fix && !f.suppressed ? [f.fix] : []));
      if (testCase.output === null) {
        assert.deepEqual(fixes, [], 'nothing is fixable');
        return;
      }
      assert.equal(applyFixes(text, fixes).text, testCase.output);
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
  };
}

function expected(e: ExpectedFinding): Record<string, unknown> {
  const { severity, file, ...rest } = e;
  return { ...rest, severity: severity ?? 'error', file: file ?? FILE };
}
