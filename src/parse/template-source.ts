// A template file as the engine sees it: its text, its parsed value and a lazy line index.
import { LineIndex } from './text-position.ts';

export interface TemplateSource {
  /** Workspace-relative path, forward slashes. */
  file: string;
  /** Text with any BOM removed; offsets and positions refer to it. */
  text: string;
  root: Record<string, unknown>;
  lines: LineIndex;
}

export function createTemplateSource(file: string, text: string, root: Record<string, unknown>): TemplateSource {
  return { file, text, root, lines: new LineIndex(text) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
