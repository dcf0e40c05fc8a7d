import { Unknown } from '../expressions/value.ts';
import { BoundedUnknown } from '../expressions/index.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { isDeploymentType } from '../model/template-model.ts';
import { docsUrl, hasStaticError, nameOf, propertyRef, type Rule } from './rule.ts';
import { copyLoopOf, topLevelTrackingDeployments } from './tracking-set.ts';

const id = 'CUA010';
const name = 'unresolved-tracking-name';

export const cua010: Rule = {
  id,
  name,
  description: 'A tracking name is an ARM expression that cannot be resolved statically',
  defaultSeverity: 'warning',
  docsUrl: docsUrl(id, name),
  check({ model, candidates, settings, report }) {
    for (const candidate of candidates) {
      if (candidate.name.form !== 'unresolved') continue;
      // In a copy loop of known count, copyIndex() is known per iteration: those names are checked (CUA003).
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names;
      if (iterations !== undefined && iterations.every((n) => n.form !== 'unresolved')) continue;
      report({
        message: `tracking name ${nameOf(candidate)} cannot be checked before deployment: ${candidate.name.problem}`,
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
    // Without a visible tracking deployment, a top-level deployment whose whole name is unknown
    // (say `[parameters('deploymentName')]`) might be it: say so rather than guess. A name with
    // known text, or a hash (uniqueString, guid), cannot be `pid-<GUID>`.
    if (topLevelTrackingDeployments(candidates).length > 0) return;
    for (const entry of model.resources) {
      if (entry.placement !== 'top-level' || !isDeploymentType(entry.type)) continue;
      if (!(entry.name instanceof Unknown) || entry.name instanceof BoundedUnknown) continue;
      if (hasStaticError(entry)) continue; // CUA016 says what is wrong with it
      report({
        message: `deployment name ${previewValue(entry.resource['name'])} cannot be resolved statically (${truncate(entry.name.text)} is known only at deployment); if it is the tracking deployment, cua-guard cannot verify it`,
        at: propertyRef(entry, 'name'),
        resource: entry,
      });
    }
  },
};
