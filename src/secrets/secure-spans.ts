// Where a template built from another language (Bicep) writes secure values, for printing its
// text (the fix diff): each secure parameter's default and each value a module deployment passes
// to a secure parameter of its file, found on the lowered template (src/parse/secure-type.ts
// decides what is secure, as for JSON) and placed through its source map.
import { isRecord } from '../parse/template-source.ts';
import { hasSecurePart } from '../parse/secure-type.ts';
import type { SourceOrigin } from '../parse/source-map.ts';
import type { JsonPath } from '../parse/types.ts';

export interface TextRange {
  offset: number;
  length: number;
}

/** Modules nest a few levels; this bounds a hostile template. */
const MAX_DEPTH = 32;
const HIDDEN_BICEP = "'***'";

/** The ranges of `file`'s text (as lowered) that hold a secure value. Sorted, not overlapping. */
export function secureValueRanges(root: unknown, origin: SourceOrigin, file: string): TextRange[] {
  const ranges: TextRange[] = [];
  collectTemplate(root, [], { origin, file, ranges }, 0);
  ranges.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const out: TextRange[] = [];
  for (const range of ranges) {
    const last = out.at(-1);
    if (last && range.offset < last.offset + last.length) continue; // inside one already hidden
    out.push(range);
  }
  return out;
}

/** Bicep text with each range replaced by '***'. */
export function hideBicepRanges(text: string, ranges: readonly TextRange[]): string {
  let out = text;
  for (const range of [...ranges].sort((a, b) => b.offset - a.offset)) {
    if (range.offset < 0 || range.offset + range.length > out.length) continue;
    out = out.slice(0, range.offset) + HIDDEN_BICEP + out.slice(range.offset + range.length);
  }
  return out;
}

interface Collect {
  origin: SourceOrigin;
  file: string;
  ranges: TextRange[];
}

/** Adds the template's secure defaults; returns the lower-case names of its secure parameters. */
function collectTemplate(template: unknown, path: JsonPath, collect: Collect, depth: number): Set<string> {
  const secure = new Set<string>();
  if (depth > MAX_DEPTH || !isRecord(template)) return secure;
  const parameters = isRecord(template['parameters']) ? template['parameters'] : {};
  for (const [name, declaration] of Object.entries(parameters)) {
    if (!hasSecurePart(declaration, template)) continue;
    secure.add(name.toLowerCase());
    if (isRecord(declaration) && 'defaultValue' in declaration) add([...path, 'parameters', name, 'defaultValue'], collect);
  }
  const resources = Array.isArray(template['resources']) ? template['resources'] : [];
  resources.forEach((resource, i) => {
    if (!isRecord(resource) || !isRecord(resource['properties'])) return;
    const properties = resource['properties'];
    const at = [...path, 'resources', i, 'properties'];
    const inner = collectTemplate(properties['template'], [...at, 'template'], collect, depth + 1);
    const passed = isRecord(properties['parameters']) ? properties['parameters'] : {};
    for (const name of Object.keys(passed)) if (inner.has(name.toLowerCase())) add([...at, 'parameters', name, 'value'], collect);
  });
  return secure;
}

function add(path: JsonPath, { origin, file, ranges }: Collect): void {
  const span = origin.locate(path, 'value');
  if (span && span.file === file && span.length > 0) ranges.push({ offset: span.offset, length: span.length });
}
