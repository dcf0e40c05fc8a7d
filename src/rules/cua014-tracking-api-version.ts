// ARM needs an apiVersion of the date form (2021-04-01, 2022-09-01-preview) for every resource.
// The rule judges the value as ARM would read it (expressions evaluated); the repair rewrites only
// what is written as a literal, so both come from the same reading.
import type { Fix, Rule } from '../engine/rule.ts';
import { evaluateValue, isExpressionString } from '../expressions/index.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { TRACKING_API_VERSION } from '../model/tracking-resource.ts';
import type { ResourceEntry } from '../model/template-model.ts';
import { isFixableHere, NOT_HERE, propertyRef } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const messages = {
  missing: 'tracking deployment \'{{name}}\' has no apiVersion (for example "2021-04-01")',
  notDate: "tracking deployment '{{name}}' has apiVersion {{apiVersion}}, not a date-form version such as 2021-04-01",
} as const;

const DATE_VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-(preview|alpha|beta|privatepreview))?$/i;

export const cua014: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA014',
    name: 'tracking-api-version',
    description: 'The tracking deployment has no apiVersion, or one that is not a valid date-form version',
    help: [
      'The tracking deployment has no `apiVersion`, or one that is not a date-form version (`2021-04-01`, `2022-09-01-preview`). ARM rejects a resource without a valid API version.',
      '',
      '`cua-guard fix` sets a missing or literal non-date apiVersion to `2021-04-01`; one computed by an expression is left to you.',
      '',
      'Passes: `"apiVersion": "2021-04-01"`. Fails: `"apiVersion": "latest"`.',
    ].join('\n'),
    defaultSeverity: 'warning',
    precision: 'very-high',
    messages,
  },
  check({ model, candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, 'apiVersion');
      const raw = entry.resource['apiVersion'];
      const fixable = isFixableHere(entry, model);
      if (raw === undefined) {
        const fix: Fix | undefined = fixable
          ? {
              file: entry.source.file,
              operations: [{ kind: 'insert', path: [...entry.path, 'apiVersion'], value: TRACKING_API_VERSION }],
              description: `set apiVersion of '${name}' to '${TRACKING_API_VERSION}' (it had none)`,
            }
          : undefined;
        report({ messageId: 'missing', data: { name }, at, resource: entry, ...(fix ? { fix } : { notFixable: NOT_HERE }) });
        continue;
      }
      const value = evaluateValue(raw, entry.scope).value;
      if (typeof value === 'string' && DATE_VERSION.test(value)) continue;
      const apiVersion = typeof value === 'string' ? `'${truncate(value)}'` : previewValue(raw);
      const fix = fixable ? replaceLiteral(entry, name, raw) : undefined;
      const why = fixable ? 'the apiVersion is computed by an expression; make it give a date-form version' : NOT_HERE;
      report({ messageId: 'notDate', data: { name, apiVersion }, at, resource: entry, ...(fix ? { fix } : { notFixable: why }) });
    }
  },
};

/** A literal apiVersion becomes TRACKING_API_VERSION; an expression is left alone. */
function replaceLiteral(entry: ResourceEntry, name: string, raw: unknown): Fix | undefined {
  if (typeof raw === 'string' && isExpressionString(raw)) return undefined;
  const was = typeof raw === 'string' ? `'${truncate(raw)}'` : previewValue(raw);
  return {
    file: entry.source.file,
    operations: [{ kind: 'replace', path: [...entry.path, 'apiVersion'], value: TRACKING_API_VERSION }],
    description: `set apiVersion of '${name}' to '${TRACKING_API_VERSION}' (was ${was})`,
  };
}
