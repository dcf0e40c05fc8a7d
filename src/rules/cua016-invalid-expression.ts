import { previewValue } from '../model/preview.ts';
import { redactQuery } from '../model/linked-templates.ts';
import { docsUrl, type Rule } from './rule.ts';

const id = 'CUA016';
const name = 'invalid-expression';

export const cua016: Rule = {
  id,
  name,
  description:
    'An ARM expression the check evaluates (a name, a tracking condition, location or copy count, a templateLink, or a variable or parameter value they use) does not parse, calls an unknown function, has the wrong number of arguments or names an undefined parameter or variable',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ model, report }) {
    // Only mistakes ARM rejects whatever the parameter values, once each, where they are written:
    // an error that depends on a default value may not happen with the real ones.
    for (const problem of model.expressionErrors.problems) {
      const details = problem.errors.map((e) => `${e.message} (character ${(e.offset ?? 0) + 1})`);
      // A link's query string may be a SAS token: never show it.
      const text = problem.label.startsWith('templateLink') ? redactQuery(problem.text) : problem.text;
      report({ message: `${problem.label} ${previewValue(text)}: ${details.join('; ')}`, at: problem.at, ...(problem.resource ? { resource: problem.resource } : {}) });
    }
  },
};
