// Marketplace packages as .zip files, built here with fflate (no binary is committed): checked
// inside the archive, named as packages, and hostile archives refused with a finding on the .zip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { checkWorkspace, type WorkspaceCheckRequest } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { openZipPackage } from '../../src/workspace/zip-package.ts';
import { toAnnotation } from '../../src/report/annotations.ts';
import { buildSarif } from '../../src/report/sarif.ts';
import { RULES } from '../../src/rules/index.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { storageAccount, template, trackingResource, type Json } from '../support/templates.ts';

const UI_DEFINITION = { $schema: 'https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#' };

function json(value: Json): Uint8Array {
  return strToU8(`${JSON.stringify(value, null, 2)}\n`);
}

function writeZip(ws: TempWorkspace, path: string, entries: Zippable): void {
  ws.write(path, '');
  writeFileSync(`${ws.root}/${path}`, zipSync(entries));
}

function check(ws: TempWorkspace, request: Partial<WorkspaceCheckRequest> = {}) {
  return checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root, ...request });
}

function summary(report: ReturnType<typeof check>) {
  return report.files.map((f) => ({
    path: f.path,
    marketplacePackage: f.marketplacePackage === true,
    linked: f.linkedFiles,
    findings: f.findings.map((x) => `${x.ruleId} ${x.severity} ${x.messageId} ${x.file}:${x.line}:${x.column}`),
  }));
}

test('a package .zip is checked inside the archive, named as a Marketplace package, and its linked templates are read from it', () => {
  const ws = createTempWorkspace();
  try {
    const link = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2021-04-01',
      name: 'net',
      properties: { mode: 'Incremental', templateLink: { uri: "[uri(parameters('_artifactsLocation'), 'nested/network.json')]" } },
    };
    writeZip(ws, 'offer/package.zip', {
      'mainTemplate.json': json(template([storageAccount(), link], { parameters: { _artifactsLocation: { type: 'string' } } })),
      'createUiDefinition.json': json(UI_DEFINITION),
      nested: { 'network.json': json(template([trackingResource()])) },
      'scripts/install.sh': strToU8('#!/bin/sh\n'),
    });
    const report = check(ws);
    assert.deepEqual(summary(report), [
      {
        path: 'offer/package.zip!/mainTemplate.json',
        marketplacePackage: true,
        linked: ['offer/package.zip!/nested/network.json'],
        findings: ['CUA001 error misplaced offer/package.zip!/mainTemplate.json:9:3', 'CUA005 error linked offer/package.zip!/nested/network.json:8:15'],
      },
    ]);
    // Partner Center adds the id to an uploaded package: the same setting as for a package folder.
    writeZip(ws, 'plain/package.zip', { 'mainTemplate.json': json(template([storageAccount()])), 'createUiDefinition.json': json(UI_DEFINITION) });
    const findings = (marketplacePackages: 'check' | 'partner-center-adds-id') =>
      check(ws, { paths: ['plain'], settings: { ...DEFAULT_CHECK_SETTINGS, marketplacePackages } }).files.map((f) => [
        f.path,
        f.marketplacePackage === true,
        f.findings.map((x) => `${x.ruleId} ${x.severity} ${x.messageId}`),
      ]);
    assert.deepEqual(findings('check'), [['plain/package.zip!/mainTemplate.json', true, ['CUA001 error missing']]]);
    assert.deepEqual(findings('partner-center-adds-id'), [['plain/package.zip!/mainTemplate.json', true, ['CUA001 notice partnerCenterAddsId']]]);
    // Annotations and SARIF point at the archive (a file GitHub can show), the message at the entry.
    const inner = report.files[0]?.findings[1];
    assert.ok(inner);
    const annotation = toAnnotation(inner, RULES);
    assert.equal(annotation.file, 'offer/package.zip');
    assert.equal(annotation.startLine, 1);
    assert.match(annotation.message, /^nested\/network\.json \(line 8, column 15\) in offer\/package\.zip: /);
    const sarif = buildSarif(report, { rules: RULES });
    const uris = sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, ['offer/package.zip', 'offer/package.zip']);
  } finally {
    ws.dispose();
  }
});

