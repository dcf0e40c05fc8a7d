// Lowers a Bicep file into the ARM template the Bicep compiler would write, as far as the check
// needs it (parameters with defaults, variables, resources with condition and copy, modules as
// inline Microsoft.Resources/deployments), together with a map from every JSON path it builds to
// where that node is written: the model and the rules then work on it unchanged, and findings
// point at the .bicep file. A module's file is lowered into the deployment's inline template,
// recursively (bounded); a registry module becomes a templateLink that is not followed.
import { posix } from 'node:path';
import { SourceMap, type SourceSpan } from '../../parse/source-map.ts';
import type { JsonPath } from '../../parse/types.ts';
import { MAX_NESTING } from '../template-model.ts';
import { emptyTemplate } from '../tracking-resource.ts';
import type { DeploymentScope } from '../types.ts';
import {
  ExpressionLowering,
  literalValue,
  objectProperties,
  quote,
  spelledText,
  type BicepSymbol,
  type Spellings,
  type SymbolResolver,
} from './lower-expression.ts';
import { bodyOf, decoratorCalls, nestedResourcesOf, statementsOf, typeAndVersion, type Body, type Declaration } from './declarations.ts';
import { suppressionComment } from './suppression-comment.ts';
import { isSecureTypeName, TypeLowering } from './lower-type.ts';
import { childOfType, hasToken, literalString, namedChildren, unreadNodes, type SyntaxNode } from './syntax.ts';

export type BicepRead = { kind: 'file'; text: string; root: SyntaxNode } | { kind: 'missing' } | { kind: 'unreadable'; message: string };

/** Reads and parses a workspace file (workspace-relative path) for the lowering. */
export type BicepReader = (file: string) => BicepRead;

export interface LoweredBicep {
  root: Record<string, unknown>;
  origin: SourceMap;
  scope: DeploymentScope | undefined;
}

/** Bicep modules nest a few levels in real repositories; this bounds hostile ones. */
const MAX_MODULE_DEPTH = 16;
const MODULE_API_VERSION = '2022-09-01';
const SCOPES: Record<string, DeploymentScope> = {
  resourceGroup: 'resourceGroup',
  subscription: 'subscription',
  managementGroup: 'managementGroup',
  tenant: 'tenant',
};

interface Shared {
  map: SourceMap;
  read: BicepReader;
}

export function lowerBicep(file: string, text: string, root: SyntaxNode, read: BicepReader): LoweredBicep {
  const shared: Shared = { map: new SourceMap(), read };
  const lowered = new FileLowering(shared, { file, text, root }, [], [file]).lower();
  return { root: lowered.template, origin: shared.map, scope: lowered.scope };
}

/**
 * A resource declaration as the compiler reads it: a resource declared inside another's body is
 * the child `parentType/childType`, named `parentName/childName`, of its parent's API version
 * unless it gives its own.
 */
interface ResourceFrame {
  declaration: Declaration;
  symbol: string | undefined;
  type: string;
  apiVersion: string;
  body: Body;
  existing: boolean;
  /** The resources whose bodies it is declared in, outermost first. */
  ancestors: readonly ResourceFrame[];
}

/** A value the lowering cannot give an iteration of a loop around a loop (nested resources in a loop, which Bicep rejects). */
const OUTER_LOOP = 'bicep.outerLoop()';

class FileLowering implements SymbolResolver {
  private readonly shared: Shared;
  private readonly file: string;
  private readonly text: string;
  private readonly root: SyntaxNode;
  private readonly prefix: JsonPath;
  /** Files from the main template down to this one (module cycles stop here). */
  private readonly chain: readonly string[];
  private readonly symbols = new Map<string, BicepSymbol>();
  /** Full and own names of resources, by declaration (nested symbols may repeat): null while being built. */
  private readonly names = new Map<number, string | null>();
  private readonly ownNames = new Map<number, { arm: string; spelled: Spellings } | null>();
  private readonly frames = new Map<number, ResourceFrame>();
  private readonly expressions: ExpressionLowering;
  private readonly types: TypeLowering;

  constructor(shared: Shared, source: { file: string; text: string; root: SyntaxNode }, prefix: JsonPath, chain: readonly string[]) {
    this.shared = shared;
    this.file = source.file;
    this.text = source.text;
    this.root = source.root;
    this.prefix = prefix;
    this.chain = chain;
    this.expressions = new ExpressionLowering(this);
    this.types = new TypeLowering(source.file, source.root, shared.read);
    shared.map.texts.set(source.file, source.text);
  }

