// Insertions that keep the file's layout. jsonc-parser's `modify` (without its formatter, which
// rewrites whole lines around an edit) says where a new element or property goes and whether
// it needs a comma before or after; this module lays the inserted JSON out in the file's own
// indentation and line endings. The result is a pure insertion: not one existing byte changes.
import { findNodeAtLocation, modify, type Edit, type JSONPath, type Node } from 'jsonc-parser';
import { lineIndentAt, renderJson, startsLine, type TextStyle } from './style.ts';

export interface InsertRequest {
  /** Path of the new element (array index) or property (object key). */
  path: JSONPath;
  value: unknown;
  /** Insert as the first element or property (default: arrays first, objects last). */
  first?: boolean;
}

export function insertionEdit(text: string, tree: Node, request: InsertRequest, style: TextStyle): Edit {
  const containerPath = request.path.slice(0, -1);
  const container = findNodeAtLocation(tree, containerPath);
  if (!container || (container.type !== 'array' && container.type !== 'object')) {
    throw new Error(`no array or object at /${containerPath.join('/')}`);
  }
  const key = request.path[request.path.length - 1];
  const isArray = container.type === 'array';
  const first = request.first ?? isArray;
  const [edit] = modify(text, request.path, request.value, {
    ...(isArray ? { isArrayInsertion: true } : {}),
    ...(!isArray && first ? { getInsertionIndex: () => 0 } : {}),
  });
  if (!edit || edit.length !== 0) throw new Error(`jsonc-parser did not produce an insertion at /${request.path.join('/')}`);
  const firstChild = container.children?.[0];
  const open = container.offset;
  const close = container.offset + container.length - 1;
  const containerText = text.slice(open, close + 1);
  const multiLine = containerText.includes('\n') || (!firstChild && text.includes('\n'));
  const keyText = isArray ? '' : `${JSON.stringify(String(key))}: `;
  const { eol } = style;

  if (!multiLine) {
    // A one-line container stays on one line, spaced as it is spaced.
    const spaced = /[{[,:] /.test(containerText) || /^[{[]\s/.test(containerText);
    const item = `${keyText}${compactJson(request.value, spaced)}`;
    if (edit.content.startsWith(',')) return { offset: edit.offset, length: 0, content: `,${spaced ? ' ' : ''}${item}` };
    if (edit.content.endsWith(',') && firstChild) {
      const gap = text.slice(edit.offset, firstChild.offset);
      return { offset: edit.offset, length: 0, content: gap === '' ? `${item},${spaced ? ' ' : ''}` : `${gap}${item},` };
    }
    return { offset: edit.offset, length: 0, content: spaced ? ` ${item} ` : item };
  }

  const containerIndent = lineIndentAt(text, open);
  const childIndent = firstChild && startsLine(text, firstChild.offset) ? lineIndentAt(text, firstChild.offset) : containerIndent + style.unit;
  const item = `${keyText}${renderJson(request.value, childIndent, style)}`;
  if (edit.content.endsWith(',') && firstChild) {
    // Before the first child (jsonc-parser inserts right after the bracket, or at the child).
    const gap = text.slice(edit.offset, firstChild.offset);
    if (/[\r\n]/.test(gap)) return { offset: edit.offset, length: 0, content: `${eol}${childIndent}${item},` };
    if (gap === '' && startsLine(text, firstChild.offset)) return { offset: edit.offset, length: 0, content: `${item},${eol}${childIndent}` };
    return { offset: edit.offset, length: 0, content: `${eol}${childIndent}${item},${gap === '' ? ' ' : ''}` };
  }
  if (edit.content.startsWith(',')) return { offset: edit.offset, length: 0, content: `,${eol}${childIndent}${item}` };
  // Empty container: open it onto lines of its own. Before a line break inside it, the break is
  // reused; otherwise the closing bracket gets a line of its own.
  if (/[\r\n]/.test(text.slice(open + 1, close))) return { offset: open + 1, length: 0, content: `${eol}${childIndent}${item}` };
  return { offset: close, length: 0, content: `${eol}${childIndent}${item}${eol}${containerIndent}` };
}

/** One-line JSON; with spaces after ':' and ',' and inside braces when the file writes it that way. */
function compactJson(value: unknown, spaced: boolean): string {
  if (!spaced) return JSON.stringify(value);
  return JSON.stringify(value, null, 1).replace(/\n */g, ' ').replace(/\[ \]/g, '[]').replace(/\{ \}/g, '{}');
}

/** Replaces a value (a string literal, usually): the edit covers that value only. */
export function replacementEdit(text: string, path: JSONPath, value: unknown): Edit {
  const [edit] = modify(text, path, value, {});
  if (!edit) throw new Error(`jsonc-parser did not produce a replacement at /${path.join('/')}`);
  return edit;
}
