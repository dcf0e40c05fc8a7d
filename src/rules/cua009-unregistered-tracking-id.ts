// CUA009: the tracking id is not one of the registered ids (only when tracking-ids is set). A
// well-formed id is never renamed: it may be another product's, and only its owner knows.
import type { MessageData, Rule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { partnerCenterCounterpart } from '../model/tracking-name.ts';
import { propertyRef } from './rule.ts';
import { trackingDeployments, trackingNamesOf } from './tracking-set.ts';

const CONSEQUENCE = "; usage would be attributed to someone else's offer, or to no one";

const messages = {
  unregistered: `tracking deployment '{{name}}' uses id {{id}}, which is not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredOfMany: `tracking deployment '{{name}}' uses id {{id}}, which is not any of the {{count}} registered ids${CONSEQUENCE}`,
  unregisteredIds: `tracking deployment '{{name}}' uses ids {{ids}}, which are not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredIdsOfMany: `tracking deployment '{{name}}' uses ids {{ids}}, which are not any of the {{count}} registered ids${CONSEQUENCE}`,
  partnerCenterSuffix:
    "tracking deployment '{{name}}' uses id {{id}}, but the registered id is {{registered}}: they differ only by the '-partnercenter' suffix, and Partner Center attributes usage only to the id exactly as it shows it",
} as const;

export const cua009: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA009',
    name: 'unregistered-tracking-id',
    description: 'The tracking id is not one of the ids registered in tracking-ids',
    help: 'Only when `tracking-ids` is set. The tracking id is not one of your registered ids: usage\nwould be attributed to someone else\'s offer, or to no one. Ids match as Partner Center shows them\n(`<GUID>`, `<GUID>-partnercenter` or `<id>-partnercenter`; with or without `pid-`, any case); an id that\ndiffers from a registered one only by the `-partnercenter` suffix is reported with a message that says so.\n\nPassing: `tracking-ids: 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6` and `"name": "pid-4F3C9A7E-1B2D-4C5E-8F90-A1B2C3D4E5F6"`;\n`tracking-ids: 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter` and `"name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter"`.\nFailing: the first input and `"name": "pid-9d2b7c1e-5a4f-4e3d-8c2b-1a0f9e8d7c6b"`, or `"name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter"`.\n\n`cua-guard fix` never renames a well-formed id: in a repository of several products it may be another product\'s.',
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: "fix never renames a well-formed tracking id: it may be another product's",
  },
  check({ candidates, settings, report }) {
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
      const at = propertyRef(candidate.entry, 'name');
      const common = { at, resource: candidate.entry };
      const [id] = ids;
      const counterpart = ids.length === 1 && id !== undefined ? partnerCenterCounterpart(id) : undefined;
      if (id !== undefined && counterpart !== undefined && registeredIds.includes(counterpart))
        report({ messageId: 'partnerCenterSuffix', data: { name, id, registered: counterpart }, ...common });
      else if (ids.length === 1)
        report({ messageId: many ? 'unregisteredOfMany' : 'unregistered', data: { name, id: ids[0] ?? '', ...registered }, ...common });
      else report({ messageId: many ? 'unregisteredIdsOfMany' : 'unregisteredIds', data: { name, ids: ids.join(', '), ...registered }, ...common });
    }
  },
};
