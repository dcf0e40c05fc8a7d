// `npm run bench`: how close cua-guard runs to the parsing limit, on the same files in one run.
//   (a) read + JSON.parse of every corpus main template (the baseline)
//   (b) cua-guard's check of the same templates in-process (the TypeScript sources, src/)
//   (c) the bundled CLI end to end (node dist/cli.js check --format json <paths>)
//   (d) the bundled action (node dist/index.js) on one template vs `node -e 0`
//   (e) peak memory (maxRSS) of the bundled CLI on the largest corpus template vs an empty Node
//   (f) dropped: it compared name evaluation with a literal-only resolver, a production setting kept
//       only for this row; the row went with the setting
//   (g) the action with verify: none vs the same action built without verification (src/azure stubbed)
//   (h) issue 11's doubling template (40 variables, each createArray/concat of the previous twice,
//       string() of the last in the tracking name) beside a healthy template: time and peak RSS of
//       the bundled CLI, against the healthy template alone. Runs without ../shared too.
//   Bicep: check of ../shared/corpus-bicep vs the grammar's parse alone; the first file's start-up
//   (t) Terraform, on ../shared/corpus-terraform: the grammar's parse alone of every .tf/.tfvars file
//       the check reads vs cua-guard's check of the same folders in-process (grammar loaded once),
//       and the first file's extra start-up (loading the runtime and the grammar) in fresh processes
//   --scale: a generated template at 3 sizes (up to 200,000 resources, ~53 MB) and a generated
//            repository at 3 sizes (up to 5,000 templates), each vs read + JSON.parse of the same bytes.
// Options: --runs N (default 7), --warmup N (default 1), --scale, --scale-only, --doubling-only, --terraform-only, --out FILE,
//          --dist DIR (measure an existing bundle; default: bundle src/ into .tmp/bench-dist first).
// Figures are medians of the timed runs; variants run interleaved so machine noise hits all alike.
// Writes the figures to bench-results.json (gitignored). Skips the corpus part when ../shared is absent.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stripComments } from 'jsonc-parser';
import { checkWorkspace } from '../src/app/check-workspace.ts';
import { loadTerraformTools } from '../src/app/terraform-tools.ts';
import { DEFAULT_CHECK_SETTINGS } from '../src/engine/check-settings.ts';
import { openWorkspace } from '../src/workspace/read-file.ts';
import { doublingTemplate, generateLargeTemplate, trackingResource, RG_SCHEMA, writeRepository } from './lib/generate.ts';
import { fmtMb, fmtMs, peakRssKb, timeChildren, timeInterleaved, type Series } from './lib/measure.ts';
import { bicepBenchmarks } from './lib/bench-bicep.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const CORPUS_TERRAFORM = resolve(ROOT, '../shared/corpus-terraform');
const NODE = process.execPath;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '1' },
    scale: { type: 'boolean', default: false },
    'scale-only': { type: 'boolean', default: false },
    'doubling-only': { type: 'boolean', default: false },
    'terraform-only': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results.json' },
    dist: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(options.runs));
const WARMUP = Math.max(0, Number(options.warmup));

interface Row {
  label: string;
  value: string;
  ratio?: string;
  target?: string;
  ok?: boolean;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  runs: RUNS,
  warmup: WARMUP,
};

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/**
 * The bundle of the sources as they are now, built into .tmp/bench-dist (dist/ may lag behind
 * src/ while work is in progress); --dist DIR measures an existing bundle instead.
 */
function bundleForBench(): string {
  if (options.dist) return resolve(ROOT, options.dist);
  const outdir = join(ROOT, '.tmp/bench-dist');
  execFileSync(NODE, [join(ROOT, 'scripts/bundle.mjs'), '--outdir', outdir], { cwd: ROOT, stdio: 'inherit' });
  return outdir;
}

