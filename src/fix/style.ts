// The layout a file already uses, so inserted JSON looks like it was always there:
// indentation unit (tabs or N spaces) and line ending (CRLF or LF).

export interface TextStyle {
  /** One level of indentation: '\t' or some spaces. */
  unit: string;
  eol: '\n' | '\r\n';
}

export function detectStyle(text: string): TextStyle {
  return { unit: detectIndentUnit(text), eol: detectEol(text) };
}

export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * The indentation step most used between consecutive lines (as detect-indent does);
 * tabs when most indented lines start with a tab; two spaces when nothing is indented.
 */
export function detectIndentUnit(text: string): string {
  let tabLines = 0;
  let spaceLines = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const leading = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (leading.startsWith('\t')) tabLines++;
    else if (leading.length > 0) spaceLines++;
    if (leading.includes('\t')) continue;
    const step = leading.length - previous;
    if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = leading.length;
  }
  if (tabLines > spaceLines) return '\t';
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return ' '.repeat(best);
}

/** Leading whitespace of the line that contains `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** True when only spaces or tabs precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** JSON.stringify with the file's indentation, continuation lines indented by `indent`. */
export function renderJson(value: unknown, indent: string, style: TextStyle): string {
  return JSON.stringify(value, null, style.unit).split('\n').join(`${style.eol}${indent}`);
}
