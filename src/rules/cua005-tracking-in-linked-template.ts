// Only the main template may deploy the tracking deployment: one in a linked template is not
// attributed. Reported in the linked file, with the deployments that lead there.
import type { Rule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { describeChain, propertyRef } from './rule.ts';
import { topLevelTrackingDeployments } from './tracking-set.ts';

const messages = {
  linked: "tracking deployment '{{name}}' is in a linked template reached from {{main}} through {{chain}}; only the main template may deploy it",
  // With a top-level one already there, moving this one would make two (CUA002): remove it instead.
  linkedBesideTopLevel:
    "tracking deployment '{{name}}' is in a linked template reached from {{main}} through {{chain}}; the main template already deploys one at the top level: remove this one",
} as const;

export const cua005: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA005',
    name: 'tracking-in-linked-template',
    description: 'A pid- deployment sits inside a linked template file instead of the main template',
    help: [
      'A `pid-` deployment inside a linked template file (reached through `templateLink`), reported at its own file and line with the chain of deployments that leads there. Only a tracking deployment made by the main template is attributed.',
      '',
      "Move the tracking deployment from the linked template into the main template's top-level resources. `cua-guard fix` inserts a top-level one when there is none; it never edits the linked template.",
      '',
      'Fails: `nestedtemplates/networking.json` declaring the tracking deployment, linked from the main template by',
      '```json',
      '"templateLink": { "relativePath": "nestedtemplates/networking.json" }',
      '```',
      'Passes: linked templates without tracking resources, and the tracking deployment in the main template:',
      '```json',
      '"resources": [ { "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-…", "…": "…" } ]',
      '```',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: 'fix never edits a linked template or moves a resource out of it; it inserts the top-level one when there is none',
  },
  check({ model, candidates, report }) {
    const hasTopLevel = topLevelTrackingDeployments(candidates).length > 0;
    for (const candidate of candidates) {
      if (!candidate.isDeployment || candidate.entry.placement !== 'linked') continue;
      const { entry } = candidate;
      report({
        messageId: hasTopLevel ? 'linkedBesideTopLevel' : 'linked',
        data: { name: truncate(candidate.name.display), main: model.main.file, chain: describeChain(entry) },
        at: propertyRef(entry, 'name'),
        resource: entry,
      });
    }
  },
};
