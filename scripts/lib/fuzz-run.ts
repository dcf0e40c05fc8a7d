// Runs one fuzz case through the engine and returns what went wrong (nothing, normally):
// an exception that escaped, a broken invariant, or a case that took too long.
// Used by __tests__/fuzz (a few hundred cases) and scripts/fuzz.ts (100,000 and more).
import { RULES } from '../../src/rules/index.ts';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTemplateText } from '../../src/engine/check-template.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import { openWorkspace, readWorkspaceFile } from '../../src/workspace/read-file.ts';
import { resultViolations, withoutBom } from './fuzz-invariants.ts';
import { applyByteOps, LINKED_FILE, renderCase, renderParameters, type FuzzCase, type WorkspaceCase } from './fuzz-templates.ts';

/** Generous: a case is a few KB to a few MB; anything near this is a hang, not a slow machine. */
export const CASE_TIME_LIMIT_MS = 20_000;

const SETTINGS: CheckSettings[] = [
  DEFAULT_CHECK_SETTINGS,
  { ...DEFAULT_CHECK_SETTINGS, strictNames: true, trackingIds: ['4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6'], maxTrackingResources: 2 },
  { ...DEFAULT_CHECK_SETTINGS, severities: { CUA013: 'off', CUA001: 'warning', CUA011: 'error' }, followLinks: false },
];

/**
 * Crashes found by fuzzing in code this suite does not own, reported with a minimal counterexample
 * and a proposed fix (and reproduced by a `todo` test in __tests__/hostile/hostile-content.test.ts).
 * The short fuzz run in `npm test` tolerates these and names them; the long run counts them.
 * Delete an entry when its fix lands.
 */
export const KNOWN_ISSUES: readonly { pattern: RegExp; issue: string }[] = [
  {
    pattern: /RangeError: Maximum call stack size exceeded at Object\.check \(.*cua014-tracking-api-version\.ts/,
    issue: 'CUA014 JSON.stringify(raw) of an apiVersion nested thousands of levels deep throws RangeError',
  },
];

export function knownIssue(problem: string): string | undefined {
  return KNOWN_ISSUES.find((k) => k.pattern.test(problem))?.issue;
}

export interface CaseOutcome {
  problems: string[];
  ms: number;
  /** For reports: the input's size and the findings' rules. */
  bytes: number;
  rules: string[];
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frame = (error.stack ?? '').split('\n').find((l) => l.includes('/src/')) ?? '';
    return `${error.name}: ${error.message.slice(0, 200)}${frame ? ` ${frame.trim()}` : ''}`;
  }
  return String(error);
}

/** checkTemplateText on the rendered text, under one of a few settings. */
export function runTextCase(c: FuzzCase, settingsIndex = 0): CaseOutcome {
  const text = renderCase(c);
  const settings = SETTINGS[settingsIndex % SETTINGS.length] ?? DEFAULT_CHECK_SETTINGS;
  const start = performance.now();
  try {
    const result = checkTemplateText({ file: 'azuredeploy.json', text }, { rules: RULES, settings });
    const ms = performance.now() - start;
    const problems = resultViolations(result, 'azuredeploy.json', new Map([['azuredeploy.json', withoutBom(text)]]));
    if (ms > CASE_TIME_LIMIT_MS) problems.push(`took ${ms.toFixed(0)} ms`);
    return { problems, ms, bytes: text.length, rules: result.findings.map((f) => f.ruleId) };
  } catch (error) {
    return { problems: [`exception: ${describeError(error)}`], ms: performance.now() - start, bytes: text.length, rules: [] };
  }
}

/**
 * Writes the case's files (main template bytes, parameters file, linked template) under
 * `dir` and runs checkWorkspace on the main template, as the CLI and the action do.
 */
export function runWorkspaceCase(dir: string, c: WorkspaceCase, settingsIndex = 0): CaseOutcome {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'nested'), { recursive: true });
  const main = applyByteOps(renderCase(c.main), c.mainBytes);
  writeFileSync(join(dir, 'azuredeploy.json'), main);
  if (c.parameters) writeFileSync(join(dir, 'azuredeploy.parameters.json'), renderParameters(c.parameters));
  if (c.linked) writeFileSync(join(dir, LINKED_FILE), applyByteOps(renderCase(c.linked), c.linkedBytes));
  const settings = SETTINGS[settingsIndex % SETTINGS.length] ?? DEFAULT_CHECK_SETTINGS;
  const start = performance.now();
  try {
    const workspace = openWorkspace(dir);
    const report = checkWorkspace({ workspace, settings, paths: ['azuredeploy.json'], cwd: dir });
    const ms = performance.now() - start;
    const problems: string[] = [];
    if (report.files.length !== 1) problems.push(`${report.files.length} results for one template`);
    const texts = new Map<string, string>();
    for (const file of ['azuredeploy.json', LINKED_FILE]) {
      const read = readWorkspaceFile(workspace, file);
      // A file that could not be decoded is reported at its bad byte: positions refer to the
      // text as far as it decodes (invalid sequences as U+FFFD).
      const lossy = (): string => (existsSync(join(dir, file)) ? new TextDecoder('utf-8').decode(readFileSync(join(dir, file))) : '');
      texts.set(file, read.ok ? withoutBom(read.text) : read.offset !== undefined ? lossy() : '');
    }
    const result = report.files[0];
    if (result) problems.push(...resultViolations(result, 'azuredeploy.json', texts));
    if (ms > CASE_TIME_LIMIT_MS) problems.push(`took ${ms.toFixed(0)} ms`);
    return { problems, ms, bytes: main.length, rules: result?.findings.map((f) => f.ruleId) ?? [] };
  } catch (error) {
    return { problems: [`exception: ${describeError(error)}`], ms: performance.now() - start, bytes: main.length, rules: [] };
  }
}
