// Checks a Bicep main template: parse it (and its modules) with the tree-sitter grammar, lower it
// into the ARM template the compiler would write, with a map back to the .bicep text, and run the
// same model and rules as for JSON. The parser is loaded by the caller, once, only when discovery
// found .bicep files (the runtime is a lazy chunk of the bundle).
import { posix } from 'node:path';
import { checkModel, type CheckPlan } from '../engine/check-template.ts';
import type { TemplateResult } from '../engine/types.ts';
import { lowerBicep, type BicepRead } from '../model/bicep/lower.ts';
import { buildTemplateModel, type ModelOptions } from '../model/template-model.ts';
import { createTemplateSource } from '../parse/template-source.ts';
import { createSyntaxParser, type SyntaxParser, type SyntaxTree } from '../parse/tree-sitter/load.ts';
import { KNOWN_AT_DEPLOYMENT } from '../parse/types.ts';
import { loadParameterValues, type ParameterValues } from '../workspace/parameter-files.ts';
import { readWorkspaceFile, workspaceFileExists, type Workspace } from '../workspace/read-file.ts';

export type { SyntaxParser };

export function isBicepFile(file: string): boolean {
  return /\.bicep$/i.test(file);
}

/** The Bicep parser: the runtime and grammar load on the first call. */
export function loadBicepParser(): Promise<SyntaxParser> {
  return createSyntaxParser('bicep');
}

export interface BicepCheckInput {
  workspace: Workspace;
  file: string;
  text: string;
  parser: SyntaxParser;
  readLinked?: ModelOptions['readLinked'];
  /** Parameters file path or glob, relative to the template (input `parameters`). */
  parametersFile?: string;
}

/** Lowers the file (and its modules) and checks the result; every syntax tree is freed after. */
export function checkBicepTemplate(input: BicepCheckInput, plan: CheckPlan): TemplateResult {
  const trees: SyntaxTree[] = [];
  try {
    const parse = (text: string): SyntaxTree => {
      const tree = input.parser.parse(text);
      if (!tree) throw new Error('the Bicep grammar returned no syntax tree');
      trees.push(tree);
      return tree;
    };
    const read = (target: string): BicepRead => {
      const outcome = readWorkspaceFile(input.workspace, target);
      if (!outcome.ok) return /no such file/.test(outcome.message) ? { kind: 'missing' } : { kind: 'unreadable', message: outcome.message };
      return { kind: 'file', text: outcome.text, root: parse(outcome.text).rootNode };
    };
    const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
    const lowered = lowerBicep(input.file, text, parse(text).rootNode, read);
    const parameters = bicepParameterValues(input, parse);
    const source = createTemplateSource(input.file, text, lowered.root, lowered.origin);
    const model = buildTemplateModel(source, {
      parameterValues: parameters.values,
      ...(input.readLinked && plan.settings.followLinks ? { readLinked: input.readLinked } : {}),
    });
    const problem = parameters.problem ? { file: parameters.file ?? input.file, problem: parameters.problem } : undefined;
    const result = checkModel(model, plan, problem);
    return parameters.file ? { ...result, parametersFile: parameters.file } : result;
  } finally {
    for (const tree of trees) tree.delete();
  }
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
