// Inline suppression: "metadata": { "cua-guard": { "ignore": ["CUA011"], "reason": "…" } } on a resource.
// `suppressionFor` answers "is this rule suppressed on this resource?" while rules report;
// `suppressionMistakes` finds blocks that cannot work as written (an unknown rule id, an `ignore`
// that is not a list, a misplaced block), which would otherwise be ignored silently; the model walk
// collects the blocks, so finding them costs no pass of its own.
import { isRecord } from '../parse/template-source.ts';
import type { JsonPath, NodeRef } from '../parse/types.ts';

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

/** A suppression that does not do what it says, at the node that is wrong. */
export interface SuppressionMistake {
  message: string;
  at: NodeRef;
}

/** The block of `metadata.cua-guard` on a resource or template object, if it has one. */
export function suppressionBlockOf(owner: Record<string, unknown>): { value: unknown } | undefined {
  const metadata = owner['metadata'];
  if (metadata === undefined || !isRecord(metadata) || !Object.hasOwn(metadata, 'cua-guard')) return undefined;
  return { value: metadata['cua-guard'] };
}

const KNOWN_KEYS = ['ignore', 'reason'];
const EXAMPLE = '{ "ignore": ["CUA011"], "reason": "…" }';

/**
 * What is wrong with a suppression block as written (an unknown rule id, an `ignore` that is not a
 * list, a block on a template): it would otherwise suppress nothing, silently.
 */
export function suppressionMistakes(block: SuppressionBlock, knownRuleIds: readonly string[]): SuppressionMistake[] {
  const { file, path, value } = block;
  const at = (where: JsonPath, which: 'key' | 'value' = 'value'): NodeRef => ({ file, path: where, at: which });
  if (block.onTemplate) {
    return [{ at: at(path, 'key'), message: 'metadata.cua-guard applies to a resource, not to the whole template: move it into the metadata of the resource whose finding it suppresses' }];
  }
  if (!isRecord(value)) return [{ at: at(path), message: `metadata.cua-guard must be an object like ${EXAMPLE}; nothing is suppressed` }];
  const mistakes: SuppressionMistake[] = [];
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.includes(key)) mistakes.push({ at: at([...path, key], 'key'), message: `unknown key '${key}' in metadata.cua-guard (known: ${KNOWN_KEYS.join(', ')})` });
  }
  const ignore = value['ignore'];
  if (ignore === undefined) {
    mistakes.push({ at: at(path), message: `metadata.cua-guard has no "ignore" list of rule ids, so it suppresses nothing (write ${EXAMPLE})` });
  } else if (!Array.isArray(ignore)) {
    mistakes.push({ at: at([...path, 'ignore']), message: `metadata.cua-guard.ignore must be a list of rule ids such as ["CUA011"], not ${describeValue(ignore)}; nothing is suppressed` });
  } else {
    const known = new Set(knownRuleIds);
    ignore.forEach((entry: unknown, index) => {
      const where = at([...path, 'ignore', index]);
      if (typeof entry !== 'string') {
        mistakes.push({ at: where, message: `metadata.cua-guard.ignore[${index}] must be a rule id string such as "CUA011", not ${describeValue(entry)}` });
      } else if (entry !== '*' && !known.has(entry.toUpperCase())) {
        mistakes.push({ at: where, message: `unknown rule id '${entry}' in metadata.cua-guard.ignore (known: ${knownRuleIds[0] ?? ''}…${knownRuleIds[knownRuleIds.length - 1] ?? ''}, or "*"); it suppresses nothing` });
      }
    });
  }
  const reason = value['reason'];
  if (reason !== undefined && typeof reason !== 'string') mistakes.push({ at: at([...path, 'reason']), message: `metadata.cua-guard.reason must be a string, not ${describeValue(reason)}` });
  return mistakes;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) return 'an object';
  return value === null ? 'null' : `${typeof value} ${JSON.stringify(value)}`;
}
