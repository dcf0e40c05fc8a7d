// Paths as the runner and the reader see them: workspace-relative, with forward slashes.
import { relative, sep } from 'node:path';

export function workspaceRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Paths in the summary: workspace-relative when inside it. */
export function displayPath(root: string, path: string): string {
  const rel = workspaceRelative(root, path);
  return rel.startsWith('..') ? path : rel;
}
