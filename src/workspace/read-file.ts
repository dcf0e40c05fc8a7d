// Reads files for the checker without ever leaving the workspace: symlinks are resolved and
// must stay inside it, only regular files are opened (never a FIFO or a device), and size is bounded.
// One code path on every platform: resolve the path one name at a time without ever looking at
// anything outside the workspace (a link that leads out is refused before its target is touched,
// so the messages cannot tell whether a file outside exists), then open what was resolved.
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * A failure names what went wrong. A binary or mis-encoded file also gives the offset of the bad
 * byte and the text before it (invalid sequences as U+FFFD), so that a caller can show a line and
 * column without reading the file again.
 */
export type ReadFailure = { ok: false; message: string; code?: string; offset?: number; textBefore?: string };
export type ReadOutcome = ReadSuccess | ReadFailure;

export interface ReadSuccess {
  ok: true;
  text: string;
  absolutePath: string;
  /** Which file was read (device and inode), for a writer that must replace that file and no other. */
  identity?: FileIdentity;
  /** How the bytes were encoded: a rewrite keeps a UTF-8 BOM and leaves UTF-16 alone. */
  encoding?: TextEncoding;
}

export interface FileIdentity {
  dev: number;
  ino: number;
}

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** 256 MiB: well above the largest real templates (3.3 MB) and generated stress templates (50 MB). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface Workspace {
  /** Absolute, symlink-resolved root. */
  root: string;
  /**
   * Folders below the root already found to be real folders (not links) in this run, by absolute
   * path: each is looked at once, not once for every file read below it. A check never replaces a
   * folder (`fix` replaces files only), and a pull request's files do not change during the run.
   */
  readonly realFolders?: Set<string>;
}

export function openWorkspace(root: string): Workspace {
  return { root: realpathSync(resolve(root)), realFolders: new Set() };
}

/** Workspace-relative path with forward slashes, or undefined when `absolute` is outside. */
export function workspaceRelative(workspace: Workspace, absolute: string): string | undefined {
  const rel = relative(workspace.root, absolute);
  if (rel === '') return '';
  // `..name` is a file or folder inside; only `..` itself or `../…` leaves the workspace.
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/**
 * Whether a file exists, for optional files (parameters files): one stat, cheaper than a failed
 * read. A link counts as there without following it, so that what lies outside is never probed.
 */
export function workspaceFileExists(workspace: Workspace, relPath: string): boolean {
  try {
    // Most templates have no parameters file: a missing one answers undefined, not an exception.
    return lstatSync(resolve(workspace.root, relPath), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // ENOTDIR, EACCES: not there for the check either
  }
}

// O_NOFOLLOW: the resolved path must not have become a link since it was resolved (undefined on
// Windows). O_NONBLOCK: opening a FIFO must not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);

export function readWorkspaceFile(workspace: Workspace, relPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  return readInside(workspace, relPath, maxBytes, (bytes, real) => decodeText(bytes, relPath, real));
}

export type BytesOutcome = { ok: true; bytes: Uint8Array } | ReadFailure;

/** The file's bytes, read as safely as readWorkspaceFile reads text (for archives: Marketplace package .zip files). */
export function readWorkspaceBytes(workspace: Workspace, relPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): BytesOutcome {
  return readInside(workspace, relPath, maxBytes, (bytes) => ({ ok: true, bytes }));
}

function readInside<T extends { ok: boolean }>(
  workspace: Workspace,
  relPath: string,
  maxBytes: number,
  use: (bytes: Buffer, real: string) => T | ReadFailure,
): T | ReadFailure {
  const inside = relativeInside(workspace.root, resolve(workspace.root, relPath));
  if (inside === undefined) return { ok: false, message: `'${relPath}' is outside the workspace and was not read` };
  let real: string;
  let fd: number;
  try {
    const resolved = resolveInside(workspace, inside);
    if (resolved === undefined) return { ok: false, message: `'${relPath}' is a link to a file outside the workspace and was not read` };
    real = resolved;
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return failure(relPath, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `'${relPath}' is not a regular file` };
    if (stat.size > maxBytes) return { ok: false, message: `'${relPath}' is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit` };
    const read = use(readBytes(fd, stat.size), real);
    return read.ok ? { ...read, identity: { dev: stat.dev, ino: stat.ino } } : read;
  } catch (error) {
    return failure(relPath, error);
  } finally {
    closeSync(fd);
  }
}

/** Links followed while resolving one path before it counts as a loop (Linux's limit). */
const MAX_LINKS = 40;

/**
 * The real path of `rel` under `root`, resolved one name at a time; undefined as soon as a link
 * leads outside `root` (its target is never looked at). Throws the file system's error (ENOENT,
 * ENOTDIR, EACCES; ELOOP for a loop) for a path inside the workspace.
 */
function resolveInside(workspace: Workspace, rel: string): string | undefined {
  const { root, realFolders } = workspace;
  let pending = rel === '' ? [] : rel.split(sep);
  let current = root;
  let links = 0;
  while (pending.length > 0) {
    const [name = '', ...rest] = pending;
    pending = rest;
    if (name === '' || name === '.') continue;
    if (name === '..') {
      current = resolve(current, '..');
      if (relativeInside(root, current) === undefined) return undefined;
      continue;
    }
    const next = join(current, name);
    const isFolderOnTheWay = pending.length > 0;
    if (isFolderOnTheWay && realFolders?.has(next)) {
      current = next;
      continue;
    }
    const entry = lstatSync(next);
    if (!entry.isSymbolicLink()) {
      if (isFolderOnTheWay && entry.isDirectory()) realFolders?.add(next);
      current = next;
      continue;
    }
    if (++links > MAX_LINKS) throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
    const target = resolve(current, readlinkSync(next));
    const inside = relativeInside(root, target);
    if (inside === undefined) return undefined;
    pending = [...(inside === '' ? [] : inside.split(sep)), ...pending];
    current = root;
  }
  return current;
}

function relativeInside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel;
}

/** `size` bytes from the start of the file (fewer if it shrank meanwhile). */
function readBytes(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; NUL bytes mean a binary file. */
export function decodeText(bytes: Uint8Array, relPath: string, absolutePath: string): ReadOutcome {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), absolutePath, encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), absolutePath, encoding: 'utf16be' };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return badByte(bytes, nul, `'${relPath}' is a binary file (NUL byte at offset ${nul})`);
  try {
    // Drops a UTF-8 BOM (ignoreBOM: false).
    const encoding = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf8-bom' : 'utf8';
    return { ok: true, text: utf8.decode(bytes), absolutePath, encoding };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return badByte(bytes, at, `'${relPath}' is not valid UTF-8 (bad byte 0x${(bytes[at] ?? 0).toString(16)} at offset ${at})`);
  }
}

function badByte(bytes: Uint8Array, offset: number, message: string): ReadFailure {
  return { ok: false, message, offset, textBefore: lossyUtf8.decode(bytes.subarray(0, offset)) };
}

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence (Unicode's
 * table of well-formed sequences: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range depends on the lead byte; the others are 0x80–0xBF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

function failure(relPath: string, error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return { ok: false, message: `cannot read '${relPath}': ${describeError(code, error)}`, ...(code ? { code } : {}) };
}

function describeError(code: string | undefined, error: unknown): string {
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}
