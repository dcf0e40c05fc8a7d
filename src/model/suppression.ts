// Inline suppression: "metadata": { "cua-guard": { "ignore": ["CUA011"], "reason": "…" } } on a resource.
// `suppressionFor` answers "is this rule suppressed on this resource?" while rules report; the
// model walk collects every block, so that CUA013 can report blocks that cannot work as written
// without a pass of its own.
import { isRecord } from '../parse/template-source.ts';
import type { JsonPath } from '../parse/types.ts';

export function suppressionFor(resource: Record<string, unknown>, ruleId: string): { reason: string } | undefined {
  const metadata = resource['metadata'];
  if (!isRecord(metadata)) return undefined;
  const settings = metadata['cua-guard'];
  if (!isRecord(settings) || !Array.isArray(settings['ignore'])) return undefined;
  const ignored = settings['ignore'].some((id) => typeof id === 'string' && (id.toUpperCase() === ruleId || id === '*'));
  if (!ignored) return undefined;
  const reason = typeof settings['reason'] === 'string' && settings['reason'].trim() !== '' ? settings['reason'] : 'no reason given';
  return { reason };
}

/** A `metadata.cua-guard` block the model walk met, on a resource or on a template. */
export interface SuppressionBlock {
  file: string;
  /** JSON path of the block's value (…/metadata/cua-guard). */
  path: JsonPath;
  value: unknown;
  onTemplate: boolean;
}

/** The block of `metadata.cua-guard` on a resource or template object, if it has one. */
export function suppressionBlockOf(owner: Record<string, unknown>): { value: unknown } | undefined {
  const metadata = owner['metadata'];
  if (metadata === undefined || !isRecord(metadata) || !Object.hasOwn(metadata, 'cua-guard')) return undefined;
  return { value: metadata['cua-guard'] };
}
