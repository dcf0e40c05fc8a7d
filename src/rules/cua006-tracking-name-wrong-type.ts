import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';

const id = 'CUA006';
const name = 'tracking-name-wrong-type';

export const cua006: Rule = {
  id,
  name,
  description: 'A resource named pid-… is not of type Microsoft.Resources/deployments',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of candidates) {
      if (candidate.isDeployment) continue;
      const type = candidate.entry.type || '(no type)';
      report({
        message: `resource ${nameOf(candidate)} has type '${type}'; a tracking resource must be of type Microsoft.Resources/deployments`,
        at: propertyRef(candidate.entry, 'type'),
        resource: candidate.entry,
      });
    }
  },
};
