// Where the nodes of a template built from another language (Bicep) are written: the engine's
// model is JSON-shaped, so a lowered template carries a map from each JSON path it built to the
// place in the source file(s) it came from. A module's lowered template sits inside its parent's,
// so one map can point into several files.
import type { JsonPath } from './types.ts';

/** A range in one file's text. */
export interface SourceSpan {
  /** Workspace-relative path, forward slashes. */
  file: string;
  offset: number;
  length: number;
}

/** A region of a source file the grammar could not read (its ERROR and MISSING nodes). */
export type UnreadRegion = SourceSpan;

export interface SourceOrigin {
  /** The language the template was written in. */
  language: 'bicep';
  /** The text of every file the map points into, by workspace-relative path. */
  texts: ReadonlyMap<string, string>;
  /** What the grammar could not read, in every file lowered; nothing is concluded about it. */
  readonly unread: readonly UnreadRegion[];
  /** Declarations nested deeper than the lowering follows (hostile input): not checked. */
  readonly tooDeep: readonly SourceSpan[];
  /** Where a node is written; for a node the source has no place for, its nearest ancestor's. */
  locate(path: JsonPath, at: 'key' | 'value'): SourceSpan | undefined;
  /**
   * The source text of an expression the lowering wrote in ARM's syntax: `source.slice(start, end)`
   * of the JSON string value `source` (for messages: `x`, not `parameters('x')`).
   */
  spellExpression(source: string, start: number, end: number): string | undefined;
  /** How the source names a template parameter. */
  spellParameter(name: string): string | undefined;
}

function pathKey(path: JsonPath): string {
  return path.join('\u0000');
}

/** Built while lowering: value spans and key spans by JSON path. */
export class SourceMap implements SourceOrigin {
  readonly language = 'bicep' as const;
  readonly texts = new Map<string, string>();
  readonly unread: UnreadRegion[] = [];
  readonly tooDeep: SourceSpan[] = [];
  private readonly values = new Map<string, SourceSpan>();
  /** By JSON string value the lowering wrote: the source text of each ARM expression in it. */
  private readonly spellings = new Map<string, Map<string, string>>();
  private readonly keys = new Map<string, SourceSpan>();

  set(path: JsonPath, value: SourceSpan, key?: SourceSpan): void {
    const k = pathKey(path);
    this.values.set(k, value);
    if (key) this.keys.set(k, key);
  }

  /** Records how the source writes the expressions of a string value `[…]` the lowering wrote (the first spelling of each stays). */
  addSpellings(raw: string, spelled: ReadonlyMap<string, string>): void {
    if (spelled.size === 0) return;
    const known = this.spellings.get(raw);
    if (known === undefined) {
      this.spellings.set(raw, new Map(spelled));
      return;
    }
    for (const [arm, text] of spelled) if (!known.has(arm)) known.set(arm, text);
  }

  spellExpression(source: string, start: number, end: number): string | undefined {
    return this.spellings.get(source)?.get(source.slice(start, end));
  }

  /** A Bicep parameter is named as it is declared. */
  spellParameter(name: string): string {
    return name;
  }

  locate(path: JsonPath, at: 'key' | 'value'): SourceSpan | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const k = pathKey(depth === path.length ? path : path.slice(0, depth));
      const span = (at === 'key' && depth === path.length ? this.keys.get(k) : undefined) ?? this.values.get(k);
      if (span) return span;
    }
    return undefined;
  }
}
