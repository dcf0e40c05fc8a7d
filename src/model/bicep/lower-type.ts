// Bicep types as the ARM type declarations the compiler writes, as far as secrets need them: a
// user-defined type becomes an entry of the template's `definitions` and a parameter of that type
// a `$ref` to it; `@secure()` on a type, a parameter or an object type's property makes it a
// `securestring`/`secureObject`; arrays get `items`, objects `properties` and
// `additionalProperties` (`*:`), unions a discriminator mapping of their members. So
// src/parse/secure-type.ts decides what is secret in Bicep exactly as in JSON. Types imported from
// another .bicep file of the workspace are read from it. Fails closed: a type that cannot be
// established (imported from a registry or from a file that cannot be read, a cycle, syntax the
// grammar cannot read that mentions `secure` or names a user-defined type) is secure.
import { posix } from 'node:path';
import { decoratorCalls, statementsOf } from './declarations.ts';
import { childOfType, literalString, namedChildren, type SyntaxNode } from './syntax.ts';

type Json = Record<string, unknown>;
/** Reads and parses a workspace file for its types (lower.ts's reader). */
type TypeFileReader = (file: string) => { kind: 'file'; root: SyntaxNode } | { kind: 'missing' | 'unreadable' };

/** What a type that cannot be established lowers to: secure (its values are never evaluated or shown). */
const UNKNOWN_SECURE: Json = { type: 'secureObject' };
const BUILTIN = new Set(['string', 'int', 'bool', 'object', 'array']);
/** Nesting levels of one type expression; real types need a handful. */
const MAX_DEPTH = 32;
/** Files whose types one template reads (the template's own and the ones it imports from, transitively). */
const MAX_NAMESPACES = 32;

/** A file's type declarations and imports. */
interface Namespace {
  file: string;
  /** Key prefix in `definitions`: empty for the template's own file (the compiler's names). */
  prefix: string;
  types: Map<string, { value: SyntaxNode | undefined; secure: boolean }>;
  /** `import { name as local } from 'path'`, by local name. */
  imports: Map<string, { from: string; name: string }>;
  /** `import * as alias from 'path'`, by alias. */
  wildcards: Map<string, string>;
}

export class TypeLowering {
  /** The template's `definitions`, filled as types are referenced. */
  readonly definitions: Json = {};
  private readonly read: TypeFileReader;
  private readonly namespaces = new Map<string, Namespace | undefined>();
  private readonly own: Namespace;
  private readonly busy = new Set<string>();

  constructor(file: string, root: SyntaxNode, read: TypeFileReader) {
    this.read = read;
    this.own = namespaceOf(file, root, '');
    this.namespaces.set(file, this.own);
  }

  /** The declaration (type, $ref, properties, items…) of a type written in the template's own file. */
  declaration(node: SyntaxNode): Json {
    return this.lower(node, this.own, 0);
  }

  private lower(node: SyntaxNode, ns: Namespace, depth: number): Json {
    if (depth > MAX_DEPTH) return UNKNOWN_SECURE;
    if (node.hasError) return this.unreadable(node, ns);
    const children = namedChildren(node);
    switch (node.type) {
      case 'type':
      case 'nullable_type':
      case 'parenthesized_expression':
      case 'parenthesized_type':
        return children.length === 1 && children[0] ? this.lower(children[0], ns, depth + 1) : this.unreadable(node, ns);
      case 'primitive_type':
        return { type: BUILTIN.has(node.text) ? node.text : 'object' };
      case 'identifier':
        return BUILTIN.has(node.text) ? { type: node.text } : this.reference(ns, node.text, depth);
      case 'member_expression':
        return this.member(node, ns, depth);
      case 'array_type': {
        const item = children[0];
        return { type: 'array', ...(item ? { items: this.lower(item, ns, depth + 1) } : {}) };
      }
      case 'object':
        return this.object(node, ns, depth);
      case 'union_type':
        return this.union(children, ns, depth);
      case 'string':
        return { type: 'string' };
      case 'number':
        return { type: 'int' };
      case 'boolean':
        return { type: 'bool' };
      default:
        return this.unreadable(node, ns);
    }
  }

  /** `core.secretType` (a wildcard import) or `sys.string`. */
  private member(node: SyntaxNode, ns: Namespace, depth: number): Json {
    const object = node.childForFieldName('object') ?? namedChildren(node)[0];
    const property = node.childForFieldName('property') ?? childOfType(node, 'property_identifier');
    if (object?.type !== 'identifier' || !property) return this.unreadable(node, ns);
    if (object.text === 'sys' && BUILTIN.has(property.text)) return { type: property.text };
    const from = ns.wildcards.get(object.text);
    if (from === undefined) return UNKNOWN_SECURE;
    const target = this.imported(ns, from);
    return target ? this.reference(target, property.text, depth) : UNKNOWN_SECURE;
  }

  private object(node: SyntaxNode, ns: Namespace, depth: number): Json {
    const properties: Json = {};
    let additional: Json | undefined;
    let leading: SyntaxNode[] = [];
    for (const child of namedChildren(node)) {
      if (child.type === 'decorators') {
        leading.push(child);
        continue;
      }
      const secure = decoratorCalls(leading).has('secure');
      leading = [];
      if (child.type !== 'object_property') continue;
      const parts = namedChildren(child);
      const value = parts.at(-1);
      const lowered = value ? this.lower(value, ns, depth + 1) : UNKNOWN_SECURE;
      const declared = secure ? secured(lowered) : lowered;
      if (child.child(0)?.type === '*') additional = declared;
      else {
        const key = parts[0];
        const name = key?.type === 'string' ? literalString(key) : key?.text;
        if (name === undefined || key?.id === value?.id) return this.unreadable(node, ns);
        properties[name] = declared;
      }
    }
    return { type: 'object', properties, ...(additional ? { additionalProperties: additional } : {}) };
  }

