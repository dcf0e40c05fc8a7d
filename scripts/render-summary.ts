// `npm run render-summary`: draws the job summary for the README (docs/summary.png, and
// docs/summary-details.png with a few <details> opened). A documentation tool, not a test: it needs
// Chromium (Debian: `apt-get install chromium fonts-noto-color-emoji`, and pngquant to keep the
// pictures small), which CI does not have.
//   1. writes the 100-template repository of the summary test (scripts/lib/summary-workspace.ts,
//      with the names a repository has) to a temporary folder;
//   2. runs the action on it as the runner starts it (src/app/action/main-entry.ts, or
//      dist/index.js with --dist), with `tracking-ids` and `fix: suggest`, and takes the Markdown
//      it appended to GITHUB_STEP_SUMMARY;
//   3. renders that Markdown with micromark and its GFM extension (raw HTML kept: the summary's
//      only HTML is its own <details> blocks) in a small GitHub-like page;
//   4. takes screenshots of the page with headless Chromium, reduced to 64 colours by pngquant.
// Options: --dist (run dist/index.js), --out DIR (default docs), --chromium PATH (default chromium),
//          --keep (keep the temporary folder, with summary.md and the pages).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { SUMMARY_TRACKING_GUID, writeSummaryWorkspace } from './lib/summary-workspace.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs' },
    chromium: { type: 'string', default: 'chromium' },
    keep: { type: 'boolean', default: false },
  },
});

/**
 * What each picture shows: its size, the <details> opened (by a text of their title), and whether it
 * starts at the collapsed part (the first <details>), below the verdict and the table.
 */
const PICTURES = [
  { file: 'summary.png', width: 1100, height: 1250, open: [] as string[], collapsedPartOnly: false },
  {
    file: 'summary-details.png',
    width: 1100,
    height: 1000,
    open: ['Findings of the 30 failing templates', 'solutions/aks-cluster-basic/azuredeploy.json', 'solutions/batch-premium/azuredeploy.json'],
    collapsedPartOnly: true,
  },
];

