// Command-line parsing on top of node:util's parseArgs, with messages for people: an unknown flag
// or command gets "did you mean …?" (the closest known name by edit distance), and every mistake
// is a UsageError (exit 2) naming the command's help.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../settings/usage-error.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends OptionSpec>(command: string, args: readonly string[], options: T) {
  rejectUnknownOptions(command, args, options);
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // The remaining mistakes are a missing value or a value given to a switch.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new UsageError(`${message.replace(/\.$/, '')} (see 'cua-guard ${command} --help')`);
  }
}

/** The first flag that is not an option of `command`, with the closest one suggested. */
function rejectUnknownOptions(command: string, args: readonly string[], options: OptionSpec): void {
  const longNames = Object.keys(options).map((name) => `--${name}`);
  const shortNames = Object.values(options).flatMap((o) => (o.short ? [`-${o.short}`] : []));
  for (const arg of args) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const flag = arg.startsWith('--') ? (arg.split('=')[0] ?? arg) : arg.slice(0, 2);
    if (longNames.includes(flag) || shortNames.includes(flag)) continue;
    const suggestion = closest(flag, longNames);
    throw new UsageError(`unknown option '${flag}' for ${command}${suggestion ? `: did you mean '${suggestion}'?` : ''} (see 'cua-guard ${command} --help')`);
  }
}

/** The candidate closest to `word` by edit distance, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best === undefined) return undefined;
  // A prefix (`--max` for `--max-warnings`) or up to a third of the letters wrong.
  const prefix = word.length >= 4 && best.name.startsWith(word);
  return prefix || best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** Damerau–Levenshtein distance (optimal string alignment): a swap of two letters costs one. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(value);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
