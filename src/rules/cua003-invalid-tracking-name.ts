import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { copyLoopOf } from './tracking-set.ts';

const id = 'CUA003';
const name = 'invalid-tracking-name';

export const cua003: Rule = {
  id,
  name,
  description: "The tracking name is not 'pid-' + a GUID (optionally with a suffix) or a Partner Center tracking id, or not a valid deployment name",
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ candidates, settings, report }) {
    for (const candidate of candidates) {
      const at = propertyRef(candidate.entry, 'name');
      if (candidate.name.form === 'invalid') {
        report({ message: `tracking name ${nameOf(candidate)} is invalid: ${candidate.name.problem}`, at, resource: candidate.entry });
        continue;
      }
      // A copy loop: each iteration's name (copyIndex() bound) is a name of its own.
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names ?? [];
      const bad = iterations.findIndex((n) => n.form === 'invalid');
      const first = iterations[bad];
      if (first === undefined) continue;
      const others = iterations.filter((n) => n.form === 'invalid').length - 1;
      report({
        message: `tracking name ${nameOf(candidate)} is invalid in copy iteration ${bad} ('${first.display}'): ${first.problem}${others > 0 ? ` (and in ${others} more iterations)` : ''}`,
        at,
        resource: candidate.entry,
      });
    }
  },
};