const work = mkdtempSync(join(tmpdir(), 'cua-guard-render-summary-'));
try {
  const markdown = actionSummary(join(work, 'repository'), join(work, 'runner'));
  writeFileSync(join(work, 'summary.md'), markdown);
  const out = resolve(ROOT, values.out);
  mkdirSync(out, { recursive: true });
  const body = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const collapsedAt = body.indexOf('<details>');
  for (const picture of PICTURES) {
    const page = join(work, picture.file.replace(/\.png$/, '.html'));
    const shown = picture.collapsedPartOnly ? `<p class="cut">⋯ the verdict and the table of failing templates, then:</p>\n${body.slice(collapsedAt)}` : body;
    writeFileSync(page, htmlPage(openDetails(shown, picture.open)));
    const target = join(out, picture.file);
    screenshot(pathToFileURL(page).href, target, picture);
    const quantized = quantize(target);
    console.log(
      `${target}: ${picture.width}×${picture.height}, ${Math.round(statSync(target).size / 1024)} KB${quantized ? '' : ' (pngquant not found: not reduced)'}`,
    );
  }
  console.log(`summary: ${markdown.split('\n').length} lines, ${Buffer.byteLength(markdown)} bytes`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** Runs the action on the repository as the runner does, and returns the job summary it wrote. */
function actionSummary(repository: string, runner: string): string {
  writeSummaryWorkspace({
    names: 'plain',
    write: (path, value) => {
      mkdirSync(dirname(join(repository, path)), { recursive: true });
      writeFileSync(join(repository, path), `${JSON.stringify(value, null, 2)}\n`);
    },
  });
  mkdirSync(runner, { recursive: true });
  const files = { output: join(runner, 'output'), summary: join(runner, 'summary'), state: join(runner, 'state') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const entry = values.dist ? join(ROOT, 'dist/index.js') : join(ROOT, 'src/app/action/main-entry.ts');
  const run = spawnSync(process.execPath, [entry], {
    cwd: repository,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repository,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      RUNNER_TEMP: runner,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'contoso/offer',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      'INPUT_TRACKING-IDS': SUMMARY_TRACKING_GUID,
      INPUT_FIX: 'suggest',
    },
  });
  // The repository fails the gate on purpose (exit 1); anything else is a broken run.
  if (run.status !== 1) throw new Error(`the action exited ${run.status} (expected 1, the gate failing):\n${run.stderr}`);
  const summary = readFileSync(files.summary, 'utf8');
  if (!summary.includes('cua-guard')) throw new Error('the action wrote no job summary');
  return summary;
}

/** Opens the <details> whose title holds one of `titles`. */
function openDetails(html: string, titles: readonly string[]): string {
  return html.replace(/<details>(<summary>.*?<\/summary>)/g, (_match, summary: string) =>
    titles.some((title) => summary.includes(title)) ? `<details open>${summary}` : `<details>${summary}`,
  );
}

/** Reduces the picture to a palette of 64 colours with pngquant when it is installed (text stays sharp); false when it is not. */
function quantize(file: string): boolean {
  const run = spawnSync('pngquant', ['--force', '--skip-if-larger', '--strip', '--output', file, '64', '--', file], { encoding: 'utf8' });
  if (run.error) return false;
  // 98: the result would be larger; 99: below the quality asked (none asked): the file is left as it is.
  if (run.status !== 0 && run.status !== 98 && run.status !== 99) throw new Error(`pngquant exited ${run.status}:\n${run.stderr}`);
  return true;
}

function screenshot(url: string, target: string, size: { width: number; height: number }): void {
  const profile = mkdtempSync(join(tmpdir(), 'cua-guard-chromium-'));
  try {
    const run = spawnSync(
      values.chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--user-data-dir=${profile}`,
        `--window-size=${size.width},${size.height}`,
        `--screenshot=${target}`,
        url,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (run.error) throw new Error(`cannot start ${values.chromium} (${run.error.message}): install Chromium, or name it with --chromium`);
    if (run.status !== 0) throw new Error(`${values.chromium} exited ${run.status}:\n${run.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The rendered summary in a page styled like a job summary on GitHub (light theme). */
function htmlPage(body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cua-guard job summary</title>
<style>
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 "DejaVu Sans", system-ui, sans-serif, "Noto Color Emoji"; color: #1f2328; }
  .card { margin: 16px; padding: 8px 24px 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .card > .title { margin: 0 -24px 8px; padding: 10px 24px; border-bottom: 1px solid #d1d9e0; font-weight: 600; color: #59636e; font-size: 13px; }
  h2 { font-size: 1.4em; margin: 16px 0 12px; padding-bottom: 6px; border-bottom: 1px solid #d1d9e0; }
  a { color: #0969da; text-decoration: none; }
  code { font: 12px "DejaVu Sans Mono", ui-monospace, monospace; background: #eff1f3; border-radius: 4px; padding: 1px 5px; }
  pre { background: #f6f8fa; border-radius: 6px; padding: 12px; overflow: hidden; }
  pre code { background: none; padding: 0; font-size: 12px; line-height: 1.45; }
  table { border-collapse: collapse; margin: 8px 0 16px; display: block; max-width: 100%; }
  th, td { border: 1px solid #d1d9e0; padding: 4px 10px; text-align: left; vertical-align: top; }
  th { font-weight: 600; background: #f6f8fa; }
  tr:nth-child(2n) td { background: #f9fafb; }
  blockquote { margin: 8px 0; padding: 0 12px; color: #59636e; border-left: 4px solid #d1d9e0; }
  details { margin: 6px 0; }
  details details { margin-left: 20px; }
  summary { cursor: pointer; }
  ul { padding-left: 24px; }
  .cut { color: #59636e; font-style: italic; }
</style>
</head>
<body>
<div class="card">
<div class="title">cua-guard summary</div>
${body}
</div>
</body>
</html>
`;
}
