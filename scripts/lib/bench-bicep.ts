// The Bicep rows of `npm run bench`, on ../shared/corpus-bicep:
//   check: every entry file checked in one run (modules inlined, each file parsed once per run)
//          vs the grammar's parse alone of every .bicep file of the corpus, in the same process;
//   start-up: what the first Bicep file costs on top (loading the tree-sitter runtime and the
//          grammar), measured in fresh processes.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { fmtMs, median, timeInterleaved, type Series } from './measure.ts';

export interface BenchRow {
  label: string;
  value: string;
  ratio?: string;
  target?: string;
  ok?: boolean;
}

export async function bicepBenchmarks(root: string, runs: number): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const corpus = join(root, '../shared/corpus-bicep');
  if (!existsSync(join(corpus, 'manifest.json'))) return { rows: [], results: { skipped: '../shared/corpus-bicep is absent' } };
  const entries = (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { path: string }[]).map((e) => e.path);
  const files = (JSON.parse(readFileSync(join(corpus, 'files.json'), 'utf8')) as { path: string }[]).map((f) => f.path).filter((p) => p.endsWith('.bicep'));
  const texts = files.map((p) => readFileSync(join(corpus, p), 'utf8'));
  const parser = await createSyntaxParser('bicep');
  let findings = 0;
  const timed = timeInterleaved(
    {
      parse: () => {
        for (const text of texts) parser.parse(text)?.delete();
      },
      check: () => {
        const report = checkWorkspace({ workspace: openWorkspace(corpus), settings: DEFAULT_CHECK_SETTINGS, paths: entries, cwd: corpus, bicepParser: parser });
        findings = report.files.reduce((n, f) => n + f.findings.length, 0);
      },
    },
    runs,
    1,
  );
  const parse = timed['parse'] as Series;
  const check = timed['check'] as Series;
  const ratio = Math.round((check.median / parse.median) * 100) / 100;
  const startup = startupMs(root, runs);
  const rows: BenchRow[] = [
    {
      label: `Bicep: check of ${entries.length} entry files (${files.length} .bicep files) vs parse alone`,
      value: `${fmtMs(check.median)} vs ${fmtMs(parse.median)} (${findings} findings)`,
      ratio: `${ratio}×`,
      target: '≤ 1.5×',
      ok: ratio <= 1.5,
    },
    { label: 'Bicep: first file start-up (runtime + grammar)', value: fmtMs(startup), target: '< 100 ms', ok: startup < 100 },
  ];
  return { rows, results: { entries: entries.length, files: files.length, parse, check, ratio, startupMs: startup } };
}

/** Median time to load the runtime and the grammar in a fresh process (from src/, as the rows above). */
function startupMs(root: string, runs: number): number {
  const script = [
    `const { createSyntaxParser } = await import(${JSON.stringify(join(root, 'src/parse/tree-sitter/load.ts'))});`,
    'const t = performance.now();',
    "await createSyntaxParser('bicep');",
    'process.stdout.write(String(performance.now() - t));',
  ].join('\n');
  const times: number[] = [];
  for (let i = 0; i < Math.max(3, runs); i++) times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  return median(times);
}
