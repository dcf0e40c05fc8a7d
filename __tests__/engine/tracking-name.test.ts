import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTrackingName, looksLikeTrackingName, normalizeTrackingId } from '../../src/engine/tracking-name.ts';
import { PartialString, Unknown } from '../../src/expressions/value.ts';

const GUID = 'eb7927c8-dd66-43e1-b0cf-c346a4220633';

test('forms of tracking names', () => {
  assert.equal(analyzeTrackingName(`pid-${GUID}`, false).form, 'guid');
  assert.equal(analyzeTrackingName(`pid-${GUID}-abc`, false).form, 'guid-with-suffix');
  assert.equal(analyzeTrackingName(`pid-${GUID}-partnercenter`, false).form, 'partner-center');
  assert.equal(analyzeTrackingName('pid-contoso-myoffer-partnercenter', false).trackingId, 'contoso-myoffer-partnercenter');
  assert.equal(analyzeTrackingName('pid-eb7927c8-dd66-43e1-b0cf-c346a422063', false).form, 'invalid');
});

test('a partly known name checks the known prefix', () => {
  const landingZone = new PartialString([`pid-${GUID}-`, new Unknown('uniqueString(deployment().location)')]);
  const name = analyzeTrackingName(landingZone, false);
  assert.equal(name.form, 'guid-with-suffix');
  assert.equal(name.trackingId, GUID);
  assert.equal(name.display, `pid-${GUID}-{uniqueString(deployment().location)}`);
  assert.equal(analyzeTrackingName(landingZone, true).form, 'invalid');
  const unknownGuid = analyzeTrackingName(new PartialString(['pid-', new Unknown("parameters('id')")]), false);
  assert.equal(unknownGuid.form, 'unresolved');
  assert.match(unknownGuid.problem ?? '', /parameters\('id'\)/);
});

test('detection is case-insensitive and needs a known pid- prefix', () => {
  assert.equal(looksLikeTrackingName('PID-x'), true);
  assert.equal(looksLikeTrackingName('vnet'), false);
  assert.equal(looksLikeTrackingName(new Unknown("parameters('name')")), false);
});

test('configured ids are normalized', () => {
  assert.equal(normalizeTrackingId(`PID-${GUID.toUpperCase()}`), GUID);
  assert.equal(normalizeTrackingId('contoso-offer-partnercenter'), 'contoso-offer-partnercenter');
  assert.equal(normalizeTrackingId('not-an-id'), undefined);
});
