// `cua-guard fix`: inserts the tracking deployment where it is missing, corrects what is
// certainly wrong, leaves everything else with a note; keeps comments, indentation and line
// endings; a second run changes nothing.
import { RULES } from '../../src/rules/index.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { parse as parseJsonc } from 'jsonc-parser';
import { checkTemplateText } from '../../src/engine/check-template.ts';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { loadTerraformTools } from '../../src/app/terraform-tools.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { detectEol, detectIndentUnit, fixWorkspace, planTemplateFix, type FixPlan } from '../../src/fix/index.ts';
import { repairLiteralName } from '../../src/rules/name-repair.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { REPO_ROOT, runCli } from '../support/run-dist.ts';
import { GUID, MG_SCHEMA, RG_SCHEMA, SUB_SCHEMA, TENANT_SCHEMA } from '../support/templates.ts';
import { formatFixNote } from '../../src/report/fix-notes.ts';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';
import { assertPureInsertion, assertUntouchedOutsideEdits } from './support.ts';

const SETTINGS: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] };
const OTHER_ID = '11111111-2222-3333-4444-555555555555';

function plan(text: string, settings: CheckSettings = SETTINGS): FixPlan {
  return planTemplateFix({ file: 'azuredeploy.json', text, settings });
}

/** The notes as the CLI prints them. */
function notesOf(fixPlan: FixPlan): string[] {
  return fixPlan.notes.map(formatFixNote);
}

function errorsOf(text: string, settings: CheckSettings = SETTINGS): string[] {
  return checkTemplateText({ file: 'azuredeploy.json', text }, { rules: RULES, settings })
    .findings.filter((f) => f.severity === 'error' && !f.suppressed)
    .map((f) => `${f.ruleId} ${f.message}`);
}

/** Fixes, then checks the result is clean, the rest of the file untouched, and a second run a no-op. */
function fixCleanly(text: string, settings: CheckSettings = SETTINGS): FixPlan {
  const first = plan(text, settings);
  assert.ok(first.edits.length > 0, 'something to fix');
  assertUntouchedOutsideEdits(first);
  assert.deepEqual(errorsOf(first.fixed, settings), [], first.fixed);
  const second = plan(first.fixed, settings);
  assert.deepEqual(second.edits, [], 'a second run changes nothing');
  assert.deepEqual(second.changes, []);
  return first;
}

const storage = '{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st", "location": "westeurope" }';