  /** Literal unions are their literals' type; any other union is secure where any member is (a discriminator mapping). */
  private union(members: SyntaxNode[], ns: Namespace, depth: number): Json {
    const lowered = members.map((m) => this.lower(m, ns, depth + 1));
    const literal = members.every((m) => m.type === 'string' || m.type === 'number' || m.type === 'boolean' || m.type === 'null');
    if (literal) return lowered[0] ?? { type: 'string' };
    return { type: 'object', discriminator: { propertyName: 'type', mapping: Object.fromEntries(lowered.map((m, i) => [String(i), m])) } };
  }

  /**
   * A `$ref` to a type of `ns` (lowered into `definitions` on first use), or secure when the name
   * cannot be resolved: Bicep would not compile it, so cua-guard has misread something.
   */
  private reference(ns: Namespace, name: string, depth: number): Json {
    const imported = ns.imports.get(name);
    if (imported) {
      const target = this.imported(ns, imported.from);
      return target ? this.reference(target, imported.name, depth + 1) : UNKNOWN_SECURE;
    }
    const declared = ns.types.get(name);
    if (!declared || depth > MAX_DEPTH) return UNKNOWN_SECURE;
    const key = `${ns.prefix}${name}`;
    const ref = { $ref: `#/definitions/${key}` };
    if (this.busy.has(key) || Object.hasOwn(this.definitions, key)) return ref;
    this.busy.add(key);
    const lowered = declared.value ? this.lower(declared.value, ns, depth + 1) : UNKNOWN_SECURE;
    this.busy.delete(key);
    this.definitions[key] = declared.secure ? secured(lowered) : lowered;
    return ref;
  }

  /** The namespace of a file imported from `ns`, or undefined when it cannot be read (a registry, outside the workspace, missing). */
  private imported(ns: Namespace, from: string): Namespace | undefined {
    if (/^(br|ts)(\/[^:]*)?:/i.test(from) || !/\.bicep$/i.test(from)) return undefined;
    const file = posix.normalize(posix.join(posix.dirname(ns.file), from));
    if (file.startsWith('../') || file === '..' || posix.isAbsolute(file)) return undefined;
    if (this.namespaces.has(file)) return this.namespaces.get(file);
    if (this.namespaces.size >= MAX_NAMESPACES) return undefined;
    const read = this.read(file);
    const namespace = read.kind === 'file' ? namespaceOf(file, read.root, `${this.namespaces.size}:`) : undefined;
    this.namespaces.set(file, namespace);
    return namespace;
  }

  /**
   * Syntax the grammar could not read, or a type form this does not know: secure when it mentions
   * `secure` or names a user-defined or imported type (which may be secure), else a plain object.
   */
  private unreadable(node: SyntaxNode, ns: Namespace): Json {
    if (/secure/i.test(node.text)) return UNKNOWN_SECURE;
    const named = identifiers(node).some((name) => ns.types.has(name) || ns.imports.has(name) || ns.wildcards.has(name));
    return named ? UNKNOWN_SECURE : { type: 'object' };
  }
}

/** A declaration made secure by `@secure()`: the whole value is secret. */
export function secured(declaration: Json): Json {
  return { ...declaration, type: declaration['type'] === 'string' ? 'securestring' : 'secureObject' };
}

/** Whether a Bicep-lowered declaration's own type is secure. */
export function isSecureTypeName(type: unknown): boolean {
  return typeof type === 'string' && /^secure(string|object)$/i.test(type);
}

function namespaceOf(file: string, root: SyntaxNode, prefix: string): Namespace {
  const ns: Namespace = { file, prefix, types: new Map(), imports: new Map(), wildcards: new Map() };
  for (const { node, leading, secureInDoubt } of statementsOf(root)) {
    if (node.type === 'type_declaration') {
      const name = childOfType(node, 'identifier');
      const value = namedChildren(node).at(-1);
      const secure = secureInDoubt === true || decoratorCalls(leading).has('secure');
      if (name) ns.types.set(name.text, { value: value && value.id !== name.id ? value : undefined, secure });
    } else if (node.type === 'import_functionality') addImport(ns, node);
  }
  return ns;
}

/** `import { a, b as c } from 'path'` and `import * as alias from 'path'`. */
function addImport(ns: Namespace, node: SyntaxNode): void {
  const from = literalString(childOfType(node, 'string'));
  if (from === undefined) return;
  const tokens: SyntaxNode[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child) tokens.push(child);
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as SyntaxNode;
    if (token.type === '*' && tokens[i + 1]?.type === 'as' && tokens[i + 2]?.type === 'identifier') {
      ns.wildcards.set((tokens[i + 2] as SyntaxNode).text, from);
      i += 2;
    } else if (token.type === 'identifier') {
      const alias = tokens[i + 1]?.type === 'as' && tokens[i + 2]?.type === 'identifier' ? (tokens[i + 2] as SyntaxNode) : undefined;
      ns.imports.set(alias?.text ?? token.text, { from, name: token.text });
      if (alias) i += 2;
    }
  }
}

function identifiers(node: SyntaxNode): string[] {
  const out: string[] = [];
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0 && out.length < 1000) {
    const current = stack.pop() as SyntaxNode;
    if (current.type === 'identifier') out.push(current.text);
    for (let i = 0; i < current.childCount; i++) {
      const child = current.child(i);
      if (child) stack.push(child);
    }
  }
  return out;
}
