// One walk over a main template (and the linked templates it reaches) that records the
// resources rules can be about, with where they sit, how they were reached and the scope
// their expressions use.
// Rules read this model; none of them walks the tree again.
import { writtenExpression } from './written-as.ts';
import { createNestedScope, createLinkedScope, createTemplateScope, evaluateValue, type ExpressionError, type TemplateScope } from '../expressions/index.ts';
import type { ArmValue } from '../expressions/value.ts';
import { isRecord, type TemplateSource } from '../parse/template-source.ts';
import { deploymentTargetScope, scopeFromSchema } from './scope-kind.ts';
import { looksLikeTrackingName } from './tracking-name.ts';
import {
  linkKey,
  resolveTemplateLink,
  type LinkContext,
  type LinkReader,
  type LinkNote,
  type LinkVia,
  type LinkedLoad,
  type LinkResolution,
} from './linked-templates.ts';
import { StaticErrors, type DefinitionSite } from './expression-errors.ts';
import { deploymentTimeReasons, splitParameterValues, withoutDefaults, withPackageBase } from './deployment-time-parameters.ts';
import { suppressionBlockOf, type SuppressionBlock } from './suppression.ts';
import type { DeploymentScope, Placement } from './types.ts';
import { templateKind, type TemplateKind } from './template-kind.ts';
import { linkAlternatives } from './link-alternatives.ts';
import type { JsonPath } from '../parse/types.ts';
import { posix } from 'node:path';

export interface DeploymentHop {
  source: TemplateSource;
  path: JsonPath;
  /** The deployment's name as resolved, for messages. */
  label: string;
}

export interface ResourceEntry {
  source: TemplateSource;
  path: JsonPath;
  resource: Record<string, unknown>;
  /** Resource type as written ('' when missing). */
  type: string;
  name: ArmValue;
  nameErrors: ExpressionError[];
  placement: Placement;
  /** Deployments that lead to this resource, outermost first. */
  chain: DeploymentHop[];
  scope: TemplateScope;
  /** Where the parameters and variables `scope` sees are written (for CUA016 positions). */
  definitions: DefinitionSite;
  /** Deployment scope of the template the resource is declared in. */
  templateScope: DeploymentScope | undefined;
  /**
   * For a deployment: the scope it deploys at, which decides whether ARM needs its `location`.
   * Its own `resourceGroup`, `subscriptionId` or `scope` property when set (a deployment with
   * "resourceGroup" in a subscription template runs at resource-group scope), else templateScope;
   * undefined when `scope` cannot be read before deployment. For other resources: templateScope.
   */
  targetScope: DeploymentScope | undefined;
  /**
   * The name, or a variable or parameter value it uses, has an expression error ARM rejects
   * whatever the parameter values (reported by CUA016 where it is written).
   */
  nameHasStaticError: boolean;
}

export interface TemplateModel {
  main: TemplateSource;
  scope: DeploymentScope | undefined;
  /** A solution template, or one that only defines or deploys a managed application. */
  kind: TemplateKind;
  /** The main template is the mainTemplate.json of a Marketplace Azure application package. */
  marketplacePackage: boolean;
  /**
   * The resources rules can be about: every deployment, every resource whose name looks like a
   * tracking name, and every resource whose name has an expression error. The others are walked
   * but not kept: they are nearly all of a large template and no rule reads them.
   */
  resources: ResourceEntry[];
  linkNotes: LinkNote[];
  /** Linked templates that were read, in the order they were reached. */
  linkedSources: TemplateSource[];
  /** How each linked template was reached, in the same order. */
  links: LinkedFile[];
  /** Where resources nest deeper than MAX_NESTING and were not walked. */
  tooDeep: { file: string; path: JsonPath }[];
  /**
   * Every workspace file a templateLink was looked for at, existing or not, in the order tried:
   * `only-changed` needs the deleted and renamed ones too.
   */
  linkTargets: string[];
  /** Static expression errors in the values the check evaluates (CUA016), each at its string. */
  expressionErrors: StaticErrors;
  /** Every `metadata.cua-guard` block met on the walk, on resources and on templates. */
  suppressionBlocks: SuppressionBlock[];
}