/** The action as it was before verification in Azure existed: src/azure replaced by a stub. */
function bundleWithoutVerification(): string {
  const outdir = join(ROOT, '.tmp/bench-dist-without-verification');
  execFileSync(NODE, [join(ROOT, 'scripts/bundle.mjs'), '--outdir', outdir, '--without-verification'], { cwd: ROOT, stdio: 'inherit' });
  return outdir;
}

/** Baseline: read each file and JSON.parse it (comments stripped when strict parsing fails). */
function readAndParse(files: readonly string[]): { parsed: number; failed: number; bytes: number } {
  let parsed = 0;
  let failed = 0;
  let bytes = 0;
  for (const file of files) {
    let text = readFileSync(file, 'utf8');
    bytes += text.length;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      JSON.parse(text);
      parsed++;
    } catch {
      try {
        JSON.parse(stripComments(text));
        parsed++;
      } catch {
        failed++;
      }
    }
  }
  return { parsed, failed, bytes };
}

type CheckRequest = Parameters<typeof checkWorkspace>[0];

/**
 * One check as a new process would run it: the workspace opened afresh (it caches resolved
 * folders), so nothing carried over from the previous timed run flatters the figure. The engine
 * keeps no other state between checks.
 */
function freshCheck(root: string, request: Omit<CheckRequest, 'workspace'>): ReturnType<typeof checkWorkspace> {
  return checkWorkspace({ workspace: openWorkspace(root), ...request });
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}

function runnerEnv(workspace: string, templates: string, temp: string): NodeJS.ProcessEnv {
  const output = join(temp, 'output');
  const summary = join(temp, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: temp,
    INPUT_TEMPLATES: templates,
    'INPUT_FAIL-ON': 'never',
  };
}

