// Files that cannot be read as a deployment template. The engine reports a main template's
// parse failure under this id before any rule runs; the rule itself covers linked templates.
import { describeOtherSchema } from '../model/scope-kind.ts';
import { isRecord } from '../parse/template-source.ts';
import { docsUrl, type Rule } from './rule.ts';
import { MAX_NESTING } from '../model/template-model.ts';

const id = 'CUA013';
const name = 'invalid-template';

export const cua013: Rule = {
  id,
  name,
  description: 'The file is not valid JSON/JSONC, is empty, or is not a deployment template',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ model, report }) {
    for (const source of model.linkedSources) {
      const problem = templateShapeProblem(source.root);
      if (problem) report({ message: `linked template: ${problem.message}`, at: { file: source.file, path: problem.path, at: 'value' } });
    }
    for (const place of model.tooDeep) {
      report({ message: `resources nest more than ${MAX_NESTING} levels deep here (child resources and nested deployments); the rest was not checked`, at: { file: place.file, path: place.path, at: 'value' } });
    }
    for (const note of model.linkNotes) {
      if (note.kind !== 'unreadable') continue;
      report({ message: note.message, at: { file: note.from.file, path: [...note.from.path, 'properties', 'templateLink'], at: 'value' } });
    }
  },
};

export interface ShapeProblem {
  message: string;
  path: (string | number)[];
}

/** Why a parsed template is not a deployment template, or undefined when it is one. */
export function templateShapeProblem(root: unknown): ShapeProblem | undefined {
  if (!isRecord(root)) return { message: `the file is ${Array.isArray(root) ? 'a JSON array' : `a JSON ${root === null ? 'null' : typeof root}`}, not a deployment template object`, path: [] };
  const other = describeOtherSchema(root['$schema']);
  if (other) return { message: `the file is ${other}, not a deployment template ($schema ${String(root['$schema'])})`, path: ['$schema'] };
  const resources = root['resources'];
  if (resources === undefined) return { message: "the file has no 'resources', so it is not a deployment template", path: [] };
  const symbolic = root['languageVersion'] !== undefined;
  if (Array.isArray(resources) || (symbolic && isRecord(resources))) return undefined;
  const expected = symbolic ? 'an array or, with languageVersion, an object' : 'an array';
  return { message: `'resources' must be ${expected}, not ${resources === null ? 'null' : Array.isArray(resources) ? 'an array' : typeof resources}`, path: ['resources'] };
}
