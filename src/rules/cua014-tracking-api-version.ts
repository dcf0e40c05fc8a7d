import { evaluateValue } from '../expressions/index.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const id = 'CUA014';
const name = 'tracking-api-version';

const DATE_VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-(preview|alpha|beta|privatepreview))?$/i;

export const cua014: Rule = {
  id,
  name,
  description: 'The tracking deployment has no apiVersion, or one that is not a valid date-form version',
  defaultSeverity: 'warning',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const raw = entry.resource['apiVersion'];
      if (raw === undefined) {
        report({ message: `tracking deployment ${nameOf(candidate)} has no apiVersion (for example "2021-04-01")`, at: propertyRef(entry, 'apiVersion'), resource: entry });
        continue;
      }
      const value = evaluateValue(raw, entry.scope).value;
      if (typeof value === 'string' && DATE_VERSION.test(value)) continue;
      const shown = typeof value === 'string' ? `'${truncate(value)}'` : previewValue(raw);
      report({ message: `tracking deployment ${nameOf(candidate)} has apiVersion ${shown}, not a date-form version such as 2021-04-01`, at: propertyRef(entry, 'apiVersion'), resource: entry });
    }
  },
};