  symbol(name: string): BicepSymbol | undefined {
    return this.symbols.get(name);
  }

  resourceName(name: string): string | undefined {
    const symbol = this.symbols.get(name);
    return symbol?.kind === 'resource' ? this.fullName(symbol.declaration) : undefined;
  }

  /** The ARM expression of a resource's full name: `parent/child` for a nested or `parent:` resource. */
  private fullName(declaration: SyntaxNode): string | undefined {
    const known = this.names.get(declaration.id);
    if (known !== undefined) return known ?? undefined;
    this.names.set(declaration.id, null); // a cycle reads as unknown
    const ancestors = this.frames.get(declaration.id)?.ancestors ?? [];
    let full: string;
    if (ancestors.length > 0) {
      // The compiler writes one format() over every level: format('{0}/{1}/{2}', parent, child, grandchild).
      const segments = [...ancestors.map((a) => this.ownName(a.declaration.node)), this.ownName(declaration)];
      full = `format(${quote(segments.map((_, i) => `{${i}}`).join('/'))}, ${segments.join(', ')})`;
    } else {
      const body = bodyOf(declaration);
      const parent = body.object ? objectProperties(body.object).find((p) => p.key === 'parent')?.value : undefined;
      const parentName = parent?.type === 'identifier' ? this.resourceName(parent.text) : undefined;
      const own = this.ownName(declaration);
      full = parentName === undefined ? own : `format('{0}/{1}', ${parentName}, ${own})`;
    }
    this.names.set(declaration.id, full);
    return full;
  }

  /** The ARM expression of the name a resource declaration writes (its loops' bindings applied). */
  private ownName(declaration: SyntaxNode): string {
    const known = this.ownNames.get(declaration.id);
    if (known === null) return 'bicep.cycle()';
    if (known !== undefined) {
      // Lowered before, in another value: how it is spelled counts for this one too.
      this.expressions.replay(known.spelled);
      return known.arm;
    }
    this.ownNames.set(declaration.id, null);
    const body = bodyOf(declaration);
    const nameNode = body.object ? objectProperties(body.object).find((p) => p.key === 'name')?.value : undefined;
    const bodies = [...(this.frames.get(declaration.id)?.ancestors ?? []).map((a) => a.body), body];
    const { result, spelled } = this.expressions.recording(() =>
      nameNode ? this.inLoops(bodies, () => this.expressions.expression(nameNode)) : 'bicep.name()',
    );
    this.ownNames.set(declaration.id, { arm: result, spelled });
    return result;
  }

  lower(): { template: Record<string, unknown>; scope: DeploymentScope | undefined } {
    // One region per top-level statement: the grammar's recovery often leaves several ERROR nodes in one.
    let last: { statement: number; offset: number; end: number } | undefined;
    const flush = (): void => {
      if (last) this.shared.map.unread.push({ file: this.file, offset: last.offset, length: last.end - last.offset });
    };
    for (const region of unreadNodes(this.root)) {
      const statement = topLevelIndex(this.root, region.startIndex);
      if (last && last.statement === statement) last.end = Math.max(last.end, region.endIndex);
      else {
        flush();
        last = { statement, offset: region.startIndex, end: region.endIndex };
      }
    }
    flush();
    const declarations = statementsOf(this.root);
    for (const { node } of declarations) this.addSymbol(node);
    // Nested resources after every top-level symbol: a top-level name wins over a nested one.
    for (const declaration of declarations) if (declaration.node.type === 'resource_declaration') this.addResourceFrame(declaration, []);
    let scope: DeploymentScope | undefined = 'resourceGroup';
    const targetScope = declarations.find((d) => d.node.type === 'target_scope_assignment')?.node;
    if (targetScope) {
      scope = SCOPES[literalString(childOfType(targetScope, 'string')) ?? ''];
      this.set(['$schema'], targetScope);
    }
    this.set([], this.root, { offset: 0, length: 0 });
    // A module's resources are where its first resource is declared (CUA008 points there); the main
    // file's, where a missing tracking deployment is reported (CUA001), at its start.
    const firstResource =
      this.prefix.length > 0 ? declarations.find((d) => d.node.type === 'resource_declaration' || d.node.type === 'module_declaration') : undefined;
    if (firstResource) this.set(['resources'], firstResource.node);
    else this.set(['resources'], this.root, { offset: 0, length: 0 });
    const template: Record<string, unknown> = { ...emptyTemplate(scope ?? 'resourceGroup'), parameters: {}, variables: {} };
    if (scope === undefined) delete template['$schema'];
    const parameters: Record<string, unknown> = {};
    const variables: Record<string, unknown> = {};
    const resources: unknown[] = [];
    for (const declaration of declarations) {
      const { node } = declaration;
      const name = childOfType(node, 'identifier');
      if (node.type === 'parameter_declaration' && name) parameters[name.text] = this.parameter(declaration, name);
      else if (node.type === 'variable_declaration' && name) {
        const value = namedChildren(node).at(-1);
        if (value && value.id !== name.id) {
          this.set(['variables', name.text], value, this.span(name));
          variables[name.text] = this.value(value, ['variables', name.text]);
        }
      } else if (node.type === 'resource_declaration') {
        resources.push(...this.resourceTree(declaration, resources.length));
      } else if (node.type === 'module_declaration' && name) {
        resources.push(this.module(declaration, name, ['resources', resources.length], scope));
      }
    }
    template['parameters'] = parameters;
    template['variables'] = variables;
    template['resources'] = resources;
    // The user-defined types the parameters use (each parameter's `$ref`), as the compiler writes them.
    if (Object.keys(this.types.definitions).length > 0) template['definitions'] = this.types.definitions;
    return { template, scope };
  }

