import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { trackingDeployments, trackingNamesOf } from './tracking-set.ts';

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
    const registered = settings.trackingIds.length === 1 ? `the registered id ${settings.trackingIds[0]}` : `any of the ${settings.trackingIds.length} registered ids`;
    for (const candidate of trackingDeployments(candidates)) {
      // A copy loop deploys one name per iteration: each iteration's id must be registered.
      const unregistered = new Set<string>();
      for (const name of trackingNamesOf(candidate, settings.strictNames)) {
        if (name.trackingId !== undefined && !settings.trackingIds.includes(name.trackingId)) unregistered.add(name.trackingId);
      }
      if (unregistered.size === 0) continue;
      const ids = [...unregistered];
      report({
        message: `tracking deployment ${nameOf(candidate)} uses ${ids.length === 1 ? `id ${ids[0]}, which is` : `ids ${ids.join(', ')}, which are`} not ${registered}; usage would be attributed to someone else's offer, or to no one`,
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
  },
};
