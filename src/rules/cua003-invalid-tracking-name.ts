import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';

const id = 'CUA003';
const name = 'invalid-tracking-name';

export const cua003: Rule = {
  id,
  name,
  description: "The tracking name is not 'pid-' + a GUID (optionally with a suffix) or a Partner Center tracking id, or not a valid deployment name",
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of candidates) {
      if (candidate.name.form !== 'invalid') continue;
      report({
        message: `tracking name ${nameOf(candidate)} is invalid: ${candidate.name.problem}`,
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
  },
};
