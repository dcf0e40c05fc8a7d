// The tracking deployment must deploy in Incremental mode: in Complete mode ARM deletes every
// resource in the resource group that the (empty) tracking template does not declare.
import type { Fix, Rule } from '../engine/rule.ts';
import { evaluateValue, isExpressionString } from '../expressions/index.ts';
import { describeString } from '../expressions/value.ts';
import { truncate } from '../model/preview.ts';
import { isRecord } from '../parse/template-source.ts';
import type { TrackingCandidate } from '../model/tracking-candidates.ts';
import { isFixableHere, propertyRef } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const messages = {
  missing: "tracking deployment '{{name}}' has no properties.mode; set it to 'Incremental'",
  wrong: "tracking deployment '{{name}}' has mode '{{mode}}'; it must be 'Incremental'",
  complete:
    "tracking deployment '{{name}}' has mode '{{mode}}'; it must be 'Incremental'; Complete mode would delete every other resource in the resource group",
  unknown: "tracking deployment '{{name}}' has mode '{{mode}}' (not known before deployment); it must be 'Incremental'",
} as const;

export const cua007: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA007',
    name: 'tracking-mode-not-incremental',
    description: "The tracking deployment's properties.mode is not Incremental",
    help: [
      "The tracking deployment must set `properties.mode` to `Incremental`. A deployment in `Complete` mode deletes every resource in its resource group that its template does not declare, and the tracking deployment's template declares none: it would delete the customer's resources. ARM also needs a mode to accept the deployment.",
      '',
      "`cua-guard fix` sets a literal mode to `'Incremental'`, or adds it when missing; a mode computed by an expression is left to you.",
      '',
      'Fails:',
      '```json',
      '{ "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6",',
      '  "properties": { "mode": "Complete", "template": { "$schema": "…/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } } }',
      '```',
      'Passes:',
      '```json',
      '{ "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6",',
      '  "properties": { "mode": "Incremental", "template": { "$schema": "…/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } } }',
      '```',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
  },
  check({ model, candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, 'properties', 'mode');
      const properties = entry.resource['properties'];
      const raw = isRecord(properties) ? properties['mode'] : undefined;
      const fixable = isFixableHere(entry, model);
      if (raw === undefined) {
        const fix = fixable ? addMode(candidate, properties) : undefined;
        report({ messageId: 'missing', data: { name }, at, resource: entry, ...(fix ? { fix } : {}) });
        continue;
      }
      const mode = evaluateValue(raw, entry.scope).value;
      if (typeof mode === 'string' && mode.toLowerCase() === 'incremental') continue;
      if (typeof mode !== 'string') {
        report({ messageId: 'unknown', data: { name, mode: describeString(mode) }, at, resource: entry });
        continue;
      }
      // Only a mode written as a literal is changed: an expression may be chosen on purpose.
      const literal = typeof raw === 'string' && !isExpressionString(raw);
      const fix: Fix | undefined =
        fixable && literal
          ? {
              file: entry.source.file,
              operations: [{ kind: 'replace', path: [...entry.path, 'properties', 'mode'], value: 'Incremental' }],
              description: `set properties.mode of '${name}' to 'Incremental' (was '${mode}')`,
            }
          : undefined;
      report({ messageId: mode.toLowerCase() === 'complete' ? 'complete' : 'wrong', data: { name, mode }, at, resource: entry, ...(fix ? { fix } : {}) });
    }
  },
};

/** Adds `mode` to the properties, or properties with a mode when there are none. */
function addMode({ entry, name }: TrackingCandidate, properties: unknown): Fix | undefined {
  const label = truncate(name.display);
  if (properties === undefined) {
    return {
      file: entry.source.file,
      operations: [{ kind: 'insert', path: [...entry.path, 'properties'], value: { mode: 'Incremental' } }],
      description: `added properties with mode 'Incremental' to '${label}'`,
    };
  }
  if (!isRecord(properties)) return undefined;
  return {
    file: entry.source.file,
    operations: [{ kind: 'insert', path: [...entry.path, 'properties', 'mode'], value: 'Incremental', first: true }],
    description: `set properties.mode of '${label}' to 'Incremental' (it had none)`,
  };
}