export interface LinkedFile {
  /** Workspace-relative path of the linked template. */
  file: string;
  /** The template whose deployment links it. */
  from: string;
  via: LinkVia;
}

export interface ModelOptions {
  /** Parameters file values by name; KNOWN_AT_DEPLOYMENT for a Key Vault reference. */
  parameterValues?: Record<string, unknown>;
  readLinked?: LinkReader;
  /** Link roots and the repository's files, for links beyond relativePath and the package base. */
  links?: LinkContext;
  /** The main template is a Marketplace package's mainTemplate.json (createUiDefinition.json beside it). */
  marketplacePackage?: boolean;
}

// Real templates nest a handful of levels (the deepest corpus template: 4 deployments); this bounds
// hostile input (stack depth, time) without hiding real ones. Counts child resources and deployments.
export const MAX_NESTING = 64;
const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';

export function isDeploymentType(type: string): boolean {
  return type.toLowerCase() === DEPLOYMENTS_TYPE;
}

export function buildTemplateModel(main: TemplateSource, options: ModelOptions = {}): TemplateModel {
  const scope = scopeFromSchema(main.root['$schema']);
  const model: TemplateModel = {
    main,
    scope,
    kind: templateKind(main.root),
    marketplacePackage: options.marketplacePackage === true,
    resources: [],
    linkNotes: [],
    linkedSources: [],
    links: [],
    tooDeep: [],
    linkTargets: [],
    expressionErrors: new StaticErrors(),
    suppressionBlocks: [],
  };
  const { values, knownAtDeployment } = splitParameterValues(options.parameterValues ?? {});
  const unknownNames = withPackageBase(main.root, knownAtDeployment);
  const bound = withoutDefaults(main.root, unknownNames);
  const scopeWith = (overrides: Record<string, unknown>): TemplateScope =>
    createTemplateScope(bound, {
      parameterValues: { ...values, ...overrides },
      ...(unknownNames.size > 0 ? { deploymentTimeParameters: deploymentTimeReasons(unknownNames) } : {}),
      ...(scope ? { scopeKind: scope } : {}),
      ...(main.origin ? { spelling: main.origin } : {}),
      templatePath: main.file,
    });
  const rootScope = scopeWith({});
  const definitions: DefinitionSite = {
    source: main,
    path: [],
    template: main.root,
    scope: rootScope,
    supplied: { kind: 'file', values, knownAtDeployment: unknownNames },
  };
  const walker = new ModelWalker(model, options, new Set([main.file]));
  const selector: LinkSelector = { template: main.root, given: values, scope: rootScope, scopeWith };
  walker.walkTemplate(main, main.root, ['resources'], {
    depth: 0,
    placement: 'top-level',
    chain: [],
    scope: rootScope,
    definitions,
    templateScope: scope,
    selector,
  });
  return model;
}

interface WalkContext {
  /** Child resources and nested deployments above this point. */
  depth: number;
  placement: Placement;
  chain: DeploymentHop[];
  scope: TemplateScope;
  definitions: DefinitionSite;
  templateScope: DeploymentScope | undefined;
  /** The file whose own parameters may select a link here (main or linked template), when its scope is `scope`. */
  selector?: LinkSelector;
}

/** A template file's parameters, and its scope made again with some of them set: for parameter-selected links. */
interface LinkSelector {
  template: Record<string, unknown>;
  /** Values already chosen (the parameters file's for the main template). */
  given: Record<string, unknown>;
  scope: TemplateScope;
  scopeWith: (overrides: Record<string, unknown>) => TemplateScope;
}

/**
 * Alternative values evaluated per main template, over all its files: each value may read one more
 * linked template (each file is walked once per main template anyway), and a repository of deep
 * chains of parameter-selected links must not multiply the work.
 */
const MAX_ALTERNATIVE_LINKS = 256;

