// CUA009: the tracking id is not one of the registered ids (only when tracking-ids is set). A
// literal name with the placeholder or an unregistered id gets the given id where that is clear.
import type { MessageData, Rule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { propertyRef } from './rule.ts';
import { repairUnregisteredId } from './name-repair.ts';
import { trackingDeployments, trackingNamesOf } from './tracking-set.ts';

const CONSEQUENCE = "; usage would be attributed to someone else's offer, or to no one";

const messages = {
  unregistered: `tracking deployment '{{name}}' uses id {{id}}, which is not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredOfMany: `tracking deployment '{{name}}' uses id {{id}}, which is not any of the {{count}} registered ids${CONSEQUENCE}`,
  unregisteredIds: `tracking deployment '{{name}}' uses ids {{ids}}, which are not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredIdsOfMany: `tracking deployment '{{name}}' uses ids {{ids}}, which are not any of the {{count}} registered ids${CONSEQUENCE}`,
} as const;

export const cua009: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA009',
    name: 'unregistered-tracking-id',
    description: 'The tracking id is not one of the ids registered in tracking-ids',
    help: 'Only when `tracking-ids` is set. The tracking id is not one of your registered ids: usage\nwould be attributed to someone else\'s offer, or to no one.\n\nPassing: `tracking-ids: 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6` and `"name": "pid-4F3C9A7E-1B2D-4C5E-8F90-A1B2C3D4E5F6"`.\nFailing: the same input and `"name": "pid-00000000-0000-0000-0000-000000000000"`.\n\n`cua-guard fix` replaces the all-zero placeholder GUID in a literal name with the given id, and renames a literal name with an unregistered id to `pid-<given id>` (keeping a landing-zone suffix) when exactly one id is given and the template has one top-level tracking deployment.',
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
  },
  check({ model, candidates, settings, report }) {
    const registeredIds = settings.trackingIds;
    const [only] = registeredIds;
    if (only === undefined) return;
    const registered: MessageData = registeredIds.length === 1 ? { registered: only } : { count: registeredIds.length };
    for (const candidate of trackingDeployments(candidates)) {
      // A copy loop deploys one name per iteration: each iteration's id must be registered.
      const unregistered = new Set<string>();
      for (const name of trackingNamesOf(candidate, settings.strictNames)) {
        if (name.trackingId !== undefined && !registeredIds.includes(name.trackingId)) unregistered.add(name.trackingId);
      }
      if (unregistered.size === 0) continue;
      const ids = [...unregistered];
      const name = truncate(candidate.name.display);
      const many = registeredIds.length > 1;
      const fix = repairUnregisteredId(candidate, { model, candidates, settings });
      const at = propertyRef(candidate.entry, 'name');
      const common = { at, resource: candidate.entry, ...fix };
      if (ids.length === 1) report({ messageId: many ? 'unregisteredOfMany' : 'unregistered', data: { name, id: ids[0] ?? '', ...registered }, ...common });
      else report({ messageId: many ? 'unregisteredIdsOfMany' : 'unregisteredIds', data: { name, ids: ids.join(', '), ...registered }, ...common });
    }
  },
};
