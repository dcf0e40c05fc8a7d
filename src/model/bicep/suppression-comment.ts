// Inline suppression in Bicep: a comment just before a resource or module declaration,
//   // cua-guard ignore CUA011, CUA017: reason
// means what `"metadata": { "cua-guard": { "ignore": ["CUA011", "CUA017"], "reason": "…" } }`
// means on a JSON resource. It is lowered into that block, so the same code suppresses and the
// same checks (CUA013) warn about a block that cannot work as written.

const MARKER = /^(?:\/\/|\/\*)\s*cua-guard\b:?\s*(.*?)\s*(?:\*\/)?$/s;

/** The suppression block a comment stands for, or undefined when it is not a cua-guard comment. */
export function suppressionComment(comment: string): Record<string, unknown> | undefined {
  const match = MARKER.exec(comment.trim());
  if (!match) return undefined;
  const body = match[1] ?? '';
  const ignore = /^ignore\b\s*(.*)$/is.exec(body);
  if (!ignore) return body === '' ? {} : { [body.split(/\s+/)[0] ?? body]: true };
  const rest = ignore[1] ?? '';
  const colon = rest.search(/:|\s--\s|\s—\s/);
  const idsText = colon === -1 ? rest : rest.slice(0, colon);
  const reason =
    colon === -1
      ? ''
      : rest
          .slice(colon)
          .replace(/^(:|\s--\s|\s—\s)/, '')
          .trim();
  const ids = idsText.split(/[\s,]+/).filter((id) => id !== '');
  return { ignore: ids, ...(reason !== '' ? { reason } : {}) };
}