class ModelWalker {
  private readonly model: TemplateModel;
  private readonly readLinked: LinkReader | undefined;
  private readonly links: LinkContext | undefined;
  private readonly visitedFiles: Set<string>;
  /** model.linkTargets as a set, so that a template with thousands of links stays linear. */
  private readonly triedTargets = new Set<string>();
  private alternativesLeft = MAX_ALTERNATIVE_LINKS;

  constructor(model: TemplateModel, options: ModelOptions, visitedFiles: Set<string>) {
    this.model = model;
    this.readLinked = options.readLinked;
    this.links = options.links;
    this.visitedFiles = visitedFiles;
  }

  walkTemplate(source: TemplateSource, template: Record<string, unknown>, resourcesPath: JsonPath, context: WalkContext): void {
    if (context.depth > MAX_NESTING) {
      this.model.tooDeep.push({ file: source.file, path: resourcesPath });
      return;
    }
    const block = suppressionBlockOf(template);
    if (block)
      this.model.suppressionBlocks.push({
        file: source.file,
        path: [...resourcesPath.slice(0, -1), 'metadata', 'cua-guard'],
        value: block.value,
        onTemplate: true,
      });
    const resources = template['resources'];
    if (Array.isArray(resources)) {
      for (let index = 0; index < resources.length; index++) {
        const resource: unknown = resources[index];
        if (isRecord(resource)) this.visitResource(source, resourcesPath, index, resource, context);
      }
    } else if (isRecord(resources) && template['languageVersion'] !== undefined) {
      // languageVersion 2.0: an object keyed by symbolic name; `existing` resources are references.
      for (const symbol of Object.keys(resources)) {
        const resource = resources[symbol];
        if (isRecord(resource) && resource['existing'] !== true) this.visitResource(source, resourcesPath, symbol, resource, context);
      }
    }
  }

  /** `path` is built only for resources that are kept or have children: most are neither. */
  private visitResource(source: TemplateSource, resourcesPath: JsonPath, key: string | number, resource: Record<string, unknown>, context: WalkContext): void {
    const type = typeof resource['type'] === 'string' ? resource['type'] : '';
    const evaluation = evaluateValue(resource['name'], context.scope);
    const isDeployment = isDeploymentType(type);
    let entry: ResourceEntry | undefined;
    if (isDeployment || evaluation.errors.length > 0 || looksLikeTrackingName(evaluation.value)) {
      entry = {
        source,
        path: [...resourcesPath, key],
        resource,
        type,
        name: evaluation.value,
        nameErrors: evaluation.errors,
        placement: context.placement,
        chain: context.chain,
        scope: context.scope,
        definitions: context.definitions,
        templateScope: context.templateScope,
        targetScope: context.templateScope,
        nameHasStaticError: false,
      };
      if (evaluation.errors.length > 0) {
        const at = { file: source.file, path: [...entry.path, 'name'], at: 'value' as const };
        entry.nameHasStaticError = this.model.expressionErrors.record(
          { raw: resource['name'], at, label: 'name', site: context.definitions, resource: entry },
          evaluation,
        );
      }
      this.model.resources.push(entry);
    }

    const block = suppressionBlockOf(resource);
    if (block)
      this.model.suppressionBlocks.push({
        file: source.file,
        path: [...(entry?.path ?? [...resourcesPath, key]), 'metadata', 'cua-guard'],
        value: block.value,
        onTemplate: false,
      });
    if (Array.isArray(resource['resources'])) {
      const childPlacement: Placement = context.placement === 'top-level' ? 'child' : context.placement;
      this.walkTemplate(source, resource, [...(entry?.path ?? [...resourcesPath, key]), 'resources'], {
        ...context,
        depth: context.depth + 1,
        placement: childPlacement,
      });
    }
    if (entry !== undefined && isDeployment) this.visitDeployment(entry, context);
  }

