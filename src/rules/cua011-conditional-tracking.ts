import { evaluateValue } from '../expressions/index.ts';
import { describeString } from '../expressions/value.ts';
import { previewValue } from '../engine/preview.ts';
import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { topLevelTrackingDeployments } from './tracking-set.ts';

const id = 'CUA011';
const name = 'conditional-tracking';

export const cua011: Rule = {
  id,
  name,
  description: 'The tracking deployment has a condition (a legitimate opt-out), or one that is always false',
  defaultSeverity: 'notice',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const raw = entry.resource['condition'];
      if (raw === undefined) continue;
      const literal = raw === false || (typeof raw === 'string' && /^\[\s*false\(\s*\)\s*\]$/i.test(raw));
      const value = evaluateValue(raw, entry.scope).value;
      const at = propertyRef(entry, 'condition');
      if (literal) {
        report({ message: `tracking deployment ${nameOf(candidate)} has condition ${previewValue(raw)}: it is never deployed, so no usage is attributed`, at, resource: entry, severity: 'error' });
      } else if (value === false) {
        report({ message: `tracking deployment ${nameOf(candidate)} is off by default: its condition is false with the default parameter values (and parameters file, if any); customers who keep the defaults are not tracked`, at, resource: entry, severity: 'warning' });
      } else if (value === true) {
        report({ message: `tracking deployment ${nameOf(candidate)} has a condition (an opt-out); it is on by default`, at, resource: entry });
      } else {
        report({ message: `tracking deployment ${nameOf(candidate)} has a condition that depends on '${describeString(value)}', known only at deployment`, at, resource: entry });
      }
    }
  },
};