test('inserts the tracking deployment first, in a CRLF file indented with tabs, keeping its comments', () => {
  const text = [
    '{',
    `\t"$schema": "${RG_SCHEMA}",`,
    '\t// deploys the demo',
    '\t"contentVersion": "1.0.0.0",',
    '\t"resources": [',
    `\t\t${storage} // the only one`,
    '\t]',
    '}',
    '',
  ].join('\r\n');
  const fixed = fixCleanly(text);
  assertPureInsertion(fixed);
  assert.doesNotMatch(fixed.fixed.replace(/\r\n/g, ''), /\n/, 'no bare LF in a CRLF file');
  assert.match(
    fixed.fixed,
    /\t"resources": \[\r\n\t\t\{\r\n\t\t\t"type": "Microsoft\.Resources\/deployments",\r\n\t\t\t"apiVersion": "2021-04-01",\r\n\t\t\t"name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6",\r\n/,
  );
  assert.match(fixed.fixed, /\t\t\},\r\n\t\t\{ "type": "Microsoft\.Storage\/storageAccounts"/);
  assert.match(fixed.fixed, /\/\/ deploys the demo/);
  assert.deepEqual(fixed.changes, [{ message: "inserted tracking deployment 'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6' as the first resource", line: 6 }]);
  const value = parseJsonc(fixed.fixed) as { resources: { properties: { mode: string; template: { resources: unknown[] } } }[] };
  assert.equal(value.resources[0]?.properties.mode, 'Incremental');
  assert.deepEqual(value.resources[0]?.properties.template.resources, []);
});

test('detects 4-space indentation and fills an empty resources array', () => {
  const text = `{\n    "$schema": "${RG_SCHEMA}",\n    "contentVersion": "1.0.0.0",\n    "resources": []\n}\n`;
  assert.equal(detectIndentUnit(text), '    ');
  const fixed = fixCleanly(text);
  assertPureInsertion(fixed);
  assert.match(fixed.fixed, /\n {4}"resources": \[\n {8}\{\n {12}"type"/);
  assert.match(fixed.fixed, /\n {8}\}\n {4}\]\n\}\n$/);
});

test('a minified template stays on one line', () => {
  const text = `{"$schema":"${RG_SCHEMA}","contentVersion":"1.0.0.0","resources":[${storage.replace(/ /g, '')}]}`;
  const fixed = fixCleanly(text);
  assertPureInsertion(fixed);
  assert.doesNotMatch(fixed.fixed, /\n/);
  assert.match(
    fixed.fixed,
    /"resources":\[\{"type":"Microsoft\.Resources\/deployments","apiVersion":"2021-04-01","name":"pid-[^"]+","properties":\{"mode":"Incremental"/,
  );
});

test('languageVersion 2.0: a new symbolic resource, first in the object', () => {
  const text = `{\n  "$schema": "${RG_SCHEMA}",\n  "languageVersion": "2.0",\n  "contentVersion": "1.0.0.0",\n  "resources": {\n    "pidTracking": ${storage},\n    "st": ${storage}\n  }\n}\n`;
  const fixed = fixCleanly(text.replace('"pidTracking": ', '"other": '));
  assertPureInsertion(fixed);
  assert.match(fixed.fixed, /"resources": \{\n {4}"pidTracking": \{\n {6}"type": "Microsoft\.Resources\/deployments"/);
  const taken = fixCleanly(text);
  assert.match(taken.fixed, /"pidTracking2": \{/, 'a symbol already in use is not reused');
  assert.match(taken.changes[0]?.message ?? '', /as the symbolic resource 'pidTracking2'/);
});

test('at subscription, management group and tenant scope: a location and a per-location name', () => {
  for (const schema of [SUB_SCHEMA, MG_SCHEMA, TENANT_SCHEMA]) {
    const text = `{\n  "$schema": "${schema}",\n  "contentVersion": "1.0.0.0",\n  "resources": [ ]\n}\n`;
    const fixed = fixCleanly(text);
    assertPureInsertion(fixed);
    const resource = (JSON.parse(fixed.fixed) as { resources: Record<string, unknown>[] }).resources[0];
    assert.equal(resource?.['location'], '[deployment().location]');
    assert.equal(resource?.['name'], `[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`);
    const warnings = checkTemplateText({ file: 'a.json', text: fixed.fixed }, { rules: RULES, settings: SETTINGS }).findings.filter(
      (f) => f.severity === 'warning',
    );
    assert.deepEqual(warnings, [], `${schema}: not even CUA015`);
  }
  // Strict names forbid the suffix: the name stays pid-<GUID> (CUA015 remains a warning).
  const strict = { ...SETTINGS, strictNames: true };
  const fixed = fixCleanly(`{\n  "$schema": "${SUB_SCHEMA}",\n  "resources": []\n}\n`, strict);
  assert.match(fixed.fixed, new RegExp(`"name": "pid-${GUID}",\\n {6}"location": "\\[deployment\\(\\)\\.location\\]"`));
});

test('corrects mode, a missing template, location and apiVersion on the existing tracking deployment', () => {
  const resource = `{\n      "type": "Microsoft.Resources/deployments",\n      "apiVersion": "latest",\n      "name": "pid-${GUID}",\n      "properties": {\n        "mode": "Complete"\n      }\n    }`;
  const fixed = fixCleanly(`{\n  "$schema": "${SUB_SCHEMA}",\n  "resources": [\n    ${resource}\n  ]\n}\n`);
  assert.deepEqual(
    fixed.changes.map((c) => `${c.line}: ${c.message}`),
    [
      `6: set apiVersion of 'pid-${GUID}' to '2021-04-01' (was 'latest')`,
      `9: set properties.mode of 'pid-${GUID}' to 'Incremental' (was 'Complete')`,
      `10: added an empty inline template to 'pid-${GUID}'`,
      `16: added "location": "[deployment().location]" to 'pid-${GUID}' (subscription scope)`,
    ],
  );
  assert.ok(
    fixed.edits.some((e) => e.length > 0 && e.content === '"Incremental"'),
    'the mode literal is replaced, nothing around it',
  );
  // A tracking deployment without properties gets all of them; one without mode gets mode first.
  const bare = fixCleanly(
    `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-${GUID}" }\n  ]\n}\n`,
  );
  assert.match(bare.fixed, /"name": "pid-[^"]+", "properties": \{ "mode": "Incremental", "template": \{ "\$schema": /);
  const noMode = fixCleanly(
    `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-${GUID}", "properties": { "template": { "resources": [] } } }\n  ]\n}\n`,
  );
  assert.match(noMode.fixed, /"properties": \{ "mode": "Incremental", "template": \{ "resources": \[\] \} \}/);
});

test('fixes that meet at one place are applied in turn, each on the text the previous pass left; the edits are on the original', () => {
  // CUA007 and CUA008 both add "properties": the first pass adds it with a mode, the second adds the template inside it.
  const bare = fixCleanly(
    `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-${GUID}" }\n  ]\n}\n`,
  );
  assertPureInsertion(bare);
  assert.deepEqual(bare.changes, [
    { message: `added properties with mode 'Incremental' to 'pid-${GUID}'`, line: 4 },
    { message: `added an empty inline template to 'pid-${GUID}'`, line: 4 },
  ]);
  // Edits apart from each other stay apart; insertions at one place become one edit of the original.
  const apart = fixCleanly(
    `{\n  "$schema": "${SUB_SCHEMA}",\n  "resources": [\n    {\n      "type": "Microsoft.Resources/deployments",\n      "apiVersion": "latest",\n      "name": "pid-${GUID}"\n    }\n  ]\n}\n`,
  );
  assert.deepEqual(
    apart.edits.map((e) => [e.length, e.content.startsWith(',\n      "properties": {') && e.content.endsWith('"location": "[deployment().location]"')]),
    [
      [8, false],
      [0, true],
    ],
  );
  assert.deepEqual(
    apart.changes.map((c) => c.line),
    [6, 8, 10, 16],
  );
});

test('repairs a malformed literal name only when the intended id is clear', () => {
  assert.deepEqual(repairLiteralName(`PID-${GUID}`, [], false), { name: `pid-${GUID}`, reason: "lower-case 'pid-'" });
  assert.deepEqual(repairLiteralName(`pid-{${GUID.toUpperCase()}}`, [], false), { name: `pid-${GUID.toUpperCase()}`, reason: 'no braces round the GUID' });
  // The docs' sample has 11 digits in its last group: clear only next to a given id.
  const docs = 'pid-eb7927c8-dd66-43e1-b0cf-c346a422063';
  assert.equal(repairLiteralName(docs, [GUID], false).name, undefined);
  assert.match(repairLiteralName(docs, [GUID], false).reason, /no given tracking id is within 2 characters/);
  assert.equal(repairLiteralName(docs, ['eb7927c8-dd66-43e1-b0cf-c346a4220635'], false).name, 'pid-eb7927c8-dd66-43e1-b0cf-c346a4220635');
  assert.equal(
    repairLiteralName(docs, ['eb7927c8-dd66-43e1-b0cf-c346a4220635', 'eb7927c8-dd66-43e1-b0cf-c346a4220636'], false).name,
    undefined,
    'two candidates: not clear',
  );
  assert.equal(repairLiteralName('amba-pid-x', [GUID], false).name, undefined);
  assert.equal(repairLiteralName(`pid-${GUID}x`, [GUID], false).name, undefined);

  const wrapped = (name: string) =>
    `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    {\n      "type": "Microsoft.Resources/deployments",\n      "apiVersion": "2021-04-01",\n      "name": ${JSON.stringify(name)},\n      "properties": { "mode": "Incremental", "template": { "resources": [] } }\n    }\n  ]\n}\n`;
  const braces = fixCleanly(wrapped(`PID-{${GUID}}`));
  assert.deepEqual(
    braces.edits.map((e) => e.content),
    [`"pid-${GUID}"`],
  );
  const placeholder = fixCleanly(wrapped('pid-00000000-0000-0000-0000-000000000000-westeurope'));
  assert.deepEqual(
    placeholder.edits.map((e) => e.content),
    [`"pid-${GUID}-westeurope"`],
  );
  // Unclear from the name alone: with several ids given, which one it should carry is not clear either.
  const twoIds: CheckSettings = { ...SETTINGS, trackingIds: [GUID, OTHER_ID] };
  const unclear = plan(wrapped('pid-not-a-guid'), twoIds);
  assert.deepEqual(unclear.edits, []);
  assert.match(
    notesOf(unclear).join('\n'),
    /left alone: azuredeploy\.json:\d+:\d+ error CUA003 tracking name 'pid-not-a-guid' is invalid.*\(not fixed: .*the intended id is not clear; 2 tracking ids are given, so which one this template should use is not clear\)/,
  );
  const expression = plan(wrapped("[concat('PID-', '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6')]"));
  assert.deepEqual(expression.edits, []);
  assert.match(notesOf(expression).join('\n'), /is an expression; fix it by hand/);
});

test('with a tracking id given, an invalid or placeholder literal name becomes pid-<given id>, keeping a landing-zone suffix; a well-formed id is never renamed', () => {
  const wrapped = (name: string, extra = '') =>
    `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": ${JSON.stringify(name)}, "properties": { "mode": "Incremental", "template": { "resources": [] } } }${extra}\n  ]\n}\n`;
  // CUA003: the docs' 11-digit sample, no given id within 2 characters of it.
  const invalid = fixCleanly(wrapped('pid-eb7927c8-dd66-43e1-b0cf-c346a422063'));
  assert.deepEqual(
    invalid.edits.map((e) => e.content),
    [`"pid-${GUID}"`],
  );
  assert.match(
    invalid.changes[0]?.message ?? '',
    /renamed tracking deployment 'pid-eb7927c8-dd66-43e1-b0cf-c346a422063' to 'pid-4f3c9a7e[^']*' \(it was invalid; the given id is 4f3c9a7e/,
  );
  // CUA003 placeholder: the nil GUID becomes the given id; the suffix after it stays.
  const placeholder = fixCleanly(wrapped('pid-00000000-0000-0000-0000-000000000000-westeurope'));
  assert.deepEqual(
    placeholder.edits.map((e) => e.content),
    [`"pid-${GUID}-westeurope"`],
  );
  assert.match(placeholder.changes[0]?.message ?? '', /\(it held a placeholder; the given id is 4f3c9a7e/);
  // CUA009: a well-formed id that is not the registered one may be another product's: reported, left alone.
  for (const name of [`pid-${OTHER_ID}-westeurope`, 'pid-contoso-offer-partnercenter', `pid-${GUID}-partnercenter`]) {
    const unregistered = plan(wrapped(name));
    assert.deepEqual(unregistered.edits, [], name);
    assert.match(notesOf(unregistered).join('\n'), /error CUA009 .*\(not fixed: fix never renames a well-formed tracking id/, name);
  }
  // Not sure: several ids given, or two top-level tracking deployments.
  const several = plan(wrapped('pid-eb7927c8-dd66-43e1-b0cf-c346a422063'), { ...SETTINGS, trackingIds: [GUID, '22222222-3333-4444-5555-666666666666'] });
  assert.deepEqual(several.edits, []);
  assert.match(notesOf(several).join('\n'), /left alone: azuredeploy\.json:\d+:\d+ error CUA003 .*2 tracking ids are given/);
  const second = `,\n    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-${GUID}-x", "properties": { "mode": "Incremental", "template": { "resources": [] } } }`;
  const two = plan(wrapped('pid-eb7927c8-dd66-43e1-b0cf-c346a422063', second), { ...SETTINGS, maxTrackingResources: 2 });
  assert.deepEqual(two.edits, []);
  assert.match(notesOf(two).join('\n'), /the template has 2 top-level tracking deployments, so which one should carry 4f3c9a7e[^ ]* is not clear/);
  // An expression is never rewritten.
  const expression = plan(wrapped(`[concat('pid-', '${OTHER_ID}')]`));
  assert.deepEqual(expression.edits, []);
});

test('a repair whose rule is off for the template, or suppressed on the resource, is not made', () => {
  const resource = (extra: string) =>
    `{ "type": "Microsoft.Resources/deployments", "apiVersion": "latest", "name": "pid-${GUID}", "properties": { "mode": "Complete", "template": { "resources": [] } }${extra} }`;
  const text = (extra = '') => `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    ${resource(extra)}\n  ]\n}\n`;
  const all = plan(text());
  assert.deepEqual(
    all.changes.map((c) => c.message.split(' of ')[0]),
    ['set apiVersion', 'set properties.mode'],
  );

  const off = plan(text(), { ...SETTINGS, severities: { CUA007: 'off' } });
  assert.deepEqual(
    off.changes.map((c) => c.message.split(' of ')[0]),
    ['set apiVersion'],
  );
  // A rule that is off is not run: it reports nothing, so there is nothing to repair or to note.
  assert.deepEqual(
    off.notes.filter((n) => 'finding' in n && n.finding.ruleId === 'CUA007'),
    [],
  );

  const suppressed = plan(text(', "metadata": { "cua-guard": { "ignore": ["CUA014"], "reason": "pinned by policy" } }'));
  assert.deepEqual(
    suppressed.changes.map((c) => c.message.split(' of ')[0]),
    ['set properties.mode'],
  );
  assert.deepEqual(
    suppressed.notes.filter((n) => n.kind === 'suppressed').map((n) => 'finding' in n && [n.finding.ruleId, n.finding.suppressed?.reason]),
    [['CUA014', 'pinned by policy']],
  );
  assert.match(
    notesOf(suppressed).join('\n'),
    /left alone: azuredeploy\.json:4:\d+ CUA014 tracking deployment 'pid-[^']+' has apiVersion 'latest'.* \(CUA014 is suppressed on this resource: pinned by policy\)/,
  );

  // CUA001 off: nothing is inserted; CUA003 off: an invalid name is not renamed.
  const empty = `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": []\n}\n`;
  assert.deepEqual(plan(empty, { ...SETTINGS, severities: { CUA001: 'off' } }).edits, []);
  const invalidName = text().replace(`"pid-${GUID}"`, '"pid-not-a-guid"').replace('"latest"', '"2021-04-01"').replace('"Complete"', '"Incremental"');
  assert.equal(plan(invalidName).edits.length, 1);
  assert.deepEqual(plan(invalidName, { ...SETTINGS, severities: { CUA003: 'off' } }).edits, []);
});

test('tracking deployments only in a nested template: the top-level one is inserted, the nested one stays and is still reported', () => {
  const nested = `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    {\n      "type": "Microsoft.Resources/deployments",\n      "apiVersion": "2021-04-01",\n      "name": "wrapper",\n      "properties": { "mode": "Incremental", "template": { "resources": [ { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-${GUID}", "properties": { "mode": "Complete", "template": {} } } ] } }\n    }\n  ]\n}\n`;
  const result = plan(nested);
  assertPureInsertion(result);
  assert.match(result.changes[0]?.message ?? '', /^inserted tracking deployment 'pid-4f3c9a7e[^']*' as the first resource$/);
  assert.ok(
    result.fixed.endsWith(
      nested.slice(nested.indexOf('    {\n      "type": "Microsoft.Resources/deployments",\n      "apiVersion": "2021-04-01",\n      "name": "wrapper"')),
    ),
    'the nested deployment is untouched',
  );
  // The nested one is still reported, with why fix leaves it (it never moves a resource).
  const nestedNote = result.notes.find((n) => n.kind === 'still-reported' && n.finding.ruleId === 'CUA004');
  assert.match(
    (nestedNote && formatFixNote(nestedNote)) || '',
    /^still reported: azuredeploy\.json:\d+:\d+ error CUA004 .*'wrapper'.*\(not fixed: fix never moves a resource out of a nested template or a parent resource; it inserts the top-level one when there is none\)$/,
  );
  assert.deepEqual(result.remainingErrors.map((f) => f.ruleId).sort(), ['CUA004', 'CUA007'], 'the nested one is reported as it was');
  assert.deepEqual(plan(result.fixed).edits, [], 'a second run changes nothing');
  // A broken expression that is clearly meant as the tracking name: no second one either.
  const broken = plan(
    `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [\n    { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "[concat('pid-${GUID}', )]", "properties": { "mode": "Incremental", "template": {} } }\n  ]\n}\n`,
  );
  assert.deepEqual(broken.edits, []);
  assert.match(notesOf(broken).join('\n'), /looks like the tracking deployment, but its name cannot be evaluated/);
});

test('without a tracking id nothing is inserted, and the note says how to get one', () => {
  const text = `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": []\n}\n`;
  const result = plan(text, DEFAULT_CHECK_SETTINGS);
  assert.deepEqual(result.edits, []);
  assert.deepEqual(
    result.notes.map((n) => n.kind === 'left-alone' && [n.finding.ruleId, n.reason]),
    [['CUA001', "no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)"]],
  );
  assert.match(notesOf(result)[0] ?? '', /^left alone: azuredeploy\.json:3:3 error CUA001 .*\(not fixed: no tracking id was given .*cua-guard new-id/);
});

test('line endings and indentation are detected from the file', () => {
  assert.equal(detectEol('{\r\n  "a": 1\r\n}\r\n'), '\r\n');
  assert.equal(detectEol('{\n  "a": 1\n}'), '\n');
  assert.equal(detectIndentUnit('{\n\t"a": {\n\t\t"b": 1\n\t}\n}'), '\t');
  assert.equal(detectIndentUnit('{\n   "a": {\n      "b": 1\n   }\n}'), '   ');
  assert.equal(detectIndentUnit('{"a":1}'), '  ');
});

/**
 * `fix --tracking-id <GUID>` on each failing example: whether it changes the file, which findings
 * (any severity, by rule) are left afterwards, and for each one left the reason fix gives.
 */
const EXAMPLES: Record<string, { changed: boolean; remaining: string[] }> = {
  'cua001-missing-tracking-resource': { changed: true, remaining: [] },
  'cua002-duplicate-tracking-resource': { changed: false, remaining: ['CUA002'] }, // which one to delete is not fix's call
  'cua003-invalid-tracking-name': { changed: true, remaining: [] }, // renamed to pid-<given id>
  'cua004-tracking-in-nested-template': { changed: true, remaining: ['CUA004'] }, // top-level one inserted, nested one stays
  'cua004-bicep-tracking-in-module': { changed: true, remaining: ['CUA004'] }, // a Bicep resource declaration inserted, the module's stays
  'cua005-tracking-in-linked-template': { changed: true, remaining: ['CUA005'] }, // same, for the linked template
  'cua006-tracking-name-wrong-type': { changed: false, remaining: ['CUA006'] },
  'cua007-tracking-mode-not-incremental': { changed: true, remaining: [] },
  'cua008-tracking-template-not-empty': { changed: false, remaining: ['CUA008'] }, // a warning; resources are never deleted
  'cua009-unregistered-tracking-id': { changed: false, remaining: ['CUA009'] }, // a well-formed id, perhaps another product's: never renamed
  'cua010-unresolved-tracking-name': { changed: false, remaining: ['CUA010'] },
  'cua011-conditional-tracking': { changed: false, remaining: ['CUA011'] },
  'cua012-tracking-location-missing': { changed: true, remaining: [] },
  'cua013-invalid-template': { changed: false, remaining: ['CUA013'] },
  'cua014-tracking-api-version': { changed: true, remaining: [] },
  'cua015-fixed-name-at-higher-scope': { changed: false, remaining: ['CUA015'] }, // a warning; renaming is left to people
  'cua016-invalid-expression': { changed: false, remaining: ['CUA001', 'CUA016'] }, // the broken name is meant as the tracking one
  'cua017-linked-template-not-checked': { changed: false, remaining: ['CUA017'] },
};

/** The same for the Terraform examples (each a module folder with main.tf). */
const TERRAFORM_EXAMPLES: Record<string, { changed: boolean; remaining: string[] }> = {
  'cua201-missing-partner-id': { changed: true, remaining: [] }, // partner_id inserted
  'cua202-invalid-partner-id': { changed: false, remaining: ['CUA202'] }, // which id was meant is not fix's call
  'cua203-unregistered-partner-id': { changed: false, remaining: ['CUA203'] }, // the value is in terraform.tfvars, not the provider block
  'cua204-unresolved-partner-id': { changed: false, remaining: ['CUA204'] }, // a notice: the value comes at run time
};

test('fix on every failing example: exactly these findings remain, each with the reason, and a second run changes nothing', async () => {
  const bicepParser = await createSyntaxParser('bicep');
  const examples = readdirSync(join(REPO_ROOT, 'examples/failing'))
    .filter((name) => !(name in TERRAFORM_EXAMPLES))
    .sort();
  assert.deepEqual(examples, Object.keys(EXAMPLES).sort(), 'every example has an expected outcome');
  for (const name of examples) {
    const expected = EXAMPLES[name];
    assert.ok(expected);
    const ws = createTempWorkspace();
    try {
      cpSync(join(REPO_ROOT, 'examples/failing', name), ws.root, { recursive: true });
      const main = existsSync(join(ws.root, 'main.bicep')) ? 'main.bicep' : 'azuredeploy.json';
      const original = readFileSync(join(ws.root, main), 'utf8');
      const settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] };
      const workspace = openWorkspace(ws.root);
      const before = checkWorkspace({ workspace, settings, bicepParser });
      const fixed = fixWorkspace({ workspace, settingsFor: () => settings, write: true, bicepParser });
      const after = checkWorkspace({ workspace, settings, bicepParser });
      const text = readFileSync(join(ws.root, main), 'utf8');
      const problems = (report: typeof after) => report.files.flatMap((f) => f.findings).filter((f) => !f.suppressed);
      assert.ok(problems(before).length > 0, `${name} had something to report`);
      assert.deepEqual([...new Set(problems(after).map((f) => f.ruleId))].sort(), expected.remaining, `${name}: what remains after the fix`);
      const [plan] = fixed.files;
      assert.ok(plan);
      if (expected.changed) {
        assert.ok(plan.written, `${name} was changed`);
        assertUntouchedOutsideEdits(plan);
      } else {
        assert.equal(text, original, `${name} is left byte for byte`);
        assert.equal(plan.written, false);
      }
      // Every error left is explained: its note gives the reason.
      for (const error of plan.remainingErrors) {
        const note = plan.notes.find((n) => 'finding' in n && n.finding === error);
        assert.ok(
          note && (note.kind === 'left-alone' || (note.kind === 'still-reported' && note.reason)),
          `${name}: why ${error.ruleId} is left: ${plan.notes.map(formatFixNote).join(' | ')}`,
        );
      }
      const again = fixWorkspace({ workspace, settingsFor: () => settings, write: true, bicepParser });
      assert.deepEqual(
        again.files.map((f) => f.edits.length),
        [0],
        `${name}: a second run changes nothing`,
      );
    } finally {
      ws.dispose();
    }
  }
});

test('fix on every failing Terraform example: exactly these findings remain, and a second run changes nothing', async () => {
  const examples = readdirSync(join(REPO_ROOT, 'examples/failing')).filter((name) => /^cua2\d\d-/.test(name));
  assert.deepEqual(examples.sort(), Object.keys(TERRAFORM_EXAMPLES).sort(), 'every Terraform example has an expected outcome');
  for (const name of examples) {
    const expected = TERRAFORM_EXAMPLES[name];
    assert.ok(expected);
    const ws = createTempWorkspace();
    try {
      cpSync(join(REPO_ROOT, 'examples/failing', name), ws.root, { recursive: true });
      const original = readFileSync(join(ws.root, 'main.tf'), 'utf8');
      const settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, trackingIds: [GUID] };
      const workspace = openWorkspace(ws.root);
      const terraform = await loadTerraformTools(workspace);
      const before = checkWorkspace({ workspace, settings, terraform });
      const fixed = fixWorkspace({ workspace, settingsFor: () => settings, write: true, terraform });
      const after = checkWorkspace({ workspace, settings, terraform });
      const problems = (report: typeof after) => report.files.flatMap((f) => f.findings).filter((f) => !f.suppressed);
      assert.ok(problems(before).length > 0, `${name} had something to report`);
      assert.deepEqual([...new Set(problems(after).map((f) => f.ruleId))].sort(), expected.remaining, `${name}: what remains after the fix`);
      const [plan] = fixed.files;
      assert.ok(plan);
      assert.equal(plan.written, expected.changed, `${name} changed or not`);
      if (!expected.changed) assert.equal(readFileSync(join(ws.root, 'main.tf'), 'utf8'), original, `${name} is left byte for byte`);
      for (const error of plan.remainingErrors) {
        const note = plan.notes.find((n) => 'finding' in n && n.finding === error);
        assert.ok(note && (note.kind === 'left-alone' || (note.kind === 'still-reported' && note.reason)), `${name}: why ${error.ruleId} is left`);
      }
      const again = fixWorkspace({ workspace, settingsFor: () => settings, write: true, terraform });
      assert.deepEqual(
        again.files.map((f) => f.edits.length),
        [0],
        `${name}: a second run changes nothing`,
      );
    } finally {
      ws.dispose();
    }
  }
});

test('a linked template of another main template is never given a tracking deployment', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', {
      $schema: RG_SCHEMA,
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2021-04-01',
          name: 'net',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/azuredeploy.json' } },
        },
      ],
    });
    ws.write('nested/azuredeploy.json', { $schema: RG_SCHEMA, resources: [] });
    // Named on the command line, it is listed with the reason it is left alone.
    const named = fixWorkspace({
      workspace: openWorkspace(ws.root),
      paths: ['azuredeploy.json', 'nested/azuredeploy.json'],
      cwd: ws.root,
      settingsFor: () => SETTINGS,
      write: false,
    });
    const namedByFile = Object.fromEntries(named.files.map((f) => [f.file, f]));
    assert.equal(namedByFile['nested/azuredeploy.json']?.fixed, namedByFile['nested/azuredeploy.json']?.original);
    assert.deepEqual(namedByFile['nested/azuredeploy.json']?.notes, [{ kind: 'linked-template', parent: 'azuredeploy.json' }]);
    // Found by default discovery, it is not a main template at all (as in check).
    const result = fixWorkspace({ workspace: openWorkspace(ws.root), settingsFor: () => SETTINGS, write: true });
    const byFile = Object.fromEntries(result.files.map((f) => [f.file, f]));
    assert.equal(byFile['azuredeploy.json']?.written, true);
    assert.equal(byFile['nested/azuredeploy.json'], undefined);
    assert.deepEqual(JSON.parse(readFileSync(join(ws.root, 'nested/azuredeploy.json'), 'utf8')).resources, []);
  } finally {
    ws.dispose();
  }
});

