// Paths as the runner shows them: workspace-relative, with forward slashes.
import { relative, sep } from 'node:path';

/** Paths in the summary: workspace-relative when inside it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path).split(sep).join('/');
  return rel.startsWith('..') ? path : rel;
}
