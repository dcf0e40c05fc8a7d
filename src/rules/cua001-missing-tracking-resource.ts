// The main template must deploy the tracking deployment itself, as a top-level resource: that is
// the only place Partner Center's attribution reads it from. The repair inserts one, shaped for
// the template's deployment scope, with the first registered tracking id.
import type { Fix, Rule } from '../engine/rule.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import { knownPrefix } from '../expressions/value.ts';
import { isDeploymentType, type ResourceEntry, type TemplateModel } from '../model/template-model.ts';
import { isHigherScope, trackingResource } from '../model/tracking-resource.ts';
import type { TrackingCandidate } from '../model/tracking-candidates.ts';
import { isRecord } from '../parse/template-source.ts';
import { hasStaticError } from './rule.ts';
import { filledAtBuild, topLevelTrackingDeployments } from './tracking-set.ts';

const messages = {
  missing: "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'",
  missingUnresolved:
    "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'; {{count}} top-level deployment name(s) could not be resolved and might be it",
  misplaced:
    "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>' (a pid- resource exists, but not as a top-level deployment: see the other findings)",
  partnerCenterAddsId:
    "the Marketplace package's main template has no tracking deployment; Partner Center adds one when the package is uploaded for an Azure application plan (marketplace-packages: partner-center-adds-id)",
  misplacedUnresolved:
    "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>' (a pid- resource exists, but not as a top-level deployment: see the other findings); {{count}} top-level deployment name(s) could not be resolved and might be it",
} as const;

/** Why no deployment is inserted when no id is known. */
export const NO_TRACKING_ID = "no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)";

export const cua001: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA001',
    name: 'missing-tracking-resource',
    description: 'The main template deploys no top-level Microsoft.Resources/deployments resource named pid-…',
    help: [
      "The main template has no top-level `Microsoft.Resources/deployments` resource whose name starts with `pid-` (types compare case-insensitively, as ARM does). Partner Center attributes a deployment's usage only through such a resource in the template that is deployed; one inside a nested or linked template, or a child resource, does not count. Reported at the `resources` key.",
      '',
      'Not reported on a template that only defines or only deploys a managed application (`Microsoft.Solutions/applicationDefinitions`, `Microsoft.Solutions/applications`): it is not a solution template. In a Marketplace Azure application package (`mainTemplate.json` with `createUiDefinition.json` beside it) it is a notice instead with `marketplace-packages: partner-center-adds-id`, since Partner Center adds a tracking id when the package is uploaded for an Azure application plan; the default stays an error, because this gate exists to block pull requests that lose the tracking resource.',
      '',
      '`cua-guard fix --tracking-id <GUID>` inserts the tracking deployment as the first resource (a new symbolic resource `pidTracking` in `languageVersion` 2.0 templates), shaped for the template\'s scope: at subscription, management-group and tenant scope with `"location": "[deployment().location]"` and a per-location name. Without a tracking id, or when a top-level deployment whose name mentions `pid-` cannot be evaluated, nothing is inserted.',
      '',
      'Passes:',
      '```json',
      '"resources": [',
      '  { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6",',
      '    "properties": { "mode": "Incremental", "template": { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } } },',
      '  { "type": "Microsoft.Storage/storageAccounts", "…": "…" }',
      ']',
      '```',
      'Fails: the same without the first resource.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
  },
  check({ model, candidates, settings, report }) {
    if (topLevelTrackingDeployments(candidates).length > 0 || filledAtBuild(candidates).length > 0) return;
    // Part of a Bicep file could not be read (CUA013 says where): the tracking resource may be there.
    if ((model.main.origin?.unread.length ?? 0) > 0) return;
    // A template that only defines or only deploys a managed application is not a solution template.
    if (model.kind !== 'solution') return;
    if (model.marketplacePackage && settings.marketplacePackages === 'partner-center-adds-id' && candidates.length === 0) {
      const hasKey = 'resources' in model.main.root;
      report({
        messageId: 'partnerCenterAddsId',
        severity: 'notice',
        at: { file: model.main.file, path: hasKey ? ['resources'] : [], at: hasKey ? 'key' : 'value' },
        notFixable: 'Partner Center adds the tracking id on upload',
      });
      return;
    }
    const unresolved = model.resources.filter(
      (r) =>
        r.placement === 'top-level' && isDeploymentType(r.type) && knownPrefix(r.name) === '' && typeof r.resource['name'] === 'string' && !hasStaticError(r),
    ).length;
    const misplaced = candidates.length > 0;
    const messageId = misplaced ? (unresolved > 0 ? 'misplacedUnresolved' : 'misplaced') : unresolved > 0 ? 'missingUnresolved' : 'missing';
    const hasResources = 'resources' in model.main.root;
    const repair = insertTracking(model, candidates, settings);
    report({
      messageId,
      ...(unresolved > 0 ? { data: { count: unresolved } } : {}),
      at: { file: model.main.file, path: hasResources ? ['resources'] : [], at: hasResources ? 'key' : 'value' },
      ...('fix' in repair ? { fix: repair.fix } : { notFixable: repair.notFixable }),
    });
  },
};

/** The insertion of the tracking deployment, or why there is none. */
function insertTracking(model: TemplateModel, candidates: readonly TrackingCandidate[], settings: CheckSettings): { fix: Fix } | { notFixable: string } {
  const ownTopLevel = (entry: ResourceEntry): boolean => entry.placement === 'top-level' && entry.source.file === model.main.file;
  // A top-level pid- deployment that is not attributable (its name does not start with pid-) is
  // meant to be the tracking one: a second one would not fix it.
  const meant = candidates.find((c) => c.isDeployment && ownTopLevel(c.entry));
  if (meant) return { notFixable: `the top-level deployment '${meant.name.display}' looks like the tracking deployment; fix its name by hand` };
  // Likewise a top-level deployment whose name mentions pid- but could not be evaluated (a broken expression).
  const broken = model.resources.find(
    (r) => ownTopLevel(r) && isDeploymentType(r.type) && !candidates.some((c) => c.entry === r) && /pid-/i.test(JSON.stringify(r.resource['name'] ?? '')),
  );
  if (broken)
    return {
      notFixable: `the deployment named ${JSON.stringify(broken.resource['name'])} looks like the tracking deployment, but its name cannot be evaluated; fix the expression by hand`,
    };
  const [trackingId] = settings.trackingIds;
  if (trackingId === undefined) return { notFixable: NO_TRACKING_ID };
  const value = trackingResource(trackingId, model.scope, settings.strictNames);
  const label = `'${String(value['name'])}'`;
  const scopeNote = isHigherScope(model.scope) ? ` (${model.scope} scope: with a location and a per-location name)` : '';
  const resources = model.main.root['resources'];
  if (isRecord(resources)) {
    const symbol = uniqueSymbol(resources);
    return {
      fix: {
        file: model.main.file,
        operations: [{ kind: 'insert', path: ['resources', symbol], value, first: true }],
        description: `inserted tracking deployment ${label} as the symbolic resource '${symbol}'${scopeNote}`,
      },
    };
  }
  return {
    fix: {
      file: model.main.file,
      operations: [{ kind: 'insert', path: ['resources', 0], value, first: true }],
      description: `inserted tracking deployment ${label} as the first resource${scopeNote}`,
    },
  };
}

function uniqueSymbol(resources: Record<string, unknown>): string {
  for (let i = 0; ; i++) {
    const symbol = i === 0 ? 'pidTracking' : `pidTracking${i + 1}`;
    if (!(symbol in resources)) return symbol;
  }
}
