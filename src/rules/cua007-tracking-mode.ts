import { evaluateValue } from '../expressions/index.ts';
import { describeString } from '../expressions/value.ts';
import { isRecord } from '../parse/template-source.ts';
import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const id = 'CUA007';
const name = 'tracking-mode-not-incremental';

export const cua007: Rule = {
  id,
  name,
  description: "The tracking deployment's properties.mode is not Incremental",
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const properties = entry.resource['properties'];
      const raw = isRecord(properties) ? properties['mode'] : undefined;
      if (raw === undefined) {
        report({ message: `tracking deployment ${nameOf(candidate)} has no properties.mode; set it to 'Incremental'`, at: propertyRef(entry, 'properties', 'mode'), resource: entry });
        continue;
      }
      const mode = evaluateValue(raw, entry.scope).value;
      if (typeof mode === 'string' && mode.toLowerCase() === 'incremental') continue;
      const shown = typeof mode === 'string' ? `'${mode}'` : `'${describeString(mode)}' (not known before deployment)`;
      const danger = typeof mode === 'string' && mode.toLowerCase() === 'complete' ? '; Complete mode would delete every other resource in the resource group' : '';
      report({ message: `tracking deployment ${nameOf(candidate)} has mode ${shown}; it must be 'Incremental'${danger}`, at: propertyRef(entry, 'properties', 'mode'), resource: entry });
    }
  },
};
