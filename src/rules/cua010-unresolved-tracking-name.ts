import { unknownParts } from '../expressions/value.ts';
import { isDeploymentType } from '../engine/template-model.ts';
import { knownPrefix } from '../expressions/value.ts';
import { docsUrl, propertyRef, type Rule } from './rule.ts';
import { topLevelTrackingDeployments } from './tracking-set.ts';

const id = 'CUA010';
const name = 'unresolved-tracking-name';

export const cua010: Rule = {
  id,
  name,
  description: 'A tracking name is an ARM expression that cannot be resolved statically',
  defaultSeverity: 'warning',
  docsUrl: docsUrl(id, name),
  check({ model, candidates, report }) {
    for (const candidate of candidates) {
      if (candidate.name.form !== 'unresolved') continue;
      report({
        message: `tracking name '${candidate.name.display}' cannot be checked before deployment: ${candidate.name.problem}`,
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
    // Without a visible tracking deployment, a top-level deployment whose whole name is
    // unknown might be it: say so rather than guess.
    if (topLevelTrackingDeployments(candidates).length > 0) return;
    for (const entry of model.resources) {
      if (entry.placement !== 'top-level' || !isDeploymentType(entry.type) || knownPrefix(entry.name) !== '') continue;
      const parts = unknownParts(entry.name).map((p) => p.text);
      if (parts.length === 0) continue;
      report({
        message: `deployment name '${String(entry.resource['name'])}' cannot be resolved statically (${parts.join(', ')} known only at deployment); if it is the tracking deployment, cua-guard cannot verify it`,
        at: propertyRef(entry, 'name'),
        resource: entry,
      });
    }
  },
};
