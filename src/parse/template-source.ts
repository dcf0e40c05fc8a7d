// A template file as the engine sees it: its text, its parsed value and a lazy line index.
import { LineIndex } from './text-position.ts';
import type { SourceOrigin } from './source-map.ts';

export interface TemplateSource {
  /** Workspace-relative path, forward slashes. */
  file: string;
  /** Text with any BOM removed; offsets and positions refer to it. */
  text: string;
  root: Record<string, unknown>;
  lines: LineIndex;
  /**
   * For a template lowered from another language (Bicep): where its nodes are written. `text` is
   * then the source file's text, and `root` the ARM template built from it.
   */
  origin?: SourceOrigin;
}

export function createTemplateSource(file: string, text: string, root: Record<string, unknown>, origin?: SourceOrigin): TemplateSource {
  return { file, text, root, lines: new LineIndex(text), ...(origin ? { origin } : {}) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
