// Checks a Bicep main template: parse it (and its modules) with the tree-sitter grammar, lower it
// into the ARM template the compiler would write, with a map back to the .bicep text, and run the
// same model and rules as for JSON. The application layer loads the parser, once, only when
// discovery found .bicep files (the runtime is a lazy chunk of the bundle).
import { posix } from 'node:path';
import { checkModel, type CheckPlan } from './check-template.ts';
import type { Finding, TemplateResult } from './types.ts';
import type { Fix } from './rule.ts';
import { lowerBicep, type BicepRead, type LoweredBicep } from '../model/bicep/lower.ts';
import { buildTemplateModel, type ModelOptions } from '../model/template-model.ts';
import { createTemplateSource } from '../parse/template-source.ts';
import type { SyntaxParser, SyntaxTree } from '../parse/tree-sitter/load.ts';
import { KNOWN_AT_DEPLOYMENT } from '../parse/types.ts';
import { loadParameterValues, type ParameterValues } from '../workspace/parameter-files.ts';
import { readWorkspaceFile, workspaceFileExists, type Workspace } from '../workspace/read-file.ts';

export type { SyntaxParser };

export function isBicepFile(file: string): boolean {
  return /\.bicep$/i.test(file);
}

/**
 * Characters of Bicep text whose syntax trees stay parsed between main templates of a run. A tree
 * takes about 60 bytes of WebAssembly memory per character (the 4.5 million characters of
 * ../shared/corpus-bicep peak at 336 MB), so this bounds the trees to about 500 MB.
 */
const TREE_CACHE_BUDGET = 8 * 1024 * 1024;

/**
 * The syntax trees of one run: a module file that many main templates use (a landing zone's
 * shared modules) is parsed once, as parsing is nearly all of a Bicep check's time. Trees live in
 * WebAssembly memory: the least recently used are freed between templates past the budget, and
 * all of them when the run ends.
 */
export class BicepTrees {
  private readonly parser: SyntaxParser;
  private readonly budget: number;
  private readonly trees = new Map<string, { text: string; tree: SyntaxTree }>();
  private size = 0;

  constructor(parser: SyntaxParser, budget = TREE_CACHE_BUDGET) {
    this.parser = parser;
    this.budget = budget;
  }

  /** The tree of a file's text (parsed now, or kept from earlier in the run). */
  parse(file: string, text: string): SyntaxTree {
    const kept = this.trees.get(file);
    if (kept !== undefined) {
      this.trees.delete(file); // most recently used last
      if (kept.text === text) {
        this.trees.set(file, kept);
        return kept.tree;
      }
      this.size -= kept.text.length;
      kept.tree.delete();
    }
    const tree = this.parser.parse(text);
    if (!tree) throw new Error('the Bicep grammar returned no syntax tree');
    this.trees.set(file, { text, tree });
    this.size += text.length;
    return tree;
  }

  /** Frees the least recently used trees past the budget (between templates: none is in use). */
  trim(): void {
    for (const [file, kept] of this.trees) {
      if (this.size <= this.budget) break;
      this.trees.delete(file);
      this.size -= kept.text.length;
      kept.tree.delete();
    }
  }

  dispose(): void {
    for (const kept of this.trees.values()) kept.tree.delete();
    this.trees.clear();
    this.size = 0;
  }
}

export interface BicepCheckInput {
  workspace: Workspace;
  file: string;
  text: string;
  trees: BicepTrees;
  readLinked?: ModelOptions['readLinked'];
  /** Parameters file path or glob, relative to the template (input `parameters`). */
  parametersFile?: string;
}

/** A Bicep main template lowered (with its modules) into the ARM template the compiler would write, and its parameter values. */
export interface LoweredBicepTemplate {
  lowered: LoweredBicep;
  parameters: ParameterValues;
}

/** Lowers the file (and its modules) and checks the result. */
export function checkBicepTemplate(input: BicepCheckInput, plan: CheckPlan): TemplateResult {
  return checkLoweredBicep(input, lowerBicepTemplate(input), plan);
}

/**
 * The lowering the check works on: also what the secrets search and the fix diff read, so each
 * sees the same declarations (which parameters are secure) and the same values.
 */
export function lowerBicepTemplate(input: BicepCheckInput): LoweredBicepTemplate {
  input.trees.trim();
  const parse = (file: string, text: string): SyntaxTree => input.trees.parse(file, text);
  const read = (target: string): BicepRead => {
    const outcome = readWorkspaceFile(input.workspace, target);
    if (!outcome.ok) return /no such file/.test(outcome.message) ? { kind: 'missing' } : { kind: 'unreadable', message: outcome.message };
    const text = withoutBom(outcome.text);
    return { kind: 'file', text, root: parse(target, text).rootNode };
  };
  const text = withoutBom(input.text);
  const lowered = lowerBicep(input.file, text, parse(input.file, text).rootNode, read);
  const parameters = bicepParameterValues(input, (t) => parse(`${input.file}\u0000parameters`, t));
  return { lowered, parameters };
}

/** Checks a lowered Bicep main template (lowerBicepTemplate's). */
export function checkLoweredBicep(input: BicepCheckInput, { lowered, parameters }: LoweredBicepTemplate, plan: CheckPlan): TemplateResult {
  const source = createTemplateSource(input.file, withoutBom(input.text), lowered.root, lowered.origin);
  const model = buildTemplateModel(source, {
    parameterValues: parameters.values,
    ...(input.readLinked && plan.settings.followLinks ? { readLinked: input.readLinked } : {}),
  });
  const problem = parameters.problem ? { file: parameters.file ?? input.file, problem: parameters.problem } : undefined;
  const result = bicepRepairsOnly(collapseRepeats(checkModel(model, plan, problem)), input.file);
  return parameters.file ? { ...result, parametersFile: parameters.file } : result;
}

