// Repairs of a top-level tracking deployment the check found, in this order: its name (see
// repair-name.ts), properties.mode Incremental (CUA007) and an inline template (CUA008), a
// location at higher scopes (CUA012), and a date apiVersion (CUA014). Only literal values are
// changed; an expression is left alone (with a note where it matters).
import type { ResourceEntry } from '../model/template-model.ts';
import { evaluateValue } from '../expressions/index.ts';
import { isRecord } from '../parse/template-source.ts';
import type { TrackingCandidate } from '../rules/rule.ts';
import { addProperty, isExpression, replace, wanted, type FixContext } from './fix-context.ts';
import { repairName } from './repair-name.ts';
import { emptyTemplate, isHigherScope, TRACKING_API_VERSION } from '../model/tracking-resource.ts';

const DATE_VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-(preview|alpha|beta|privatepreview))?$/i;

/** The tracking deployment a repair works on: its entry, JSON path and quoted name for messages. */
interface Target {
  entry: ResourceEntry;
  path: (string | number)[];
  label: string;
}

export function repairTrackingDeployment(context: FixContext, candidate: TrackingCandidate): void {
  const { entry } = candidate;
  const target: Target = { entry, path: [...entry.path], label: `'${candidate.name.display}'` };
  repairName(context, candidate);
  repairProperties(context, target);
  repairLocation(context, target);
  repairApiVersion(context, target);
}

/** CUA007 and CUA008: properties.mode Incremental and an (empty) inline template. */
function repairProperties(context: FixContext, { entry, path, label }: Target): void {
  const properties = entry.resource['properties'];
  if (properties === undefined) {
    const mode = wanted(context, 'CUA007', `${label} has no properties.mode`, entry);
    const template = wanted(context, 'CUA008', `${label} has no inline template`, entry);
    const value = { ...(mode ? { mode: 'Incremental' } : {}), ...(template ? { template: emptyTemplate(context.scope) } : {}) };
    const parts = [...(mode ? ['mode Incremental'] : []), ...(template ? ['empty template'] : [])];
    if (parts.length > 0) addProperty(context, [...path, 'properties'], value, `added properties (${parts.join(', ')}) to ${label}`);
  } else if (isRecord(properties)) {
    const mode = properties['mode'];
    if (mode === undefined) {
      if (wanted(context, 'CUA007', `${label} has no properties.mode`, entry)) {
        addProperty(context, [...path, 'properties', 'mode'], 'Incremental', `set properties.mode of ${label} to 'Incremental' (it had none)`, true);
      }
    } else if (typeof mode === 'string' && !isExpression(mode)) {
      if (mode.toLowerCase() !== 'incremental' && wanted(context, 'CUA007', `properties.mode of ${label} is '${mode}'`, entry)) {
        replace(context, [...path, 'properties', 'mode'], 'Incremental', `set properties.mode of ${label} to 'Incremental' (was '${mode}')`);
      }
    } else {
      const value = evaluateValue(mode, entry.scope).value;
      if (typeof value !== 'string' || value.toLowerCase() !== 'incremental') {
        context.notes.push(`left alone: properties.mode of ${label} is ${JSON.stringify(mode)}, not a literal; make it 'Incremental'`);
      }
    }
    if (properties['template'] === undefined && properties['templateLink'] === undefined && wanted(context, 'CUA008', `${label} has no inline template`, entry)) {
      addProperty(context, [...path, 'properties', 'template'], emptyTemplate(context.scope), `added an empty inline template to ${label}`);
    }
  }
}

/** CUA012: a deployment at subscription, management group or tenant scope needs a location. */
function repairLocation(context: FixContext, { entry, path, label }: Target): void {
  if (isHigherScope(entry.targetScope) && entry.resource['location'] === undefined && wanted(context, 'CUA012', `${label} has no location`, entry)) {
    addProperty(context, [...path, 'location'], '[deployment().location]', `added "location": "[deployment().location]" to ${label} (${entry.targetScope} scope)`);
  }
}

/** CUA014: no apiVersion, or a literal one that is not a date, becomes TRACKING_API_VERSION. */
function repairApiVersion(context: FixContext, { entry, path, label }: Target): void {
  const apiVersion = entry.resource['apiVersion'];
  if (apiVersion === undefined) {
    if (wanted(context, 'CUA014', `${label} has no apiVersion`, entry)) {
      addProperty(context, [...path, 'apiVersion'], TRACKING_API_VERSION, `set apiVersion of ${label} to '${TRACKING_API_VERSION}' (it had none)`);
    }
  } else if (typeof apiVersion === 'string' && !isExpression(apiVersion) && !DATE_VERSION.test(apiVersion) && wanted(context, 'CUA014', `apiVersion of ${label} is '${apiVersion}'`, entry)) {
    replace(context, [...path, 'apiVersion'], TRACKING_API_VERSION, `set apiVersion of ${label} to '${TRACKING_API_VERSION}' (was '${apiVersion}')`);
  }
}
