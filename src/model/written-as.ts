// How a template value is written where its author wrote it. A template lowered from Bicep keeps,
// for each expression string the lowering wrote, the Bicep text it came from: messages show
// `'pid-${trackingId}'`, not the `[format('pid-{0}', parameters('trackingId'))]` nobody wrote.
import type { TemplateSource } from '../parse/template-source.ts';

/** The source text of a JSON string value `[…]` the lowering wrote; undefined for JSON templates and plain values. */
export function writtenExpression(source: TemplateSource, raw: unknown): string | undefined {
  if (source.origin === undefined || typeof raw !== 'string' || raw.length < 2 || !raw.startsWith('[') || !raw.endsWith(']') || raw.startsWith('[['))
    return undefined;
  return source.origin.spellExpression(raw, 1, raw.length - 1);
}
