// CUA010: a tracking name whose id is known only at deployment, so it cannot be checked; and,
// when no tracking deployment is visible, a top-level deployment whose whole name is unknown.
import type { Rule } from '../engine/rule.ts';
import { Unknown } from '../expressions/value.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { isDeploymentType } from '../model/template-model.ts';
import { hasStaticError, propertyRef } from './rule.ts';
import { copyLoopOf, topLevelTrackingDeployments } from './tracking-set.ts';

const messages = {
  unresolved: "tracking name '{{name}}' cannot be checked before deployment: the tracking id depends on {{unknowns}}, known only at deployment",
  unresolvedDeployment:
    'deployment name {{expression}} cannot be resolved statically ({{unknown}} is known only at deployment); if it is the tracking deployment, cua-guard cannot verify it',
} as const;

export const cua010: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA010',
    name: 'unresolved-tracking-name',
    description: 'A tracking name is an ARM expression that cannot be resolved statically',
    help: "The tracking id in a name is an ARM expression that cannot be resolved before deployment,\nand what is known could still be a valid id; the message says which part (e.g. `parameters('trackingGuid')`,\na parameter with no default and no parameters file value). Known text that is already wrong is\n[CUA003](#cua003-invalid-tracking-name) instead. A name that depends on `copyIndex()` in a copy loop of\nknown count is checked per iteration, not reported here. Also raised for top-level deployments whose\nwhole name is unknown when no tracking deployment is visible.\n\nPassing: `\"[concat('pid-', variables('cuaId'))]\"` with `\"cuaId\": \"4f3c9a7e-…\"`.\nFailing: `\"[concat('pid-', parameters('trackingGuid'))]\"` where `trackingGuid` has no default.",
    defaultSeverity: 'warning',
    precision: 'medium',
    messages,
    notFixable: 'the id is known only at deployment; fix does not rewrite expressions',
  },
  check({ model, candidates, settings, report }) {
    for (const candidate of candidates) {
      const { problem } = candidate.name;
      if (candidate.name.form !== 'unresolved' || problem?.kind !== 'unresolved') continue;
      // In a copy loop of known count, copyIndex() is known per iteration: those names are checked (CUA003).
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names;
      if (iterations !== undefined && iterations.every((n) => n.form !== 'unresolved')) continue;
      report({
        messageId: 'unresolved',
        data: { name: truncate(candidate.name.display), unknowns: problem.unknowns.join(', ') },
        at: propertyRef(candidate.entry, 'name'),
        resource: candidate.entry,
      });
    }
    // Without a visible tracking deployment, a top-level deployment whose whole name is unknown
    // (say `[parameters('deploymentName')]`) might be it: say so rather than guess. A name with
    // known text, or of bounded length (uniqueString, guid), cannot be `pid-<GUID>`.
    if (topLevelTrackingDeployments(candidates).length > 0) return;
    for (const entry of model.resources) {
      if (entry.placement !== 'top-level' || !isDeploymentType(entry.type)) continue;
      if (!(entry.name instanceof Unknown) || entry.name.maxLength !== undefined) continue;
      if (hasStaticError(entry)) continue; // CUA016 says what is wrong with it
      report({
        messageId: 'unresolvedDeployment',
        data: { expression: previewValue(entry.resource['name']), unknown: truncate(entry.name.text) },
        at: propertyRef(entry, 'name'),
        resource: entry,
      });
    }
  },
};