  private visitDeployment(entry: ResourceEntry, context: WalkContext): void {
    // Where the deployment runs: its own resourceGroup/subscriptionId/scope, else its template's.
    const rawScope = entry.resource['scope'];
    const target = deploymentTargetScope(entry.resource, rawScope === undefined ? undefined : evaluateValue(rawScope, context.scope).value);
    const explicitTarget = target === 'unknown' ? undefined : target;
    entry.targetScope = target === 'unknown' ? undefined : (target ?? context.templateScope);
    const properties = entry.resource['properties'];
    if (!isRecord(properties)) return;
    const hop: DeploymentHop = { source: entry.source, path: entry.path, label: labelOf(entry) };
    const chain = [...context.chain, hop];
    const inline = properties['template'];
    if (isRecord(inline)) {
      const placement: Placement = context.placement === 'linked' ? 'linked' : 'nested-inline';
      this.walkTemplate(entry.source, inline, [...entry.path, 'properties', 'template', 'resources'], {
        depth: context.depth + 1,
        placement,
        chain,
        ...this.nestedBindings(entry, properties, inline, context),
        templateScope: explicitTarget ?? scopeFromSchema(inline['$schema']) ?? context.templateScope,
      });
    }
    if (isRecord(properties['templateLink'])) this.visitLink(entry, properties['templateLink'], chain, context, explicitTarget);
  }

  /** 'inner' nested templates see their own parameters and variables; 'outer' ones the parent's. */
  private nestedBindings(
    entry: ResourceEntry,
    properties: Record<string, unknown>,
    inline: Record<string, unknown>,
    context: WalkContext,
  ): Pick<WalkContext, 'scope' | 'definitions'> {
    const options = properties['expressionEvaluationOptions'];
    const mode = isRecord(options) ? options['scope'] : undefined;
    if (typeof mode !== 'string' || mode.toLowerCase() !== 'inner')
      return { scope: createNestedScope(context.scope, entry.resource), definitions: context.definitions };
    const unknownNames = withPackageBase(inline);
    const bound = withoutDefaults(inline, unknownNames);
    const deployment = bound === inline ? entry.resource : { ...entry.resource, properties: { ...properties, template: bound } };
    const scope = createNestedScope(context.scope, deployment);
    const supplied = { kind: 'deployment' as const, deployment: entry, parent: context.definitions, viaLink: false, knownAtDeployment: unknownNames };
    return { scope, definitions: { source: entry.source, path: [...entry.path, 'properties', 'template'], template: inline, scope, supplied } };
  }

  private visitLink(
    entry: ResourceEntry,
    link: Record<string, unknown>,
    chain: DeploymentHop[],
    context: WalkContext,
    explicitTarget: DeploymentScope | undefined,
  ): void {
    const key = linkKey(link);
    const evaluation = evaluateValue(link[key], context.scope);
    const at = { file: entry.source.file, path: [...entry.path, 'properties', 'templateLink', key], at: 'value' as const };
    // A link ARM rejects is CUA016 where the mistake is written, not "cannot be resolved".
    if (this.model.expressionErrors.record({ raw: link[key], at, label: `templateLink.${key}`, site: context.definitions, resource: entry }, evaluation))
      return;
    const resolution = resolveTemplateLink(entry, { key, value: evaluation.value }, this.model.main.file, this.links);
    if (resolution.kind === 'note') this.model.linkNotes.push({ ...resolution.note, deployment: entry });
    else this.followLink(entry, { resolution, chain, scope: context.scope }, context, explicitTarget);
    // A link a parameter of the main template, or of the linked template it is in, selects:
    // followed for every value it allows (within MAX_ALTERNATIVE_LINKS per main template). Even
    // when the parent passes one value: the linked template is in the repository for any of them
    // (often a deployable template of its own), and a finding behind it names the value.
    const selector = context.selector;
    if (selector === undefined || context.scope !== selector.scope) return;
    for (const alternative of linkAlternatives(link[key], selector.template, selector.given)) {
      if (this.alternativesLeft <= 0) return;
      this.alternativesLeft--;
      const scope = selector.scopeWith({ [alternative.parameter]: alternative.value });
      const value = evaluateValue(link[key], scope);
      if (value.errors.length > 0) continue;
      const other = resolveTemplateLink(entry, { key, value: value.value }, this.model.main.file, this.links);
      if (other.kind !== 'file') continue;
      const hop: DeploymentHop = {
        ...(chain[chain.length - 1] as DeploymentHop),
        label: `${labelOf(entry)} (${alternative.parameter} = ${JSON.stringify(alternative.value)})`,
      };
      this.followLink(entry, { resolution: other, chain: [...chain.slice(0, -1), hop], scope }, context, explicitTarget);
    }
  }

