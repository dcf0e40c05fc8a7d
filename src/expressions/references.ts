// The parameters and variables an expression names, read from its syntax tree (never from its
// text): a static error met in a value that one of them holds is traced back through them.
import type { Node } from './ast.ts';
import { isExpressionString, parseExpression } from './parser.ts';

export interface Reference {
  kind: 'parameters' | 'variables';
  /** The name as written (ARM looks names up case-insensitively). */
  name: string;
  /** Where the call starts in the string (0-based, the opening '[' is 0). */
  offset: number;
}

/** `parameters('x')` and `variables('y')` calls with a literal name, in source order. */
export function referencesIn(raw: string): Reference[] {
  if (!isExpressionString(raw)) return [];
  const parsed = parseExpression(raw);
  if (!parsed.ok) return [];
  const found: Reference[] = [];
  const pending: Node[] = [parsed.node];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    switch (node.kind) {
      case 'call': {
        const kind = node.namespace === undefined ? referenceKind(raw.slice(node.nameStart, node.nameEnd)) : undefined;
        const first = node.args[0];
        if (kind !== undefined && first?.kind === 'string') found.push({ kind, name: first.value, offset: node.start });
        for (let i = node.args.length - 1; i >= 0; i--) pending.push(node.args[i] as Node);
        break;
      }
      case 'property':
        pending.push(node.target);
        break;
      case 'index':
        pending.push(node.index, node.target);
        break;
      default:
        break;
    }
  }
  return found;
}

function referenceKind(name: string): Reference['kind'] | undefined {
  const lower = name.toLowerCase();
  return lower === 'parameters' || lower === 'variables' ? lower : undefined;
}
