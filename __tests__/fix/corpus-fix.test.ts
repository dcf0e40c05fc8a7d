// `fix` on every real template of the shared corpus that has no tracking resource (manifest
// entries with parseOk and no pidNames), copied to a temporary workspace first: each one gets
// the resource as a pure insertion, re-checks with zero errors, and a second run changes
// nothing; the ones left alone are linked templates of other corpus templates. Skipped when
// ../shared/corpus is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { fixWorkspace } from '../../src/fix/index.ts';
import { corpusDir, readManifest } from '../support/corpus.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { GUID } from '../support/templates.ts';
import { assertPureInsertion } from './support.ts';

const dir = corpusDir();

test('fix inserts a tracking deployment into every corpus template that lacks one', { skip: dir ? false : '../shared/corpus is absent' }, (t) => {
  if (!dir) return;
  const entries = readManifest(dir).filter((e) => e.parseOk === true && Array.isArray(e.pidNames) && e.pidNames.length === 0);
  assert.ok(entries.length > 0);
  const ws = createTempWorkspace('cua-guard-corpus-fix-');
  try {
    for (const entry of entries) {
      mkdirSync(dirname(join(ws.root, entry.path)), { recursive: true });
      cpSync(join(dir, entry.path), join(ws.root, entry.path));
    }
    const paths = entries.map((e) => e.path);
    const settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] };
    const workspace = openWorkspace(ws.root);
    const before = checkWorkspace({ workspace, settings, paths });
    const errorsBefore = new Map(before.files.map((f) => [f.path, errorKeys(f.findings)]));
    // A tracking deployment named by a build placeholder (filled in when the package is built) is there already.
    const filledAtBuild = new Set(before.files.filter((f) => f.findings.some((x) => x.messageId.startsWith('buildPlaceholder'))).map((f) => f.path));

    const fixed = fixWorkspace({ workspace, paths, settingsFor: () => settings, write: true });
    assert.equal(fixed.files.length, entries.length);
    const inserted = fixed.files.filter((f) => f.changes.some((c) => c.message.startsWith('inserted tracking deployment')));
    const leftAlone = fixed.files.filter((f) => !inserted.includes(f));

    for (const plan of inserted) {
      assertPureInsertion(plan); // the text outside the inserted range is byte for byte the same
      assert.equal(readFileSync(join(ws.root, plan.file), 'utf8').replace(/^\uFEFF/, ''), plan.fixed);
    }
    // Left alone only for a reason it can name: here, files another corpus template links to, and
    // templates whose tracking deployment is named by a build placeholder.
    for (const plan of leftAlone) {
      assert.equal(plan.written, false);
      assert.ok(plan.notes.some((n) => n.kind === 'linked-template') || filledAtBuild.has(plan.file), plan.file);
    }
    t.diagnostic(`left alone with a build-placeholder tracking deployment: ${filledAtBuild.size}`);

    const after = checkWorkspace({ workspace, settings, paths });
    const clean: string[] = [];
    const newErrors: string[] = [];
    for (const file of after.files) {
      if (!inserted.some((p) => p.file === file.path)) continue;
      const errors = errorKeys(file.findings);
      if (errors.length === 0) clean.push(file.path);
      const before = new Set(errorsBefore.get(file.path) ?? []);
      for (const error of errors) if (!before.has(error)) newErrors.push(`${file.path}: ${error}`);
      assert.ok(!errors.some((e) => e.startsWith('CUA001 ')), `${file.path} still lacks attribution`);
    }
    assert.deepEqual(newErrors, [], 'the fix introduces no error');
    const notClean = inserted.map((p) => p.file).filter((file) => !clean.includes(file));
    assert.deepEqual(notClean, [], 'every template the fix inserted into re-checks with zero errors');
    assert.equal(clean.length, inserted.length);

    const again = fixWorkspace({ workspace, paths, settingsFor: () => settings, write: true });
    assert.deepEqual(
      again.files.filter((f) => f.edits.length > 0).map((f) => f.file),
      [],
      'a second run changes nothing',
    );

    t.diagnostic(
      `corpus fix: ${entries.length} templates without a tracking resource; ${inserted.length} fixed; ${clean.length} re-check with no error; ` +
        `${leftAlone.length} left alone (linked templates of other corpus templates): ${leftAlone.map((f) => f.file).join(', ')}`,
    );
  } finally {
    ws.dispose();
  }
});

/** Errors compared across the fix by rule and message (JSON pointers move when a resource is inserted first). */
function errorKeys(findings: readonly { ruleId: string; severity: string; message: string; suppressed?: unknown }[]): string[] {
  return findings.filter((f) => f.severity === 'error' && !f.suppressed).map((f) => `${f.ruleId} ${f.message}`);
}