  /** Reads the linked template a resolution names and walks it in the scope the deployment gives it. */
  private followLink(
    entry: ResourceEntry,
    link: { resolution: Extract<LinkResolution, { kind: 'file' }>; chain: DeploymentHop[]; scope: TemplateScope },
    context: WalkContext,
    explicitTarget: DeploymentScope | undefined,
  ): void {
    const { resolution } = link;
    if (!this.readLinked) return;
    const loaded = this.loadFirstCandidate(entry, resolution);
    if (loaded === undefined) return;
    this.model.linkedSources.push(loaded.source);
    this.model.links.push({ file: loaded.source.file, from: entry.source.file, via: loaded.via });
    const chain = loaded.via === 'suffix' ? withSuffixNote(link.chain, resolution.relative) : link.chain;
    const root = loaded.source.root;
    const unknownNames = withPackageBase(root);
    const bound = withoutDefaults(root, unknownNames);
    const scope = createLinkedScope(link.scope, bound, entry.resource);
    const selector: LinkSelector = {
      template: root,
      given: literalParameters(entry.resource),
      scope,
      scopeWith: (overrides) => createLinkedScope(link.scope, bound, withParameterValues(entry.resource, overrides)),
    };
    const viaLink = isRecord(entry.resource['properties']) && entry.resource['properties']['parametersLink'] !== undefined;
    const definitions: DefinitionSite = {
      source: loaded.source,
      path: [],
      template: root,
      scope,
      supplied: { kind: 'deployment', deployment: entry, parent: context.definitions, viaLink, knownAtDeployment: unknownNames },
    };
    this.walkTemplate(loaded.source, root, ['resources'], {
      depth: context.depth + 1,
      placement: 'linked',
      chain,
      scope,
      definitions,
      templateScope: explicitTarget ?? scopeFromSchema(root['$schema']) ?? context.templateScope,
      selector,
    });
  }

  /**
   * The first candidate that exists; else the one repository file that ends with the link's path
   * (packaging copies shared folders). Undefined when already walked (cycles terminate) or none loads.
   */
  private loadFirstCandidate(
    entry: ResourceEntry,
    resolution: Extract<LinkResolution, { kind: 'file' }>,
  ): (Extract<LinkedLoad, { kind: 'file' }> & { via: LinkVia }) | undefined {
    const { candidates } = resolution;
    let firstProblem: LinkedLoad | undefined;
    for (const target of candidates) {
      const loaded = this.tryTarget(entry, target);
      if (loaded === 'walked') return undefined;
      if (loaded?.kind === 'file') return { ...loaded, via: resolution.via };
      firstProblem ??= loaded;
    }
    const missing = firstProblem?.kind === 'note' && firstProblem.note.kind === 'missing';
    const bySuffix = missing && resolution.relative !== undefined ? nearest(this.bySuffix(resolution.relative, candidates), entry.source.file) : [];
    if (bySuffix.length === 1) {
      const loaded = this.tryTarget(entry, bySuffix[0] as string);
      if (loaded === 'walked') return undefined;
      if (loaded?.kind === 'file') return { ...loaded, via: 'suffix' };
    }
    const from = { file: entry.source.file, path: entry.path };
    if (missing && bySuffix.length === 0 && resolution.ifMissing) {
      this.model.linkNotes.push({ ...resolution.ifMissing, from, deployment: entry });
      return undefined;
    }
    if (firstProblem?.kind === 'note') {
      const tried = candidates.length > 1 ? ` (also looked for ${candidates.slice(1).join(', ')})` : '';
      const several = bySuffix.length > 1 ? `; ${bySuffix.length} files end with '${resolution.relative}': ${listOf(bySuffix)}` : '';
      this.model.linkNotes.push({ ...firstProblem.note, message: `${firstProblem.note.message}${tried}${several}`, from, deployment: entry });
    }
    return undefined;
  }

