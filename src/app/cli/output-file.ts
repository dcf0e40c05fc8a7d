// Where `-o/--output-file` writes the report. One function on purpose: the safe way of writing
// outputs (no write through a symlink or hard link, never onto a checked template) replaces its
// body when it lands, and every CLI output goes through it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../settings/usage-error.ts';

/** Writes `text` to `path` (relative to `cwd`), creating its folder; a failure is a usage error naming the file. */
export function writeOutputFile(path: string, text: string, cwd: string): void {
  const absolute = resolve(cwd, path);
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot write the output file '${path}' (${code})`);
  }
}
