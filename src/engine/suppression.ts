// Inline suppression: "metadata": { "cua-guard": { "ignore": ["CUA011"], "reason": "…" } } on a resource.
import { isRecord } from './template-source.ts';

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
