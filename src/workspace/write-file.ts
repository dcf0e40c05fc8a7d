// Every file cua-guard writes goes through here: the action's JSON report, SARIF and fix patch,
// and the files `cua-guard fix` rewrites. Whoever opens a pull request controls every name in the
// workspace, so a write never follows a link, never lands outside the folders it may use (the
// workspace, the runner's temporary folder), never writes through a hard link into another file,
// and never replaces a template the run checked. Each write is atomic: a temporary file in the
// same folder, flushed to disk, then renamed over the target; on any failure the target is untouched.
import {
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { FileIdentity } from './read-file.ts';

/** A write refused or failed: shown as it is (the brand is the one UsageError carries). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly isUsageError = true;
}

export interface OutputPlaces {
  /** Folders an output may be in (absolute): the workspace, RUNNER_TEMP. */
  roots: readonly string[];
  /** Files no output may replace (absolute): the templates, parameters files and configuration the run read. */
  protectedFiles?: () => readonly string[];
}

const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Writes a report file, creating its folders. Refused (OutputError, naming the path) when the
 * path is outside every root, when a name on the way is a link or not a folder, or when the file
 * there is a link, not a regular file, has other hard links, or is one of the protected files.
 */
export function writeOutputFile(path: string, text: string, places: OutputPlaces): void {
  named(path, () => writeOutput(path, text, places));
}

function writeOutput(path: string, text: string, places: OutputPlaces): void {
  const root = places.roots.find((r) => inside(r, path) !== undefined);
  if (root === undefined) throw new OutputError(`'${path}' is outside the workspace and the runner's temporary folder: cua-guard writes nothing there`);
  const folder = makeFolders(root, dirname(path));
  const target = join(folder, basename(path));
  const check = (): void => {
    const existing = lstatOrUndefined(target);
    if (existing === undefined) return;
    refuseReplacing(path, existing);
    const identity = key(existing);
    for (const file of places.protectedFiles?.() ?? []) {
      const stat = statOrUndefined(file);
      if (stat !== undefined && key(stat) === identity)
        throw new OutputError(`'${path}' is a file cua-guard checks: cua-guard does not write its reports over it`);
    }
  };
  check();
  writeAtomically(target, Buffer.from(text), { mode: 0o644, beforeRename: check });
}

/**
 * Replaces a file the run read with new content (`cua-guard fix`): refused unless what is at the
 * path is still that file (device and inode), a regular file, not a link, with no other hard link.
 */
export function replaceFile(path: string, content: Uint8Array, expected: FileIdentity): void {
  named(path, () => replace(path, content, expected));
}

function replace(path: string, content: Uint8Array, expected: FileIdentity): void {
  let mode = 0o644;
  const check = (): void => {
    const now = lstatOrUndefined(path);
    if (now === undefined) throw new OutputError(`'${path}' disappeared while cua-guard was fixing it; it was not written`);
    refuseReplacing(path, now);
    if (now.dev !== expected.dev || now.ino !== expected.ino)
      throw new OutputError(`'${path}' was replaced by another file while cua-guard was fixing it; it was not written`);
    mode = now.mode & 0o7777;
  };
  check();
  writeAtomically(path, content, { mode, beforeRename: check });
}

function refuseReplacing(path: string, stat: Stats): void {
  if (stat.isSymbolicLink()) throw new OutputError(`'${path}' is a symbolic link: cua-guard does not write through links`);
  if (!stat.isFile()) throw new OutputError(`'${path}' is not a regular file; it was not written`);
  if (stat.nlink > 1) throw new OutputError(`'${path}' has ${stat.nlink} hard links: writing it would change another file too, so it was not written`);
}

/** Creates the folders from `root` down to `folder` one at a time, refusing links; returns the real path of `folder`. */
function makeFolders(root: string, folder: string): string {
  let current = realpathSync.native(root);
  const rel = inside(root, folder) ?? '';
  for (const name of rel === '' ? [] : rel.split(sep)) {
    current = join(current, name);
    const stat = lstatOrUndefined(current);
    if (stat === undefined) {
      mkdirSync(current);
      continue;
    }
    if (stat.isSymbolicLink()) throw new OutputError(`'${current}' is a symbolic link: cua-guard does not write through links`);
    if (!stat.isDirectory()) throw new OutputError(`'${current}' is not a folder; nothing was written in it`);
  }
  return current;
}

/** Temporary file beside the target, flushed, then renamed over it; removed on any failure. */
function writeAtomically(target: string, content: Uint8Array, options: { mode: number; beforeRename: () => void }): void {
  const temp = join(dirname(target), `.${basename(target)}.cua-guard-${temporarySuffix()}.tmp`);
  const fd = openSync(temp, CREATE_FLAGS, options.mode);
  try {
    try {
      let written = 0;
      while (written < content.length) written += writeSync(fd, content, written, content.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The last look before the rename: what is at the target now is what may be replaced.
    options.beforeRename();
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
    throw error;
  }
  syncFolder(dirname(target));
}

/** Makes the rename itself durable; not possible everywhere (Windows), and then not needed. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}

function inside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel;
}

function key(stat: Stats): string {
  return `${stat.dev}:${stat.ino}`;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** File-system failures (a full disk, no permission) as an OutputError that names the file. */
function named<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new OutputError(`cannot write '${path}' (${code}); it was left as it was`);
  }
}

/** Random enough that no other writer picks the same name; node:crypto is loaded only when a file is written (start-up time). */
function temporarySuffix(): string {
  return process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex');
}
