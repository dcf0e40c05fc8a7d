// Timing and memory helpers for the benchmark: medians over repeated runs after warm-up,
// wall time of child processes, and a child's peak resident set size.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Series {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function series(values: readonly number[]): Series {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: [...values] };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Runs `fn` `warmup` times untimed, then `runs` times timed (ms); GC between runs when exposed. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 1): Series {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return series(times);
}

/**
 * Times several functions interleaved (a, b, c, a, b, c, …) so that the machine's noise falls
 * on all of them alike; returns one series per function.
 */
export function timeInterleaved(fns: Record<string, () => unknown>, runs: number, warmup = 1): Record<string, Series> {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const name of names) fns[name]?.();
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      gc?.();
      const start = performance.now();
      fns[name]?.();
      times[name]?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, series(times[n] ?? [])]));
}

export interface ChildRun {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runChild(command: string, args: readonly string[], options: SpawnSyncOptions = {}): ChildRun {
  const start = performance.now();
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, ...options });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  return { ms, status: child.status, stdout: String(child.stdout ?? ''), stderr: String(child.stderr ?? '') };
}

/** Wall time of child processes, interleaved like timeInterleaved. */
export function timeChildren(
  commands: Record<string, { command: string; args: readonly string[]; options?: SpawnSyncOptions; check?: (run: ChildRun) => void }>,
  runs: number,
  warmup = 1,
): Record<string, Series> {
  const times: Record<string, number[]> = {};
  const names = Object.keys(commands);
  for (let i = 0; i < warmup + runs; i++) {
    for (const name of names) {
      const spec = commands[name];
      if (!spec) continue;
      const run = runChild(spec.command, spec.args, spec.options);
      spec.check?.(run);
      if (i >= warmup) (times[name] ??= []).push(run.ms);
    }
  }
  return Object.fromEntries(names.map((n) => [n, series(times[n] ?? [])]));
}

const TIME = '/usr/bin/time';
const RSS_PRELOAD = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\ncua-bench-maxrss-kb='+process.resourceUsage().maxRSS+'\\n'))`;

/**
 * Peak resident set size (KiB) of a Node child: GNU time's %M when /usr/bin/time exists, else
 * process.resourceUsage().maxRSS read at exit through a preloaded module.
 */
export function peakRssKb(node: string, args: readonly string[], options: SpawnSyncOptions = {}): { kb: number; via: string; run: ChildRun } {
  if (existsSync(TIME)) {
    const run = runChild(TIME, ['-f', 'cua-bench-maxrss-kb=%M', node, ...args], options);
    const kb = Number(/cua-bench-maxrss-kb=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
    return { kb, via: '/usr/bin/time -f %M', run };
  }
  const run = runChild(node, ['--import', RSS_PRELOAD, ...args], options);
  const kb = Number(/cua-bench-maxrss-kb=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  return { kb, via: 'process.resourceUsage().maxRSS', run };
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function fmtMb(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