  private addSymbol(node: SyntaxNode): void {
    const name = childOfType(node, 'identifier')?.text;
    switch (node.type) {
      case 'parameter_declaration':
        if (name) this.symbols.set(name, { kind: 'param' });
        return;
      case 'variable_declaration':
        if (name) this.symbols.set(name, { kind: 'var' });
        return;
      case 'resource_declaration': {
        const { type, apiVersion = '' } = typeAndVersion(node);
        if (name) this.symbols.set(name, { kind: 'resource', type, apiVersion, declaration: node });
        return;
      }
      case 'module_declaration':
        if (name) this.symbols.set(name, { kind: 'module' });
        return;
      case 'user_defined_function':
        if (name) this.symbols.set(name, { kind: 'function' });
        return;
      case 'import_functionality':
      case 'import_statement':
      case 'import_with_statement':
        for (const identifier of namedChildren(node).filter((c) => c.type === 'identifier')) this.symbols.set(identifier.text, { kind: 'import' });
        return;
      default:
        if (name && !this.symbols.has(name)) this.symbols.set(name, { kind: 'other' });
    }
  }

  private parameter(declaration: Declaration, name: SyntaxNode): Record<string, unknown> {
    const { node } = declaration;
    const path = ['parameters', name.text];
    this.set(path, node, this.span(name));
    const children = namedChildren(node);
    const typeNode = children.find((c) => c.type === 'type');
    const last = children.at(-1);
    const defaultNode = last && last.id !== name.id && last.id !== typeNode?.id ? last : undefined;
    const decorators = decoratorCalls(declaration.leading);
    const secure = decorators.has('secure') || declaration.secureInDoubt === true;
    const base = parameterType(typeNode, defaultNode);
    // What of its value is secure, by its type: a user-defined type (a `$ref`), an object type's
    // `@secure()` properties, an array's items.
    const { type: declared, ...shape } = typeNode ? this.types.declaration(typeNode) : {};
    const secureType = base === 'object' ? 'secureobject' : 'securestring';
    const parameter: Record<string, unknown> = { type: secure || isSecureTypeName(declared) ? secureType : base, ...shape };
    if (typeNode) this.set([...path, 'type'], typeNode);
    if (defaultNode) parameter['defaultValue'] = this.value(defaultNode, [...path, 'defaultValue']);
    const allowed = decorators.get('allowed')?.[0];
    if (allowed?.type === 'array') parameter['allowedValues'] = this.value(allowed, [...path, 'allowedValues']);
    return parameter;
  }

