// The repair for CUA001: no top-level tracking deployment, so one is inserted as the first
// resource (a new symbolic resource in languageVersion 2.0 templates), shaped for the scope.
import type { DeploymentScope } from '../model/types.ts';
import { isRecord } from '../parse/template-source.ts';
import { insertionEdit } from './insert.ts';
import { isHigherScope, trackingResource } from '../model/tracking-resource.ts';
import { wanted, type FixContext } from './fix-context.ts';

/** True when the insertion was planned. */
export function insertTrackingResource(context: FixContext, root: Record<string, unknown>): boolean {
  const { input } = context;
  if (!wanted(context, 'CUA001', 'the missing top-level tracking deployment was not inserted')) return false;
  if (!input.trackingId) {
    context.notes.push("not changed: there is no top-level tracking deployment and no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)");
    return false;
  }
  const value = trackingResource(input.trackingId, context.scope, input.settings.strictNames);
  const resources = root['resources'];
  const label = `'${String(value['name'])}'`;
  if (Array.isArray(resources)) {
    const edit = insertionEdit(input.text, context.tree, { path: ['resources', 0], value, first: true }, context.style);
    context.pending.push({ edit, message: `inserted tracking deployment ${label} as the first resource${scopeNote(context.scope)}` });
  } else if (isRecord(resources)) {
    const symbol = uniqueSymbol(resources);
    const edit = insertionEdit(input.text, context.tree, { path: ['resources', symbol], value, first: true }, context.style);
    context.pending.push({ edit, message: `inserted tracking deployment ${label} as the symbolic resource '${symbol}'${scopeNote(context.scope)}` });
  }
  return true;
}

function scopeNote(scope: DeploymentScope | undefined): string {
  return isHigherScope(scope) ? ` (${scope} scope: with a location and a per-location name)` : '';
}

function uniqueSymbol(resources: Record<string, unknown>): string {
  for (let i = 0; ; i++) {
    const symbol = i === 0 ? 'pidTracking' : `pidTracking${i + 1}`;
    if (!(symbol in resources)) return symbol;
  }
}
