// Whether a parsed JSON value is a deployment template at all, as data: the rule that reports it
// (CUA013) words the message. A file that is not one gets no model.
import { isRecord } from '../parse/template-source.ts';
import type { JsonPath } from '../parse/types.ts';
import { describeOtherSchema } from './scope-kind.ts';

export type TemplateShapeProblem =
  /** The file is JSON but not an object (`found`: 'a JSON array', 'a JSON string', …). */
  | { kind: 'not-an-object'; path: JsonPath; found: string }
  /** The `$schema` names another kind of file (a parameters file, a createUiDefinition). */
  | { kind: 'other-schema'; path: JsonPath; what: string; schema: string }
  | { kind: 'no-resources'; path: JsonPath }
  /** `resources` has the wrong type (`expected` depends on languageVersion). */
  | { kind: 'resources-type'; path: JsonPath; expected: string; found: string };

/** Why a parsed value is not a deployment template, or undefined when it is one. */
export function templateShapeProblem(root: unknown): TemplateShapeProblem | undefined {
  if (!isRecord(root))
    return { kind: 'not-an-object', path: [], found: Array.isArray(root) ? 'a JSON array' : `a JSON ${root === null ? 'null' : typeof root}` };
  const other = describeOtherSchema(root['$schema']);
  if (other) return { kind: 'other-schema', path: ['$schema'], what: other, schema: String(root['$schema']) };
  const resources = root['resources'];
  if (resources === undefined) return { kind: 'no-resources', path: [] };
  const symbolic = root['languageVersion'] !== undefined;
  if (Array.isArray(resources) || (symbolic && isRecord(resources))) return undefined;
  const expected = symbolic ? 'an array or, with languageVersion, an object' : 'an array';
  return {
    kind: 'resources-type',
    path: ['resources'],
    expected,
    found: resources === null ? 'null' : Array.isArray(resources) ? 'an array' : typeof resources,
  };
}