  /**
   * Reads a resource declaration and those nested in its body, as the compiler sees them: a
   * nested resource's symbol is known where no top-level one has its name (bounded depth).
   */
  private addResourceFrame(declaration: Declaration, ancestors: readonly ResourceFrame[]): ResourceFrame {
    const { node } = declaration;
    const written = typeAndVersion(node);
    const parent = ancestors.at(-1);
    const frame: ResourceFrame = {
      declaration,
      symbol: childOfType(node, 'identifier')?.text,
      type: parent ? `${parent.type}/${written.type}` : written.type,
      apiVersion: written.apiVersion ?? parent?.apiVersion ?? '',
      body: bodyOf(node),
      existing: hasToken(node, 'existing'),
      ancestors,
    };
    this.frames.set(node.id, frame);
    if (parent && frame.symbol !== undefined && !this.symbols.has(frame.symbol))
      this.symbols.set(frame.symbol, { kind: 'resource', type: frame.type, apiVersion: frame.apiVersion, declaration: node });
    const nested = nestedResourcesOf(frame.body);
    if (nested.length > 0 && ancestors.length + 1 >= MAX_NESTING) {
      // Past the bound (hostile input), what is nested here is not lowered, and that is said (CUA013).
      const first = nested[0] as Declaration;
      this.shared.map.tooDeep.push(this.span(first.node));
      return frame;
    }
    for (const child of nested) this.addResourceFrame(child, [...ancestors, frame]);
    return frame;
  }

  /** A resource declaration and the resources nested in it, each a resource of the template (not `existing` ones). */
  private resourceTree(declaration: Declaration, firstIndex: number): Record<string, unknown>[] {
    const frame = this.frames.get(declaration.node.id);
    if (!frame) return [];
    const out: Record<string, unknown>[] = [];
    const name = childOfType(declaration.node, 'identifier');
    if (!frame.existing && name) out.push(this.resource(frame, name, ['resources', firstIndex]));
    for (const child of nestedResourcesOf(frame.body)) out.push(...this.resourceTree(child, firstIndex + out.length));
    return out;
  }

  private resource(frame: ResourceFrame, name: SyntaxNode, path: JsonPath): Record<string, unknown> {
    const { declaration, body, ancestors } = frame;
    const { node } = declaration;
    const typeNode = typeAndVersion(node).node;
    const resource: Record<string, unknown> = { type: frame.type, apiVersion: frame.apiVersion };
    this.set(path, node, this.span(name));
    if (typeNode) {
      this.set([...path, 'type'], typeNode);
      this.set([...path, 'apiVersion'], typeNode);
    }
    const chain = [...ancestors, frame];
    this.inLoops(
      chain.map((f) => f.body),
      () => {
        this.addConditionAndCopy(resource, chain, path, name.text);
        const properties = body.object ? objectProperties(body.object) : [];
        const isDeployment = frame.type.toLowerCase() === 'microsoft.resources/deployments';
        for (const property of properties) {
          if (property.key === 'parent' || property.key === 'dependsOn') continue;
          if (property.key === 'name') {
            this.set([...path, 'name'], property.value, this.span(property.keyNode));
            resource['name'] = this.armString(() => this.fullName(node) ?? 'bicep.cycle()');
            const literal = literalString(property.value);
            if (literal !== undefined && ancestors.length === 0 && !properties.some((p) => p.key === 'parent')) resource['name'] = literalValue(literal);
          } else if (property.key === 'scope') {
            if (isDeployment) Object.assign(resource, this.scope(property.value, path));
          } else {
            this.set([...path, property.key], property.value, this.span(property.keyNode));
            resource[property.key] = this.value(property.value, [...path, property.key]);
          }
        }
      },
    );
    const dependsOn = this.ancestorIds(ancestors);
    if (dependsOn.length > 0) resource['dependsOn'] = dependsOn;
    this.addSuppression(resource, declaration, path);
    return resource;
  }

