// Points a finding from Azure at the template line that declares the resource: ARM reports
// resource names and types, the template spells them (often inside expressions), so the first
// occurrence of the name, else of the type, is the best line there is; else line 1.
import { LineIndex } from '../parse/text-position.ts';

export interface TextLocation {
  line: number;
  column: number;
}

export function locateInTemplate(text: string | undefined, needles: readonly (string | undefined)[]): TextLocation {
  if (text === undefined) return { line: 1, column: 1 };
  const lower = text.toLowerCase();
  const index = new LineIndex(text);
  for (const needle of needles) {
    if (!needle) continue;
    // Prefer the needle as a whole JSON string or expression argument, then anywhere.
    const forms = [`"${needle}"`, `'${needle}'`, needle].map((f) => f.toLowerCase());
    for (const form of forms) {
      const at = lower.indexOf(form);
      // Quoted forms point at the opening quote, like the static findings on a JSON value.
      if (at >= 0) return index.positionAt(at);
    }
  }
  return { line: 1, column: 1 };
}

/** The last segment of a resource name (`vnet/subnet` → `subnet`) is what templates often spell. */
export function nameNeedles(resourceName: string | undefined): string[] {
  if (!resourceName) return [];
  const last = resourceName.split('/').pop();
  return last && last !== resourceName ? [resourceName, last] : [resourceName];
}
