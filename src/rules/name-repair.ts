// Repairs of a literal tracking name that CUA003 attaches to its findings: a malformed name whose
// intended id is clear is corrected (wrong case of 'pid-', braces round the GUID, a GUID one or two
// characters away from a given id); a placeholder or an invalid name becomes pid-<given id> when
// exactly one id is given and the template has exactly one top-level tracking deployment, keeping a
// landing-zone suffix. A well-formed id is never renamed (CUA009 reports it). Names built by
// expressions are left alone.
import type { Fix } from '../engine/rule.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import { isExpressionString } from '../expressions/index.ts';
import type { TemplateModel } from '../model/template-model.ts';
import { MAX_DEPLOYMENT_NAME } from '../model/tracking-name.ts';
import { GUID_PREFIX, isGuid } from '../parse/guid.ts';
import { isFixableHere, type TrackingCandidate } from './rule.ts';

interface RepairContext {
  model: TemplateModel;
  candidates: readonly TrackingCandidate[];
  settings: CheckSettings;
}

/** A repair, or why there is none (the fix layer says so). */
export type Repair = { fix: Fix } | { notFixable: string };

/** CUA003's repair of an invalid literal name. */
export function repairInvalidName(candidate: TrackingCandidate, context: RepairContext): Repair {
  const raw = literalName(candidate, context.model);
  if (typeof raw !== 'string') return raw;
  if (candidate.name.problem?.kind === 'placeholder') return renameToGivenId(candidate, raw, 'it held a placeholder', context);
  const repaired = repairLiteralName(raw, context.settings.trackingIds, context.settings.strictNames);
  if (repaired.name !== undefined)
    return { fix: rename(candidate, repaired.name, `renamed tracking deployment '${raw}' to '${repaired.name}' (${repaired.reason})`) };
  const given = renameToGivenId(candidate, raw, 'it was invalid', context);
  return 'fix' in given ? given : { notFixable: `${repaired.reason}; ${given.notFixable}` };
}

/** The name as written, when it is plain text in a resource this check may edit; else why not. */
function literalName(candidate: TrackingCandidate, model: TemplateModel): string | { notFixable: string } {
  const raw = candidate.entry.resource['name'];
  if (!isFixableHere(candidate.entry, model)) return { notFixable: "fix edits only the main template's own top-level resources" };
  if (typeof raw !== 'string' || isExpressionString(raw)) return { notFixable: 'the name is an expression; fix it by hand' };
  return raw;
}

function rename(candidate: TrackingCandidate, name: string, description: string): Fix {
  const { entry } = candidate;
  return { file: entry.source.file, operations: [{ kind: 'replace', path: [...entry.path, 'name'], value: name }], description };
}

/**
 * The given id is the one a template's only tracking deployment must carry, so a literal name
 * that does not carry it becomes pid-<given id>, keeping a landing-zone suffix. Not sure (and
 * left alone) with several given ids or several top-level tracking deployments.
 */
function renameToGivenId(candidate: TrackingCandidate, raw: string, reason: string, context: RepairContext): Repair {
  const given = [...new Set(context.settings.trackingIds)];
  const [id] = given;
  if (id === undefined) return { notFixable: "no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)" };
  if (given.length > 1) return { notFixable: `${given.length} tracking ids are given, so which one this template should use is not clear` };
  const main = context.model.main.file;
  const topLevel = context.candidates.filter((c) => c.isDeployment && c.entry.placement === 'top-level' && c.entry.source.file === main);
  if (topLevel.length !== 1)
    return { notFixable: `the template has ${topLevel.length} top-level tracking deployments, so which one should carry ${id} is not clear` };
  const renamed = `pid-${id}${keptSuffix(raw, id, context.settings.strictNames)}`;
  return { fix: rename(candidate, renamed, `renamed tracking deployment '${raw}' to '${renamed}' (${reason}; the given id is ${id})`) };
}

/** A landing-zone suffix after a well-formed GUID (`pid-<GUID>-<suffix>`), kept when it stays valid. */
function keptSuffix(raw: string, id: string, strictNames: boolean): string {
  if (strictNames || !isGuid(id)) return '';
  const suffix = /^pid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[A-Za-z0-9\-._()]+)$/i.exec(raw)?.[1];
  if (suffix === undefined || suffix.toLowerCase() === '-partnercenter') return '';
  return `pid-${id}${suffix}`.length <= MAX_DEPLOYMENT_NAME ? suffix : '';
}

export interface NameRepair {
  name?: string;
  reason: string;
}

/** The intended tracking name for a malformed literal one, when it is clear (text the user wrote). */
export function repairLiteralName(raw: string, knownIds: readonly string[], strictNames: boolean): NameRepair {
  const match = /^pid-(.*)$/is.exec(raw);
  if (!match) return { reason: "it does not start with 'pid-', so the intended name is not clear" };
  const reasons: string[] = [];
  if (!raw.startsWith('pid-')) reasons.push("lower-case 'pid-'");
  let rest = match[1] ?? '';
  const braced = /^\{([^{}]*)\}(.*)$/.exec(rest);
  if (braced) {
    rest = `${braced[1] ?? ''}${braced[2] ?? ''}`;
    reasons.push('no braces round the GUID');
  }
  const guid = GUID_PREFIX.exec(rest)?.[0];
  if (guid !== undefined) {
    const suffix = rest.slice(guid.length);
    if (suffix === '' || suffix === '-partnercenter' || (suffix.startsWith('-') && !strictNames)) {
      return reasons.length > 0 ? { name: `pid-${guid}${suffix}`, reason: reasons.join(', ') } : { reason: 'the intended name is not clear' };
    }
    return { reason: 'what follows the GUID is not a valid suffix; the intended name is not clear' };
  }
  if (/^[a-z0-9-]+-partnercenter$/i.test(rest) && reasons.length > 0) {
    return { name: `pid-${rest.toLowerCase()}`, reason: [...reasons, 'lower-case Partner Center id'].join(', ') };
  }
  // A GUID with a digit missing, doubled or mistyped: clear only when one given id is that close.
  const digits = rest.replace(/[-{}\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(digits)) return { reason: 'it is not a GUID with a few characters wrong, so the intended id is not clear' };
  const near = [...new Set(knownIds.filter((id) => isGuid(id)))].filter((id) => editDistance(id.replace(/-/g, '').toLowerCase(), digits) <= 2);
  if (near.length === 1)
    return { name: `pid-${near[0]}`, reason: [...reasons, `the GUID is at most 2 characters away from the given id ${near[0]}`].join(', ') };
  return {
    reason:
      near.length > 1
        ? 'several given ids are that close, so the intended id is not clear'
        : 'no given tracking id is within 2 characters of it, so the intended id is not clear (give it with --tracking-id)',
  };
}

/** Levenshtein distance, stopping early past 3. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
