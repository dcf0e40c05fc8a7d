// The statements of a Bicep file, and the resources declared inside a resource's body: each with
// the comments and decorators written just before it, and the parts of its value (object,
// condition, loop) the lowering reads.
import { childOfType, literalString, namedChildren, type SyntaxNode } from './syntax.ts';

export interface Declaration {
  node: SyntaxNode;
  /** Comments and decorators written just before it. */
  leading: SyntaxNode[];
  /** Just after syntax the grammar could not read that may hold its `@secure()`: treated as secure. */
  secureInDoubt?: boolean;
}

export interface Loop {
  node: SyntaxNode;
  collection: SyntaxNode | undefined;
  item: string | undefined;
  index: string | undefined;
}

export interface Body {
  object: SyntaxNode | undefined;
  condition: SyntaxNode | undefined;
  loop: Loop | undefined;
}

function isLeading(node: SyntaxNode): boolean {
  return node.type === 'comment' || node.type === 'decorators' || node.type === 'diagnostic_comment';
}

/** Top-level statements with the comments and decorators just before each. */
export function statementsOf(root: SyntaxNode): Declaration[] {
  const out: Declaration[] = [];
  let leading: SyntaxNode[] = [];
  let doubt = false;
  for (let i = 0; i < root.namedChildCount; i++) {
    const node = root.namedChild(i);
    if (!node) continue;
    if (isLeading(node)) {
      leading.push(node);
      continue;
    }
    out.push(doubt ? { node, leading, secureInDoubt: true } : { node, leading });
    // Fails closed: what the grammar could not read may be (or swallow) the next declaration's `@secure()`.
    doubt = node.type === 'ERROR' && (doubt || decoratorCalls(leading).has('secure') || /secure/i.test(node.text));
    leading = [];
  }
  return out;
}

/**
 * The resources declared inside a resource's body (`resource child 'childType' = { … }` among its
 * properties), with the comments and decorators just before each; `existing` ones included.
 */
export function nestedResourcesOf(body: Body): Declaration[] {
  const object = body.object;
  if (!object) return [];
  const out: Declaration[] = [];
  let leading: SyntaxNode[] = [];
  for (let i = 0; i < object.namedChildCount; i++) {
    const node = object.namedChild(i);
    if (!node) continue;
    if (isLeading(node)) {
      leading.push(node);
      continue;
    }
    const declaration = node.type === 'object_property' ? childOfType(node, 'resource_declaration') : undefined;
    if (declaration) out.push({ node: declaration, leading });
    leading = [];
  }
  return out;
}

/** The type and API version written in a resource declaration: `'type@version'`. */
export function typeAndVersion(declaration: SyntaxNode): { type: string; apiVersion: string | undefined; node: SyntaxNode | undefined } {
  const node = childOfType(declaration, 'string');
  const written = literalString(node) ?? '';
  const at = written.indexOf('@');
  return at === -1 ? { type: written, apiVersion: undefined, node } : { type: written.slice(0, at), apiVersion: written.slice(at + 1), node };
}

/** The object, condition and loop of a resource or module declaration's value. */
export function bodyOf(declaration: SyntaxNode): Body {
  const value = namedChildren(declaration).at(-1);
  const body: Body = { object: undefined, condition: undefined, loop: undefined };
  let node = value;
  if (node?.type === 'for_statement') {
    const initializer = node.childForFieldName('initializer');
    const parameters = childOfType(node, 'for_loop_parameters');
    const inner = node.childForFieldName('body');
    const taken = new Set([initializer?.id, parameters?.id, inner?.id]);
    const collection = namedChildren(node).find((c) => !taken.has(c.id));
    body.loop = {
      node,
      collection,
      item: initializer?.text ?? (parameters ? childOfType(parameters, 'loop_variable')?.text : undefined),
      index: parameters ? childOfType(parameters, 'loop_enumerator')?.text : undefined,
    };
    node = inner ?? undefined;
  }
  if (node?.type === 'if_statement') {
    const condition = childOfType(node, 'parenthesized_expression');
    body.condition = condition ? (namedChildren(condition)[0] ?? condition) : undefined;
    node = childOfType(node, 'object');
  }
  if (node?.type === 'object') body.object = node;
  return body;
}

/** Decorators by name (`@secure()`, `@sys.batchSize(2)`), with their arguments. */
export function decoratorCalls(leading: readonly SyntaxNode[]): Map<string, SyntaxNode[]> {
  const out = new Map<string, SyntaxNode[]>();
  for (const group of leading) {
    if (group.type !== 'decorators') continue;
    for (const decorator of namedChildren(group)) {
      const call = childOfType(decorator, 'call_expression');
      const fn = call?.childForFieldName('function');
      const name = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.text;
      const args = call?.childForFieldName('arguments');
      if (name) out.set(name, args ? namedChildren(args) : []);
    }
  }
  return out;
}
