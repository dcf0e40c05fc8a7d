// Rule help is written in Markdown (RuleMeta.help); SARIF also wants it as plain text, and links
// inside it point at README anchors that only work inside the README.

/** `](#anchor)` links made absolute against `base` (the README's URL), for help shown elsewhere. */
export function absoluteAnchors(markdown: string, base: string): string {
  return markdown.replace(/\]\(#([^)\s]+)\)/g, (_whole, anchor: string) => `](${base}#${anchor})`);
}

/**
 * A plain-text rendering: code blocks indented by four spaces without their fences, emphasis and
 * inline-code marks dropped, `[text](url)` as `text (url)`, heading marks dropped.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inFence = !inFence;
      continue;
    }
    out.push(inFence ? `    ${line}` : inlineToText(line));
  }
  return out.join('\n').trim();
}

/** The first paragraph (up to the first blank line) as plain text: what the rule checks. */
export function firstParagraphText(markdown: string): string {
  const [first = ''] = markdown.trim().split(/\n\s*\n/);
  return markdownToText(first);
}

function inlineToText(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_whole, text: string, url: string) => (url.startsWith('#') ? text : `${text} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}
