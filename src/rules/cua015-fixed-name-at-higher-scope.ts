import { unknownParts } from '../expressions/value.ts';
import { truncate } from '../model/preview.ts';
import { docsUrl, nameOf, propertyRef, type Rule, type TrackingCandidate } from './rule.ts';
import { hasFixedLocation, nameAvoidsLocationClash, topLevelTrackingDeployments } from './tracking-set.ts';

const id = 'CUA015';
const name = 'fixed-name-at-higher-scope';

export const cua015: Rule = {
  id,
  name,
  description: 'At subscription, management-group or tenant scope the tracking name does not change with the location, so a second deployment in another location fails',
  defaultSeverity: 'warning',
  docsUrl: docsUrl(id, name),
  check({ model, candidates, report }) {
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      // The deployment's own target: with "resourceGroup" set it runs in a resource group, where deployments have no location.
      const scope = entry.targetScope;
      if (scope === undefined || scope === 'resourceGroup') continue;
      // A location written as text is the same in every deployment: a fixed name cannot clash.
      if (hasFixedLocation(entry) || nameAvoidsLocationClash(entry, model.main.root)) continue;
      report({
        message: `tracking deployment ${nameOf(candidate)} at ${scope} scope ${whatIsFixed(candidate)}; deploying again in another location fails with InvalidDeploymentLocation. Append a location-derived suffix, e.g. ${suggestion(candidate)}`,
        at: propertyRef(entry, 'name'),
        resource: entry,
      });
    }
  },
};

function whatIsFixed(candidate: TrackingCandidate): string {
  const unknown = unknownParts(candidate.entry.name).map((p) => p.text);
  if (unknown.length === 0) return 'has a fixed name';
  return `has a name that does not change with its location (${truncate(unknown.join(', '))} uses neither deployment().location nor the deployment's location)`;
}

function suggestion(candidate: TrackingCandidate): string {
  const location = candidate.entry.resource['location'];
  const locationText = typeof location === 'string' && location.startsWith('[') && location.endsWith(']') ? location.slice(1, -1).trim() : 'deployment().location';
  return `"[format('pid-${candidate.name.trackingId ?? '<GUID>'}-{0}', uniqueString(${locationText}))]"`;
}
