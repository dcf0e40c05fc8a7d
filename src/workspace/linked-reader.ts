// Reads linked templates for the engine. Templates that several main templates link (shared
// building blocks) are read once while they are in use: the most recently used stay cached, within
// a budget, so that a repository of thousands of templates does not keep every parsed file alive
// (memory would grow with the repository, and the garbage collector's work with it). Given the
// run's file cache instead, it reads and parses through it (each file once per run).
import { parseTemplateText, type ParseOutcome } from '../parse/parse-json.ts';
import { createTemplateSource, isRecord, type TemplateSource } from '../parse/template-source.ts';
import type { LinkReader, LinkedLoad } from '../model/linked-templates.ts';
import { LineIndex } from '../parse/text-position.ts';
import { readWorkspaceFile, type ReadOutcome, type Workspace } from './read-file.ts';
import type { WorkspaceFiles } from './workspace-files.ts';

/** Linked templates through the run's file cache: one TemplateSource per file, shared by every main template. */
export function createCachedLinkReader(files: WorkspaceFiles): LinkReader {
  const sources = new Map<string, LinkedLoad>();
  return (_fromFile, target) => {
    let loaded = sources.get(target);
    if (loaded === undefined) {
      const read = files.read(target);
      loaded = read.ok ? fromParsed(target, files.parse(target) as ParseOutcome) : fromFailedRead(target, read);
      sources.set(target, loaded);
    }
    return loaded;
  };
}

/** The one TemplateSource of a file the run parsed (main and linked share it). */
export function sourceOfParsed(file: string, parsed: Extract<ParseOutcome, { ok: true }>): TemplateSource {
  return createTemplateSource(file, parsed.text, isRecord(parsed.value) ? parsed.value : {});
}

/** Characters of linked template text kept parsed between main templates. */
const CACHE_BUDGET = 4 * 1024 * 1024;

export function createLinkReader(workspace: Workspace, budget = CACHE_BUDGET): LinkReader {
  const cache = new Map<string, LinkedLoad>(); // in order of last use
  let cached = 0;
  return (_fromFile, target) => {
    let loaded = cache.get(target);
    if (loaded) {
      cache.delete(target); // move to the most recent end
    } else {
      loaded = loadLinked(workspace, target);
      cached += sizeOf(loaded);
    }
    cache.set(target, loaded);
    for (const [oldest, load] of cache) {
      if (cached <= budget || oldest === target) break;
      cache.delete(oldest);
      cached -= sizeOf(load);
    }
    return loaded;
  };
}

function sizeOf(load: LinkedLoad): number {
  return load.kind === 'file' ? load.source.text.length : 0;
}

function loadLinked(workspace: Workspace, target: string): LinkedLoad {
  const read = readWorkspaceFile(workspace, target);
  if (!read.ok) return fromFailedRead(target, read);
  return fromParsed(target, parseTemplateText(read.text));
}

function fromFailedRead(target: string, read: Extract<ReadOutcome, { ok: false }>): LinkedLoad {
  const missing = read.code === 'ENOENT';
  return {
    kind: 'note',
    note: { kind: missing ? 'missing' : 'unreadable', message: missing ? `linked template '${target}' does not exist in the repository` : read.message },
  };
}

function fromParsed(target: string, parsed: ParseOutcome): LinkedLoad {
  if (!parsed.ok) {
    const at = new LineIndex(parsed.text).positionAt(parsed.error.offset);
    return {
      kind: 'note',
      note: { kind: 'unreadable', message: `linked template '${target}' is not valid JSON: ${parsed.error.message} (line ${at.line}, column ${at.column})` },
    };
  }
  return { kind: 'file', source: sourceOfParsed(target, parsed) };
}
