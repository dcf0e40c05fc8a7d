// Reads files for the checker without ever leaving the workspace: symlinks are resolved and
// must stay inside it, only regular files are opened (never a FIFO or a device), and size is bounded.
import { closeSync, constants, existsSync, fstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isUtf8 } from 'node:buffer';

export type ReadOutcome = { ok: true; text: string; absolutePath: string } | { ok: false; message: string; offset?: number; code?: string };

/** 256 MiB: well above the largest real templates (3.3 MB) and generated stress templates (50 MB). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface Workspace {
  /** Absolute, symlink-resolved root. */
  root: string;
  /** Symlink-resolved folders by absolute path, filled as files are read: a run reads many files per folder. */
  realFolders?: Map<string, string>;
  /**
   * Entry names of folders that discovery listed, by absolute path: a name missing there does not
   * exist, so optional files (parameters files, link candidates) cost no failed open.
   */
  listings?: Map<string, ReadonlySet<string>>;
}

export function openWorkspace(root: string): Workspace {
  return { root: realpathSync(resolve(root)), realFolders: new Map(), listings: new Map() };
}

/** Workspace-relative path with forward slashes, or undefined when `absolute` is outside. */
export function workspaceRelative(workspace: Workspace, absolute: string): string | undefined {
  // Fast path (POSIX, a normalized absolute path): a prefix test instead of path.relative, which
  // the discovery walk would otherwise run for every entry of the repository.
  if (sep === '/' && isNormalizedAbsolute(absolute)) {
    const root = workspace.root;
    if (absolute === root) return '';
    const prefix = root.endsWith('/') ? root : `${root}/`;
    return absolute.startsWith(prefix) ? absolute.slice(prefix.length) : undefined;
  }
  const rel = relative(workspace.root, absolute);
  if (rel === '') return '';
  // `..name` is a file or folder inside; only `..` itself or `../…` leaves the workspace.
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function isNormalizedAbsolute(path: string): boolean {
  return path.startsWith('/') && !path.includes('//') && !path.includes('/./') && !path.includes('/../') && !path.endsWith('/.') && !path.endsWith('/..');
}

export function readWorkspaceFile(workspace: Workspace, relPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  const candidate = resolve(workspace.root, relPath);
  if (workspaceRelative(workspace, candidate) === undefined) return { ok: false, message: `'${relPath}' is outside the workspace and was not read` };
  if (workspace.listings?.get(dirname(candidate))?.has(basename(candidate)) === false) return { ok: false, message: `cannot read '${relPath}': no such file`, code: 'ENOENT' };
  const direct = hasProcFd() ? readThroughOpenFile(workspace, candidate, relPath, maxBytes) : readThroughRealFolder(workspace, candidate, relPath, maxBytes);
  if (direct !== undefined) return direct;
  let real: string;
  try {
    // The native realpath (one libc call) is several times faster than the JS walk of lstat calls.
    real = realpathSync.native(candidate);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return { ok: false, message: `cannot read '${relPath}': ${errorCode(error)}`, ...(code ? { code } : {}) };
  }
  if (workspaceRelative(workspace, real) === undefined) return { ok: false, message: `'${relPath}' is a link to a file outside the workspace and was not read` };
  return readRegularFile(real, relPath, maxBytes, 0);
}

/**
 * Whether a file exists, for optional files: from discovery's listing of its folder when there is
 * one, else one stat. Cheaper than a failed read, whose error object alone costs microseconds.
 */
export function workspaceFileExists(workspace: Workspace, relPath: string): boolean {
  const candidate = resolve(workspace.root, relPath);
  const listed = workspace.listings?.get(dirname(candidate));
  return listed !== undefined ? listed.has(basename(candidate)) : existsSync(candidate);
}

const NO_FOLLOW: number | undefined = constants.O_NOFOLLOW; // undefined on Windows

let procFd: boolean | undefined;

/** Linux tells which file an open descriptor refers to, symlinks resolved, in /proc/self/fd. */
function hasProcFd(): boolean {
  return (procFd ??= NO_FOLLOW !== undefined && existsSync('/proc/self/fd'));
}

/**
 * The fast path on Linux: open the path itself (O_NOFOLLOW: a file that is a symlink takes the
 * slow path), then ask the kernel which file was opened. That resolves every folder on the way in
 * one readlink, where realpath walks the path component by component (a tenth of the corpus
 * check's reading time). A file reached through a folder link that leads out is refused unread.
 * Undefined when the slow path must decide.
 */
function readThroughOpenFile(workspace: Workspace, candidate: string, relPath: string, maxBytes: number): ReadOutcome | undefined {
  let fd: number;
  try {
    fd = openSync(candidate, constants.O_RDONLY | constants.O_NONBLOCK | (NO_FOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ELOOP') return undefined;
    return { ok: false, message: `cannot read '${relPath}': ${errorCode(error)}`, ...(code ? { code } : {}) };
  }
  try {
    // A folder already known to be real (walked by discovery, or seen here) needs no readlink:
    // O_NOFOLLOW has kept the file itself from being a link.
    const folder = dirname(candidate);
    const knownFolder = workspace.realFolders?.get(folder);
    let real: string;
    if (knownFolder !== undefined) {
      real = knownFolder === folder ? candidate : join(knownFolder, basename(candidate));
    } else {
      try {
        real = readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return undefined;
      }
      if (workspaceRelative(workspace, real) === undefined) return { ok: false, message: `'${relPath}' is a link to a file outside the workspace and was not read` };
      workspace.realFolders?.set(folder, dirname(real));
    }
    return readOpenFile(fd, real, relPath, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * The fast path: the folder's real path (resolved once per folder) plus the file name, opened with
 * O_NOFOLLOW so that a file that is itself a symlink fails to open and takes the slow path
 * (realpath of the whole path). realpath per file cost more than reading small files (~10 µs
 * each in deep trees). Undefined when the fast path does not apply.
 */
function readThroughRealFolder(workspace: Workspace, candidate: string, relPath: string, maxBytes: number): ReadOutcome | undefined {
  const folders = workspace.realFolders;
  if (NO_FOLLOW === undefined || folders === undefined) return undefined;
  const folder = dirname(candidate);
  const name = basename(candidate);
  let realFolder = folders.get(folder);
  if (realFolder === undefined) {
    try {
      realFolder = realpathSync.native(folder);
    } catch {
      return undefined; // the slow path explains the error
    }
    folders.set(folder, realFolder);
  }
  const real = join(realFolder, name);
  if (workspaceRelative(workspace, real) === undefined) return { ok: false, message: `'${relPath}' is a link to a file outside the workspace and was not read` };
  const outcome = readRegularFile(real, relPath, maxBytes, NO_FOLLOW);
  // ELOOP: the file is a symlink; resolve it on the slow path.
  return outcome.ok || outcome.code !== 'ELOOP' ? outcome : undefined;
}

function readRegularFile(real: string, relPath: string, maxBytes: number, extraFlags: number): ReadOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | extraFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return { ok: false, message: `cannot read '${relPath}': ${errorCode(error)}`, ...(code ? { code } : {}) };
  }
  try {
    return readOpenFile(fd, real, relPath, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** Reads an open regular file of at most maxBytes as text; never a FIFO, socket or device. */
function readOpenFile(fd: number, real: string, relPath: string, maxBytes: number): ReadOutcome {
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `'${relPath}' is not a regular file` };
    if (stat.size > maxBytes) return { ok: false, message: `'${relPath}' is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit` };
    // The bytes, then a SIMD check and Node's decoding of them: faster than readFileSync's own
    // UTF-8 decoding, which also skips the checks.
    return decodeText(readBytes(fd, stat.size), relPath, real);
  } catch (error) {
    return { ok: false, message: `cannot read '${relPath}': ${errorCode(error)}` };
  }
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
  return read === size ? buffer : buffer.subarray(0, read);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf16le = new TextDecoder('utf-16le');

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; NUL bytes mean a binary file. */
export function decodeText(bytes: Uint8Array, relPath: string, absolutePath: string): ReadOutcome {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: utf16le.decode(bytes.subarray(2)), absolutePath };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), absolutePath };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `'${relPath}' is a binary file (NUL byte at offset ${nul})`, offset: nul };
  // isUtf8 (SIMD validation) and Buffer's decoder are faster than a fatal TextDecoder.
  if (isUtf8(bytes)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bom = buffer[0] === UTF8_BOM[0] && buffer[1] === UTF8_BOM[1] && buffer[2] === UTF8_BOM[2];
    // Like TextDecoder (ignoreBOM: false), drop a UTF-8 BOM.
    return { ok: true, text: buffer.toString('utf8', bom ? 3 : 0), absolutePath };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), absolutePath };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, message: `'${relPath}' is not valid UTF-8 (bad byte 0x${(bytes[at] ?? 0).toString(16)} at offset ${at})`, offset: at };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}
