// Small helpers over the tree-sitter-bicep syntax tree (the grammar's node names are its own).
import type { SyntaxNode } from '../../parse/tree-sitter/load.ts';

export type { SyntaxNode };

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const child = node.namedChild(i);
    if (child && child.type !== 'comment' && child.type !== 'diagnostic_comment') out.push(child);
  }
  return out;
}

export function childOfType(node: SyntaxNode, type: string): SyntaxNode | undefined {
  return namedChildren(node).find((c) => c.type === type);
}

/** Whether an anonymous token (`existing`, `=`) is a direct child of the node. */
export function hasToken(node: SyntaxNode, token: string): boolean {
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child && !child.isNamed && child.type === token) return true;
  }
  return false;
}

/** A string literal's text pieces and interpolations, escapes decoded, in order. */
export type StringPart = { kind: 'text'; text: string } | { kind: 'expression'; node: SyntaxNode };

/**
 * The parts of a `string` node. Read from the node's own text (the grammar leaves some escapes,
 * `\$`, out of its children), with the interpolation children for the `${…}` parts.
 * Multi-line strings ('''…''') have neither escapes nor interpolation.
 */
export function stringParts(node: SyntaxNode): StringPart[] {
  const raw = node.text;
  if (raw.startsWith("'''")) {
    const body = raw.slice(3, raw.endsWith("'''") && raw.length >= 6 ? -3 : undefined);
    // Bicep drops a line break right after the opening quotes.
    return [{ kind: 'text', text: body.replace(/^\r?\n/, '') }];
  }
  const interpolations = namedChildren(node).filter((c) => c.type === 'interpolation');
  const parts: StringPart[] = [];
  let text = '';
  const end = raw.endsWith("'") && raw.length >= 2 ? raw.length - 1 : raw.length;
  let i = 1;
  let next = 0;
  while (i < end) {
    const interpolation = interpolations[next];
    if (interpolation && node.startIndex + i === interpolation.startIndex) {
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      const inner = namedChildren(interpolation)[0];
      if (inner) parts.push({ kind: 'expression', node: inner });
      i = interpolation.endIndex - node.startIndex;
      next++;
      continue;
    }
    const c = raw[i] as string;
    if (c === '\\' && i + 1 < end) {
      const escaped = decodeEscape(raw, i);
      text += escaped.text;
      i = escaped.next;
      continue;
    }
    text += c;
    i++;
  }
  if (text !== '' || parts.length === 0) parts.push({ kind: 'text', text });
  return parts;
}

function decodeEscape(raw: string, at: number): { text: string; next: number } {
  const c = raw[at + 1];
  switch (c) {
    case 'n':
      return { text: '\n', next: at + 2 };
    case 'r':
      return { text: '\r', next: at + 2 };
    case 't':
      return { text: '\t', next: at + 2 };
    case 'u': {
      const match = /^\\u\{([0-9a-fA-F]{1,6})\}/.exec(raw.slice(at));
      if (match?.[1]) {
        const code = Number.parseInt(match[1], 16);
        return { text: code <= 0x10ffff ? String.fromCodePoint(code) : '', next: at + match[0].length };
      }
      return { text: 'u', next: at + 2 };
    }
    default:
      return { text: c ?? '', next: at + 2 };
  }
}

/** The text of a string literal without interpolation, or undefined. */
export function literalString(node: SyntaxNode | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const parts = stringParts(node);
  return parts.length === 1 && parts[0]?.kind === 'text' ? parts[0].text : undefined;
}

/** The top-most ERROR and MISSING nodes: the places the grammar could not read. */
export function unreadNodes(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  if (!root.hasError) return out;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    if (node.isError || node.isMissing) {
      out.push(node);
      continue;
    }
    if (!node.hasError) continue;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child) stack.push(child);
    }
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}
