import { evaluateValue } from '../expressions/index.ts';
import { isRecord } from '../engine/template-source.ts';
import { toJsonPointer } from '../engine/json-pointer.ts';
import { docsUrl, nameOf, propertyRef, resourceRef, type Rule, type TrackingCandidate } from './rule.ts';
import { topLevelTrackingDeployments } from './tracking-set.ts';

const id = 'CUA002';
const name = 'duplicate-tracking-resource';

export const cua002: Rule = {
  id,
  name,
  description: 'The main template deploys more tracking deployments than allowed (default one), or one in a copy loop',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, settings, report }) {
    const tracking = topLevelTrackingDeployments(candidates);
    let deployed = 0;
    const seen = new Map<string, TrackingCandidate>();
    for (const candidate of tracking) {
      const copies = copyCount(candidate);
      if (copies !== 1) {
        report({
          message: `tracking deployment ${nameOf(candidate)} is in a copy loop (${copies === undefined ? 'count unknown until deployment' : `${copies} copies`}); deploy it exactly once`,
          at: propertyRef(candidate.entry, 'copy'),
          resource: candidate.entry,
        });
      }
      const key = candidate.name.display.toLowerCase();
      const first = seen.get(key);
      if (first) {
        report({
          message: `tracking deployment ${nameOf(candidate)} is declared twice (first at ${toJsonPointer(first.entry.path)}); ARM rejects two resources with the same name in one template`,
          at: resourceRef(candidate.entry),
          resource: candidate.entry,
        });
        continue;
      }
      seen.set(key, candidate);
      // A loop is reported above; count it once so the limit message is about other resources.
      deployed += 1;
      if (deployed > settings.maxTrackingResources) {
        report({
          message: `${deployed} tracking deployments in one main template, more than the ${settings.maxTrackingResources} allowed (input max-tracking-resources); ${nameOf(candidate)} is one too many`,
          at: resourceRef(candidate.entry),
          resource: candidate.entry,
        });
      }
    }
  },
};

/** 1 without a copy loop; the resolved count; undefined when the count is unknown. */
function copyCount(candidate: TrackingCandidate): number | undefined {
  const copy = candidate.entry.resource['copy'];
  if (copy === undefined) return 1;
  if (!isRecord(copy)) return undefined;
  const count = evaluateValue(copy['count'], candidate.entry.scope).value;
  if (typeof count === 'number') return count;
  if (typeof count === 'string' && /^\d+$/.test(count)) return Number(count);
  return undefined;
}
