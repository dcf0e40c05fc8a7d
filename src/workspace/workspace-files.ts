// The run's files: each workspace file is read once (through the safe reader) and parsed once,
// whoever asks first (discovery, the link reader, parameters files, secrets, SARIF). A failed read
// is remembered too, so a missing linked template is looked for once.
import { posix } from 'node:path';
import { parseTemplateText, type ParseOutcome } from '../parse/parse-json.ts';
import { decodeText, readWorkspaceBytes, readWorkspaceFile, type ReadOutcome, type Workspace } from './read-file.ts';
import { isZipFile, MAIN_TEMPLATE, openZipPackage, splitZipPath, zipEntry, ZIP_ENTRY_SEPARATOR, type ZipArchive } from './zip-package.ts';

export type ParsedFile = ParseOutcome | Extract<ReadOutcome, { ok: false }>;

export interface WorkspaceFiles {
  readonly workspace: Workspace;
  /**
   * The file's text (workspace-relative path), read at most once per run. A path inside a package
   * archive (`offer/package.zip!/mainTemplate.json`) reads the entry; a .zip itself reads as a
   * failure that says why it is not a template (or why the archive cannot be used).
   */
  read(file: string): ReadOutcome;
  /** The file parsed as JSON (comments and trailing commas allowed), at most once per run. */
  parse(file: string): ParsedFile;
  /** The text, or undefined when the file cannot be read (for SARIF fingerprints and secrets). */
  text(file: string): string | undefined;
  /**
   * Drops what the run holds of a file no one will ask for again (a main template that nothing
   * links to, once checked and searched for secrets): its parsed value, and its text unless the
   * cache keeps texts. A repository's files held to the end of the run cost more garbage
   * collection than reading them took; a later read of a released file reads it again.
   * `keepText`: the text stays all the same (someone still reads it once the check is done).
   */
  release(file: string, options?: { keepText?: boolean }): void;
  /** A .zip of the workspace opened as a package archive, at most once per run. */
  archive(zip: string): ZipArchive;
}

export interface WorkspaceFilesOptions {
  /** Texts stay when a file is released: the run reads them again after the check (SARIF fingerprints). */
  keepTexts?: boolean;
}

export function createWorkspaceFiles(workspace: Workspace, options: WorkspaceFilesOptions = {}): WorkspaceFiles {
  const reads = new Map<string, ReadOutcome>();
  const parses = new Map<string, ParsedFile>();
  const archives = new Map<string, ZipArchive>();
  const key = (file: string): string => posix.normalize(file.replace(/\\/g, '/'));
  const archive = (zip: string): ZipArchive => {
    const k = key(zip);
    let opened = archives.get(k);
    if (opened === undefined) {
      const bytes = readWorkspaceBytes(workspace, k);
      opened = bytes.ok ? openZipPackage(bytes.bytes, k) : { ok: false, message: bytes.message };
      archives.set(k, opened);
    }
    return opened;
  };
  const read = (file: string): ReadOutcome => {
    const k = key(file);
    let outcome = reads.get(k);
    if (outcome === undefined) {
      outcome = readOnce(workspace, k, archive);
      reads.set(k, outcome);
    }
    return outcome;
  };
  return {
    workspace,
    read,
    parse(file) {
      const k = key(file);
      let parsed = parses.get(k);
      if (parsed === undefined) {
        const outcome = read(k);
        parsed = outcome.ok ? parseTemplateText(outcome.text) : outcome;
        parses.set(k, parsed);
      }
      return parsed;
    },
    text(file) {
      const outcome = read(file);
      return outcome.ok ? outcome.text : undefined;
    },
    release(file, { keepText = false } = {}) {
      const k = key(file);
      parses.delete(k);
      if (!keepText && !options.keepTexts) reads.delete(k);
    },
    archive,
  };
}

function readOnce(workspace: Workspace, file: string, archive: (zip: string) => ZipArchive): ReadOutcome {
  const inside = splitZipPath(file);
  if (inside !== undefined) {
    const opened = archive(inside.zip);
    if (!opened.ok) return { ok: false, message: opened.message };
    const data = zipEntry(opened, inside.entry);
    if (data === undefined) return { ok: false, code: 'ENOENT', message: `cannot read '${file}': no such entry in '${inside.zip}'` };
    return decodeText(data, file, `${workspace.root}/${file}`);
  }
  if (!isZipFile(file)) return readWorkspaceFile(workspace, file);
  const opened = archive(file);
  if (!opened.ok) return { ok: false, message: opened.message };
  if (!opened.isPackage) return { ok: false, message: `'${file}' is an archive without ${MAIN_TEMPLATE} at its root: not a Marketplace package` };
  return { ok: false, message: `'${file}' is an archive: the Marketplace package in it is checked as '${file}${ZIP_ENTRY_SEPARATOR}${MAIN_TEMPLATE}'` };
}
