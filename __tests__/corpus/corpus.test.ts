// Every real main template in ../shared/corpus is checked without a crash, and the tracking
// resources found agree with the manifest's pidNames. Skips when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { corpusDir, readManifest, type ManifestPidName } from '../support/corpus.ts';

const dir = corpusDir();

test('corpus: every main template is checked and tracking resources agree with the manifest', { skip: dir ? false : '../shared/corpus is absent' }, (t) => {
  if (!dir) return;
  const manifest = readManifest(dir);
  const report = checkWorkspace({ workspace: openWorkspace(dir), settings: DEFAULT_CHECK_SETTINGS, paths: manifest.map((e) => e.path), cwd: dir });
  assert.equal(report.files.length, manifest.length);
  const byPath = new Map(report.files.map((f) => [f.path, f]));
  const disagreements: string[] = [];
  const resolution = { full: 0, partial: 0, none: 0 };
  for (const entry of manifest) {
    const result = byPath.get(entry.path);
    assert.ok(result, entry.path);
    if (entry.parseOk === false) {
      assert.deepEqual(
        result.findings.map((f) => f.ruleId),
        ['CUA013'],
        entry.path,
      );
      continue;
    }
    const unparsed = result.findings.find((f) => f.ruleId === 'CUA013' && f.file === entry.path);
    if (unparsed) {
      disagreements.push(`${entry.path}: parsed by the manifest, not by us: ${unparsed.message}`);
      continue;
    }
    const ours = new Map(result.tracking.filter((x) => x.file === entry.path).map((x) => [x.jsonPointer, x]));
    for (const pid of entry.pidNames ?? []) {
      const found = ours.get(pid.jsonPath);
      if (!found) {
        disagreements.push(`${entry.path}${pid.jsonPath}: manifest lists ${pid.name}, not found`);
        continue;
      }
      ours.delete(pid.jsonPath);
      // full: every character known; partial: known text with parts known only at deployment.
      resolution[!found.resolvedName.includes('{') ? 'full' : found.resolvedName.startsWith('{') ? 'none' : 'partial']++;
      if (mustResolve(pid) && found.trackingId === undefined && pid.analysis?.guid) {
        disagreements.push(`${entry.path}${pid.jsonPath}: ${pid.name} should resolve to GUID ${pid.analysis.guid}, got ${found.resolvedName}`);
      } else if (mustResolve(pid) && pid.analysis?.guid && (found.trackingId ?? '').replace(/-partnercenter$/, '') !== pid.analysis.guid.toLowerCase()) {
        // A Partner Center id of a GUID (`<GUID>-partnercenter`) is that whole text; its GUID is the manifest's.
        disagreements.push(`${entry.path}${pid.jsonPath}: GUID ${found.trackingId} differs from the manifest's ${pid.analysis.guid}`);
      }
    }
    for (const extra of ours.values()) disagreements.push(`${entry.path}${extra.jsonPointer}: we report ${extra.resolvedName}, the manifest does not`);
  }
  const counts: Record<string, number> = {};
  for (const f of report.files) for (const finding of f.findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  t.diagnostic(
    `templates ${report.files.length}, pass ${report.files.filter((f) => f.verdict === 'pass').length}, names resolved fully ${resolution.full}, partly ${resolution.partial}, not at all ${resolution.none}`,
  );
  t.diagnostic(`findings by rule ${JSON.stringify(counts)}`);
  assert.deepEqual(disagreements, []);
});

/** Literals and concat/format of literals and variables must resolve (the bar). */
function mustResolve(pid: ManifestPidName): boolean {
  if (!pid.isExpression) return true;
  const simple = /^\[\s*(concat|format)\(/i.test(pid.name);
  const refs = pid.nameRefs ?? [];
  return (
    simple &&
    refs.every((r) => r.ref.startsWith('variables(')) &&
    !/parameters\(|uniqueString|deployment\(|resourceGroup\(/i.test(pid.name.replace(/uniqueString\([^)]*\)/gi, ''))
  );
}

test(
  'corpus as a repository: default discovery finds templates by content, linked ones are not main templates',
  { skip: dir ? false : '../shared/corpus is absent' },
  (t) => {
    if (!dir) return;
    const report = checkWorkspace({ workspace: openWorkspace(dir), settings: DEFAULT_CHECK_SETTINGS, cwd: dir });
    const main = new Set(report.files.map((f) => f.path));
    const linked = new Set(report.linkedTemplates);
    // Every file is either a main or a linked template, never both.
    assert.deepEqual(
      [...main].filter((f) => linked.has(f)),
      [],
    );
    // Every linked template is checked by a main template: those a linked template's own parameter
    // selects (for a value its parent does not pass) too.
    const reached = new Set(report.files.flatMap((f) => f.linkedFiles));
    const notWalked = [...linked].filter((f) => !reached.has(f));
    assert.deepEqual(notWalked, []);
    // The manifest's main templates that nothing links to are main templates here too, except those
    // in a nested/linked/modules folder or a Marketplace package with no tracking deployment of their
    // own: listed as not checked (a helper template whose link could not be resolved).
    const entries = readManifest(dir);
    const manifest = entries.map((e) => e.path);
    const unreached = new Set(report.unreachedTemplates);
    const missing = manifest.filter((path) => !main.has(path) && !linked.has(path) && !unreached.has(path));
    assert.deepEqual(missing, [], 'every manifest template is found');
    assert.deepEqual(
      entries.filter((e) => unreached.has(e.path) && e.pidCountTopLevel !== 0).map((e) => e.path),
      [],
      'a template with its own top-level tracking deployment is always checked',
    );
    const byRule: Record<string, number> = {};
    for (const f of report.files)
      for (const finding of f.findings) byRule[`${finding.ruleId}:${finding.severity}`] = (byRule[`${finding.ruleId}:${finding.severity}`] ?? 0) + 1;
    const via: Record<string, number> = {};
    for (const f of report.files) for (const l of f.links ?? []) via[l.via] = (via[l.via] ?? 0) + 1;
    t.diagnostic(
      `templates found ${main.size + linked.size + unreached.size}: main ${main.size}, linked ${linked.size} (${notWalked.length} not walked from a main one), not checked ${unreached.size}; manifest main templates that are linked: ${manifest.filter((p) => linked.has(p)).length}, not checked: ${manifest.filter((p) => unreached.has(p)).length}`,
    );
    t.diagnostic(`links by form ${JSON.stringify(via)}`);
    t.diagnostic(`findings by rule ${JSON.stringify(byRule)}`);
  },
);