  /** `resourceId(…)` of each deployed resource a nested one is declared in, nearest first: what it depends on. */
  private ancestorIds(ancestors: readonly ResourceFrame[]): string[] {
    const ids: string[] = [];
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const ancestor = ancestors[i] as ResourceFrame;
      if (ancestor.existing) continue;
      const segments = ancestors.slice(0, i + 1).map((a) => this.ownName(a.declaration.node));
      ids.push(`[resourceId(${[quote(ancestor.type), ...segments].join(', ')})]`);
    }
    return ids;
  }

  private module(declaration: Declaration, name: SyntaxNode, path: JsonPath, fileScope: DeploymentScope | undefined): Record<string, unknown> {
    const { node } = declaration;
    const pathNode = childOfType(node, 'string');
    const reference = literalString(pathNode) ?? '';
    const body = bodyOf(node);
    const deployment: Record<string, unknown> = { type: 'Microsoft.Resources/deployments', apiVersion: MODULE_API_VERSION };
    this.set(path, node, this.span(name));
    const properties: Record<string, unknown> = { expressionEvaluationOptions: { scope: 'inner' }, mode: 'Incremental' };
    let moduleScope: DeploymentScope | undefined;
    let hasScope = false;
    this.inLoops([body], () => {
      this.addConditionAndCopy(deployment, [{ body, declaration }], path, name.text);
      const props = body.object ? objectProperties(body.object) : [];
      const nameProperty = props.find((p) => p.key === 'name');
      if (nameProperty) {
        this.set([...path, 'name'], nameProperty.value, this.span(nameProperty.keyNode));
        deployment['name'] = this.value(nameProperty.value, [...path, 'name']);
      } else {
        // Bicep names a module deployment itself when the name is left out.
        deployment['name'] = `[format('{0}-{1}', ${quote(name.text)}, uniqueString(${quote(name.text)}, deployment().name))]`;
      }
      const scopeProperty = props.find((p) => p.key === 'scope');
      if (scopeProperty) {
        hasScope = true;
        Object.assign(deployment, this.scope(scopeProperty.value, path));
      }
      const params = props.find((p) => p.key === 'params');
      if (params) {
        this.set([...path, 'properties', 'parameters'], params.value, this.span(params.keyNode));
        properties['parameters'] = this.moduleParameters(params.value, [...path, 'properties', 'parameters']);
      }
    });
    if (pathNode) this.set([...path, 'properties', 'template'], pathNode);
    if (pathNode) this.set([...path, 'properties', 'templateLink'], pathNode);
    const inline = this.moduleTemplate(reference, [...this.prefix, ...path, 'properties', 'template']);
    if (inline.kind === 'template') {
      properties['template'] = inline.template;
      moduleScope = inline.scope;
    } else properties['templateLink'] = inline.link;
    // The compiler gives a deployment at a scope above the resource group its location.
    const target = moduleScope ?? (hasScope ? undefined : fileScope);
    if (inline.kind === 'template' && target !== undefined && target !== 'resourceGroup') deployment['location'] = '[deployment().location]';
    deployment['properties'] = properties;
    this.addSuppression(deployment, declaration, path);
    return deployment;
  }

  private moduleParameters(node: SyntaxNode, path: JsonPath): unknown {
    if (node.type !== 'object') return this.value(node, path);
    const out: Record<string, unknown> = {};
    for (const property of objectProperties(node)) {
      this.set([...path, property.key], property.value, this.span(property.keyNode));
      out[property.key] = { value: this.value(property.value, [...path, property.key, 'value']) };
    }
    return out;
  }

  private moduleTemplate(
    reference: string,
    at: JsonPath,
  ): { kind: 'template'; template: Record<string, unknown>; scope: DeploymentScope | undefined } | { kind: 'link'; link: Record<string, unknown> } {
    if (/^(br|ts)(\/[^:]*)?:/i.test(reference)) return { kind: 'link', link: { uri: reference } };
    const target = posix.normalize(posix.join(posix.dirname(this.file), reference));
    if (!/\.bicep$/i.test(reference) || target.startsWith('../') || target === '..') return { kind: 'link', link: { relativePath: reference } };
    if (this.chain.includes(target) || this.chain.length > MAX_MODULE_DEPTH) return { kind: 'link', link: { uri: `[bicep.module(${quote(reference)})]` } };
    const read = this.shared.read(target);
    if (read.kind !== 'file') return { kind: 'link', link: { relativePath: reference } };
    const lowering = new FileLowering(this.shared, { file: target, text: read.text, root: read.root }, at, [...this.chain, target]);
    return { kind: 'template', ...lowering.lower() };
  }

  /** `scope:` of a deployment, as the compiler writes it: resourceGroup, subscriptionId or scope. */
  private scope(node: SyntaxNode, path: JsonPath): Record<string, unknown> {
    const call = scopeCall(node);
    const set = (key: string, value: SyntaxNode): unknown => {
      this.set([...path, key], value);
      return this.value(value, [...path, key]);
    };
    const mark = (key: string): void => this.set([...path, key], node);
    if (call?.name === 'resourceGroup' && call.args.length > 0) {
      const [first, second] = call.args as [SyntaxNode, SyntaxNode | undefined];
      return second
        ? { subscriptionId: set('subscriptionId', first), resourceGroup: set('resourceGroup', second) }
        : { resourceGroup: set('resourceGroup', first) };
    }
    if (call?.name === 'subscription') {
      mark('subscriptionId');
      return call.args[0] ? { subscriptionId: set('subscriptionId', call.args[0]) } : { subscriptionId: '[subscription().subscriptionId]' };
    }
    if (call?.name === 'tenant') {
      mark('scope');
      return { scope: '/' };
    }
    if (node.type === 'identifier') {
      const symbol = this.symbols.get(node.text);
      if (symbol?.kind === 'resource' && symbol.type.toLowerCase() === 'microsoft.resources/resourcegroups') {
        mark('resourceGroup');
        return { resourceGroup: this.armString(() => this.resourceName(node.text) ?? 'bicep.cycle()') };
      }
      if (symbol?.kind === 'resource' && symbol.type.toLowerCase() === 'microsoft.management/managementgroups') {
        mark('scope');
        return {
          scope: this.armString(() => `format('Microsoft.Management/managementGroups/{0}', ${this.resourceName(node.text) ?? 'bicep.cycle()'})`),
        };
      }
    }
    mark('scope');
    return { scope: this.armString(() => this.expressions.expression(node)) };
  }

  /**
   * The condition and copy loop of a resource, from its declaration and those it is nested in: the
   * conditions of all, joined by and() outermost first, and the innermost loop (the compiler does so).
   */
  private addConditionAndCopy(
    resource: Record<string, unknown>,
    chain: readonly { body: Body; declaration: Declaration }[],
    path: JsonPath,
    symbol: string,
  ): void {
    const conditions = chain.filter((c) => c.body.condition !== undefined);
    if (conditions.length > 0) {
      const nearest = conditions.at(-1)?.body.condition as SyntaxNode;
      this.set([...path, 'condition'], nearest);
      resource['condition'] = this.armString(() => {
        const [first, ...rest] = conditions.map((c) => this.expressions.expression(c.body.condition as SyntaxNode));
        return rest.reduce((all, next) => `and(${all}, ${next})`, first as string);
      });
    }
    const looped = chain.findLast((c) => c.body.loop !== undefined);
    const loop = looped?.body.loop;
    if (looped && loop) {
      this.set([...path, 'copy'], loop.node);
      const { collection } = loop;
      // The count is the collection's length: `length(<collection as written>)` in messages.
      const count = this.armString(
        () => `length(${collection ? this.expressions.expression(collection) : 'bicep.collection()'})`,
        collection ? `length(${spelledText(collection) ?? '…'})` : undefined,
      );
      const copy: Record<string, unknown> = { name: symbol, count };
      const batch = decoratorCalls(looped.declaration.leading).get('batchSize')?.[0];
      if (batch?.type === 'number') Object.assign(copy, { mode: 'serial', batchSize: Number(batch.text) });
      resource['copy'] = copy;
    }
  }

  private addSuppression(resource: Record<string, unknown>, declaration: Declaration, path: JsonPath): void {
    for (const comment of declaration.leading) {
      if (comment.type !== 'comment') continue;
      const block = suppressionComment(comment.text);
      if (block === undefined) continue;
      const metadata = typeof resource['metadata'] === 'object' && resource['metadata'] !== null ? resource['metadata'] : {};
      resource['metadata'] = { ...metadata, 'cua-guard': block };
      this.set([...path, 'metadata', 'cua-guard'], comment);
      this.set([...path, 'metadata'], comment);
    }
  }

  /**
   * Runs `run` with the loop variables of the declarations (outermost first) bound: the innermost
   * loop's to the copy loop's item and index, any outer one's to a value known only at deployment.
   */
  private inLoops<T>(bodies: readonly Body[], run: () => T): T {
    const innermost = bodies.findLastIndex((b) => b.loop !== undefined);
    if (innermost === -1) return run();
    const bound = new Map<string, string>();
    bodies.forEach((body, i) => {
      const loop = body.loop;
      if (!loop || i > innermost) return;
      const collection = i < innermost ? undefined : loop.collection ? this.expressions.expression(loop.collection) : 'bicep.collection()';
      if (loop.item) bound.set(loop.item, collection === undefined ? OUTER_LOOP : `${collection}[copyIndex()]`);
      if (loop.index) bound.set(loop.index, collection === undefined ? OUTER_LOOP : 'copyIndex()');
    });
    return this.expressions.withBindings(bound, run);
  }

  /** A JSON value for a property: literals as they are, anything else as an `[expression]`. */
  private value(node: SyntaxNode, path: JsonPath, depth = 0): unknown {
    this.set(path, node);
    if (depth > 100) return '[bicep.tooDeep()]';
    const any = anyArgument(node);
    if (any) return this.value(any, path, depth + 1);
    // What the grammar could not read is reported (CUA013) and evaluates to unknown, never to a guess.
    if (node.hasError && node.type !== 'object' && node.type !== 'array') return '[bicep.unread()]';
    switch (node.type) {
      case 'string': {
        const literal = literalString(node);
        return literal === undefined ? this.armString(() => this.expressions.expression(node)) : literalValue(literal);
      }
      case 'number':
        return /^-?\d{1,15}$/.test(node.text) ? Number(node.text) : this.armString(() => this.expressions.expression(node));
      case 'boolean':
        return node.text === 'true';
      case 'null':
        return null;
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const property of objectProperties(node)) {
          this.set([...path, property.key], property.value, this.span(property.keyNode));
          out[property.key] = this.value(property.value, [...path, property.key], depth + 1);
        }
        return out;
      }
      case 'array':
        return namedChildren(node)
          .filter((c) => c.type !== 'decorators')
          .map((element, i) => this.value(element, [...path, i], depth + 1));
      default:
        return this.armString(() => this.expressions.expression(node));
    }
  }

  /**
   * A JSON string value `[expression]` of what `lower` writes, with how the Bicep source spells each
   * expression in it (for messages); `written`: the whole one's, when no node is written for it.
   */
  private armString(lower: () => string, written?: string): string {
    const { result, spelled } = this.expressions.recording(lower);
    if (written !== undefined && !spelled.has(result) && written !== result) spelled.set(result, written);
    const raw = `[${result}]`;
    this.shared.map.addSpellings(raw, spelled);
    return raw;
  }

  private span(node: SyntaxNode): SourceSpan {
    return { file: this.file, offset: node.startIndex, length: node.endIndex - node.startIndex };
  }

  private set(path: JsonPath, node: SyntaxNode, key?: SourceSpan | { offset: number; length: number }): void {
    const keySpan = key ? { file: this.file, offset: key.offset, length: key.length } : undefined;
    const value = node.id === this.root.id && keySpan ? keySpan : this.span(node);
    this.shared.map.set([...this.prefix, ...path], value, keySpan);
  }
}

