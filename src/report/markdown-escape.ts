// Text from a pull request (file names, resource names, template strings in messages) placed in
// GitHub-flavoured Markdown and HTML so that it stays text: it can never close its code span,
// break a table row or a heading, start a link, an autolink or emphasis, or become HTML.
import { escapeControlCharacters } from './terminal-text.ts';

/** Line breaks and other control characters as visible `\xHH`: one line, nothing hidden. */
function oneLine(text: string): string {
  return escapeControlCharacters(text);
}

/** U+2060 WORD JOINER: invisible, and not part of any URL or e-mail address. */
const WORD_JOINER = '\u2060';

/**
 * Markdown text inside a line (a table cell, after a list marker): the characters that can start
 * inline syntax are backslash-escaped (code spans, emphasis, strikethrough, links, images, HTML,
 * entities, math, table pipes). Autolink literals cannot be escaped that way: GFM finds them in the
 * text after escapes are resolved (`https:\/\/x` is still a link), so a word joiner goes inside
 * `://`, `www.` and after `@`. The rest stays as written, so messages read as they are.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~&$!]/g, '\\$&')
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`)
    .replace(/@/g, `@${WORD_JOINER}`);
}

/**
 * A code span that the text cannot close: its fence is one backtick longer than the longest run
 * inside. In a table cell a pipe is written `\|` (GFM splits rows before reading code spans, and
 * shows `\|` in a code span as `|`).
 */
export function codeSpan(text: string, inTable = true): string {
  let body = oneLine(text);
  if (inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or is all spaces) needs a space inside its fence.
  const pad = body.startsWith('`') || body.endsWith('`') || (body !== '' && body.trim() === '') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Text inside HTML (a `<summary>`): entities for the five HTML characters and for the table pipe. */
export function htmlText(text: string): string {
  return oneLine(text).replace(/[&<>"'|]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link destination: spaces, angle brackets and parentheses percent-encoded, so the link cannot end early. */
export function linkDestination(url: string): string {
  return url.replace(/[\s<>()|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
