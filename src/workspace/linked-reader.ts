// Reads linked templates for the engine, once per run however many main templates link them.
import { parseTemplateText } from '../engine/parse-json.ts';
import { createTemplateSource, isRecord } from '../engine/template-source.ts';
import type { LinkReader, LinkedLoad } from '../engine/linked-templates.ts';
import { LineIndex } from '../engine/text-position.ts';
import { readWorkspaceFile, type Workspace } from './read-file.ts';

export function createLinkReader(workspace: Workspace): LinkReader {
  const cache = new Map<string, LinkedLoad>();
  return (_fromFile, target) => {
    let loaded = cache.get(target);
    if (!loaded) {
      loaded = loadLinked(workspace, target);
      cache.set(target, loaded);
    }
    return loaded;
  };
}

function loadLinked(workspace: Workspace, target: string): LinkedLoad {
  const read = readWorkspaceFile(workspace, target);
  if (!read.ok) {
    const missing = read.message.includes('no such file');
    return { kind: 'note', note: { kind: missing ? 'missing' : 'unreadable', message: missing ? `linked template '${target}' does not exist in the repository` : read.message } };
  }
  const parsed = parseTemplateText(read.text);
  if (!parsed.ok) {
    const at = new LineIndex(parsed.text).positionAt(parsed.error.offset);
    return { kind: 'note', note: { kind: 'unreadable', message: `linked template '${target}' is not valid JSON: ${parsed.error.message} (line ${at.line}, column ${at.column})` } };
  }
  const root = isRecord(parsed.value) ? parsed.value : {};
  return { kind: 'file', source: createTemplateSource(target, parsed.text, root) };
}
