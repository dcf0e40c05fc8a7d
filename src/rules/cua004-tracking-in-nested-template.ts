// Partner Center attributes only a tracking deployment the main template itself makes: one inside
// an inline nested template or among a resource's child resources is not seen.
import type { Rule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { describeChain, propertyRef } from './rule.ts';
import { topLevelTrackingDeployments } from './tracking-set.ts';

const messages = {
  nested:
    "tracking deployment '{{name}}' is inside the nested template of {{chain}}; Partner Center only attributes a tracking deployment made by the main template: move it to the top-level resources",
  child: "tracking deployment '{{name}}' is a child resource; declare it in the main template's top-level resources",
  // With a top-level one already there, moving this one would make two (CUA002): remove it instead.
  nestedBesideTopLevel:
    "tracking deployment '{{name}}' is inside the nested template of {{chain}}; Partner Center only attributes the one the main template deploys at the top level, which it already has: remove this one",
  childBesideTopLevel: "tracking deployment '{{name}}' is a child resource; the main template already deploys one at the top level: remove this one",
} as const;

export const cua004: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA004',
    name: 'tracking-in-nested-template',
    description: "A pid- deployment sits inside an inline nested template or a resource's child resources instead of the main template",
    help: [
      "A `pid-` deployment inside an inline nested template (`properties.template` of any deployment, at any depth) or among a resource's child `resources`. Only a tracking deployment made by the main template is attributed.",
      '',
      "Move the tracking deployment out of the nested template or child resources into the main template's top-level resources. `cua-guard fix` inserts a top-level one when there is none, and leaves the nested one to you.",
      '',
      'Fails:',
      '```json',
      '{ "type": "Microsoft.Resources/deployments", "name": "wrapper", "properties": { "mode": "Incremental",',
      '  "template": { "resources": [ { "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-…", "…": "…" } ] } } }',
      '```',
      "Passes: the tracking deployment in the main template's `resources`.",
      '```json',
      '"resources": [ { "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-…", "…": "…" }, { "type": "Microsoft.Resources/deployments", "name": "wrapper", "…": "…" } ]',
      '```',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: 'fix never moves a resource out of a nested template or a parent resource; it inserts the top-level one when there is none',
  },
  check({ candidates, report }) {
    const hasTopLevel = topLevelTrackingDeployments(candidates).length > 0;
    for (const candidate of candidates) {
      if (!candidate.isDeployment) continue;
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, 'name');
      if (entry.placement === 'nested-inline')
        report({ messageId: hasTopLevel ? 'nestedBesideTopLevel' : 'nested', data: { name, chain: describeChain(entry) }, at, resource: entry });
      else if (entry.placement === 'child') report({ messageId: hasTopLevel ? 'childBesideTopLevel' : 'child', data: { name }, at, resource: entry });
    }
  },
};
