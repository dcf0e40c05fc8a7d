import { describeChain, docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';

const id = 'CUA004';
const name = 'tracking-in-nested-template';

export const cua004: Rule = {
  id,
  name,
  description: 'A pid- deployment sits inside an inline nested template or a resource\'s child resources instead of the main template',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of candidates) {
      if (!candidate.isDeployment) continue;
      const { placement } = candidate.entry;
      if (placement === 'nested-inline') {
        report({
          message: `tracking deployment ${nameOf(candidate)} is inside the nested template of ${describeChain(candidate.entry)}; Partner Center only attributes a tracking deployment made by the main template: move it to the top-level resources`,
          at: propertyRef(candidate.entry, 'name'),
          resource: candidate.entry,
        });
      } else if (placement === 'child') {
        report({
          message: `tracking deployment ${nameOf(candidate)} is a child resource; declare it in the main template's top-level resources`,
          at: propertyRef(candidate.entry, 'name'),
          resource: candidate.entry,
        });
      }
    }
  },
};
