// CUA010: a tracking name whose id is known only at deployment, so it cannot be checked; and,
// when no tracking deployment is visible, a top-level deployment whose whole name is unknown. In
// Bicep, a name may also depend on what the check does not evaluate (an import, a load…Content()
// file): known when compiling, but not to cua-guard, and said so.
import type { Rule } from '../engine/rule.ts';
import { Unknown } from '../expressions/value.ts';
import { notEvaluatedInBicep } from '../model/bicep/lower-expression.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { isDeploymentType } from '../model/template-model.ts';
import { writtenExpression } from '../model/written-as.ts';
import { hasStaticError, propertyRef } from './rule.ts';
import { copyLoopOf, topLevelTrackingDeployments } from './tracking-set.ts';

const NOT_EVALUATED = '(Bicep imports, load…Content() files, user-defined functions and lambdas are not read)';

const messages = {
  unresolved: "tracking name '{{name}}' cannot be checked before deployment: the tracking id depends on {{unknowns}}, known only at deployment",
  unresolvedDeployment:
    'deployment name {{expression}} cannot be resolved statically ({{unknown}} is known only at deployment); if it is the tracking deployment, cua-guard cannot verify it',
  unresolvedNotEvaluated: `tracking name '{{name}}' cannot be checked: the tracking id depends on {{unknowns}}, and cua-guard does not evaluate {{notEvaluated}} ${NOT_EVALUATED}`,
  unresolvedDeploymentNotEvaluated: `deployment name {{expression}} cannot be resolved: cua-guard does not evaluate {{notEvaluated}} ${NOT_EVALUATED}; if it is the tracking deployment, cua-guard cannot verify it`,
} as const;

export const cua010: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA010',
    name: 'unresolved-tracking-name',
    description: 'A tracking name is an ARM expression that cannot be resolved statically',
    help: "The tracking id in a name is an ARM expression that cannot be resolved before deployment,\nand what is known could still be a valid id; the message says which part (e.g. `parameters('trackingGuid')`,\na parameter with no default and no parameters file value). In Bicep, a name that depends on an\n`import`ed symbol, a `loadJsonContent()`/`loadTextContent()` file, a user-defined function or a lambda\ncannot be resolved either: cua-guard does not read them, and the message says which. Known text that is already wrong is\n[CUA003](#cua003-invalid-tracking-name) instead. A name that depends on `copyIndex()` in a copy loop of\nknown count is checked per iteration, not reported here. Also raised for top-level deployments whose\nwhole name is unknown when no tracking deployment is visible.\n\nPassing: `\"[concat('pid-', variables('cuaId'))]\"` with `\"cuaId\": \"4f3c9a7e-…\"`.\nFailing: `\"[concat('pid-', parameters('trackingGuid'))]\"` where `trackingGuid` has no default.",
    defaultSeverity: 'warning',
    precision: 'medium',
    messages,
    notFixable: 'the id is known only at deployment; fix does not rewrite expressions',
  },
  check({ model, candidates, settings, report }) {
    const bicep = model.main.origin?.language === 'bicep';
    for (const candidate of candidates) {
      const { problem } = candidate.name;
      if (candidate.name.form !== 'unresolved' || problem?.kind !== 'unresolved') continue;
      // In a copy loop of known count, copyIndex() is known per iteration: those names are checked (CUA003).
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names;
      if (iterations !== undefined && iterations.every((n) => n.form !== 'unresolved')) continue;
      const name = truncate(candidate.name.display);
      const unknowns = problem.unknowns.join(', ');
      const notEvaluated = bicep ? notEvaluatedInBicep(candidate.name.value) : [];
      report({
        ...(notEvaluated.length > 0
          ? { messageId: 'unresolvedNotEvaluated' as const, data: { name, unknowns, notEvaluated: truncate(notEvaluated.join(', ')) } }
          : { messageId: 'unresolved' as const, data: { name, unknowns } }),
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
      const expression = truncate(writtenExpression(entry.source, entry.resource['name']) ?? previewValue(entry.resource['name']));
      const notEvaluated = bicep ? notEvaluatedInBicep(entry.name) : [];
      report({
        ...(notEvaluated.length > 0
          ? { messageId: 'unresolvedDeploymentNotEvaluated' as const, data: { expression, notEvaluated: truncate(notEvaluated.join(', ')) } }
          : { messageId: 'unresolvedDeployment' as const, data: { expression, unknown: truncate(entry.name.text) } }),
        at: propertyRef(entry, 'name'),
        resource: entry,
      });
    }
  },
};
