// Template text as it may be printed: each secure parameter's default value (a securestring or
// secureObject, or a type with secure parts, wherever the type comes from) and each value a
// deployment passes to a secure parameter of its inline template replaced by "***". Used where
// cua-guard prints template text (the fix diff's context lines). Works on the text's own syntax
// tree, so only those values change, whatever they are (a short word is hidden as well).
import { parseTree, getNodeValue, type Node } from 'jsonc-parser';
import { hasSecurePart } from '../parse/secure-type.ts';

/** Nested templates followed: deep enough for real templates, bounded for hostile ones. */
const MAX_DEPTH = 32;
const HIDDEN = '"***"';

export function hideSecureValues(text: string): string {
  let tree: Node | undefined;
  try {
    tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    return text;
  }
  if (tree === undefined) return text;
  const ranges: { offset: number; length: number }[] = [];
  collectTemplate(tree, ranges, 0);
  ranges.sort((a, b) => b.offset - a.offset);
  let out = text;
  let last = Number.POSITIVE_INFINITY;
  for (const range of ranges) {
    if (range.offset + range.length > last) continue; // inside a range already hidden
    out = out.slice(0, range.offset) + HIDDEN + out.slice(range.offset + range.length);
    last = range.offset;
  }
  return out;
}

function collectTemplate(template: Node, ranges: { offset: number; length: number }[], depth: number): Set<string> {
  const secure = new Set<string>();
  if (depth > MAX_DEPTH || template.type !== 'object') return secure;
  let root: unknown;
  try {
    root = getNodeValue(template);
  } catch {
    return secure;
  }
  for (const parameter of members(property(template, 'parameters'))) {
    const declaration = parameter.value;
    if (declaration === undefined || !hasSecurePart(safeValue(declaration), root)) continue;
    secure.add(parameter.name.toLowerCase());
    const defaultValue = property(declaration, 'defaultValue');
    if (defaultValue && hasContent(defaultValue)) ranges.push({ offset: defaultValue.offset, length: defaultValue.length });
  }
  for (const resource of resourceNodes(property(template, 'resources'))) collectResource(resource, ranges, depth + 1);
  return secure;
}

function collectResource(resource: Node, ranges: { offset: number; length: number }[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const properties = property(resource, 'properties');
  const inline = properties ? property(properties, 'template') : undefined;
  if (inline) {
    const secure = collectTemplate(inline, ranges, depth + 1);
    for (const passed of members(properties ? property(properties, 'parameters') : undefined)) {
      if (!secure.has(passed.name.toLowerCase()) || passed.value === undefined) continue;
      const value = property(passed.value, 'value');
      if (value && hasContent(value)) ranges.push({ offset: value.offset, length: value.length });
    }
  }
  for (const child of resourceNodes(property(resource, 'resources'))) collectResource(child, ranges, depth + 1);
}

/** An object's property value node, by name in any case (ARM reads names case-insensitively). */
function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const lower = name.toLowerCase();
  let found: Node | undefined;
  for (const child of node.children ?? []) {
    const key = child.children?.[0];
    if (typeof key?.value === 'string' && key.value.toLowerCase() === lower) found = child.children?.[1];
  }
  return found;
}

function members(node: Node | undefined): { name: string; value: Node | undefined }[] {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).map((child) => ({ name: String(child.children?.[0]?.value ?? ''), value: child.children?.[1] }));
}

function resourceNodes(node: Node | undefined): Node[] {
  if (node?.type === 'array') return (node.children ?? []).filter((c) => c.type === 'object');
  if (node?.type === 'object') return members(node).flatMap((m) => (m.value?.type === 'object' ? [m.value] : []));
  return [];
}

/** An empty default ("" for `_artifactsLocationSasToken`, {}) hides nothing: it stays, so the hunk still applies. */
function hasContent(node: Node): boolean {
  if (node.type === 'string') return node.value !== '';
  if (node.type === 'object' || node.type === 'array') return (node.children?.length ?? 0) > 0;
  return true;
}

function safeValue(node: Node): unknown {
  try {
    return getNodeValue(node);
  } catch {
    return undefined;
  }
}