/** Index of the top-level statement that holds an offset (-1 between statements). */
function topLevelIndex(root: SyntaxNode, offset: number): number {
  for (let i = 0; i < root.childCount; i++) {
    const child = root.child(i);
    if (child && child.startIndex <= offset && offset < Math.max(child.endIndex, child.startIndex + 1)) return i;
  }
  return -1;
}

/** The argument of `any(x)`, which only tells the compiler not to check x's type. */
function anyArgument(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'call_expression' || node.childForFieldName('function')?.text !== 'any') return undefined;
  const args = node.childForFieldName('arguments');
  const values = args ? namedChildren(args) : [];
  return values.length === 1 ? values[0] : undefined;
}

/** `resourceGroup(…)`, `az.subscription(…)` and the like: the scope function and its arguments. */
function scopeCall(node: SyntaxNode): { name: string; args: SyntaxNode[] } | undefined {
  if (node.type !== 'call_expression') return undefined;
  const fn = node.childForFieldName('function');
  const name = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.type === 'identifier' ? fn.text : undefined;
  if (name === undefined || !(name in SCOPES)) return undefined;
  const args = node.childForFieldName('arguments');
  return { name, args: args ? namedChildren(args) : [] };
}

/** The ARM parameter type for a Bicep parameter declaration. */
function parameterType(typeNode: SyntaxNode | undefined, defaultNode: SyntaxNode | undefined): string {
  const written = typeNode?.text.replace(/\?$/, '');
  if (written === 'string' || written === 'int' || written === 'bool' || written === 'object' || written === 'array') return written;
  if (typeNode && /\[\]\??$/.test(typeNode.text)) return 'array';
  switch (defaultNode?.type) {
    case 'string':
      return 'string';
    case 'number':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'array':
      return 'array';
    default: {
      const first = typeNode ? namedChildren(childOfType(typeNode, 'union_type') ?? typeNode)[0] : undefined;
      if (first?.type === 'string') return 'string';
      if (first?.type === 'number') return 'int';
      if (first?.type === 'boolean') return 'bool';
      return 'object';
    }
  }
}