test('a passing package .zip passes; named on the command line it is checked the same way; a zip without mainTemplate.json is not a package', () => {
  const ws = createTempWorkspace();
  try {
    writeZip(ws, 'dist/package.zip', {
      'mainTemplate.json': json(template([trackingResource(), storageAccount()])),
      'createUiDefinition.json': json(UI_DEFINITION),
    });
    writeZip(ws, 'assets/images.zip', { 'logo.json': json({ not: 'a template' }) });
    assert.deepEqual(summary(check(ws)), [{ path: 'dist/package.zip!/mainTemplate.json', marketplacePackage: true, linked: [], findings: [] }]);
    const named = check(ws, { paths: ['dist/package.zip'] });
    assert.deepEqual(
      named.files.map((f) => [f.path, f.verdict]),
      [['dist/package.zip!/mainTemplate.json', 'pass']],
    );
    // Named, an archive that is no package is a finding that says so.
    const notPackage = check(ws, { paths: ['assets/images.zip'] });
    assert.deepEqual(summary(notPackage)[0]?.findings, ['CUA013 error syntax assets/images.zip:1:1']);
    assert.match(notPackage.files[0]?.findings[0]?.message ?? '', /without mainTemplate\.json at its root/);
  } finally {
    ws.dispose();
  }
});

