import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const id = 'CUA009';
const name = 'unregistered-tracking-id';

export const cua009: Rule = {
  id,
  name,
  description: 'The tracking id is not one of the ids registered in tracking-ids',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, settings, report }) {
    if (settings.trackingIds.length === 0) return;
    for (const candidate of trackingDeployments(candidates)) {
      const trackingId = candidate.name.trackingId;
      if (trackingId === undefined || settings.trackingIds.includes(trackingId)) continue;
      const registered = settings.trackingIds.length === 1 ? `the registered id ${settings.trackingIds[0]}` : `any of the ${settings.trackingIds.length} registered ids`;
      report({
        message: `tracking deployment ${nameOf(candidate)} uses id ${trackingId}, which is not ${registered}; usage would be attributed to someone else's offer, or to no one`,
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
  },
};
