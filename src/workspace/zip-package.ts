// A Marketplace Azure application package as a .zip (mainTemplate.json and createUiDefinition.json
// at its root): its JSON entries are read in memory, never unpacked to disk. Whoever opens a pull
// request writes the archive, so it is read within bounds: the central directory is read first
// (names and declared sizes, nothing inflated), and the archive is refused as a whole when it has
// too many entries, an entry or all of them together declare more than the limits (a zip bomb), or
// an entry name could mean a path outside the package (`..`, an absolute path, a backslash).
// Only .json entries are inflated, each into a buffer of its declared size.
// fflate's browser build: the same synchronous inflate, without the Node build's worker_threads
// import at start-up (the asynchronous API that needs workers is not used).
import { unzipSync, type UnzipFileInfo } from 'fflate/browser';
import { posix } from 'node:path';

/** Between a package's path and an entry's path: `offer/package.zip!/mainTemplate.json`. */
export const ZIP_ENTRY_SEPARATOR = '!/';

/** The entry a package's main template is. */
export const MAIN_TEMPLATE = 'mainTemplate.json';

export interface ZipLimits {
  /** Entries in the central directory (files and folders). */
  maxEntries: number;
  /** Declared uncompressed size of one JSON entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all JSON entries together. */
  maxTotalBytes: number;
}

/** Real packages hold a few dozen files and templates of at most a few MB. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };

export type ZipArchive =
  | {
      ok: true;
      /** JSON entries by their path inside the archive (normalised, forward slashes). */
      entries: ReadonlyMap<string, Uint8Array>;
      /** A mainTemplate.json at its root: a package (otherwise nothing was inflated). */
      isPackage: boolean;
    }
  | { ok: false; message: string };

/** The package path and entry path of a path inside an archive (`a/p.zip!/x.json`), else undefined. */
export function splitZipPath(file: string): { zip: string; entry: string } | undefined {
  const at = file.toLowerCase().indexOf(`.zip${ZIP_ENTRY_SEPARATOR}`);
  if (at === -1) return undefined;
  return { zip: file.slice(0, at + 4), entry: file.slice(at + 4 + ZIP_ENTRY_SEPARATOR.length) };
}

export function isZipFile(file: string): boolean {
  return /\.zip$/i.test(file);
}

/** Why an entry name is refused, or undefined when it is a plain relative path. */
function unsafeName(name: string): string | undefined {
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'an absolute path';
  if (name.split('/').includes('..')) return "'..'";
  if (/[\u0000-\u001f]/.test(name)) return 'a control character';
  return undefined;
}

function isJsonEntry(info: UnzipFileInfo): boolean {
  return /\.json$/i.test(info.name) && !info.name.endsWith('/');
}

/** Opens an archive's bytes (`zip` names it in messages). Never throws. */
export function openZipPackage(bytes: Uint8Array, zip: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const refuse = (why: string): ZipArchive => ({ ok: false, message: `'${zip}' was not read as a Marketplace package: ${why}` });
  if (startsWithText(bytes, 'version https://git-lfs')) return refuse('it is a Git LFS pointer, not the archive (check out with LFS to check it)');
  const infos: UnzipFileInfo[] = [];
  try {
    // First pass: the central directory only (the filter takes nothing, so nothing is inflated).
    unzipSync(bytes, {
      filter: (info) => {
        if (infos.length >= limits.maxEntries) throw new LimitError(`it has more than ${limits.maxEntries} entries`);
        infos.push(info);
        return false;
      },
    });
  } catch (error) {
    return refuse(error instanceof LimitError ? error.message : `it is not a valid zip archive (${describe(error)})`);
  }
  // Not a package (no mainTemplate.json at the root): some other archive, none of our business.
  if (!infos.some((info) => info.name.toLowerCase() === MAIN_TEMPLATE.toLowerCase())) return { ok: true, entries: new Map(), isPackage: false };
  const wanted = new Set<string>();
  const seen = new Set<string>();
  let total = 0;
  for (const info of infos) {
    const why = unsafeName(info.name);
    if (why !== undefined) return refuse(`entry '${printable(info.name)}' has ${why} in its name`);
    if (!isJsonEntry(info)) continue;
    const name = posix.normalize(info.name);
    if (seen.has(name.toLowerCase())) return refuse(`entry '${printable(info.name)}' appears twice`);
    seen.add(name.toLowerCase());
    if (info.originalSize > limits.maxEntryBytes)
      return refuse(`entry '${info.name}' declares ${info.originalSize} bytes, over the ${limits.maxEntryBytes}-byte limit`);
    total += info.originalSize;
    if (total > limits.maxTotalBytes) return refuse(`its JSON entries declare more than ${limits.maxTotalBytes} bytes together`);
    wanted.add(info.name);
  }
  try {
    const inflated = unzipSync(bytes, { filter: (info) => wanted.has(info.name) });
    const entries = new Map<string, Uint8Array>();
    for (const info of infos) {
      if (!wanted.has(info.name)) continue;
      const data = Object.hasOwn(inflated, info.name) ? inflated[info.name] : undefined;
      // A stored entry is copied as its compressed size says: it must be the size it declares.
      if (data === undefined || data.length !== info.originalSize) return refuse(`entry '${info.name}' is not the size it declares`);
      entries.set(posix.normalize(info.name), data);
    }
    return { ok: true, entries, isPackage: true };
  } catch (error) {
    return refuse(`an entry cannot be inflated (${describe(error)})`);
  }
}

/** The entry at `path` inside the archive (case-insensitively when not found exactly). */
export function zipEntry(archive: Extract<ZipArchive, { ok: true }>, path: string): Uint8Array | undefined {
  const name = posix.normalize(path);
  const exact = archive.entries.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [entry, data] of archive.entries) if (entry.toLowerCase() === lower) return data;
  return undefined;
}

class LimitError extends Error {}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function startsWithText(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** An entry name as a message may show it: control characters as U+FFFD, at most 200 characters. */
function printable(name: string): string {
  const shown = name.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
