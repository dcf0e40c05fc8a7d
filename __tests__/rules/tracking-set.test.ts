// Queries several rules share (src/rules/tracking-set.ts), decided from what unknown values are
// made of, never from their text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GUID, SUB_SCHEMA, check, findingsOf, template, trackingResource } from '../support/templates.ts';

test('copy iterations whose hash takes the bound copyIndex() are different names, not duplicates', () => {
  const name = `[concat('pid-${GUID}-', uniqueString(deployment().name, string(copyIndex())))]`;
  const tpl = template([trackingResource({ name, copy: { name: 'n', count: 2 } })]);
  assert.deepEqual(findingsOf(check(tpl, { maxTrackingResources: 5 }), 'CUA002'), []);
  const same = template([trackingResource({ name: `[concat('pid-${GUID}-', uniqueString(deployment().name))]`, copy: { name: 'n', count: 2 } })]);
  assert.equal(findingsOf(check(same, { maxTrackingResources: 5 }), 'CUA002').length, 1, 'every iteration has the same name');
});

test('a name follows the location when a variable resolves it from the location parameter', () => {
  const tpl = template([trackingResource({ name: "[variables('pidName')]", location: "[parameters('location')]" })], {
    $schema: SUB_SCHEMA,
    parameters: { location: { type: 'string', defaultValue: 'westeurope' } },
    variables: { pidName: `[concat('pid-${GUID}-', parameters('location'))]` },
  });
  assert.deepEqual(findingsOf(check(tpl), 'CUA015'), []);
  const fixed = template([trackingResource({ name: "[variables('pidName')]", location: "[parameters('location')]" })], {
    $schema: SUB_SCHEMA,
    parameters: { location: { type: 'string', defaultValue: 'westeurope' }, other: { type: 'string', defaultValue: 'x' } },
    variables: { pidName: `[concat('pid-${GUID}-', parameters('other'))]` },
  });
  assert.equal(findingsOf(check(fixed), 'CUA015').length, 1);
});

test('a newGuid() parameter default makes the name new on every run', () => {
  const tpl = template([trackingResource({ name: `[concat('pid-${GUID}-', uniqueString(parameters('run')))]`, location: '[deployment().location]' })], {
    $schema: SUB_SCHEMA,
    parameters: { run: { type: 'string', defaultValue: '[newGuid()]' } },
  });
  assert.deepEqual(findingsOf(check(tpl, {}, { run: 'fixed-in-the-file' }), 'CUA015'), []);
});
