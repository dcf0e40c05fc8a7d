import { docsUrl, propertyRef, type Rule } from './rule.ts';

const id = 'CUA016';
const name = 'invalid-expression';

export const cua016: Rule = {
  id,
  name,
  description: 'A resource name is an ARM expression that does not parse or calls an unknown function',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ model, report }) {
    for (const entry of model.resources) {
      if (entry.nameErrors.length === 0) continue;
      const details = entry.nameErrors.map((e) => (e.offset === undefined ? e.message : `${e.message} (character ${e.offset + 1})`));
      report({ message: `name ${JSON.stringify(entry.resource['name'])}: ${details.join('; ')}`, at: propertyRef(entry, 'name'), resource: entry });
    }
  },
};
