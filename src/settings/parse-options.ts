// Parses the option values users type (action inputs, CLI flags, config file) into typed
// settings. Shared by every front end so `CUA011=off` means the same everywhere.
import { findRule, RULES } from '../rules/index.ts';
import { normalizeTrackingId, placeholderIn } from '../model/tracking-name.ts';
import type { SeverityLevel } from '../engine/types.ts';
import { UsageError } from './usage-error.ts';

export { UsageError, isUsageError } from './usage-error.ts';

const LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'notice', 'off'];

/** Splits a list written one per line or comma-separated. */
export function splitList(raw: string | readonly string[]): string[] {
  const items = typeof raw === 'string' ? [raw] : raw;
  return items
    .flatMap((item) => item.split(/[\n,]/))
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

/** One item per line (globs may contain commas, as in `{a,b}`). */
export function splitLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

/** `CUA011=off`, `CUA008: error` → { CUA011: 'off', CUA008: 'error' }. */
export function parseRuleSeverities(entries: readonly string[]): Record<string, SeverityLevel> {
  const severities: Record<string, SeverityLevel> = {};
  for (const entry of entries) {
    const match = /^([A-Za-z]+\d+)\s*[=:]\s*([A-Za-z]+)$/.exec(entry.trim());
    if (!match) throw new UsageError(`rule setting '${entry}' is not of the form CUA011=off`);
    const id = (match[1] ?? '').toUpperCase();
    const level = (match[2] ?? '').toLowerCase() as SeverityLevel;
    if (!findRule(id)) throw new UsageError(`unknown rule '${id}' in '${entry}' (known: ${RULES.map((r) => r.meta.id).join(', ')})`);
    if (!LEVELS.includes(level)) throw new UsageError(`unknown severity '${match[2]}' in '${entry}' (use ${LEVELS.join(', ')})`);
    severities[id] = level;
  }
  return severities;
}

export function parseTrackingIds(entries: readonly string[]): string[] {
  return entries.map((entry) => {
    const id = normalizeTrackingId(entry);
    const placeholder = placeholderIn([entry]);
    if (placeholder !== undefined)
      throw new UsageError(`tracking id '${entry}' is a placeholder ('${placeholder}'); give the id Partner Center shows for the offer`);
    if (!id) throw new UsageError(`tracking id '${entry}' is neither a GUID (with or without 'pid-') nor a Partner Center id ('<id>-partnercenter')`);
    return id;
  });
}

export function parseBoolean(raw: string, name: string, fallback: boolean): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`${name} must be true or false, not '${raw}'`);
}

export function parsePositiveInteger(raw: string, name: string, fallback: number): number {
  const value = raw.trim();
  if (value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a whole number of at least 1, not '${raw}'`);
  return Number(value);
}

export function parseChoice<T extends string>(raw: string, name: string, choices: readonly T[], fallback: T): T {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  const choice = choices.find((c) => c.toLowerCase() === value);
  if (!choice) throw new UsageError(`${name} must be one of ${choices.join(', ')}, not '${raw}'`);
  return choice;
}
