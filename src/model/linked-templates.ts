// Works out which repository file a deployment's templateLink points at, without fetching
// anything: relativePath; a uri built from deployment().properties.templateLink.uri,
// _artifactsLocation or any other base (a parameter or variable) plus a relative path; this
// repository's own GitHub URLs; the configuration's link roots. Anything else is noted, never read.
import { posix } from 'node:path';
import { PartialString, Unknown, contextPath, dependsOn, describeString, type ArmValue } from '../expressions/value.ts';
import type { TemplateSource } from '../parse/template-source.ts';
import type { ResourceEntry } from './template-model.ts';
import type { JsonPath } from '../parse/types.ts';
import { matchLinkRoot, type LinkRoot } from './link-roots.ts';

export interface LinkNote {
  kind: 'remote' | 'outside-workspace' | 'unresolved' | 'missing' | 'unreadable';
  message: string;
  /** For a remote link: the URL's host and the URL without its query (to group notices by host). */
  remote?: { host: string; url: string };
  from: { file: string; path: JsonPath };
  /** The deployment whose templateLink this is (its metadata can suppress the finding). */
  deployment?: ResourceEntry;
}

/**
 * How a linked template was reached: relativePath; a uri built from the template's own location
 * (templateLink.uri) or _artifactsLocation ('package-base'); from another base parameter or
 * variable ('base-url'); this repository's GitHub URL; a configured link root; or, when the path
 * is not found beside the template, the one repository file ending with it ('suffix').
 */
export type LinkVia = 'relativePath' | 'package-base' | 'base-url' | 'github-url' | 'link-root' | 'suffix';

/** Candidate files in the order to try them: the first that exists is the linked template. */
export type LinkResolution =
  | {
      kind: 'file';
      candidates: string[];
      via: LinkVia;
      /** The path as the link writes it, to look for by its end when no candidate exists. */
      relative?: string;
      /** What to note instead of "missing" when no candidate exists (a guessed base). */
      ifMissing?: LinkNote;
    }
  | { kind: 'note'; note: LinkNote };

/** What the model knows of the repository around a template, to resolve links with. */
export interface LinkContext {
  /** URL prefixes that stand for folders of the checkout (own GitHub URLs, configured roots). */
  roots: readonly LinkRoot[];
  /** Workspace files whose path ends with `/relative` (or is it). */
  findBySuffix?: (relative: string) => string[];
}

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
export function resolveTemplateLink(owner: LinkOwner, link: { key: LinkKey; value: ArmValue }, mainFile: string, context?: LinkContext): LinkResolution {
  const { key, value } = link;
  const from = { file: owner.source.file, path: owner.path };
  const note = (kind: LinkNote['kind'], message: string): LinkResolution => ({ kind: 'note', note: { kind, message, from } });
  const baseDir = posix.dirname(owner.source.file);

  if (key === 'relativePath') {
    if (typeof value !== 'string')
      return note('unresolved', `templateLink.relativePath '${redactQuery(describeString(value))}' cannot be resolved before deployment`);
    // A query (a SAS token) names no file and must never reach a message.
    const relative = value.split('?')[0] ?? '';
    return withinWorkspace([posix.join(baseDir, relative)], note, { via: 'relativePath', relative });
  }
  const rooted = context && context.roots.length > 0 ? matchLinkRoot(value, context.roots) : undefined;
  if (rooted) return withinWorkspace(rooted.candidates, note, { via: rooted.via });
  if (typeof value === 'string') {
    // A Bicep module from a registry (br:, br/public:, ts:): never fetched.
    if (/^(br|ts)(\/[^:]*)?:/i.test(value)) return note('remote', `module '${redactQuery(value)}' is in a registry and was not fetched`);
    return /^[a-z][a-z0-9+.-]*:/i.test(value)
      ? remoteNote(from, redactQuery(value))
      : note('unresolved', `templateLink.uri '${redactQuery(value)}' is not an absolute URI`);
  }
  const unresolved = (): LinkResolution =>
    note('unresolved', `templateLink.uri '${redactQuery(describeString(value))}' cannot be resolved to a file in the repository`);
  const after = relativePartAfterBase(value);
  if (after === undefined) {
    const known = knownUrlPrefix(value);
    return known === undefined ? unresolved() : remoteNote(from, redactQuery(describeString(value)));
  }
  const candidates = [...new Set([posix.join(baseDir, after.relative), posix.join(posix.dirname(mainFile), after.relative)])];
  const guessed = unresolved();
  return withinWorkspace(candidates, note, {
    via: after.packageBase ? 'package-base' : 'base-url',
    relative: after.relative,
    ...(after.packageBase || guessed.kind !== 'note' ? {} : { ifMissing: guessed.note }),
  });
}

function remoteNote(from: LinkNote['from'], url: string): LinkResolution {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1]?.toLowerCase() ?? url;
  return { kind: 'note', note: { kind: 'remote', message: `linked template ${url} is remote and was not fetched`, from, remote: { host, url } } };
}

/** The known start of a URL with unknown parts when it is absolute (`https://host/…{branch}…`). */
function knownUrlPrefix(value: ArmValue): string | undefined {
  if (!(value instanceof PartialString)) return undefined;
  const first = value.parts[0];
  return typeof first === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(first) ? first : undefined;
}

/**
 * For `<base>` + 'nested/x.json' (+ SAS token), the relative part. The base is an unknown value:
 * the template's own location or _artifactsLocation (the package base), or any other parameter or
 * variable used as a base URL, whatever its name.
 */
function relativePartAfterBase(value: ArmValue): { relative: string; packageBase: boolean } | undefined {
  const parts = value instanceof PartialString ? value.parts : value instanceof Unknown ? [value] : [];
  const first = parts[0];
  if (!(first instanceof Unknown)) return undefined;
  const packageBase = dependsOn(first, isPackageBase);
  let relative = '';
  for (const part of parts.slice(1)) {
    if (typeof part !== 'string') break;
    relative += part;
  }
  relative = relative.split('?')[0] ?? '';
  relative = relative.replace(/^\.?\/+/, '');
  return relative === '' ? undefined : { relative, packageBase };
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

function withinWorkspace(
  paths: string[],
  note: (kind: LinkNote['kind'], message: string) => LinkResolution,
  how: Omit<Extract<LinkResolution, { kind: 'file' }>, 'kind' | 'candidates'>,
): LinkResolution {
  const normalized = paths.map((p) => posix.normalize(p));
  const inside = normalized.filter((p) => !(p.startsWith('../') || p === '..' || posix.isAbsolute(p)));
  if (inside.length === 0) return note('outside-workspace', `linked template '${normalized[0]}' is outside the workspace and was not read`);
  return { kind: 'file', candidates: inside, ...how };
}

/** SAS tokens and other query strings may carry secrets: never show them. */
export function redactQuery(uri: string): string {
  const at = uri.indexOf('?');
  return at === -1 ? uri : `${uri.slice(0, at)}?…`;
}
