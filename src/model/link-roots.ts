// Maps a link's URL to a file of this repository: this repository's own GitHub URLs (raw files at
// any ref, mapped to the checked-out tree, which is what is published once the change is merged)
// and the link roots the configuration declares (a URL prefix that mirrors a folder).
import { posix } from 'node:path';
import { PartialString, Unknown, type ArmValue } from '../expressions/value.ts';

export interface LinkRoot {
  /** URL prefix, ending with '/'; compared case-insensitively. */
  prefix: string;
  /** Workspace-relative folder the prefix stands for ('' = the root). */
  folder: string;
  /** A ref (branch, tag or commit) follows the prefix: this repository's own GitHub URLs. */
  ref: boolean;
}

/** The links into the checkout, for messages and the report. */
export type LinkRootVia = 'github-url' | 'link-root';

/** This repository's own raw-file URLs on GitHub, any ref. */
export function githubLinkRoots(repository: string): LinkRoot[] {
  const [owner, name] = repository.split('/');
  if (!owner || !name) return [];
  return [
    { prefix: `https://raw.githubusercontent.com/${owner}/${name}/`, folder: '', ref: true },
    { prefix: `https://github.com/${owner}/${name}/raw/`, folder: '', ref: true },
  ];
}

/** Unknown parts stand in as this character: nothing in a URL path can be it. */
const UNKNOWN_MARK = '\u0000';

export interface RootMatch {
  /** Candidate files, in order: the first that exists is the linked template. */
  candidates: string[];
  via: LinkRootVia;
}

/**
 * The repository files a URL (known, or known around unknown parts such as a branch parameter)
 * may name through one of `roots`; undefined when no root's prefix matches it, or the path
 * after it is not known before deployment.
 */
export function matchLinkRoot(value: ArmValue, roots: readonly LinkRoot[]): RootMatch | undefined {
  const flat = flatten(value);
  if (flat === undefined) return undefined;
  const lower = flat.toLowerCase();
  for (const root of roots) {
    if (!lower.startsWith(root.prefix.toLowerCase())) continue;
    let rest = flat.slice(root.prefix.length);
    rest = rest.split(/[?#]/)[0] ?? '';
    const segments = rest.split('/');
    const candidates: string[] = [];
    // The ref is one segment (a branch, tag or commit), or refs/heads/<branch>.
    const drop = !root.ref ? 0 : segments[0] === 'refs' ? 3 : 1;
    {
      const path = segments.slice(drop).join('/');
      if (path === '' || path.includes(UNKNOWN_MARK)) continue;
      const decoded = decodePath(path);
      if (decoded !== undefined) candidates.push(posix.normalize(posix.join(root.folder, decoded)));
    }
    if (candidates.length > 0) return { candidates: [...new Set(candidates)], via: root.ref ? 'github-url' : 'link-root' };
  }
  return undefined;
}

/** The value as text with each unknown part as UNKNOWN_MARK; undefined when it is not string-like. */
function flatten(value: ArmValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof PartialString) return value.parts.map((p) => (typeof p === 'string' ? p : UNKNOWN_MARK)).join('');
  if (value instanceof Unknown) return undefined;
  return undefined;
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
