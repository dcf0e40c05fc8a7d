// The run's files: each workspace file is read once (through the safe reader) and parsed once,
// whoever asks first (discovery, the link reader, parameters files, secrets, SARIF). A failed read
// is remembered too, so a missing linked template is looked for once.
import { posix } from 'node:path';
import { parseTemplateText, type ParseOutcome } from '../parse/parse-json.ts';
import { readWorkspaceFile, type ReadOutcome, type Workspace } from './read-file.ts';

export type ParsedFile = ParseOutcome | Extract<ReadOutcome, { ok: false }>;

export interface WorkspaceFiles {
  readonly workspace: Workspace;
  /** The file's text (workspace-relative path), read at most once per run. */
  read(file: string): ReadOutcome;
  /** The file parsed as JSON (comments and trailing commas allowed), at most once per run. */
  parse(file: string): ParsedFile;
  /** The text, or undefined when the file cannot be read (for SARIF fingerprints and secrets). */
  text(file: string): string | undefined;
  /**
   * Drops the parsed value of a file no one will ask for again (a main template that nothing links
   * to, once checked): a repository's parsed trees kept alive to the end cost more garbage
   * collection than parsing them took. The text stays.
   */
  release(file: string): void;
}

export function createWorkspaceFiles(workspace: Workspace): WorkspaceFiles {
  const reads = new Map<string, ReadOutcome>();
  const parses = new Map<string, ParsedFile>();
  const key = (file: string): string => posix.normalize(file.replace(/\\/g, '/'));
  const read = (file: string): ReadOutcome => {
    const k = key(file);
    let outcome = reads.get(k);
    if (outcome === undefined) {
      outcome = readWorkspaceFile(workspace, k);
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
    release(file) {
      parses.delete(key(file));
    },
  };
}
