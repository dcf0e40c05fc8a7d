// The GitHub repository a checkout comes from, read from its `origin` remote in .git/config
// (through the safe reader; git is never started), so the CLI can map this repository's own
// GitHub URLs to the checked-out files as the action does with GITHUB_REPOSITORY.
import { readWorkspaceFile, type Workspace } from './read-file.ts';

/** `owner/name` of the origin remote when it is on github.com; undefined otherwise. */
export function originRepository(workspace: Workspace): string | undefined {
  const read = readWorkspaceFile(workspace, '.git/config', 1024 * 1024);
  if (!read.ok) return undefined;
  const url = originUrl(read.text);
  return url === undefined ? undefined : githubRepositoryOf(url);
}

/** The `url` of `[remote "origin"]` in git's configuration format. */
export function originUrl(config: string): string | undefined {
  let inOrigin = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inOrigin = /^\[\s*remote\s+"origin"\s*\]$/i.test(line);
      continue;
    }
    if (!inOrigin) continue;
    const match = /^url\s*=\s*(.+)$/i.exec(line);
    if (match?.[1]) return match[1].trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** owner/name from https://github.com/owner/name(.git), git@github.com:owner/name(.git) or ssh://git@github.com/owner/name. */
export function githubRepositoryOf(url: string): string | undefined {
  const match = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/i.exec(
    url,
  );
  return match ? `${match[1]}/${match[2]}` : undefined;
}
