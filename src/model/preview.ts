// Short, safe renderings of template values for messages: bounded in length and depth, and
// never throwing (JSON.stringify overflows the stack on a value nested 10,000 levels deep).

export const MAX_PREVIEW = 120;

export function previewValue(value: unknown, max = MAX_PREVIEW): string {
  return truncate(render(value, 0, max), max);
}

/** Cuts long text for messages, saying how much was left out. */
export function truncate(text: string, max = MAX_PREVIEW): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function render(value: unknown, depth: number, budget: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'undefined';
  if (depth >= 3) return Array.isArray(value) ? '[…]' : '{…}';
  const parts: string[] = [];
  let length = 0;
  const entries = Array.isArray(value) ? value.map((v) => [undefined, v] as const) : Object.entries(value as object);
  for (const [key, item] of entries) {
    if (length > budget) {
      parts.push('…');
      break;
    }
    const text = `${key === undefined ? '' : `${JSON.stringify(key)}:`}${render(item, depth + 1, budget - length)}`;
    parts.push(text);
    length += text.length + 1;
  }
  return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}