  /** Reads one candidate: 'walked' when it was walked already for this main template. */
  private tryTarget(entry: ResourceEntry, target: string): LinkedLoad | 'walked' | undefined {
    if (!this.triedTargets.has(target)) {
      this.triedTargets.add(target);
      this.model.linkTargets.push(target);
    }
    if (this.visitedFiles.has(target)) return 'walked'; // cycles and diamonds are walked once
    const loaded = this.readLinked?.(entry.source.file, target);
    if (loaded?.kind === 'file') this.visitedFiles.add(target);
    return loaded;
  }

  private bySuffix(relative: string, tried: readonly string[]): string[] {
    const path = posixNormalize(relative);
    if (path === '' || path.startsWith('..')) return [];
    return (this.links?.findBySuffix?.(path) ?? []).filter((file) => !tried.includes(file));
  }
}

/**
 * Of several files that end with a link's path, the ones nearest the linking template: sharing the
 * most leading folders with it (a shared folder copied into packages sits beside their parents;
 * a copy for another cloud or an old release sits elsewhere). Several equally near stay several.
 */
function nearest(files: readonly string[], from: string): string[] {
  if (files.length < 2) return [...files];
  const folders = from.split('/').slice(0, -1);
  const shared = (file: string): number => {
    const parts = file.split('/');
    let n = 0;
    while (n < folders.length && n < parts.length - 1 && parts[n] === folders[n]) n++;
    return n;
  };
  const best = Math.max(...files.map(shared));
  return files.filter((file) => shared(file) === best);
}

function posixNormalize(path: string): string {
  const normalized = posix.normalize(path.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
  return normalized === '.' ? '' : normalized;
}

function listOf(files: readonly string[]): string {
  return files.length > 5 ? `${files.slice(0, 5).join(', ')} and ${files.length - 5} more` : files.join(', ');
}

function labelOf(entry: ResourceEntry): string {
  const name = entry.name;
  if (typeof name === 'string') return name;
  const raw = entry.resource['name'];
  // A deployment a .bicep file declares is named as the file writes it, not as it was lowered.
  return typeof raw === 'string' ? (writtenExpression(entry.source, raw) ?? raw) : '(unnamed)';
}

/** The deployment with some of the parameters it passes to its linked template set to other values. */
function withParameterValues(deployment: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const properties = isRecord(deployment['properties']) ? deployment['properties'] : {};
  const passed = isRecord(properties['parameters']) ? properties['parameters'] : {};
  const kept = Object.fromEntries(Object.entries(passed).filter(([name]) => !Object.keys(overrides).some((o) => o.toLowerCase() === name.toLowerCase())));
  const set = Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name, { value }]));
  return { ...deployment, properties: { ...properties, parameters: { ...kept, ...set } } };
}

/** The parameters a deployment passes as literals (not expressions): the values its linked template is walked with. */
function literalParameters(deployment: Record<string, unknown>): Record<string, unknown> {
  const properties = isRecord(deployment['properties']) ? deployment['properties'] : {};
  const passed = isRecord(properties['parameters']) ? properties['parameters'] : {};
  const literals: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(passed)) {
    const value = isRecord(entry) ? entry['value'] : undefined;
    if (value !== undefined && !(typeof value === 'string' && value.startsWith('[') && !value.startsWith('[['))) literals[name] = value;
  }
  return literals;
}

/**
 * The chain with its last hop saying that the linked file was found by the end of its path (no
 * such file beside the template; packaging copies a shared folder there): a finding behind it says so.
 */
function withSuffixNote(chain: DeploymentHop[], relative: string | undefined): DeploymentHop[] {
  const last = chain[chain.length - 1];
  if (last === undefined || relative === undefined) return chain;
  return [...chain.slice(0, -1), { ...last, label: `${last.label} (no '${relative}' beside it: followed to the one repository file ending so)` }];
}