test('hostile archives are refused with a finding on the .zip, never a crash', () => {
  const ws = createTempWorkspace();
  try {
    const main = json(template([trackingResource()]));
    writeZip(ws, 'a/traversal.zip', { 'mainTemplate.json': main, '../evil.json': json({}) });
    writeZip(ws, 'b/backslash.zip', { 'mainTemplate.json': main, 'nested\\x.json': json({}) });
    writeZip(ws, 'c/absolute.zip', { 'mainTemplate.json': main, '/etc/x.json': json({}) });
    ws.write('d/corrupt.zip', 'PK\u0003\u0004 this is not an archive');
    const truncated = zipSync({ 'mainTemplate.json': main });
    writeFileSync(`${ws.root}/e/truncated.zip`.replace('/e/', '/'), truncated.subarray(0, 40));
    ws.write('f/lfs.zip', 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n');
    const report = check(ws);
    const messages = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId} ${x.line}:${x.column} ${x.message}`)]));
    assert.deepEqual(Object.keys(messages), ['a/traversal.zip', 'b/backslash.zip', 'c/absolute.zip', 'd/corrupt.zip', 'truncated.zip']);
    assert.match(messages['a/traversal.zip']?.[0] ?? '', /^CUA013 1:1 .*entry '\.\.\/evil\.json' has '\.\.' in its name/);
    assert.match(messages['b/backslash.zip']?.[0] ?? '', /has a backslash in its name/);
    assert.match(messages['c/absolute.zip']?.[0] ?? '', /has an absolute path in its name/);
    assert.match(messages['d/corrupt.zip']?.[0] ?? '', /not a valid zip archive/);
    assert.match(messages['truncated.zip']?.[0] ?? '', /not a valid zip archive/);
    // A Git LFS pointer is skipped with a word, not a failure.
    assert.deepEqual(
      report.problems.map((p) => [p.path, p.kind]),
      [['f/lfs.zip', 'skipped']],
    );
  } finally {
    ws.dispose();
  }
});

test('zip bombs: entry count, declared entry size and declared total size are bounded before anything is inflated', () => {
  const main = json(template([trackingResource()]));
  const limits = { maxEntries: 5, maxEntryBytes: 1000, maxTotalBytes: 1500 };
  const many: Zippable = { 'mainTemplate.json': main };
  for (let i = 0; i < 10; i++) many[`f${i}.txt`] = strToU8('x');
  assert.deepEqual(openZipPackage(zipSync(many), 'many.zip', limits), {
    ok: false,
    message: "'many.zip' was not read as a Marketplace package: it has more than 5 entries",
  });
  const big = openZipPackage(zipSync({ 'mainTemplate.json': main, 'big.json': new Uint8Array(5000) }), 'big.zip', limits);
  assert.deepEqual(big, {
    ok: false,
    message: "'big.zip' was not read as a Marketplace package: entry 'big.json' declares 5000 bytes, over the 1000-byte limit",
  });
  const total = openZipPackage(zipSync({ 'mainTemplate.json': main, 'a.json': new Uint8Array(900), 'b.json': new Uint8Array(900) }), 't.zip', limits);
  assert.equal(total.ok, false);
  assert.match(total.ok ? '' : total.message, /declare more than 1500 bytes together/);
  // Non-JSON entries are never inflated, whatever they declare.
  const media = openZipPackage(zipSync({ 'mainTemplate.json': main, 'video.mp4': new Uint8Array(5000) }), 'm.zip', limits);
  assert.equal(media.ok && media.isPackage, true);
  // A central directory that lies about a size: refused, not trusted.
  const honest = zipSync({ 'mainTemplate.json': main }, { level: 0 });
  const lying = patchCentralOriginalSize(honest, 3);
  const lied = openZipPackage(lying, 'lie.zip', limits);
  assert.equal(lied.ok, false);
  const huge = openZipPackage(patchCentralOriginalSize(zipSync({ 'mainTemplate.json': main }), 0xfffffff0), 'huge.zip', limits);
  assert.match(huge.ok ? '' : huge.message, /declares 4294967280 bytes, over the 1000-byte limit/);
});

/** Sets the uncompressed size of the first central directory entry (signature PK\x01\x02, size at +24). */
function patchCentralOriginalSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  for (let i = 0; i < copy.length - 4; i++) {
    if (copy[i] === 0x50 && copy[i + 1] === 0x4b && copy[i + 2] === 0x01 && copy[i + 3] === 0x02) {
      new DataView(copy.buffer).setUint32(i + 24, size, true);
      return copy;
    }
  }
  throw new Error('no central directory entry');
}

test('fix never rewrites a package archive: it says to fix the template the package is built from', async () => {
  const ws = createTempWorkspace();
  try {
    writeZip(ws, 'offer/package.zip', { 'mainTemplate.json': json(template([storageAccount()])), 'createUiDefinition.json': json(UI_DEFINITION) });
    const before = readFileSync(`${ws.root}/offer/package.zip`);
    const { fixWorkspace } = await import('../../src/fix/fix-workspace.ts');
    const report = await fixWorkspace({
      workspace: openWorkspace(ws.root),
      settingsFor: () => ({ ...DEFAULT_CHECK_SETTINGS, trackingIds: ['4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6'] }),
      write: true,
      cwd: ws.root,
    });
    assert.deepEqual(
      report.files.map((f) => [f.file, f.written, f.skipped]),
      [
        [
          'offer/package.zip!/mainTemplate.json',
          false,
          "'offer/package.zip!/mainTemplate.json' is inside the archive 'offer/package.zip', which is not rewritten: fix the template it is built from",
        ],
      ],
    );
    assert.deepEqual(readFileSync(`${ws.root}/offer/package.zip`), before);
  } finally {
    ws.dispose();
  }
});

test("a package .zip built from a checked package folder says its findings are the folder template's; a different one does not", () => {
  const ws = createTempWorkspace();
  try {
    const text = `${JSON.stringify(template([storageAccount()]), null, 2)}\n`;
    ws.write('offer/mainTemplate.json', text);
    ws.write('offer/createUiDefinition.json', UI_DEFINITION);
    writeZip(ws, 'offer/package.zip', { 'mainTemplate.json': strToU8(text), 'createUiDefinition.json': json(UI_DEFINITION) });
    writeZip(ws, 'offer/older.zip', { 'mainTemplate.json': json(template([storageAccount('older')])), 'createUiDefinition.json': json(UI_DEFINITION) });
    const report = check(ws);
    const messages = new Map(report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId} ${x.message}`)]));
    const note = ' (the same template as offer/mainTemplate.json, which is checked too: fix it there and build the package again)';
    assert.deepEqual([...messages.keys()].sort(), ['offer/mainTemplate.json', 'offer/older.zip!/mainTemplate.json', 'offer/package.zip!/mainTemplate.json']);
    const [folder] = messages.get('offer/mainTemplate.json') ?? [];
    assert.ok(folder?.startsWith('CUA001 ') && !folder.endsWith(note), folder);
    assert.deepEqual(messages.get('offer/package.zip!/mainTemplate.json'), [`${folder}${note}`]);
    assert.ok(!(messages.get('offer/older.zip!/mainTemplate.json')?.[0] ?? '').endsWith(note));
  } finally {
    ws.dispose();
  }
});
