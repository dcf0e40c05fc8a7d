import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { topLevelTrackingDeployments } from './tracking-set.ts';

const id = 'CUA015';
const name = 'fixed-name-at-higher-scope';

export const cua015: Rule = {
  id,
  name,
  description: 'At subscription, management-group or tenant scope the tracking name is fixed, so a second deployment in another location fails',
  defaultSeverity: 'warning',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const scope = candidate.entry.templateScope;
      if (scope === undefined || scope === 'resourceGroup' || !candidate.name.fullyKnown) continue;
      report({
        message: `tracking deployment ${nameOf(candidate)} at ${scope} scope has a fixed name; deploying again in another location fails with InvalidDeploymentLocation. Append a location-derived suffix, e.g. "[format('pid-<GUID>-{0}', uniqueString(deployment().location))]"`,
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
  },
};
