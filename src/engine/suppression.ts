// Inline suppression: "metadata": { "cua-guard": { "ignore": ["CUA011"], "reason": "…" } } on a resource.
// `suppressionFor` answers "is this rule suppressed on this resource?" while rules report;
// `findSuppressionMistakes` finds suppressions that cannot work as written (an unknown rule id,
// an `ignore` that is not a list, a misplaced block), which would otherwise be ignored silently.
import { parseTree, type Node } from 'jsonc-parser';
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

/** A suppression that does not do what it says, at the node that is wrong. */
export interface SuppressionMistake {
  message: string;
  offset: number;
  length: number;
  /** JSON path of that node. */
  path: (string | number)[];
}

const KNOWN_KEYS = ['ignore', 'reason'];

/**
 * Suppression blocks in a template's text that cannot work as written. Cheap for the templates
 * that have none (one indexOf); the others are parsed once more, for positions.
 */
export function findSuppressionMistakes(text: string, knownRuleIds: readonly string[]): SuppressionMistake[] {
  if (!text.includes('"cua-guard"')) return [];
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!tree || tree.type !== 'object') return [];
  const mistakes: SuppressionMistake[] = [];
  const rootBlock = suppressionBlock(tree);
  if (rootBlock) {
    mistakes.push(at(rootBlock.keyNode, ['metadata', 'cua-guard'], "metadata.cua-guard applies to a resource, not to the whole template: move it into the metadata of the resource whose finding it suppresses"));
  }
  visitResources(tree, [], (resource, path) => {
    const block = suppressionBlock(resource);
    if (block) checkBlock(block.value, [...path, 'metadata', 'cua-guard'], new Set(knownRuleIds), mistakes);
  });
  return mistakes;
}

/** Every resource object: top-level, child `resources`, nested `properties.template`, array or symbolic form. */
function visitResources(container: Node, path: (string | number)[], visit: (resource: Node, path: (string | number)[]) => void): void {
  const resources = propertyValue(container, 'resources');
  if (!resources) return;
  const entries: [Node, string | number][] =
    resources.type === 'array'
      ? (resources.children ?? []).map((child, index) => [child, index])
      : resources.type === 'object'
        ? (resources.children ?? []).flatMap((property): [Node, string][] => {
            const [key, value] = property.children ?? [];
            return key && value ? [[value, String(key.value)]] : [];
          })
        : [];
  for (const [resource, key] of entries) {
    if (resource.type !== 'object') continue;
    const resourcePath = [...path, 'resources', key];
    visit(resource, resourcePath);
    visitResources(resource, resourcePath, visit);
    const template = propertyValue(propertyValue(resource, 'properties'), 'template');
    if (template?.type === 'object') visitResources(template, [...resourcePath, 'properties', 'template'], visit);
  }
}

function suppressionBlock(owner: Node): { keyNode: Node; value: Node } | undefined {
  const metadata = propertyValue(owner, 'metadata');
  const property = metadata?.type === 'object' ? metadata.children?.find((p) => p.children?.[0]?.value === 'cua-guard') : undefined;
  const [keyNode, value] = property?.children ?? [];
  return keyNode && value ? { keyNode, value } : undefined;
}

function checkBlock(block: Node, path: (string | number)[], known: ReadonlySet<string>, mistakes: SuppressionMistake[]): void {
  const example = '{ "ignore": ["CUA011"], "reason": "…" }';
  if (block.type !== 'object') {
    mistakes.push(at(block, path, `metadata.cua-guard must be an object like ${example}; nothing is suppressed`));
    return;
  }
  for (const property of block.children ?? []) {
    const key = property.children?.[0];
    if (key && !KNOWN_KEYS.includes(String(key.value))) {
      mistakes.push(at(key, [...path, String(key.value)], `unknown key '${String(key.value)}' in metadata.cua-guard (known: ${KNOWN_KEYS.join(', ')})`));
    }
  }
  const ignore = propertyValue(block, 'ignore');
  if (!ignore) {
    mistakes.push(at(block, path, `metadata.cua-guard has no "ignore" list of rule ids, so it suppresses nothing (write ${example})`));
  } else if (ignore.type !== 'array') {
    mistakes.push(at(ignore, [...path, 'ignore'], `metadata.cua-guard.ignore must be a list of rule ids such as ["CUA011"], not ${describeNode(ignore)}; nothing is suppressed`));
  } else {
    (ignore.children ?? []).forEach((entry, index) => {
      const entryPath = [...path, 'ignore', index];
      if (entry.type !== 'string') {
        mistakes.push(at(entry, entryPath, `metadata.cua-guard.ignore[${index}] must be a rule id string such as "CUA011", not ${describeNode(entry)}`));
      } else if (entry.value !== '*' && !known.has(String(entry.value).toUpperCase())) {
        const ids = [...known];
        mistakes.push(at(entry, entryPath, `unknown rule id '${String(entry.value)}' in metadata.cua-guard.ignore (known: ${ids[0] ?? ''}…${ids[ids.length - 1] ?? ''}, or "*"); it suppresses nothing`));
      }
    });
  }
  const reason = propertyValue(block, 'reason');
  if (reason && reason.type !== 'string') mistakes.push(at(reason, [...path, 'reason'], `metadata.cua-guard.reason must be a string, not ${describeNode(reason)}`));
}

function propertyValue(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const property = node.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1];
}

function at(node: Node, path: (string | number)[], message: string): SuppressionMistake {
  return { message, offset: node.offset, length: node.length, path };
}

function describeNode(node: Node): string {
  if (node.type === 'string') return `the string ${JSON.stringify(node.value)}`;
  if (node.type === 'array' || node.type === 'object') return `an ${node.type}`;
  return node.type === 'null' ? 'null' : `${node.type} ${JSON.stringify(node.value)}`;
}
