// ARM requires a location for a deployment that runs at subscription, management-group or tenant
// scope. Missing, empty and null are the same to ARM, so the rule and its repair treat them alike.
import type { Fix, Rule } from '../engine/rule.ts';
import { evaluateValue, isExpressionString } from '../expressions/index.ts';
import { truncate } from '../model/preview.ts';
import type { ResourceEntry } from '../model/template-model.ts';
import { isFixableHere, NOT_HERE, propertyRef, resourceRef } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const messages = {
  missing: 'tracking deployment \'{{name}}\' has no location; at {{scope}} scope ARM requires one (for example "location": "[deployment().location]")',
} as const;

const LOCATION = '[deployment().location]';

export const cua012: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA012',
    name: 'tracking-location-missing',
    description: 'A tracking deployment that runs at subscription, management-group or tenant scope has no location',
    help: [
      'The tracking deployment runs at subscription, management-group or tenant scope and has no `location` (or an empty one); ARM requires one for deployments at those scopes. Where a deployment runs comes from its own properties first, as in ARM: `"resourceGroup"` → resource group (so `"resourceGroup": "rg1"` in a subscription template needs no location), `"subscriptionId"` alone → subscription, `"scope": "/"` or `"[tenant()]"` → tenant, `"scope": "Microsoft.Management/managementGroups/…"` or `"[managementGroup(…)]"` → management group; without them, the template\'s scope (read from `$schema`). A `scope` that cannot be read before deployment is not judged.',
      '',
      '`cua-guard fix` sets `"location": "[deployment().location]"` where the location is missing, `""` or `null`; a location computed by an expression is left to you.',
      '',
      'Passes: `"location": "[deployment().location]"`.',
      'Fails: no `location` in a `subscriptionDeploymentTemplate.json` template, or `"subscriptionId": "…"` without `location` in a resource-group template.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
  },
  check({ model, candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      // The deployment's own target: "resourceGroup": "rg1" in a subscription template needs no location.
      const scope = entry.targetScope;
      if (scope === undefined || scope === 'resourceGroup' || entry.placement === 'nested-inline' || entry.placement === 'child') continue;
      const raw = entry.resource['location'];
      const value = raw === undefined ? undefined : evaluateValue(raw, entry.scope).value;
      if (value !== undefined && value !== '' && value !== null) continue;
      const name = truncate(candidate.name.display);
      const at = raw === undefined ? resourceRef(entry) : propertyRef(entry, 'location');
      const fixable = isFixableHere(entry, model);
      const fix = fixable ? setLocation(entry, name, scope) : undefined;
      const why = fixable ? 'the location is computed by an expression; make it give a location' : NOT_HERE;
      report({ messageId: 'missing', data: { name, scope }, at, resource: entry, ...(fix ? { fix } : { notFixable: why }) });
    }
  },
};

/** Adds the location, or replaces an empty or null one; an expression is left alone. */
function setLocation(entry: ResourceEntry, name: string, scope: string): Fix | undefined {
  const raw = entry.resource['location'];
  const path = [...entry.path, 'location'];
  if (raw === undefined) {
    return {
      file: entry.source.file,
      operations: [{ kind: 'insert', path, value: LOCATION }],
      description: `added "location": "${LOCATION}" to '${name}' (${scope} scope)`,
    };
  }
  if (typeof raw === 'string' && isExpressionString(raw)) return undefined;
  return {
    file: entry.source.file,
    operations: [{ kind: 'replace', path, value: LOCATION }],
    description: `set location of '${name}' to "${LOCATION}" (was ${JSON.stringify(raw)}; ${scope} scope)`,
  };
}
