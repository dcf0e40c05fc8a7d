// A resource named pid-… that is not a deployment: Partner Center attributes only deployments, so
// it is either a tracking resource of the wrong type or a name that misleads.
import type { Rule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { propertyRef } from './rule.ts';

const messages = {
  'wrong-type': "resource '{{name}}' has type '{{type}}'; a tracking resource must be of type Microsoft.Resources/deployments",
  'no-type': "resource '{{name}}' has type '(no type)'; a tracking resource must be of type Microsoft.Resources/deployments",
} as const;

export const cua006: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA006',
    name: 'tracking-name-wrong-type',
    description: 'A resource named pid-… is not of type Microsoft.Resources/deployments',
    help: [
      'A resource named `pid-…` whose type is not `Microsoft.Resources/deployments`. Partner Center attributes usage only through a deployment, so such a resource tracks nothing.',
      '',
      'Give the `pid-` resource the type `Microsoft.Resources/deployments`, or rename it if it is not meant to be the tracking resource.',
      '',
      'Fails:',
      '```json',
      '{ "type": "Microsoft.Resources/tags", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6", "…": "…" }',
      '```',
      'Passes:',
      '```json',
      '{ "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6", "…": "…" }',
      '```',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: 'changing the type or name of a resource that is not a deployment could change what it does; fix leaves it to you',
  },
  check({ candidates, report }) {
    for (const candidate of candidates) {
      if (candidate.isDeployment) continue;
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, 'type');
      if (entry.type) report({ messageId: 'wrong-type', data: { name, type: entry.type }, at, resource: entry });
      else report({ messageId: 'no-type', data: { name }, at, resource: entry });
    }
  },
};
