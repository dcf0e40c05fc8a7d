import { evaluateValue } from '../expressions/index.ts';
import { docsUrl, nameOf, propertyRef, resourceRef, type Rule } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const id = 'CUA012';
const name = 'tracking-location-missing';

export const cua012: Rule = {
  id,
  name,
  description: 'A tracking deployment that runs at subscription, management-group or tenant scope has no location',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      // The deployment's own target: "resourceGroup": "rg1" in a subscription template needs no location.
      const scope = entry.targetScope;
      if (scope === undefined || scope === 'resourceGroup' || entry.placement === 'nested-inline' || entry.placement === 'child') continue;
      const raw = entry.resource['location'];
      const value = raw === undefined ? undefined : evaluateValue(raw, entry.scope).value;
      if (value === undefined || value === '' || value === null) {
        report({
          message: `tracking deployment ${nameOf(candidate)} has no location; at ${scope} scope ARM requires one (for example "location": "[deployment().location]")`,
          at: raw === undefined ? resourceRef(entry) : propertyRef(entry, 'location'),
          resource: entry,
        });
      }
    }
  },
};
