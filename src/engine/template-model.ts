// One walk over a main template (and the linked templates it reaches) that records the
// resources rules can be about, with where they sit, how they were reached and the scope
// their expressions use.
// Rules read this model; none of them walks the tree again.
import {
  createNestedScope,
  createLinkedScope,
  createTemplateScope,
  evaluateValue,
  type Evaluation,
  type ExpressionError,
  type TemplateScope,
} from '../expressions/index.ts';
import { Unknown, type ArmValue } from '../expressions/value.ts';
import { isRecord, type TemplateSource } from './template-source.ts';
import { scopeFromSchema } from './scope-kind.ts';
import { looksLikeTrackingName } from './tracking-name.ts';
import { previewValue } from './preview.ts';
import { resolveTemplateLink, type LinkReader, type LinkNote, type LinkedLoad } from './linked-templates.ts';
import type { DeploymentScope, JsonPath, Placement } from './types.ts';

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
  /** Deployment scope of the template the resource is declared in. */
  templateScope: DeploymentScope | undefined;
}

export interface TemplateModel {
  main: TemplateSource;
  scope: DeploymentScope | undefined;
  /**
   * The resources rules can be about: every deployment, every resource whose name looks like a
   * tracking name, and every resource whose name has an expression error. The others are walked
   * but not kept: they are nearly all of a large template and no rule reads them.
   */
  resources: ResourceEntry[];
  linkNotes: LinkNote[];
  /** Linked templates that were read, in the order they were reached. */
  linkedSources: TemplateSource[];
  /** Where resources nest deeper than MAX_NESTING and were not walked. */
  tooDeep: { file: string; path: JsonPath }[];
}

export interface ModelOptions {
  parameterValues?: Record<string, unknown>;
  readLinked?: LinkReader;
  /** See CheckSettings.nameResolution. */
  nameResolution?: 'evaluate' | 'literal';
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
  const model: TemplateModel = { main, scope, resources: [], linkNotes: [], linkedSources: [], tooDeep: [] };
  const rootScope = createTemplateScope(main.root, {
    parameterValues: options.parameterValues ?? {},
    ...(scope ? { scopeKind: scope } : {}),
    templatePath: main.file,
  });
  const walker = new ModelWalker(model, options.readLinked, new Set([main.file]), options.nameResolution === 'literal' ? literalName : evaluateValue);
  walker.walkTemplate(main, main.root, ['resources'], { depth: 0, placement: 'top-level', chain: [], scope: rootScope, templateScope: scope });
  return model;
}

interface WalkContext {
  /** Child resources and nested deployments above this point. */
  depth: number;
  placement: Placement;
  chain: DeploymentHop[];
  scope: TemplateScope;
  templateScope: DeploymentScope | undefined;
}

class ModelWalker {
  private readonly model: TemplateModel;
  private readonly readLinked: LinkReader | undefined;
  private readonly visitedFiles: Set<string>;
  private readonly evaluateName: NameEvaluator;

  constructor(model: TemplateModel, readLinked: LinkReader | undefined, visitedFiles: Set<string>, evaluateName: NameEvaluator) {
    this.model = model;
    this.readLinked = readLinked;
    this.visitedFiles = visitedFiles;
    this.evaluateName = evaluateName;
  }

  walkTemplate(source: TemplateSource, template: Record<string, unknown>, resourcesPath: JsonPath, context: WalkContext): void {
    if (context.depth > MAX_NESTING) {
      this.model.tooDeep.push({ file: source.file, path: resourcesPath });
      return;
    }
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
    const evaluation = this.evaluateName(resource['name'], context.scope);
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
        templateScope: context.templateScope,
      };
      this.model.resources.push(entry);
    }

    if (Array.isArray(resource['resources'])) {
      const childPlacement: Placement = context.placement === 'top-level' ? 'child' : context.placement;
      this.walkTemplate(source, resource, [...(entry?.path ?? [...resourcesPath, key]), 'resources'], { ...context, depth: context.depth + 1, placement: childPlacement });
    }
    if (entry !== undefined && isDeployment) this.visitDeployment(entry, context);
  }

  private visitDeployment(entry: ResourceEntry, context: WalkContext): void {
    const properties = entry.resource['properties'];
    if (!isRecord(properties)) return;
    const hop: DeploymentHop = { source: entry.source, path: entry.path, label: labelOf(entry) };
    const chain = [...context.chain, hop];
    const inline = properties['template'];
    if (isRecord(inline)) {
      const placement: Placement = context.placement === 'linked' ? 'linked' : 'nested-inline';
      const scope = createNestedScope(context.scope, entry.resource);
      this.walkTemplate(entry.source, inline, [...entry.path, 'properties', 'template', 'resources'], {
        depth: context.depth + 1,
        placement,
        chain,
        scope,
        templateScope: scopeFromSchema(inline['$schema']) ?? context.templateScope,
      });
    }
    if (isRecord(properties['templateLink'])) this.visitLink(entry, properties['templateLink'], chain, context);
  }

  private visitLink(entry: ResourceEntry, link: Record<string, unknown>, chain: DeploymentHop[], context: WalkContext): void {
    const resolution = resolveTemplateLink(entry, link, context.scope, this.model.main.file);
    if (resolution.kind === 'note') {
      this.model.linkNotes.push(resolution.note);
      return;
    }
    if (!this.readLinked) return;
    const loaded = this.loadFirstCandidate(entry, resolution.candidates);
    if (loaded === undefined) return;
    this.model.linkedSources.push(loaded.source);
    const scope = createLinkedScope(context.scope, loaded.source.root, entry.resource);
    this.walkTemplate(loaded.source, loaded.source.root, ['resources'], {
      depth: context.depth + 1,
      placement: 'linked',
      chain,
      scope,
      templateScope: scopeFromSchema(loaded.source.root['$schema']) ?? context.templateScope,
    });
  }

  /** The first candidate that exists; undefined when already walked (cycles terminate) or none loads. */
  private loadFirstCandidate(entry: ResourceEntry, candidates: string[]): Extract<LinkedLoad, { kind: 'file' }> | undefined {
    let firstProblem: LinkedLoad | undefined;
    for (const target of candidates) {
      if (this.visitedFiles.has(target)) return undefined; // cycles and diamonds are walked once
      const loaded = this.readLinked?.(entry.source.file, target);
      if (loaded?.kind === 'file') {
        this.visitedFiles.add(target);
        return loaded;
      }
      firstProblem ??= loaded;
    }
    if (firstProblem?.kind === 'note') {
      const tried = candidates.length > 1 ? ` (also looked for ${candidates.slice(1).join(', ')})` : '';
      this.model.linkNotes.push({ ...firstProblem.note, message: `${firstProblem.note.message}${tried}`, from: { file: entry.source.file, path: entry.path } });
    }
    return undefined;
  }
}

type NameEvaluator = (raw: unknown, scope: TemplateScope) => Evaluation;

/** The benchmark baseline: a name is known only when written out as a plain string. */
function literalName(raw: unknown): Evaluation {
  if (typeof raw === 'string' && !raw.startsWith('[')) return { value: raw, errors: [] };
  return { value: new Unknown(typeof raw === 'string' ? raw.slice(1, -1) : previewValue(raw)), errors: [] };
}


function labelOf(entry: ResourceEntry): string {
  const name = entry.name;
  if (typeof name === 'string') return name;
  const raw = entry.resource['name'];
  return typeof raw === 'string' ? raw : '(unnamed)';
}
