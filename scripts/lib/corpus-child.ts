// Times the in-process corpus check in a child process and prints the figures as JSON on stdout.
// Used by the benchmark to compare variants that need their own process (benchmark (f)).
// Usage: node [--import hooks] scripts/lib/corpus-child.ts <corpusDir> <runs> <warmup>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace } from '../../src/engine/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { timeRuns } from './measure.ts';

const [dir = '', runs = '5', warmup = '1'] = process.argv.slice(2);
const paths = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { path: string }[]).map((e) => e.path);
const workspace = openWorkspace(dir);
let tracking = 0;
let resolved = 0;
const timing = timeRuns(
  () => {
    const report = checkWorkspace({ workspace, settings: DEFAULT_CHECK_SETTINGS, paths, cwd: dir });
    tracking = 0;
    resolved = 0;
    for (const file of report.files) {
      for (const t of file.tracking) {
        tracking++;
        if (t.trackingId !== undefined) resolved++;
      }
    }
  },
  Number(runs),
  Number(warmup),
);
process.stdout.write(`${JSON.stringify({ timing, tracking, resolved })}\n`);
