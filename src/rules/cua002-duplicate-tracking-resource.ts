// One main template deploys at most max-tracking-resources tracking deployments (default one),
// never the same name twice (ARM rejects that), and never in a copy loop of unknown or zero count.
import type { Rule, RuleReport } from '../engine/rule.ts';
import { toJsonPointer } from '../parse/json-pointer.ts';
import { truncate } from '../model/preview.ts';
import type { TrackingName } from '../model/tracking-name.ts';
import type { TrackingCandidate } from '../model/tracking-candidates.ts';
import { propertyRef, resourceRef } from './rule.ts';
import { copyLoopOf, sameNameKey, topLevelTrackingDeployments, trackingNamesOf } from './tracking-set.ts';

const ALLOWED = 'the {{max}} allowed (input max-tracking-resources)';

const messages = {
  'unknown-count': `tracking deployment '{{name}}' is in a copy loop whose count ({{count}}) is not known before deployment, so the number of tracking deployments cannot be checked against ${ALLOWED}`,
  'zero-count': "tracking deployment '{{name}}' is in a copy loop whose count is 0: it is never deployed, so no usage is attributed",
  'same-name-in-loop':
    "tracking deployment '{{name}}' is in a copy loop in which two iterations get the same name ('{{iterationName}}'); ARM rejects a resource defined more than once (use copyIndex() in the name, or drop the loop)",
  'declared-twice': "tracking deployment '{{name}}' is declared twice (first at {{first}}); ARM rejects two resources with the same name in one template",
  'too-many': `{{deployed}} tracking deployments in one main template, more than ${ALLOWED}; '{{name}}' is one too many`,
  'too-many-in-loop': `{{deployed}} tracking deployments in one main template, more than ${ALLOWED}; '{{name}}' is in a copy loop of {{copies}}`,
} as const;

type MessageId = keyof typeof messages;

export const cua002: Rule<MessageId> = {
  meta: {
    id: 'CUA002',
    name: 'duplicate-tracking-resource',
    description:
      'The main template deploys more tracking deployments than allowed (default one), the same name twice, or some in a copy loop of unknown or zero count',
    help: [
      "More tracking deployments than `max-tracking-resources` (default 1), or the same tracking name deployed twice. A `copy` loop counts its copies: a `count` that resolves to N adds N (1 is fine; 3 offers in one loop pass with `max-tracking-resources: 3`), and each iteration's name is evaluated with `copyIndex()` bound, so iterations that repeat a name are duplicates and each name is checked (CUA003). A loop whose `count` is not known before deployment is an error (the limit cannot be checked), and so is a `count` of 0 (nothing is deployed).",
      '',
      'Keep exactly one tracking deployment per main template (or raise `max-tracking-resources` for landing zones with several offers), outside any copy loop.',
      '',
      'Fails:',
      '```json',
      '{ "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6", "copy": { "name": "loop", "count": 3 }, "…": "…" }',
      '```',
      'Passes: one tracking deployment; or, with `max-tracking-resources: 2` and two GUIDs in the variable `offers`:',
      '```json',
      '{ "type": "Microsoft.Resources/deployments", "name": "[concat(\'pid-\', variables(\'offers\')[copyIndex()])]", "copy": { "name": "offers", "count": "[length(variables(\'offers\'))]" }, "…": "…" }',
      '```',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: 'which tracking deployment to delete, or how to drop the copy loop, is your call; fix never deletes a resource',
  },
  check({ candidates, settings, report }) {
    const max = settings.maxTrackingResources;
    let deployed = 0;
    const seen = new Map<string, TrackingCandidate>();
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const loop = copyLoopOf(candidate, settings.strictNames);
      if (loop !== undefined && loop.count === undefined) {
        report({ messageId: 'unknown-count', data: { name, count: truncate(loop.countText), max }, at: propertyRef(entry, 'copy', 'count'), resource: entry });
      }
      if (loop?.count === 0) {
        report({ messageId: 'zero-count', data: { name }, at: propertyRef(entry, 'copy', 'count'), resource: entry });
        continue;
      }
      const duplicate = firstDuplicate(candidate, trackingNamesOf(candidate, settings.strictNames), seen);
      if (duplicate !== undefined) {
        report({ ...duplicate, at: loop ? propertyRef(entry, 'copy') : resourceRef(entry), resource: entry });
        continue;
      }
      // An unknown count is reported above; it counts once so the limit message is about the others.
      const copies = loop?.count ?? 1;
      deployed += copies;
      if (deployed <= max) continue;
      if (loop) report({ messageId: 'too-many-in-loop', data: { deployed, max, name, copies }, at: propertyRef(entry, 'copy', 'count'), resource: entry });
      else report({ messageId: 'too-many', data: { deployed, max, name }, at: resourceRef(entry), resource: entry });
    }
  },
};

/** Records the candidate's names; says why when one was already deployed (by it or another). */
function firstDuplicate(
  candidate: TrackingCandidate,
  names: readonly TrackingName[],
  seen: Map<string, TrackingCandidate>,
): Pick<RuleReport<MessageId>, 'messageId' | 'data'> | undefined {
  const name = truncate(candidate.name.display);
  for (const deployed of names) {
    const key = sameNameKey(deployed);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === candidate) return { messageId: 'same-name-in-loop', data: { name, iterationName: truncate(deployed.display) } };
    if (first !== undefined) return { messageId: 'declared-twice', data: { name, first: toJsonPointer(first.entry.path) } };
    seen.set(key, candidate);
  }
  return undefined;
}