function corpusBenchmarks(dist: string, withoutVerification: string): void {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as {
    path: string;
    bytes: number;
    parseOk?: boolean;
    strictJson?: boolean;
  }[];
  const paths = manifest.map((e) => e.path);
  const absolute = paths.map((p) => join(CORPUS, p));
  const totalBytes = manifest.reduce((sum, e) => sum + e.bytes, 0);
  log(`corpus: ${manifest.length} main templates, ${fmtMb(totalBytes)} (${CORPUS})`);

  // Every file a check reads: the main templates, their linked templates and parameters files. The
  // target is against (a), the main templates alone; this reference shows what the extra files cost.
  const firstReport = freshCheck(CORPUS, { settings: DEFAULT_CHECK_SETTINGS, paths, cwd: CORPUS });
  const everyFile = [...new Set(firstReport.files.flatMap((f) => [f.path, ...f.linkedFiles, ...(f.parametersFile ? [f.parametersFile] : [])]))].map((p) =>
    join(CORPUS, p),
  );

  // (a) and (b), interleaved in this process.
  let baseline = { parsed: 0, failed: 0, bytes: 0 };
  let everyBaseline = { parsed: 0, failed: 0, bytes: 0 };
  let checked = { files: 0, findings: 0, linked: 0 };
  const resolved = { full: { tracking: 0, ids: 0 } };
  const count = (report: ReturnType<typeof checkWorkspace>, into: { tracking: number; ids: number }): void => {
    into.tracking = 0;
    into.ids = 0;
    for (const file of report.files) {
      for (const t of file.tracking) {
        into.tracking++;
        if (t.trackingId !== undefined) into.ids++;
      }
    }
  };
  const ab = timeInterleaved(
    {
      a: () => {
        baseline = readAndParse(absolute);
      },
      every: () => {
        everyBaseline = readAndParse(everyFile);
      },
      b: () => {
        const report = freshCheck(CORPUS, { settings: DEFAULT_CHECK_SETTINGS, paths, cwd: CORPUS });
        checked = {
          files: report.files.length,
          findings: report.files.reduce((n, f) => n + f.findings.length, 0),
          linked: report.files.reduce((n, f) => n + f.linkedFiles.length, 0),
        };
        count(report, resolved.full);
      },
    },
    RUNS,
    WARMUP,
  );
  const a = ab['a'] as Series;
  const b = ab['b'] as Series;
  const rb = ratio(b.median, a.median);
  rows.push({ label: '(a) read + JSON.parse, corpus', value: `${fmtMs(a.median)} (${baseline.parsed} parsed, ${baseline.failed} not JSON)` });
  rows.push({
    label: '(b) check in-process (src/*.ts), corpus',
    value: `${fmtMs(b.median)} (${checked.files} files, ${checked.findings} findings, ${checked.linked} linked)`,
    ratio: `${rb}× (a)`,
    target: '≤ 2.0× (a)',
    ok: rb <= 2.0,
  });
  const every = ab['every'] as Series;
  rows.push({
    label: '    (for reference) read + JSON.parse of every file the check reads',
    value: `${fmtMs(every.median)} (${everyFile.length} files: main, linked and parameters files, ${fmtMb(everyBaseline.bytes)}); (b) is ${ratio(b.median, every.median)}× this`,
  });
  results['everyFileBaseline'] = { ...every, ...everyBaseline, files: everyFile.length };
  results['a'] = { ...a, ...baseline };
  results['b'] = { ...b, ...checked, ratioToA: rb };

  // (c) the bundled CLI, end to end, and an empty Node for reference.
  const cli = join(dist, 'cli.js');
  const c = timeChildren(
    {
      c: {
        command: NODE,
        args: [cli, 'check', '--format', 'json', ...paths],
        options: { cwd: CORPUS },
        check: (run) => {
          if (run.status !== 0 && run.status !== 1) throw new Error(`cli exited ${run.status}: ${run.stderr.slice(0, 500)}`);
        },
      },
      empty: { command: NODE, args: ['-e', '0'] },
    },
    RUNS,
    WARMUP,
  );
  const cSeries = c['c'] as Series;
  const emptySeries = c['empty'] as Series;
  const rc = ratio(cSeries.median, a.median);
  rows.push({
    label: '(c) node dist/cli.js check --format json <491 paths>',
    value: fmtMs(cSeries.median),
    ratio: `${rc}× (a); ${ratio(cSeries.median - emptySeries.median, a.median)}× (a) without Node's start`,
  });
  results['c'] = { ...cSeries, ratioToA: rc, emptyNodeMs: emptySeries.median };

  // (d) the bundled action on one median-size template vs `node -e 0`.
  const candidates = manifest.filter((e) => e.parseOk !== false && e.strictJson && e.path.endsWith('/azuredeploy.json')).sort((x, y) => x.bytes - y.bytes);
  const median = candidates[candidates.length >> 1] ?? manifest[0];
  if (!median) throw new Error('empty manifest');
  const ws = mkdtempSync(join(tmpdir(), 'cua-bench-action-'));
  const runnerTemp = mkdtempSync(join(tmpdir(), 'cua-bench-runner-'));
  copyFileSync(join(CORPUS, median.path), join(ws, 'azuredeploy.json'));
  const env = runnerEnv(ws, 'azuredeploy.json', runnerTemp);
  const d = timeChildren(
    {
      action: {
        command: NODE,
        args: [join(dist, 'index.js')],
        options: { cwd: ws, env },
        check: (run) => {
          if (run.status !== 0) throw new Error(`action exited ${run.status}: ${run.stdout.slice(-500)}${run.stderr.slice(0, 500)}`);
        },
      },
      cliOne: { command: NODE, args: [join(dist, 'cli.js'), 'check', '--fail-on', 'never', 'azuredeploy.json'], options: { cwd: ws } },
      withoutVerification: { command: NODE, args: [join(withoutVerification, 'index.js')], options: { cwd: ws, env } },
      empty: { command: NODE, args: ['-e', '0'] },
    },
    RUNS,
    WARMUP,
  );
  rmSync(ws, { recursive: true, force: true });
  rmSync(runnerTemp, { recursive: true, force: true });
  const action = d['action'] as Series;
  const empty = d['empty'] as Series;
  const cliOne = d['cliOne'] as Series;
  const rd = ratio(action.median, empty.median);
  rows.push({
    label: `(d) node dist/index.js, one template (${fmtMb(median.bytes)})`,
    value: `${fmtMs(action.median)} vs node -e 0 ${fmtMs(empty.median)}`,
    ratio: `${rd}×`,
    target: '≤ 2.0× node -e 0',
    ok: rd <= 2.0,
  });
  rows.push({
    label: '    (for reference) node dist/cli.js check, same template',
    value: fmtMs(cliOne.median),
    ratio: `${ratio(cliOne.median, empty.median)}×`,
  });
  // Issue 4's speed rule: verify: none starts no slower than the action without verification.
  const before = d['withoutVerification'] as Series;
  const rv = ratio(action.median, before.median);
  rows.push({
    label: '(g) the same run (verify: none) vs the action built without verification',
    value: `${fmtMs(action.median)} vs ${fmtMs(before.median)}`,
    ratio: `${rv}×`,
    target: '≤ 1.05× (no slower; noise)',
    ok: rv <= 1.05,
  });
  results['d'] = { template: median.path, bytes: median.bytes, action, emptyNode: empty, cli: cliOne, ratio: rd };
  results['g'] = { withVerification: action, withoutVerification: before, ratio: rv };

  // (e) peak memory on the largest template.
  const largest = [...manifest].sort((x, y) => y.bytes - x.bytes)[0];
  if (!largest) throw new Error('empty manifest');
  const rss = (args: string[]): { kb: number; via: string } => {
    const kbs: number[] = [];
    let via = '';
    for (let i = 0; i < Math.max(3, Math.min(RUNS, 5)); i++) {
      const m = peakRssKb(NODE, args, { cwd: CORPUS });
      kbs.push(m.kb);
      via = m.via;
    }
    return { kb: kbs.sort((x, y) => x - y)[kbs.length >> 1] ?? Number.NaN, via };
  };
  const emptyRss = rss(['-e', '0']);
  const cliRss = rss([cli, 'check', '--format', 'json', largest.path]);
  const tinyPath = candidates[0]?.path ?? largest.path;
  const cliTinyRss = rss([cli, 'check', '--format', 'json', tinyPath]);
  const parseOnlyRss = rss([
    '-e',
    `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(join(CORPUS, largest.path))}, 'utf8').replace(/^\\uFEFF/, ''))`,
  ]);
  // What the peak is made of: V8's optimizing compilers (their memory while compiling the hot
  // evaluator and scanner) and the CLI's own code.
  const noOptRss = rss(['--no-opt', '--no-maglev', cli, 'check', '--format', 'json', largest.path]);
  const cliLoadRss = rss([cli, '--version']);
  const budgetKb = (4 * largest.bytes) / 1024 + emptyRss.kb;
  const overKb = cliRss.kb - emptyRss.kb;
  rows.push({
    label: `(e) peak RSS, dist/cli.js on the largest template (${fmtMb(largest.bytes)})`,
    value: `${(cliRss.kb / 1024).toFixed(1)} MiB; node -e 0 ${(emptyRss.kb / 1024).toFixed(1)} MiB; +${(overKb / 1024).toFixed(1)} MiB = ${((overKb * 1024) / largest.bytes).toFixed(2)}× the file`,
    ratio: `budget ${(budgetKb / 1024).toFixed(1)} MiB`,
    target: '≤ 4× size + empty Node',
    ok: cliRss.kb <= budgetKb,
  });
  rows.push({
    label: `    (for reference) dist/cli.js on the smallest template (${fmtMb(candidates[0]?.bytes ?? 0)})`,
    value: `${(cliTinyRss.kb / 1024).toFixed(1)} MiB (+${((cliTinyRss.kb - emptyRss.kb) / 1024).toFixed(1)} MiB over node -e 0)`,
  });
  rows.push({
    label: '    (for reference) node -e: read + JSON.parse of the largest template',
    value: `${(parseOnlyRss.kb / 1024).toFixed(1)} MiB (+${((parseOnlyRss.kb - emptyRss.kb) / 1024).toFixed(1)} MiB = ${(((parseOnlyRss.kb - emptyRss.kb) * 1024) / largest.bytes).toFixed(2)}× the file)`,
  });
  rows.push({
    label: "    (for reference) the same check with V8's optimizing compilers off",
    value: `${(noOptRss.kb / 1024).toFixed(1)} MiB (node --no-opt --no-maglev: the compilers take ${((cliRss.kb - noOptRss.kb) / 1024).toFixed(1)} MiB at peak)`,
  });
  rows.push({
    label: '    (for reference) node dist/cli.js --version (loading the CLI)',
    value: `${(cliLoadRss.kb / 1024).toFixed(1)} MiB (+${((cliLoadRss.kb - emptyRss.kb) / 1024).toFixed(1)} MiB over node -e 0)`,
  });
  results['e'] = {
    noOptimizingCompilersKb: noOptRss.kb,
    cliLoadKb: cliLoadRss.kb,
    template: largest.path,
    bytes: largest.bytes,
    via: cliRss.via,
    cliKb: cliRss.kb,
    emptyNodeKb: emptyRss.kb,
    smallestTemplateKb: cliTinyRss.kb,
    readAndParseOnlyKb: parseOnlyRss.kb,
    budgetKb,
    multipleOfSize: (overKb * 1024) / largest.bytes,
  };
}

