import { describeChain, docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';

const id = 'CUA005';
const name = 'tracking-in-linked-template';

export const cua005: Rule = {
  id,
  name,
  description: 'A pid- deployment sits inside a linked template file instead of the main template',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ model, candidates, report }) {
    for (const candidate of candidates) {
      if (!candidate.isDeployment || candidate.entry.placement !== 'linked') continue;
      report({
        message: `tracking deployment ${nameOf(candidate)} is in a linked template reached from ${model.main.file} through ${describeChain(candidate.entry)}; only the main template may deploy it`,
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
  },
};
