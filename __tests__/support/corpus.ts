// The shared corpus of real public templates (../shared/corpus beside the repository).
// Absent in a user's clone: callers skip cleanly when corpusDir() is undefined.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ManifestPidName {
  name: string;
  where: 'top-level' | 'nested-inline' | 'child-resource';
  jsonPath: string;
  type: string;
  isExpression: boolean;
  pidInNameText?: boolean;
  nameRefs?: { ref: string; value: unknown }[] | null;
  evaluatedName?: string | null;
  analysis?: { guid?: string | null; prefix?: string } | null;
}

export interface ManifestEntry {
  path: string;
  bytes: number;
  scope?: string | null;
  parseOk?: boolean;
  hasComments?: boolean;
  languageVersion?: string | null;
  pidNames?: ManifestPidName[];
  pidCountTopLevel?: number;
}

const here = dirname(fileURLToPath(import.meta.url));

export function corpusDir(): string | undefined {
  const dir = resolve(here, '../../../shared/corpus');
  return existsSync(join(dir, 'manifest.json')) ? dir : undefined;
}

export function readManifest(dir: string): ManifestEntry[] {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
}
