// Which parts of a parameter's value are secret, by its declared type wherever the type comes
// from: `securestring`/`secureObject` itself, a `$ref` to the template's `definitions` (what
// Bicep's `@secure()` on a user-defined type compiles to, and aliases of it: chains of `$ref`),
// object `properties`, `additionalProperties`, array `items` and `prefixItems`, and the members of
// a discriminated union. Bounded for hostile templates: a chain that is too long, a cycle or a
// `$ref` that leads nowhere is treated as secure (fail closed: such a value is never shown).
import { isRecord } from './template-source.ts';

/** What of a value is secure: nothing, all of it, or some of its parts. */
export type SecureShape =
  | { kind: 'none' }
  | { kind: 'all' }
  | {
      kind: 'parts';
      /** By lower-cased property name. */
      properties: ReadonlyMap<string, SecureShape>;
      /** Properties not named in `properties`. */
      additional?: SecureShape;
      /** Every item of an array (after the prefix). */
      items?: SecureShape;
      /** Items by position (tuples, `prefixItems`). */
      prefix?: readonly SecureShape[];
    };

const NONE: SecureShape = { kind: 'none' };
const ALL: SecureShape = { kind: 'all' };
const SECURE_TYPES = new Set(['securestring', 'secureobject']);
/** `$ref` hops and nesting levels followed for one declaration; real types need a handful. */
const MAX_DEPTH = 32;
/** Type nodes looked at for one declaration: bounds a type that fans out (each level referring to the previous one twice). */
const MAX_NODES = 2000;

type Json = Record<string, unknown>;
/** The keywords through which a declaration can have secure parts. */
const STRUCTURE_KEYWORDS = ['$ref', 'properties', 'additionalProperties', 'items', 'prefixItems', 'discriminator'];

/** The secure parts of a value declared by `declaration` in `template` (whose `definitions` a `$ref` names). */
export function secureShapeOf(declaration: unknown, template: unknown): SecureShape {
  if (!isRecord(declaration)) return NONE;
  const plain = plainShape(declaration);
  if (plain !== undefined) return plain;
  // The check, the secrets search and the summary ask about the same declarations again and again.
  const owner = isRecord(template) ? template : NO_TEMPLATE;
  let known = shapes.get(owner);
  if (known === undefined) shapes.set(owner, (known = new WeakMap()));
  let shape = known.get(declaration);
  if (shape === undefined) {
    shape = shapeOf(declaration, owner, { depth: 0, refs: new Set(), budget: { nodes: MAX_NODES } });
    known.set(declaration, shape);
  }
  return shape;
}

const NO_TEMPLATE: Json = {};
/** Shapes by template, then by declaration (a `$ref` makes a declaration's shape depend on its template). */
const shapes = new WeakMap<Json, WeakMap<Json, SecureShape>>();

/** Whether any part of a value of this declaration is secure: such a value is never evaluated or shown. */
export function hasSecurePart(declaration: unknown, template: unknown): boolean {
  return secureShapeOf(declaration, template).kind !== 'none';
}

interface Walk {
  depth: number;
  /** The `$ref` targets on the current path: meeting one again is a cycle. */
  refs: ReadonlySet<string>;
  budget: { nodes: number };
}

function shapeOf(declaration: unknown, template: Json, walk: Walk): SecureShape {
  if (!isRecord(declaration)) return NONE;
  if (walk.depth > MAX_DEPTH || --walk.budget.nodes < 0) return ALL;
  const plain = plainShape(declaration);
  if (plain !== undefined) return plain;
  const next: Walk = { ...walk, depth: walk.depth + 1 };
  const parts: SecureShape[] = [];
  const ref = declaration['$ref'];
  if (ref !== undefined) {
    if (typeof ref !== 'string' || walk.refs.has(ref)) return ALL;
    const target = resolveRef(template, ref);
    if (target === undefined) return ALL;
    const shape = shapeOf(target, template, { ...next, refs: new Set([...walk.refs, ref]) });
    if (shape.kind === 'all') return ALL;
    parts.push(shape);
  }
  const properties = new Map<string, SecureShape>();
  if (isRecord(declaration['properties'])) {
    for (const [name, property] of Object.entries(declaration['properties'])) {
      const shape = shapeOf(property, template, next);
      if (shape.kind !== 'none') properties.set(name.toLowerCase(), shape);
    }
  }
  const additional = shapeOf(declaration['additionalProperties'], template, next);
  const items = shapeOf(declaration['items'], template, next);
  const prefix = Array.isArray(declaration['prefixItems']) ? declaration['prefixItems'].map((item) => shapeOf(item, template, next)) : [];
  // A discriminated union: which member applies depends on the value; any secure member makes it all secure.
  const discriminator = declaration['discriminator'];
  if (isRecord(discriminator) && isRecord(discriminator['mapping'])) {
    for (const member of Object.values(discriminator['mapping'])) if (shapeOf(member, template, next).kind !== 'none') return ALL;
  }
  const own: SecureShape =
    properties.size > 0 || additional.kind !== 'none' || items.kind !== 'none' || prefix.some((p) => p.kind !== 'none')
      ? {
          kind: 'parts',
          properties,
          ...(additional.kind !== 'none' ? { additional } : {}),
          ...(items.kind !== 'none' ? { items } : {}),
          ...(prefix.some((p) => p.kind !== 'none') ? { prefix } : {}),
        }
      : NONE;
  return merge([...parts, own]);
}

