import { toJsonPointer } from '../parse/json-pointer.ts';
import { truncate } from '../model/preview.ts';
import type { TrackingName } from '../model/tracking-name.ts';
import { docsUrl, nameOf, propertyRef, resourceRef, type Rule, type TrackingCandidate } from './rule.ts';
import { copyLoopOf, sameNameKey, topLevelTrackingDeployments, trackingNamesOf } from './tracking-set.ts';

const id = 'CUA002';
const name = 'duplicate-tracking-resource';

export const cua002: Rule = {
  id,
  name,
  description: 'The main template deploys more tracking deployments than allowed (default one), the same name twice, or some in a copy loop of unknown or zero count',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, settings, report }) {
    const max = settings.maxTrackingResources;
    const allowed = `the ${max} allowed (input max-tracking-resources)`;
    let deployed = 0;
    const seen = new Map<string, TrackingCandidate>();
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const loop = copyLoopOf(candidate, settings.strictNames);
      if (loop !== undefined && loop.count === undefined) {
        report({
          message: `tracking deployment ${nameOf(candidate)} is in a copy loop whose count (${truncate(loop.countText)}) is not known before deployment, so the number of tracking deployments cannot be checked against ${allowed}`,
          at: propertyRef(entry, 'copy', 'count'),
          resource: entry,
        });
      }
      if (loop?.count === 0) {
        report({ message: `tracking deployment ${nameOf(candidate)} is in a copy loop whose count is 0: it is never deployed, so no usage is attributed`, at: propertyRef(entry, 'copy', 'count'), resource: entry });
        continue;
      }
      const duplicate = firstDuplicate(candidate, trackingNamesOf(candidate, settings.strictNames), seen);
      if (duplicate !== undefined) {
        report({ message: duplicate, at: loop ? propertyRef(entry, 'copy') : resourceRef(entry), resource: entry });
        continue;
      }
      // An unknown count is reported above; it counts once so the limit message is about the others.
      const copies = loop?.count ?? 1;
      deployed += copies;
      if (deployed > max) {
        const what = loop ? `${nameOf(candidate)} is in a copy loop of ${copies}` : `${nameOf(candidate)} is one too many`;
        report({
          message: `${deployed} tracking deployments in one main template, more than ${allowed}; ${what}`,
          at: loop ? propertyRef(entry, 'copy', 'count') : resourceRef(entry),
          resource: entry,
        });
      }
    }
  },
};

/** Records the candidate's names; says why when one was already deployed (by it or another). */
function firstDuplicate(candidate: TrackingCandidate, names: readonly TrackingName[], seen: Map<string, TrackingCandidate>): string | undefined {
  for (const deployed of names) {
    const key = sameNameKey(deployed);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === candidate) {
      return `tracking deployment ${nameOf(candidate)} is in a copy loop in which two iterations get the same name ('${truncate(deployed.display)}'); ARM rejects a resource defined more than once (use copyIndex() in the name, or drop the loop)`;
    }
    if (first !== undefined) {
      return `tracking deployment ${nameOf(candidate)} is declared twice (first at ${toJsonPointer(first.entry.path)}); ARM rejects two resources with the same name in one template`;
    }
    seen.set(key, candidate);
  }
  return undefined;
}