/** Why a repair other than inserting the tracking deployment is not made in Bicep. */
export const BICEP_NOT_FIXABLE = 'fix changes a Bicep file only to add the tracking deployment; edit this by hand';

/**
 * The rules' repairs are JSON edits of the lowered template. In Bicep `fix` makes one of them, the
 * insertion of a top-level resource (CUA001's tracking deployment, written as a Bicep declaration);
 * the others are dropped, with the reason, so no report offers a JSON edit of a .bicep file.
 */
function bicepRepairsOnly(result: TemplateResult, file: string): TemplateResult {
  if (!result.findings.some((f) => f.fix)) return result;
  const findings = result.findings.map((finding): Finding => {
    if (!finding.fix || isTopLevelInsertion(finding.fix, file)) return finding;
    const { fix: _dropped, ...rest } = finding;
    return { ...rest, notFixable: BICEP_NOT_FIXABLE };
  });
  return { ...result, findings };
}

/** A repair that inserts one resource into the main template's `resources` (CUA001's). */
export function isTopLevelInsertion(fix: Fix, file: string): boolean {
  const [operation] = fix.operations;
  return fix.file === file && fix.operations.length === 1 && operation?.kind === 'insert' && operation.path.length === 2 && operation.path[0] === 'resources';
}

/**
 * A module file used many times (a landing zone calls one policy-assignment module hundreds of
 * times) is one place to edit: the same finding at the same place is reported once, saying how
 * many deployments reach it.
 */
function collapseRepeats(result: TemplateResult): TemplateResult {
  const seen = new Map<string, { index: number; count: number }>();
  const findings: Finding[] = [];
  for (const finding of result.findings) {
    const key = `${finding.ruleId}\u0000${finding.messageId}\u0000${finding.file}\u0000${finding.line}\u0000${finding.column}\u0000${finding.suppressed ? 1 : 0}`;
    const earlier = seen.get(key);
    if (earlier) earlier.count++;
    else {
      seen.set(key, { index: findings.length, count: 1 });
      findings.push(finding);
    }
  }
  if (findings.length === result.findings.length) return result;
  for (const { index, count } of seen.values()) {
    const finding = findings[index];
    if (finding && count > 1) findings[index] = { ...finding, message: `${finding.message} (written once, reached by ${count} module deployments)` };
  }
  return { ...result, findings };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parameter values for a Bicep template: a `.bicepparam` file (named, or `<stem>.bicepparam`
 * beside it), else a JSON parameters file (`<stem>.parameters.json`).
 */
function bicepParameterValues(input: BicepCheckInput, parse: (text: string) => SyntaxTree): ParameterValues {
  const stem = input.file.replace(/\.bicep$/i, '');
  const explicit = input.parametersFile;
  if (explicit !== undefined && !/\.bicepparam$/i.test(explicit)) return loadParameterValues(input.workspace, input.file, explicit);
  const candidate = explicit !== undefined ? posix.normalize(posix.join(posix.dirname(input.file), explicit)) : `${stem}.bicepparam`;
  if (workspaceFileExists(input.workspace, candidate)) {
    const read = readWorkspaceFile(input.workspace, candidate);
    if (!read.ok) return { file: candidate, values: {}, problem: read.message };
    return { file: candidate, ...bicepParamValues(candidate, read.text, parse) };
  }
  if (explicit !== undefined) return { values: {}, problem: `no parameters file '${explicit}' beside ${input.file}` };
  const json = `${stem}.parameters.json`;
  return workspaceFileExists(input.workspace, json) ? loadParameterValues(input.workspace, input.file, posix.basename(json)) : { values: {} };
}

/**
 * `param x = value` assignments of a .bicepparam file. The grammar reads them as declarations only
 * after `param` is spelled `var` (same length, so every offset stays); a value that is not a
 * literal (an expression, `readEnvironmentVariable`, `getSecret`) is known only at deployment.
 */
export function bicepParamValues(file: string, text: string, parse: (text: string) => SyntaxTree): { values: Record<string, unknown>; problem?: string } {
  const rewritten = text.replace(/^(\s*)param(\s+[A-Za-z_]\w*\s*=)/gm, '$1var  $2');
  const lowered = lowerBicep(file, rewritten, parse(rewritten).rootNode, () => ({ kind: 'missing' }));
  const variables = lowered.root['variables'];
  const values: Record<string, unknown> = {};
  if (typeof variables === 'object' && variables !== null) {
    for (const [name, value] of Object.entries(variables)) values[name] = isLiteral(value) ? value : KNOWN_AT_DEPLOYMENT;
  }
  const unread = lowered.origin.unread.length;
  return unread > 0 ? { values, problem: `parameters file ${file} has ${unread} region(s) the Bicep grammar cannot read` } : { values };
}

/** A JSON value with no expression in it. */
function isLiteral(value: unknown): boolean {
  if (typeof value === 'string') return !(value.startsWith('[') && value.endsWith(']') && !value.startsWith('[['));
  if (Array.isArray(value)) return value.every(isLiteral);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(isLiteral);
  return true;
}
