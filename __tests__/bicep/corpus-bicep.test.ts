// Every entry file of ../shared/corpus-bicep (real public Bicep, with the modules it uses) is
// checked without a crash, and the tracking deployments found agree with the manifest: each pid-
// name it lists is found at its file and line, and nothing is found that it does not list (but in
// module files its lexical scanner did not reach). Skips when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspaceLoadingGrammars } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';

interface Entry {
  path: string;
  pidNames: { file: string; line: number; name: string; evaluatedName?: string | null }[];
  moduleClosure: string[];
  treeSitterHasError?: boolean;
  treeSitterFilesWithErrorsInClosure?: string[];
}

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus-bicep');
const present = existsSync(join(dir, 'manifest.json'));

test(
  'corpus-bicep: every entry is checked and its tracking names agree with the manifest',
  { skip: present ? false : '../shared/corpus-bicep is absent' },
  async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Entry[];
    const report = await checkWorkspaceLoadingGrammars({
      workspace: openWorkspace(dir),
      settings: DEFAULT_CHECK_SETTINGS,
      paths: manifest.map((e) => e.path),
      cwd: dir,
    });
    assert.equal(report.files.length, manifest.length);
    const internal = report.files.flatMap((f) => f.findings.filter((x) => x.internalError).map((x) => `${f.path}: ${x.message}`));
    assert.deepEqual(internal, []);
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    const disagreements: string[] = [];
    const resolution = { full: 0, partial: 0, none: 0 };
    for (const entry of manifest) {
      const result = byPath.get(entry.path);
      assert.ok(result, entry.path);
      for (const pid of entry.pidNames) {
        const found = result.tracking.find((t) => t.file === pid.file && t.line === pid.line);
        if (!found) {
          disagreements.push(`${entry.path}: manifest lists ${pid.name} at ${pid.file}:${pid.line}, not found`);
          continue;
        }
        // Where the manifest could evaluate the name (literals and defaults), ours is the same.
        if (pid.evaluatedName && !pid.evaluatedName.includes('{') && found.resolvedName !== pid.evaluatedName)
          disagreements.push(`${entry.path}: ${pid.file}:${pid.line} evaluates to ${found.resolvedName}, the manifest says ${pid.evaluatedName}`);
        if (!found.resolvedName.includes('{')) resolution.full++;
        else if (/^pid-[0-9a-f-]{36}/i.test(found.resolvedName)) resolution.partial++;
        else resolution.none++;
      }
      const reached = new Set([entry.path, ...entry.moduleClosure]);
      for (const ours of result.tracking) {
        const listed = entry.pidNames.some((p) => p.file === ours.file && p.line === ours.line);
        // The manifest's lexical scanner misses some module references (`module x'./y.bicep'`); a
        // tracking name in a file it did not reach is not a disagreement.
        if (!listed && reached.has(ours.file))
          disagreements.push(`${entry.path}: found ${ours.resolvedName} at ${ours.file}:${ours.line}, not in the manifest`);
      }
      // A file the grammar reads in full gets no CUA013 for unread syntax.
      const unread = result.findings.filter((f) => f.messageId === 'bicep-unread').map((f) => f.file);
      const withErrors = new Set(entry.treeSitterFilesWithErrorsInClosure ?? []);
      if (entry.treeSitterHasError) withErrors.add(entry.path);
      for (const file of unread)
        if (!withErrors.has(file)) disagreements.push(`${entry.path}: unread syntax reported in ${file}, which the manifest says parses`);
    }
    assert.deepEqual(disagreements, []);
    // What resolves (figures for the README): every listed name is found; most keep a uniqueString part.
    assert.ok(resolution.full + resolution.partial > 0);
  },
);