/** (h): the evaluation budget keeps the doubling template to a bounded time and memory. */
function doublingBenchmarks(dist: string): void {
  const ws = mkdtempSync(join(tmpdir(), 'cua-bench-doubling-'));
  try {
    const healthy = { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [trackingResource()] };
    writeFileSync(join(ws, 'healthy.json'), JSON.stringify(healthy, null, 2));
    const cli = join(dist, 'cli.js');
    const runs = Math.max(3, Math.min(RUNS, 5));
    const figures: Record<string, unknown> = {};
    for (const fn of ['createArray', 'concat'] as const) {
      writeFileSync(join(ws, `doubling-${fn}.json`), JSON.stringify(doublingTemplate(fn), null, 2));
      const args = [cli, 'check', '--format', 'json', `doubling-${fn}.json`, 'healthy.json'];
      const t = timeChildren(
        {
          doubling: {
            command: NODE,
            args,
            options: { cwd: ws, timeout: 600_000 },
            check: (run) => {
              if (run.status !== 1) throw new Error(`cli exited ${run.status}: ${run.stderr.slice(0, 500)}`);
              const report = JSON.parse(run.stdout) as { files: { path: string; verdict: string }[] };
              if (report.files.find((f) => f.path === 'healthy.json')?.verdict !== 'pass') throw new Error('the healthy template lost its verdict');
            },
          },
          healthy: { command: NODE, args: [cli, 'check', '--format', 'json', 'healthy.json'], options: { cwd: ws } },
        },
        runs,
        1,
      );
      const doubling = t['doubling'] as Series;
      const alone = t['healthy'] as Series;
      const kbs = Array.from({ length: 3 }, () => peakRssKb(NODE, args, { cwd: ws }).kb).sort((x, y) => x - y);
      const kb = kbs[1] ?? Number.NaN;
      rows.push({
        label: `(h) doubling template (40 × ${fn}, string() in the name) + a healthy one, bundled CLI`,
        value: `${fmtMs(doubling.median)}, peak ${(kb / 1024).toFixed(1)} MiB; the healthy one alone ${fmtMs(alone.median)}`,
        ratio: `${ratio(doubling.median, alone.median)}× alone`,
        target: '≤ 2 s and ≤ 256 MiB',
        ok: doubling.median <= 2000 && kb <= 256 * 1024,
      });
      figures[fn] = { doubling, healthyAlone: alone, peakKb: kb };
    }
    results['h'] = figures;
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

function scaleBenchmarks(): void {
  const temp = mkdtempSync(join(tmpdir(), 'cua-bench-scale-'));
  const runs = Math.max(3, Math.min(RUNS, 5));
  const scale: Record<string, unknown>[] = [];
  try {
    for (const resources of [50_000, 100_000, 200_000]) {
      const dir = join(temp, `template-${resources}`);
      mkdirSync(dir);
      const file = join(dir, 'azuredeploy.json');
      writeFileSync(file, generateLargeTemplate({ resources }));
      const bytes = statSync(file).size;
      let findings = 0;
      const t = timeInterleaved(
        {
          base: () => readAndParse([file]),
          check: () => {
            const report = freshCheck(dir, { settings: DEFAULT_CHECK_SETTINGS, paths: ['azuredeploy.json'], cwd: dir });
            findings = report.files[0]?.findings.length ?? -1;
          },
        },
        runs,
        1,
      );
      const base = t['base'] as Series;
      const check = t['check'] as Series;
      const r = ratio(check.median, base.median);
      rows.push({
        label: `scale: 1 template, ${resources.toLocaleString('en-US')} resources, ${fmtMb(bytes)}`,
        value: `${fmtMs(check.median)} vs ${fmtMs(base.median)} (${(check.median / (bytes / 1e6)).toFixed(2)} ms/MB, ${findings} findings)`,
        ratio: `${r}×`,
        target: '≤ 2.0×',
        ok: r <= 2.0,
      });
      scale.push({ kind: 'template', resources, bytes, check, baseline: base, ratio: r, msPerMb: check.median / (bytes / 1e6) });
      rmSync(dir, { recursive: true, force: true });
    }
    for (const templates of [1_250, 2_500, 5_000]) {
      const dir = join(temp, `repo-${templates}`);
      mkdirSync(dir);
      const repo = writeRepository(dir, { templates });
      const files = repo.mainTemplates.map((p) => join(dir, p));
      let checked = 0;
      const t = timeInterleaved(
        {
          base: () => readAndParse(files),
          check: () => {
            checked = freshCheck(dir, { settings: DEFAULT_CHECK_SETTINGS }).files.length;
          },
        },
        runs,
        1,
      );
      const base = t['base'] as Series;
      const check = t['check'] as Series;
      const r = ratio(check.median, base.median);
      rows.push({
        label: `scale: repository of ${templates.toLocaleString('en-US')} templates, ${fmtMb(repo.bytes.main)} (+${fmtMb(repo.bytes.other)} other files)`,
        value: `${fmtMs(check.median)} vs ${fmtMs(base.median)} (${(check.median / templates).toFixed(3)} ms/template, ${checked} found by discovery)`,
        ratio: `${r}×`,
        target: '≤ 2.0×',
        ok: r <= 2.0,
      });
      scale.push({ kind: 'repository', templates, bytes: repo.bytes, check, baseline: base, ratio: r, msPerTemplate: check.median / templates });
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  results['scale'] = scale;
}

async function terraformBenchmarks(dist: string): Promise<void> {
  const workspace = openWorkspace(CORPUS_TERRAFORM);
  const tools = await loadTerraformTools(workspace);
  const request = { settings: DEFAULT_CHECK_SETTINGS, paths: [workspace.root], cwd: workspace.root };
  const first = checkWorkspace({ workspace, ...request, terraform: tools });
  const files = [...new Set(first.files.flatMap((f) => [f.path, ...f.linkedFiles]))].filter((f) => /\.tf(vars)?$/.test(f));
  const texts = files.map((f) => readFileSync(join(workspace.root, f), 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  log(`corpus-terraform: ${first.files.length} module folders, ${files.length} .tf/.tfvars files read, ${fmtMb(bytes)} (${CORPUS_TERRAFORM})`);
  let findings = 0;
  const timed = timeInterleaved(
    {
      parse: () => {
        for (const text of texts) tools.parser.parse(text)?.delete();
      },
      check: () => {
        const report = checkWorkspace({ workspace: openWorkspace(CORPUS_TERRAFORM), ...request, terraform: tools });
        findings = report.files.reduce((n, f) => n + f.findings.length, 0);
      },
    },
    RUNS,
    WARMUP,
  );
  const parse = timed['parse'] as Series;
  const check = timed['check'] as Series;
  const r = ratio(check.median, parse.median);
  rows.push({ label: '(t1) Terraform grammar parse alone, corpus-terraform', value: `${fmtMs(parse.median)} (${files.length} files)` });
  rows.push({
    label: '(t2) Terraform check in-process (src/*.ts)',
    value: `${fmtMs(check.median)} (${first.files.length} folders, ${findings} findings)`,
    ratio: `${r}× (t1)`,
    target: '≤ 1.5× (t1)',
    ok: r <= 1.5,
  });
  // The extra start-up of the first .tf file in the bundle: the lazy Terraform module (the runtime,
  // the grammar and the YAML reader come with it), loaded in a new process.
  const lazy = pathToFileURL(join(dist, 'lazy-app-check-terraform.js')).href;
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(lazy)}); await m.createTerraformTools({ root: process.cwd() }); console.log(performance.now() - t);`;
  const loads: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const out = execFileSync(NODE, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: workspace.root });
    if (i >= WARMUP) loads.push(Number(out));
  }
  const startup = loads.sort((x, y) => x - y)[Math.floor(loads.length / 2)] ?? 0;
  rows.push({
    label: '(t3) first .tf file: lazy module, runtime + grammar load (bundle), new process',
    value: fmtMs(startup),
    target: '< 100 ms',
    ok: startup < 100,
  });
  results['terraform'] = { parse, check, ratio: r, startupMs: startup, files: files.length, bytes, folders: first.files.length, findings };
}

function printTable(): void {
  const width = Math.max(...rows.map((r) => r.label.length));
  log();
  for (const row of rows) {
    const verdict = row.ok === undefined ? '' : row.ok ? '  ✓' : '  ✗ over target';
    const extra = [row.ratio, row.target ? `target ${row.target}` : ''].filter(Boolean).join('; ');
    log(`${row.label.padEnd(width)}  ${row.value}${extra ? `  [${extra}]` : ''}${verdict}`);
  }
}

const started = performance.now();
if (options['doubling-only']) {
  doublingBenchmarks(bundleForBench());
} else if (!options['scale-only'] && !options['terraform-only']) {
  const dist = bundleForBench();
  results['bundle'] = relative(ROOT, dist);
  if (existsSync(join(CORPUS, 'manifest.json'))) {
    corpusBenchmarks(dist, bundleWithoutVerification());
  } else {
    log(`../shared/corpus is absent (${CORPUS}): skipping the corpus benchmarks (a)–(g). (h) and --scale still run.`);
    results['corpus'] = 'skipped: ../shared/corpus is absent';
  }
  doublingBenchmarks(dist);
}
if (!options['scale-only'] && !options['doubling-only']) {
  if (existsSync(join(CORPUS_TERRAFORM, 'manifest.json')))
    await terraformBenchmarks(typeof results['bundle'] === 'string' ? resolve(ROOT, results['bundle']) : bundleForBench());
  else log(`../shared/corpus-terraform is absent (${CORPUS_TERRAFORM}): skipping the Terraform rows (t).`);
  if (!options['terraform-only']) {
    // Bicep: parsing dominates and each run takes seconds, so at most 3 runs.
    const bicep = await bicepBenchmarks(ROOT, Math.min(RUNS, 3));
    rows.push(...bicep.rows);
    results['bicep'] = bicep.results;
  }
}
if (options.scale || options['scale-only']) scaleBenchmarks();
printTable();
results['rows'] = rows;
results['totalSeconds'] = (performance.now() - started) / 1000;
writeFileSync(resolve(ROOT, options.out), `${JSON.stringify(results, null, 2)}\n`);
log(`\nfigures written to ${options.out} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
