// Finds the values in a template that must never be shown: secure parameters' defaults and
// values (securestring, secureObject, at any nesting level, and the secure parts of a type
// reached through $ref, properties, items or additionalProperties: src/parse/secure-type.ts) and
// SAS tokens (a query string with `sig=`) in template links and `…SasToken` parameters.
// cua-guard never prints them; which of them the action registers with the runner
// (core.setSecret) is the masking policy's decision (mask-policy.ts).
import { isRecord } from '../parse/template-source.ts';
import { forEachSecurePart, hasSecurePart, secureShapeOf } from '../parse/secure-type.ts';
import { isExpressionString } from '../expressions/index.ts';

/** Shorter values would mask ordinary words and numbers all over the log. */
export const MIN_SECRET_LENGTH = 3;

/** Characters that end a query string inside a URI, an expression literal or a sentence. */
const QUERY_END = new Set([' ', '\t', '\r', '\n', '"', "'", '#', '?', '`']);
const SAS_PARAMETER_NAME = /sas(?:token|key|url|uri)?$|sastoken|sasurl/i;
// Nested templates and objects: deep enough for any real template, bounded for hostile ones.
const MAX_DEPTH = 256;

/**
 * The secret strings in one parsed template: secure parameter defaults and values (main and
 * inline nested templates, and the values deployments pass to them), SAS-token query strings
 * anywhere in a `templateLink` or in a `…SasToken` parameter. Sorted longest first, no duplicates.
 *
 * `parameterValues`: the main template's parameter values (parameters file), by name.
 * `linkedSecureParameters`: lower-case names of secure parameters declared by linked template
 * files, so the values deployments pass to them are found too.
 */
export function findSecrets(
  root: unknown,
  parameterValues: Readonly<Record<string, unknown>> = {},
  linkedSecureParameters: ReadonlySet<string> = new Set(),
): string[] {
  const found = new Set<string>();
  if (isRecord(root)) collectTemplate(root, parameterValues, linkedSecureParameters, found, 0);
  return finish(found);
}

/** Secure values in a parameters file (or given at run time), by the types the template declares. */
export function secretsInParameterValues(values: Readonly<Record<string, unknown>>, template: unknown): string[] {
  const found = new Set<string>();
  const declared = isRecord(template) && isRecord(template['parameters']) ? template['parameters'] : {};
  const declarations = new Map(Object.entries(declared).map(([name, declaration]) => [name.toLowerCase(), declaration]));
  for (const [name, value] of Object.entries(values)) {
    const shape = secureShapeOf(declarations.get(name.toLowerCase()), template);
    forEachSecurePart(value, shape, (part) => addValue(part, found, 0));
    if (shape.kind === 'none' && SAS_PARAMETER_NAME.test(name)) addSasTokens(value, found, 0, true);
  }
  return finish(found);
}

/** Lower-case names of the parameters a template declares with a secure type or secure parts. */
export function secureParameterNames(template: unknown): Set<string> {
  const names = new Set<string>();
  if (!isRecord(template) || !isRecord(template['parameters'])) return names;
  for (const [name, declaration] of Object.entries(template['parameters'])) {
    if (hasSecurePart(declaration, template)) names.add(name.toLowerCase());
  }
  return names;
}

function collectTemplate(
  template: Record<string, unknown>,
  values: Readonly<Record<string, unknown>>,
  linkedSecure: ReadonlySet<string>,
  found: Set<string>,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const declared = isRecord(template['parameters']) ? template['parameters'] : {};
  const lowerValues = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, declaration] of Object.entries(declared)) {
    const shape = secureShapeOf(declaration, template);
    const secure = shape.kind !== 'none';
    const sas = SAS_PARAMETER_NAME.test(name);
    if (!secure && !sas) continue;
    const given = lowerValues.get(name.toLowerCase());
    for (const value of [isRecord(declaration) ? declaration['defaultValue'] : undefined, given]) {
      forEachSecurePart(value, shape, (part) => addValue(part, found, 0));
      // A token's parts too: a message may show the query reordered, or only its signature.
      addSasTokens(value, found, 0, !secure);
    }
  }
  for (const resource of resourceList(template['resources'])) collectResource(resource, linkedSecure, found, depth + 1);
}