test('the bundled CLI: fix writes and reports, --dry-run prints an applicable diff, new-id prints a usable resource', () => {
  const ws = createTempWorkspace();
  try {
    const original = `\uFEFF{\r\n  "$schema": "${RG_SCHEMA}",\r\n  "resources": [\r\n    ${storage}\r\n  ]\r\n}\r\n`;
    ws.write('app/azuredeploy.json', original);
    ws.write(
      'other/azuredeploy.json',
      `{\n  "$schema": "${RG_SCHEMA}",\n  "resources": [ { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-${GUID}", "properties": { "mode": "Complete", "template": {} } } ]\n}\n`,
    );

    const dry = runCli(['fix', '--tracking-id', GUID, '--dry-run'], ws.root);
    assert.equal(dry.status, 0, dry.stderr);
    assert.equal(readFileSync(join(ws.root, 'app/azuredeploy.json'), 'utf8'), original, '--dry-run writes nothing');
    assert.match(dry.stdout, /^--- a\/app\/azuredeploy\.json\n\+\+\+ b\/app\/azuredeploy\.json\n@@ /);
    assert.match(dry.stdout, /\n--- a\/other\/azuredeploy\.json\n/);
    assert.match(
      dry.stderr,
      /app\/azuredeploy\.json:4: would have inserted tracking deployment 'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6' as the first resource/,
    );
    assert.match(dry.stderr, /2 template\(s\): 2 would change, 0 unchanged\n$/);
    // The diff applies to the original and gives what fix writes.
    const patched = applyPatch(original.slice(1), dry.stdout.slice(0, dry.stdout.indexOf('\n--- a/other')));
    assert.equal(typeof patched, 'string');

    const run = runCli(['fix', 'app', 'other', '--tracking-id', GUID], ws.root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        "app/azuredeploy.json:4: inserted tracking deployment 'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6' as the first resource",
        "other/azuredeploy.json:3: set properties.mode of 'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6' to 'Incremental' (was 'Complete')",
        '2 template(s): 2 changed, 0 unchanged',
        '',
      ].join('\n'),
    );
    const written = readFileSync(join(ws.root, 'app/azuredeploy.json'), 'utf8');
    assert.ok(written.startsWith('\uFEFF{\r\n'), 'the byte-order mark and CRLF are kept');
    assert.equal(written.slice(1), patched, 'the dry-run diff is what fix writes');
    assert.equal(runCli(['check', '--tracking-id', GUID], ws.root).status, 0);

    const again = runCli(['fix', '--tracking-id', GUID], ws.root);
    assert.equal(again.stdout, '2 template(s): 0 changed, 2 unchanged\n');

    ws.write('broken/azuredeploy.json', '{ "resources": [ ');
    const left = runCli(['fix', 'broken', '--tracking-id', GUID], ws.root);
    assert.equal(left.status, 1, 'errors left to fix by hand');
    assert.match(left.stdout, /broken\/azuredeploy\.json: not changed: the file is not valid JSON/);

    const newId = runCli(['new-id', '--scope', 'subscription'], ws.root);
    assert.equal(newId.status, 0);
    const [id, ...rest] = newId.stdout.split('\n');
    assert.match(id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const snippet = JSON.parse(rest.join('\n').slice(rest.join('\n').indexOf('{'))) as Record<string, unknown>;
    assert.equal(snippet['location'], '[deployment().location]');
    const pasted = JSON.stringify({ $schema: SUB_SCHEMA, contentVersion: '1.0.0.0', resources: [snippet] }, null, 2);
    assert.deepEqual(
      checkTemplateText({ file: 'a.json', text: pasted }, { rules: RULES, settings: { ...DEFAULT_CHECK_SETTINGS, trackingIds: [id ?? ''] } }).findings,
      [],
    );
    assert.notEqual(runCli(['new-id'], ws.root).stdout.split('\n')[0], id, 'a fresh id each time');
    assert.equal(runCli(['new-id', '--scope', 'galaxy'], ws.root).status, 2);
  } finally {
    ws.dispose();
  }
});

