// Name repairs (CUA003, CUA009): a malformed literal name whose intended id is clear is corrected;
// a placeholder or unregistered id becomes the given one. Names built by expressions are left alone.
import { MAX_DEPLOYMENT_NAME } from '../model/tracking-name.ts';
import type { TrackingCandidate } from '../rules/rule.ts';
import { describeTrackingNameProblem } from '../rules/tracking-name-problems.ts';
import { isExpression, replace, wanted, type FixContext } from './fix-context.ts';
import { GUID, repairLiteralName } from './literal-name-repair.ts';

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** Renames only literal names whose intended id is clear. */
export function repairName(context: FixContext, candidate: TrackingCandidate): void {
  const { entry } = candidate;
  const raw = entry.resource['name'];
  const namePath = [...entry.path, 'name'];
  const { input } = context;
  if (typeof raw !== 'string' || isExpression(raw)) {
    if (candidate.name.trackingId === NIL_GUID && input.trackingId) {
      context.notes.push(`left alone: tracking name ${JSON.stringify(raw)} is an expression that gives the placeholder id ${NIL_GUID}; put your id (${input.trackingId}) where it comes from`);
    } else if (candidate.name.form === 'invalid') {
      context.notes.push(`left alone: tracking name ${JSON.stringify(raw)} is an expression; fix it by hand (${describeTrackingNameProblem(candidate.name) ?? 'invalid'})`);
    }
    return;
  }
  if (candidate.name.trackingId === NIL_GUID && input.trackingId && input.trackingId !== NIL_GUID && candidate.name.form !== 'invalid') {
    if (!wanted(context, 'CUA009', `tracking name '${raw}' has the placeholder id`, entry)) return;
    const renamed = `pid-${input.trackingId}${raw.slice(4 + NIL_GUID.length)}`;
    replace(context, namePath, renamed, `replaced the placeholder id in '${raw}' with ${input.trackingId}`);
    return;
  }
  if (candidate.name.form === 'invalid') {
    if (!wanted(context, 'CUA003', `tracking name '${raw}' is invalid`, entry)) return;
    const repaired = repairLiteralName(raw, [...(input.trackingId ? [input.trackingId] : []), ...(input.registeredIds ?? [])], input.settings.strictNames);
    if (repaired.name !== undefined) {
      replace(context, namePath, repaired.name, `renamed tracking deployment '${raw}' to '${repaired.name}' (${repaired.reason})`);
      return;
    }
    const why = `tracking name '${raw}' is invalid (${describeTrackingNameProblem(candidate.name) ?? 'invalid'}) and ${repaired.reason}`;
    renameToGivenId(context, candidate, raw, why, 'it was invalid');
    return;
  }
  const registered = input.registeredIds ?? [];
  const id = candidate.name.trackingId;
  if (id !== undefined && registered.length > 0 && !registered.includes(id) && wanted(context, 'CUA009', `tracking name '${raw}' uses the unregistered id ${id}`, entry)) {
    renameToGivenId(context, candidate, raw, `tracking name '${raw}' uses the unregistered id ${id}`, `${id} is not registered`);
  }
}

/**
 * The given id is the one a template's only tracking deployment must carry, so a literal name
 * that does not carry it becomes pid-<given id>, keeping a landing-zone suffix. Not sure (and
 * left alone) with several given ids or several top-level tracking deployments.
 */
function renameToGivenId(context: FixContext, candidate: TrackingCandidate, raw: string, why: string, reason: string): void {
  const given = [...new Set(context.input.registeredIds ?? [])];
  const [id] = given;
  if (id === undefined || given.length > 1) {
    const unclear = id === undefined ? 'no tracking id was given (--tracking-id or tracking-ids)' : `${given.length} tracking ids are given, so which one this template should use is not clear`;
    context.notes.push(`left alone: ${why}; ${unclear}`);
    return;
  }
  if (context.topLevelCount !== 1) {
    context.notes.push(`left alone: ${why}; the template has ${context.topLevelCount} top-level tracking deployments, so which one should carry ${id} is not clear`);
    return;
  }
  const suffix = keptSuffix(raw, id, context.input.settings.strictNames);
  const renamed = `pid-${id}${suffix}`;
  replace(context, [...candidate.entry.path, 'name'], renamed, `renamed tracking deployment '${raw}' to '${renamed}' (${reason}; the given id is ${id})`);
}

/** A landing-zone suffix after a well-formed GUID (`pid-<GUID>-<suffix>`), kept when it stays valid. */
function keptSuffix(raw: string, id: string, strictNames: boolean): string {
  if (strictNames || !GUID.test(id)) return '';
  const suffix = /^pid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[A-Za-z0-9\-._()]+)$/i.exec(raw)?.[1];
  if (suffix === undefined || suffix.toLowerCase() === '-partnercenter') return '';
  return `pid-${id}${suffix}`.length <= MAX_DEPLOYMENT_NAME ? suffix : '';
}
