// Temporary workspaces on disk for tests that need real files.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempWorkspace {
  root: string;
  write(relPath: string, content: string | object): string;
  dispose(): void;
}

export function createTempWorkspace(prefix = 'cua-guard-test-'): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    write(relPath, content) {
      const path = join(root, relPath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
      return path;
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
