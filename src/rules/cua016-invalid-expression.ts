import { previewValue } from '../engine/preview.ts';
import { docsUrl, propertyRef, type Rule } from './rule.ts';

const id = 'CUA016';
const name = 'invalid-expression';

export const cua016: Rule = {
  id,
  name,
  description: 'A resource name is an ARM expression that ARM rejects: it does not parse, calls an unknown function, has the wrong number of arguments or names an undefined parameter or variable',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ model, report }) {
    for (const entry of model.resources) {
      // Only mistakes in the name itself that ARM rejects whatever the parameter values:
      // an error that depends on a default value may not happen with the real ones.
      const errors = entry.nameErrors.filter((e) => e.kind === 'static' && e.offset !== undefined);
      if (errors.length === 0) continue;
      const details = errors.map((e) => `${e.message} (character ${(e.offset ?? 0) + 1})`);
      report({ message: `name ${previewValue(entry.resource['name'])}: ${details.join('; ')}`, at: propertyRef(entry, 'name'), resource: entry });
    }
  },
};
