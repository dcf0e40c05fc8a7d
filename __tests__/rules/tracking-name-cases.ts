// Shared by the tracking-name rules' tests (CUA003, CUA009, CUA010): templates with one or more
// tracking deployments, and the exact range of a resource's name in their text.
import { templateText } from '../support/rule-tester.ts';
import { GUID, template, trackingResource, type Json } from '../support/templates.ts';

export { GUID, template, trackingResource };

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The range of the `occurrence`-th `"name": <name>` value in the template's text. */
export function nameRange(tpl: Json | string, name: string, occurrence = 0): Range {
  const lines = templateText(tpl).split('\n');
  const needle = `"name": ${JSON.stringify(name)}`;
  let seen = 0;
  for (const [i, line] of lines.entries()) {
    const at = line.indexOf(needle);
    if (at === -1) continue;
    if (seen++ < occurrence) continue;
    const column = at + '"name": '.length + 1;
    return { line: i + 1, column, endLine: i + 1, endColumn: column + JSON.stringify(name).length };
  }
  throw new Error(`${needle} is not in the template`);
}

/** The template's text with one name replaced (what a rename fix produces). */
export function renamed(tpl: Json, from: string, to: string): string {
  return templateText(tpl).replace(`"name": ${JSON.stringify(from)}`, `"name": ${JSON.stringify(to)}`);
}

/** A template with one tracking deployment named `name`. */
export function named(name: string, extra: Json = {}): Json {
  return template([trackingResource({ name })], extra);
}
