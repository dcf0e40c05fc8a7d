// `npm run fuzz`: the long property-based run of the engine (the short one is __tests__/fuzz).
// Every case is a valid template mutated on the value, the text and (every Nth case) the bytes
// on disk; see scripts/lib/fuzz-templates.ts. Unlike a test, the run does not stop at the first
// failure: it groups failures by kind, keeps the smallest input of each, then shrinks each kind
// with fast-check to a minimal counterexample, and writes them all to .tmp/fuzz-failures.json.
//
//   npm run fuzz                          100,000 cases
//   npm run fuzz -- --runs 5000 --seed 42 fewer cases, a fixed seed (FUZZ_RUNS / FUZZ_SEED work too)
//   npm run fuzz -- --workspace-every 5   a checkWorkspace case (files on disk) every 5th case (default 10)
//   npm run fuzz -- --no-shrink           skip the shrinking of failures
// Exit code: 0 when no case failed, 1 otherwise.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { fuzzCase, renderCase, workspaceCase, type FuzzCase, type WorkspaceCase } from './lib/fuzz-templates.ts';
import { runTextCase, runWorkspaceCase, type CaseOutcome } from './lib/fuzz-run.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env['FUZZ_RUNS'] ?? '100000' },
    seed: { type: 'string', default: process.env['FUZZ_SEED'] ?? String(Date.now() % 2_147_483_647) },
    'workspace-every': { type: 'string', default: '10' },
    'no-shrink': { type: 'boolean', default: false },
    out: { type: 'string', default: '.tmp/fuzz-failures.json' },
  },
});
const RUNS = Number(values.runs);
const SEED = Number(values.seed);
const WORKSPACE_EVERY = Math.max(1, Number(values['workspace-every']));

interface Failure {
  kind: string;
  count: number;
  example: unknown;
  exampleBytes: number;
  problems: string[];
  runIndex: number;
  property: 'text' | 'workspace';
  shrunk?: unknown;
}

/** Groups problems by what went wrong, not by the numbers in the message. */
function kindOf(problems: string[]): string {
  return problems
    .map((p) =>
      p
        .replace(/\d+/g, 'N')
        .replace(/'[^']*'/g, "'…'")
        .slice(0, 160),
    )
    .sort()
    .join(' | ');
}

const failures = new Map<string, Failure>();
const stats = { text: 0, workspace: 0, ms: 0, slowest: 0, slowestBytes: 0, largestBytes: 0, findings: 0 };
const temp = mkdtempSync(join(tmpdir(), 'cua-guard-fuzz-'));

function record(property: 'text' | 'workspace', input: unknown, outcome: CaseOutcome, runIndex: number): void {
  stats.ms += outcome.ms;
  stats.findings += outcome.rules.length;
  stats.largestBytes = Math.max(stats.largestBytes, outcome.bytes);
  if (outcome.ms > stats.slowest) {
    stats.slowest = outcome.ms;
    stats.slowestBytes = outcome.bytes;
  }
  if (outcome.problems.length === 0) return;
  const kind = kindOf(outcome.problems);
  const known = failures.get(kind);
  if (known) {
    known.count++;
    if (outcome.bytes < known.exampleBytes)
      Object.assign(known, { example: input, exampleBytes: outcome.bytes, problems: outcome.problems, runIndex, property });
  } else {
    failures.set(kind, { kind, count: 1, example: input, exampleBytes: outcome.bytes, problems: outcome.problems, runIndex, property });
    process.stdout.write(`\n  new failure (case ${runIndex}): ${outcome.problems.join('; ').slice(0, 300)}\n`);
  }
}

const started = performance.now();
let index = 0;
const progressEvery = Math.max(1000, Math.floor(RUNS / 20));
process.stdout.write(`fuzzing ${RUNS.toLocaleString('en-US')} cases, seed ${SEED}, a workspace case every ${WORKSPACE_EVERY}\n`);
const arbitrary = fc.tuple(fuzzCase, workspaceCase);
const run = fc.check(
  fc.property(arbitrary, ([textInput, workspaceInput]) => {
    const i = index++;
    record('text', textInput, runTextCase(textInput, i), i);
    stats.text++;
    if (i % WORKSPACE_EVERY === 0) {
      const dir = join(temp, 'case');
      record('workspace', workspaceInput, runWorkspaceCase(dir, workspaceInput, i), i);
      stats.workspace++;
    }
    if ((i + 1) % progressEvery === 0) {
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`  ${(i + 1).toLocaleString('en-US')} cases, ${seconds.toFixed(0)} s, ${failures.size} kind(s) of failure\n`);
    }
    return true;
  }),
  { numRuns: RUNS, seed: SEED },
);
const seconds = (performance.now() - started) / 1000;
if (run.failed) {
  // The property itself only records; a failure here is a bug in the fuzzer (rendering, writing files).
  process.stdout.write(`\nthe fuzzer itself failed: ${String(run.errorInstance)}\n${(fc.defaultReportMessage(run) ?? '').slice(0, 4000)}\n`);
}

// Shrink each kind of failure to a minimal counterexample with fast-check.
if (!values['no-shrink']) {
  for (const failure of failures.values()) {
    const property =
      failure.property === 'text'
        ? fc.property(fc.tuple(fuzzCase, workspaceCase), ([c]) => kindOf(runTextCase(c, failure.runIndex).problems) !== failure.kind)
        : fc.property(
            fc.tuple(fuzzCase, workspaceCase),
            ([, w]) => kindOf(runWorkspaceCase(join(temp, 'shrink'), w, failure.runIndex).problems) !== failure.kind,
          );
    const details = fc.check(property, {
      seed: SEED,
      path: String(failure.runIndex),
      numRuns: 1,
      interruptAfterTimeLimit: 120_000,
      markInterruptAsFailure: false,
    });
    if (details.failed && details.counterexample) {
      const [textInput, workspaceInput] = details.counterexample[0] as [FuzzCase, WorkspaceCase];
      failure.shrunk = failure.property === 'text' ? { template: renderCase(textInput).slice(0, 5000), input: textInput } : workspaceInput;
    }
  }
}
rmSync(temp, { recursive: true, force: true });

const summary = {
  seed: SEED,
  cases: stats.text,
  workspaceCases: stats.workspace,
  seconds: Math.round(seconds),
  checkMs: Math.round(stats.ms),
  slowestCaseMs: Math.round(stats.slowest),
  slowestCaseBytes: stats.slowestBytes,
  largestInputBytes: stats.largestBytes,
  findings: stats.findings,
  failureKinds: failures.size,
  failedCases: [...failures.values()].reduce((n, f) => n + f.count, 0),
};
const outPath = resolve(ROOT, values.out);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify({ summary, failures: [...failures.values()] }, null, 2)}\n`);
process.stdout.write(`\n${JSON.stringify(summary, null, 2)}\n`);
for (const f of failures.values()) {
  process.stdout.write(
    `\n✗ ${f.count} case(s): ${f.problems.join('; ').slice(0, 500)}\n  smallest input ${f.exampleBytes} bytes (case ${f.runIndex}, ${f.property}); details in ${values.out}\n`,
  );
}
process.stdout.write(failures.size === 0 ? `\nno failures in ${stats.text.toLocaleString('en-US')} cases (${seconds.toFixed(0)} s)\n` : '');
process.exitCode = run.failed ? 2 : failures.size === 0 ? 0 : 1;
