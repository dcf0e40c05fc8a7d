// Works out which repository file a deployment's templateLink points at, without fetching
// anything: relativePath, or a uri built from deployment().properties.templateLink.uri or
// _artifactsLocation plus a relative path. Anything else is noted, never read.
import { posix } from 'node:path';
import { PartialString, Unknown, contextPath, dependsOn, describeString, type ArmValue } from '../expressions/value.ts';
import type { TemplateSource } from '../parse/template-source.ts';
import type { ResourceEntry } from './template-model.ts';
import type { JsonPath } from '../parse/types.ts';

export interface LinkNote {
  kind: 'remote' | 'outside-workspace' | 'unresolved' | 'missing' | 'unreadable';
  message: string;
  from: { file: string; path: JsonPath };
  /** The deployment whose templateLink this is (its metadata can suppress the finding). */
  deployment?: ResourceEntry;
}

/** Candidate files in the order to try them: the first that exists is the linked template. */
export type LinkResolution = { kind: 'file'; candidates: string[] } | { kind: 'note'; note: LinkNote };

export type LinkedLoad = { kind: 'file'; source: TemplateSource } | { kind: 'note'; note: Omit<LinkNote, 'from' | 'deployment'> };

/** Reads a linked template (workspace-relative path) on behalf of the engine. */
export type LinkReader = (fromFile: string, target: string) => LinkedLoad;

/** Which templateLink property names the file. */
export type LinkKey = 'relativePath' | 'uri';

interface LinkOwner {
  source: TemplateSource;
  path: JsonPath;
}

/**
 * The Marketplace replaces `_artifactsLocation` with the package's location whatever its default
 * (often a raw.githubusercontent.com URL), so it is the package base, known only at deployment.
 */
export const PACKAGE_BASE_PARAMETER = /^_artifactsLocation$/i;

/** The property of `link` that names the file, as ARM reads it (relativePath wins). */
export function linkKey(link: Record<string, unknown>): LinkKey {
  return link['relativePath'] !== undefined ? 'relativePath' : 'uri';
}

/**
 * `value` is the evaluated `link[key]`. `mainFile` matters for uri-based links: `_artifactsLocation`
 * is the package root (the main template's folder) even when passed down to a linked template,
 * while `deployment().properties.templateLink.uri` is the current file's own location. The
 * evaluator cannot tell which one a value came from, so both folders are candidates, the current
 * one first.
 */
export function resolveTemplateLink(owner: LinkOwner, key: LinkKey, value: ArmValue, mainFile: string): LinkResolution {
  const from = { file: owner.source.file, path: owner.path };
  const note = (kind: LinkNote['kind'], message: string): LinkResolution => ({ kind: 'note', note: { kind, message, from } });
  const baseDir = posix.dirname(owner.source.file);

  if (key === 'relativePath') {
    if (typeof value !== 'string')
      return note('unresolved', `templateLink.relativePath '${redactQuery(describeString(value))}' cannot be resolved before deployment`);
    // A query (a SAS token) names no file and must never reach a message.
    return withinWorkspace([posix.join(baseDir, value.split('?')[0] ?? '')], note);
  }
  if (typeof value === 'string') {
    // A Bicep module from a registry (br:, br/public:, ts:): never fetched.
    if (/^(br|ts)(\/[^:]*)?:/i.test(value)) return note('remote', `module '${redactQuery(value)}' is in a registry and was not fetched`);
    return /^[a-z][a-z0-9+.-]*:/i.test(value)
      ? note('remote', `linked template ${redactQuery(value)} is remote and was not fetched`)
      : note('unresolved', `templateLink.uri '${redactQuery(value)}' is not an absolute URI`);
  }
  const relative = relativePartAfterBase(value);
  if (relative === undefined)
    return note('unresolved', `templateLink.uri '${redactQuery(describeString(value))}' cannot be resolved to a file in the repository`);
  return withinWorkspace([...new Set([posix.join(baseDir, relative), posix.join(posix.dirname(mainFile), relative)])], note);
}

/** For `<base>` + 'nested/x.json' (+ SAS token), the relative part, when base is the template's own location. */
function relativePartAfterBase(value: ArmValue): string | undefined {
  const parts = value instanceof PartialString ? value.parts : value instanceof Unknown ? [value] : [];
  const first = parts[0];
  if (!(first instanceof Unknown) || !dependsOn(first, isPackageBase)) return undefined;
  let relative = '';
  for (const part of parts.slice(1)) {
    if (typeof part !== 'string') break;
    relative += part;
  }
  relative = relative.split('?')[0] ?? '';
  relative = relative.replace(/^\.?\/+/, '');
  return relative === '' ? undefined : relative;
}

/** `deployment().properties.templateLink.uri` (the template's own location) or the `_artifactsLocation` parameter. */
function isPackageBase(unknown: Unknown): boolean {
  const { cause } = unknown;
  if (cause.kind === 'parameter') return PACKAGE_BASE_PARAMETER.test(cause.name);
  const context = contextPath(unknown);
  if (context?.fn !== 'deployment') return false;
  const path = context.path.map((key) => (typeof key === 'string' ? key.toLowerCase() : key));
  return path.some((key, i) => key === 'templatelink' && path[i + 1] === 'uri');
}

function withinWorkspace(paths: string[], note: (kind: LinkNote['kind'], message: string) => LinkResolution): LinkResolution {
  const normalized = paths.map((p) => posix.normalize(p));
  const inside = normalized.filter((p) => !(p.startsWith('../') || p === '..' || posix.isAbsolute(p)));
  if (inside.length === 0) return note('outside-workspace', `linked template '${normalized[0]}' is outside the workspace and was not read`);
  return { kind: 'file', candidates: inside };
}

/** SAS tokens and other query strings may carry secrets: never show them. */
export function redactQuery(uri: string): string {
  const at = uri.indexOf('?');
  return at === -1 ? uri : `${uri.slice(0, at)}?…`;
}