/** The shape of a secure type, or of a declaration with nothing to walk (most); undefined otherwise. */
function plainShape(declaration: Json): SecureShape | undefined {
  const type = declaration['type'];
  if (typeof type === 'string' && type.length === 12 && SECURE_TYPES.has(type.toLowerCase())) return ALL;
  return STRUCTURE_KEYWORDS.some((keyword) => keyword in declaration) ? undefined : NONE;
}

/** `#/definitions/a/properties/b`: a JSON pointer into the template; undefined when it leads nowhere. */
function resolveRef(template: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let at: unknown = template;
  for (const raw of ref.slice(2).split('/')) {
    const token = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(at)) return undefined;
    at = Object.hasOwn(at, token) ? at[token] : caseInsensitive(at, token);
    if (at === undefined) return undefined;
  }
  return at;
}

function caseInsensitive(record: Json, name: string): unknown {
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return record[key];
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A value matching several declarations (a `$ref` and the declaration's own keywords): secure where any says so. */
function merge(shapes: readonly SecureShape[]): SecureShape {
  const relevant = shapes.filter((s) => s.kind !== 'none');
  if (relevant.length === 0) return NONE;
  if (relevant.some((s) => s.kind === 'all')) return ALL;
  if (relevant.length === 1) return relevant[0] ?? NONE;
  const properties = new Map<string, SecureShape>();
  const additional: SecureShape[] = [];
  const items: SecureShape[] = [];
  const prefixes: SecureShape[][] = [];
  for (const shape of relevant) {
    if (shape.kind !== 'parts') continue;
    for (const [name, part] of shape.properties) properties.set(name, merge([properties.get(name) ?? NONE, part]));
    if (shape.additional) additional.push(shape.additional);
    if (shape.items) items.push(shape.items);
    if (shape.prefix) prefixes.push([...shape.prefix]);
  }
  const length = Math.max(0, ...prefixes.map((p) => p.length));
  const prefix = Array.from({ length }, (_, i) => merge(prefixes.map((p) => p[i] ?? NONE)));
  const mergedAdditional = merge(additional);
  const mergedItems = merge(items);
  return {
    kind: 'parts',
    properties,
    ...(mergedAdditional.kind !== 'none' ? { additional: mergedAdditional } : {}),
    ...(mergedItems.kind !== 'none' ? { items: mergedItems } : {}),
    ...(length > 0 ? { prefix } : {}),
  };
}

/**
 * The secure parts of `value` under `shape`, each handed to `take` (a whole value when it is all
 * secure). Bounded in depth like the shape.
 */
export function forEachSecurePart(value: unknown, shape: SecureShape, take: (part: unknown) => void, depth = 0): void {
  if (shape.kind === 'none' || value === undefined || value === null || depth > MAX_DEPTH) return;
  if (shape.kind === 'all') {
    take(value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const part = shape.prefix?.[i] ?? shape.items;
      if (part) forEachSecurePart(item, part, take, depth + 1);
    });
    return;
  }
  if (!isRecord(value)) return;
  for (const [name, item] of Object.entries(value)) {
    const part = shape.properties.get(name.toLowerCase()) ?? shape.additional;
    if (part) forEachSecurePart(item, part, take, depth + 1);
  }
}
