// ARM keeps one deployment per name per scope, with its location: at subscription,
// management-group or tenant scope, a tracking name that is the same in every location makes the
// customer's second deployment in another region fail.
import type { Rule } from '../engine/rule.ts';
import { unknownParts } from '../expressions/value.ts';
import { truncate } from '../model/preview.ts';
import type { TrackingCandidate } from '../model/tracking-candidates.ts';
import { writtenExpression } from '../model/written-as.ts';
import { propertyRef } from './rule.ts';
import { hasFixedLocation, nameAvoidsLocationClash, topLevelTrackingDeployments } from './tracking-set.ts';

const AFTERWARDS = 'deploying again in another location fails with InvalidDeploymentLocation. Append a location-derived suffix, e.g. {{example}}';

const messages = {
  'fixed-name': `tracking deployment '{{name}}' at {{scope}} scope has a fixed name; ${AFTERWARDS}`,
  'name-ignores-location': `tracking deployment '{{name}}' at {{scope}} scope has a name that does not change with its location ({{parts}} uses neither deployment().location nor the deployment's location); ${AFTERWARDS}`,
} as const;

export const cua015: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA015',
    name: 'fixed-name-at-higher-scope',
    description:
      'At subscription, management-group or tenant scope the tracking name does not change with the location, so a second deployment in another location fails',
    help: [
      'A tracking deployment that runs at subscription, management-group or tenant scope has a name that does not change with its location; ARM rejects reusing a deployment name in another location (`InvalidDeploymentLocation`), so the second customer deployment in another region fails.',
      '',
      'The check reads the text of the name expression and of the unknown parts it resolves to (through variables): the name is fine when it mentions `deployment().location`, the tracking deployment\'s own location expression (`parameters(\'location\')` when `"location": "[parameters(\'location\')]"`), `deployment().name` (the outer deployment\'s own name is bound to its location the same way, so a second region needs a new outer name anyway), or a value new on every run (`utcNow()`, `newGuid()`, or a parameter whose default uses them). A suffix such as `uniqueString(subscription().id)` does not count. A location written as plain text (`"westeurope"`) is the same for every deployment, so a fixed name cannot clash there.',
      '',
      'Make the name unique per location, e.g. `"[format(\'pid-<GUID>-{0}\', uniqueString(deployment().location))]"`.',
      '',
      'Fails, at subscription scope with `"location": "[deployment().location]"`:',
      '```json',
      '"name": "pid-4f3c9a7e-…"',
      '"name": "[concat(\'pid-4f3c9a7e-…-\', uniqueString(subscription().id))]"',
      '```',
      'Passes:',
      '```json',
      '"name": "[format(\'pid-4f3c9a7e-…-{0}\', uniqueString(deployment().location))]"',
      '```',
    ].join('\n'),
    defaultSeverity: 'warning',
    precision: 'very-high',
    messages,
    notFixable: 'renaming a tracking deployment that may already be deployed is left to you',
  },
  check({ model, candidates, report }) {
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      // The deployment's own target: with "resourceGroup" set it runs in a resource group, where deployments have no location.
      const scope = entry.targetScope;
      if (scope === undefined || scope === 'resourceGroup') continue;
      // A location written as text is the same in every deployment: a fixed name cannot clash.
      if (hasFixedLocation(entry) || nameAvoidsLocationClash(entry, model.main.root)) continue;
      const data = { name: truncate(candidate.name.display), scope, ...suggestion(candidate) };
      const unknown = unknownParts(entry.name).map((p) => p.text);
      const at = propertyRef(entry, 'name');
      if (unknown.length === 0) report({ messageId: 'fixed-name', data, at, resource: entry });
      else report({ messageId: 'name-ignores-location', data: { ...data, parts: truncate(unknown.join(', ')) }, at, resource: entry });
    }
  },
};

/**
 * The suggested name, in the template's own language (a Bicep file gets Bicep), with its parts:
 * the tracking id, and what to make it unique by.
 */
function suggestion(candidate: TrackingCandidate): { trackingId: string; location: string; example: string } {
  const location = candidate.entry.resource['location'];
  const expression =
    writtenExpression(candidate.entry.source, location) ??
    (typeof location === 'string' && location.startsWith('[') && location.endsWith(']') ? location.slice(1, -1).trim() : 'deployment().location');
  const trackingId = candidate.name.trackingId ?? '<GUID>';
  const example =
    candidate.entry.source.origin?.language === 'bicep'
      ? `'pid-${trackingId}-\${uniqueString(${expression})}'`
      : `"[format('pid-${trackingId}-{0}', uniqueString(${expression}))]"`;
  return { trackingId, location: expression, example };
}