function collectResource(resource: Record<string, unknown>, linkedSecure: ReadonlySet<string>, found: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const properties = resource['properties'];
  if (isRecord(properties)) {
    const link = properties['templateLink'];
    if (isRecord(link)) {
      addSasTokens(link['uri'], found, 0, false);
      addSasTokens(link['relativePath'], found, 0, false);
    }
    const inline = properties['template'];
    if (isRecord(inline)) {
      // Values a deployment passes to its inline template's secure parameters are secrets too.
      collectTemplate(inline, valuesPassed(properties), linkedSecure, found, depth + 1);
    } else if (isRecord(link)) {
      for (const [name, value] of Object.entries(valuesPassed(properties))) {
        if (linkedSecure.has(name.toLowerCase())) addValue(value, found, 0);
        else if (SAS_PARAMETER_NAME.test(name)) addSasTokens(value, found, 0, true);
      }
    }
  }
  for (const child of resourceList(resource['resources'])) collectResource(child, linkedSecure, found, depth + 1);
}

/** The `value`s a deployment passes to its template's parameters, by name. */
function valuesPassed(properties: Record<string, unknown>): Record<string, unknown> {
  const passed = isRecord(properties['parameters']) ? properties['parameters'] : {};
  const values: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(passed)) {
    if (isRecord(entry) && 'value' in entry) values[name] = entry['value'];
  }
  return values;
}

/**
 * A secure value: a string, or every string inside an object or array (and the object's compact
 * JSON, as a message would quote it). ARM expressions (`[parameters('x')]`) are template text,
 * not values; booleans and numbers would mask every `false` and `1` in the log. Returns whether
 * anything was added.
 */
function addValue(value: unknown, found: Set<string>, depth: number): boolean {
  if (depth > MAX_DEPTH || value === undefined || value === null) return false;
  if (typeof value === 'string') return !isExpression(value) && add(value, found);
  if (typeof value !== 'object') return false;
  let any = false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) any = addValue(item, found, depth + 1) || any;
  if (any && depth === 0) add(safeStringify(value), found);
  return any;
}

/**
 * A whole-string ARM expression: evaluated at deployment, so its text is no secret. ARM's own test
 * (no trimming): " [x]" is a literal value, and may be one.
 */
function isExpression(value: string): boolean {
  return isExpressionString(value);
}

/**
 * SAS tokens in a value. `wholeValue`: the value is a token on its own (a `…SasToken` parameter),
 * so it is a secret even without a recognizable `sig=`.
 */
function addSasTokens(value: unknown, found: Set<string>, depth: number, wholeValue: boolean): void {
  if (depth > MAX_DEPTH || value === undefined || value === null) return;
  if (typeof value === 'string') {
    if (wholeValue && !value.startsWith('[')) add(value, found);
    for (const token of sasQueries(value)) {
      add(token, found);
      add(`?${token}`, found);
      const sig = /(?:^|&)sig=([^&]+)/i.exec(token)?.[1];
      if (sig !== undefined) {
        add(sig, found);
        const decoded = safeDecode(sig);
        if (decoded !== sig) add(decoded, found);
      }
    }
    return;
  }
  if (typeof value !== 'object') return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) addSasTokens(item, found, depth + 1, wholeValue);
}

/**
 * Query strings that carry a signature (`sig=` as a parameter), from just after the `?` (or the
 * start of the text) to the end of the query. Linear in the text, whatever it holds.
 */
export function sasQueries(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const at = lower.indexOf('sig=', from);
    if (at === -1) return out;
    const before = at === 0 ? '?' : text.charAt(at - 1);
    if (before !== '?' && before !== '&' && !QUERY_END.has(before)) {
      from = at + 4;
      continue;
    }
    let start = at;
    while (start > 0 && !QUERY_END.has(text.charAt(start - 1))) start--;
    let end = at + 4;
    while (end < text.length && !QUERY_END.has(text.charAt(end))) end++;
    out.push(text.slice(start, end).replace(/^&+/, ''));
    from = end;
  }
}

function add(value: string, found: Set<string>): boolean {
  let added = false;
  if (value.trim().length >= MIN_SECRET_LENGTH) {
    found.add(value);
    added = true;
  }
  // The runner masks line by line: register each line of a multi-line value too.
  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_SECRET_LENGTH) found.add(line);
    }
  }
  return added;
}

function finish(found: Set<string>): string[] {
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

function resourceList(resources: unknown): Record<string, unknown>[] {
  if (Array.isArray(resources)) return resources.filter(isRecord);
  if (isRecord(resources)) return Object.values(resources).filter(isRecord); // languageVersion 2.0
  return [];
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