test("fix in a repository of several products: other products' ids stay, the registered id is inserted as given and passes, linked modules are untouched; fix --check exits 1 while something would change", async () => {
  const { runCli: runSourceCli } = await import('../../src/app/cli/cli.ts');
  const cli = async (args: string[], cwd: string) => {
    let stdout = '';
    let stderr = '';
    const status = await runSourceCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
    return { status, stdout, stderr };
  };
  const ws = createTempWorkspace();
  try {
    const ours = `${GUID}-partnercenter`;
    const theirs = '9d2b7c1e-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
    const named = (name: string) => JSON.stringify({ $schema: RG_SCHEMA, resources: [{ ...trackingDeployment(), name }] }, null, 2);
    ws.write('products/other/mainTemplate.json', named(`pid-${theirs}-partnercenter`));
    ws.write('products/legacy/azuredeploy.json', named('pid-contoso-legacy-partnercenter'));
    ws.write(
      'products/ours/mainTemplate.json',
      JSON.stringify(
        {
          $schema: RG_SCHEMA,
          resources: [
            {
              type: 'Microsoft.Resources/deployments',
              apiVersion: '2021-04-01',
              name: 'net',
              properties: { mode: 'Incremental', templateLink: { relativePath: 'modules/net.json' } },
            },
          ],
        },
        null,
        2,
      ),
    );
    ws.write('products/ours/modules/net.json', JSON.stringify({ $schema: RG_SCHEMA, resources: [] }, null, 2));
    const before = cli(['fix', '--check', '--tracking-id', `PID-${ours.toUpperCase()}`], ws.root);
    assert.equal((await before).status, 1, 'fix --check: something would change');
    const fixed = await cli(['fix', '--tracking-id', `PID-${ours.toUpperCase()}`], ws.root);
    assert.match(fixed.stdout, /products\/ours\/mainTemplate\.json:\d+: inserted/);
    const read = (file: string) => JSON.parse(readFileSync(join(ws.root, file), 'utf8')) as { resources: { name: string }[] };
    assert.equal(read('products/other/mainTemplate.json').resources[0]?.name, `pid-${theirs}-partnercenter`, "another product's id stays");
    assert.equal(read('products/legacy/azuredeploy.json').resources[0]?.name, 'pid-contoso-legacy-partnercenter');
    assert.equal(read('products/ours/mainTemplate.json').resources[0]?.name, `pid-${ours}`, 'exactly the registered id, as Partner Center shows it');
    assert.deepEqual(read('products/ours/modules/net.json').resources, [], 'never into a linked module');
    // What it inserted passes the check; the other products' ids are CUA009 (reported, not repaired).
    const checked = await cli(['check', '--format', 'json', '--tracking-id', ours, 'products/ours'], ws.root);
    assert.equal(checked.status, 0, checked.stdout);
    const after = await cli(['fix', '--check', '--tracking-id', ours], ws.root);
    assert.equal(after.status, 0, 'fix --check: nothing left to change');
  } finally {
    ws.dispose();
  }
});

function trackingDeployment(): Record<string, unknown> {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    properties: { mode: 'Incremental', template: { $schema: RG_SCHEMA, contentVersion: '1.0.0.0', resources: [] } },
  };
}
