// `cua-guard fix` for a Bicep main template. The rules' repairs are JSON operations on the
// lowered template; the one that makes sense in Bicep, inserting the tracking deployment (CUA001),
// is written as a `resource` declaration in the file's own indentation and line endings, before
// the first resource or module. Every other repair is left to people, with the reason.
import { BICEP_NOT_FIXABLE, BicepTrees, checkLoweredBicep, isTopLevelInsertion, lowerBicepTemplate, type BicepCheckInput } from '../engine/check-bicep.ts';

export { BICEP_NOT_FIXABLE };
import type { CheckSettings } from '../engine/check-settings.ts';
import type { Fix } from '../engine/rule.ts';
import type { Finding, TemplateResult } from '../engine/types.ts';
import { RULES } from '../rules/index.ts';
import type { LinkReader } from '../model/linked-templates.ts';
import type { Workspace } from '../workspace/read-file.ts';
import { LineIndex } from '../parse/text-position.ts';
import type { FixNote } from './fix-notes.ts';
import type { FixPlan } from './plan-fix.ts';
import { secureValueRanges, type TextRange } from '../secrets/secure-spans.ts';

export interface BicepFixInput {
  workspace: Workspace;
  file: string;
  text: string;
  settings: CheckSettings;
  trees: BicepTrees;
  readLinked?: LinkReader;
  parametersFile?: string;
}

export function planBicepFix(input: BicepFixInput): FixPlan {
  const { result: before, secure: secureOriginal } = check(input, input.text);
  const insertion = before.findings.map((f) => trackingInsertion(f, input.file)).find((x) => x !== undefined);
  let fixed = input.text;
  const changes: FixPlan['changes'] = [];
  const edits: FixPlan['edits'] = [];
  let after = before;
  let secureFixed = secureOriginal;
  if (insertion) {
    const edit = insertionEdit(input.text, insertion.value);
    fixed = input.text.slice(0, edit.offset) + edit.content + input.text.slice(edit.offset);
    edits.push(edit);
    changes.push({ message: insertion.fix.description, line: new LineIndex(fixed).positionAt(edit.offset).line });
    ({ result: after, secure: secureFixed } = check(input, fixed));
  }
  const left = after.findings.filter((f) => !f.suppressed && f.severity !== 'notice');
  const notes: FixNote[] = left.map((finding) =>
    finding.notFixable !== undefined
      ? { kind: 'left-alone', finding, reason: finding.notFixable }
      : {
          kind: 'left-alone',
          finding,
          reason: finding.fix ? BICEP_NOT_FIXABLE : (RULES.find((r) => r.meta.id === finding.ruleId)?.meta.notFixable ?? BICEP_NOT_FIXABLE),
        },
  );
  return {
    file: input.file,
    original: input.text,
    fixed,
    edits,
    changes,
    notes,
    remainingErrors: left.filter((f) => f.severity === 'error'),
    linkedFiles: before.linkedFiles,
    secureRanges: { original: secureOriginal, fixed: secureFixed },
  };
}

/** The check of the text, and where the text holds a secure value (a secure parameter's default, a value passed to a module's): never printed. */
function check(input: BicepFixInput, text: string): { result: TemplateResult; secure: TextRange[] } {
  const request = checkInput(input, text);
  const lowered = lowerBicepTemplate(request);
  const secure = secureValueRanges(lowered.lowered.root, lowered.lowered.origin, input.file);
  return { result: checkLoweredBicep(request, lowered, { rules: RULES, settings: input.settings }), secure };
}

function checkInput(input: BicepFixInput, text: string): BicepCheckInput {
  return {
    workspace: input.workspace,
    file: input.file,
    text,
    trees: input.trees,
    ...(input.readLinked ? { readLinked: input.readLinked } : {}),
    ...(input.parametersFile ? { parametersFile: input.parametersFile } : {}),
  };
}

/** The insertion of a top-level resource a finding's repair asks for (CUA001's), if that is what it is. */
function trackingInsertion(finding: Finding, file: string): { fix: Fix; value: Record<string, unknown> } | undefined {
  const fix = finding.fix;
  if (!fix || finding.suppressed || !isTopLevelInsertion(fix, file)) return undefined;
  const [operation] = fix.operations;
  const value = operation?.kind === 'insert' ? operation.value : undefined;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { fix, value: value as Record<string, unknown> } : undefined;
}

/** The declaration, inserted before the first resource or module (with its comments and decorators), or at the end. */
function insertionEdit(text: string, value: Record<string, unknown>): { offset: number; length: 0; content: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const symbol = uniqueSymbol(text);
  const declaration = renderDeclaration(symbol, value, unit).join(eol);
  const lines = text.split(/(?<=\n)/);
  let offset = 0;
  let insertAt = -1;
  let leadingStart = -1;
  for (const line of lines) {
    if (/^(resource|module)\s/.test(line)) {
      insertAt = leadingStart === -1 ? offset : leadingStart;
      break;
    }
    if (/^(@|\/\/)/.test(line)) {
      if (leadingStart === -1) leadingStart = offset;
    } else leadingStart = -1;
    offset += line.length;
  }
  if (insertAt === -1) {
    const needsBreak = text !== '' && !text.endsWith('\n');
    return { offset: text.length, length: 0, content: `${needsBreak ? eol : ''}${text.trim() === '' ? '' : eol}${declaration}${eol}` };
  }
  return { offset: insertAt, length: 0, content: `${declaration}${eol}${eol}` };
}

function uniqueSymbol(text: string): string {
  for (let i = 0; ; i++) {
    const symbol = i === 0 ? 'pidTracking' : `pidTracking${i + 1}`;
    if (!new RegExp(`\\b${symbol}\\b`).test(text)) return symbol;
  }
}

function renderDeclaration(symbol: string, value: Record<string, unknown>, unit: string): string[] {
  const type = `${String(value['type'])}@${String(value['apiVersion'])}`;
  const { type: _type, apiVersion: _apiVersion, ...body } = value;
  return [`resource ${symbol} '${type}' = {`, ...renderProperties(body, unit, 1), '}'];
}

function renderProperties(object: Record<string, unknown>, unit: string, depth: number): string[] {
  const indent = unit.repeat(depth);
  return Object.entries(object).flatMap(([key, value]) => {
    const name = /^[A-Za-z_]\w*$/.test(key) ? key : bicepString(key);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return [`${indent}${name}: {`, ...renderProperties(value as Record<string, unknown>, unit, depth + 1), `${indent}}`];
    return [`${indent}${name}: ${renderScalar(value)}`];
  });
}

/** A JSON value of the tracking resource in Bicep: an ARM expression string is the same call in Bicep. */
function renderScalar(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map(renderScalar).join(', ')} ]`;
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return bicepString(value.slice(1));
    if (value.startsWith('[') && value.endsWith(']')) return value.slice(1, -1);
    return bicepString(value);
  }
  return JSON.stringify(value);
}

function bicepString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}
