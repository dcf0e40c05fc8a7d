import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTrackingName, looksLikeTrackingName, minimumLength, normalizeTrackingId } from '../../src/model/tracking-name.ts';
import { createTemplateScope, evaluateValue } from '../../src/expressions/index.ts';
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
  const landingZone = new PartialString([
    `pid-${GUID}-`,
    new Unknown('uniqueString(deployment().location)', { kind: 'hash', fn: 'uniqueString', inputs: [] }, 13),
  ]);
  const name = analyzeTrackingName(landingZone, false);
  assert.equal(name.form, 'guid-with-suffix');
  assert.equal(name.trackingId, GUID);
  assert.equal(name.display, `pid-${GUID}-{uniqueString(deployment().location)}`);
  assert.equal(analyzeTrackingName(landingZone, true).form, 'invalid');
  const unknownGuid = analyzeTrackingName(
    new PartialString(['pid-', new Unknown("parameters('id')", { kind: 'parameter', name: 'id', reason: 'no-value' })]),
    false,
  );
  assert.equal(unknownGuid.form, 'unresolved');
  assert.deepEqual(unknownGuid.problem, { kind: 'unresolved', unknowns: ["parameters('id')"] });
});

test('detection is case-insensitive and needs a known pid- prefix', () => {
  assert.equal(looksLikeTrackingName('PID-x'), true);
  assert.equal(looksLikeTrackingName('vnet'), false);
  assert.equal(looksLikeTrackingName(new Unknown("parameters('name')", { kind: 'parameter', name: 'name', reason: 'no-value' })), false);
});

test('configured ids are normalized', () => {
  assert.equal(normalizeTrackingId(`PID-${GUID.toUpperCase()}`), GUID);
  assert.equal(normalizeTrackingId('contoso-offer-partnercenter'), 'contoso-offer-partnercenter');
  assert.equal(normalizeTrackingId('not-an-id'), undefined);
});

// Names as the evaluator produces them, so unknowns carry their real kinds (uniqueString is bounded).
const scope = createTemplateScope({ parameters: { suffix: { type: 'string' } } });
const evaluated = (raw: string) => evaluateValue(raw, scope).value;
const DOCS_SAMPLE = 'eb7927c8-dd66-43e1-b0cf-c346a422063'; // 11 digits in the last group

test("the docs' sample GUID fails also when a computed suffix follows, with or without strict-names", () => {
  for (const raw of [
    `[format('pid-${DOCS_SAMPLE}-{0}', uniqueString(deployment().name))]`,
    `[concat('pid-${DOCS_SAMPLE}-', parameters('suffix'))]`,
    `pid-${DOCS_SAMPLE}-westeurope`,
  ]) {
    for (const strict of [false, true]) {
      const name = analyzeTrackingName(evaluated(raw), strict);
      assert.equal(name.form, 'invalid', `${raw} strict=${strict}`);
      const problem = name.problem?.kind === 'bad-id' ? name.problem.id : undefined;
      assert.deepEqual(problem?.kind === 'not-a-guid' ? problem.shape : undefined, { kind: 'group-length', group: 5, digits: 11, expected: 12 }, raw);
    }
  }
});

test('known text that rules out both forms is invalid, not unresolved', () => {
  const notAGuid = analyzeTrackingName(evaluated("[concat('pid-NOT_A_GUID-', uniqueString(deployment().name))]"), false);
  assert.equal(notAGuid.form, 'invalid');
  assert.deepEqual(notAGuid.problem, { kind: 'bad-id', id: { kind: 'neither', shown: 'NOT_A_GUID-…' }, rest: ['uniqueString(deployment().name)'] });
  // Words, then a hash: a Partner Center id must end in -partnercenter, which a hash never does.
  assert.equal(analyzeTrackingName(evaluated("[concat('pid-contoso-', uniqueString(deployment().name))]"), false).form, 'invalid');
  const upper = analyzeTrackingName(evaluated("[concat('pid-Contoso-', parameters('suffix'), '-partnercenter')]"), false);
  assert.equal(upper.problem?.kind === 'bad-id' && upper.problem.id.kind, 'partner-center-case');
  // uniqueString() never starts with '-': glued to the GUID it is no suffix.
  assert.deepEqual(analyzeTrackingName(evaluated(`[concat('pid-${GUID}', uniqueString(deployment().name))]`), false).problem, {
    kind: 'hash-after-guid',
    text: 'uniqueString(deployment().name)',
  });
});

test('a partly known name stays unresolved while the known text can still become an id', () => {
  for (const raw of [
    "[concat('pid-eb79', parameters('suffix'))]",
    "[concat('pid-contoso-', parameters('suffix'))]",
    "[concat('pid-eb7927c8-dd6-', parameters('suffix'), '-partnercenter')]",
  ]) {
    assert.equal(analyzeTrackingName(evaluated(raw), false).form, 'unresolved', raw);
  }
});

test('a valid GUID with a computed suffix is accepted, and strict-names forbids the suffix', () => {
  const raw = `[format('pid-${GUID}-{0}', uniqueString(deployment().location))]`;
  assert.equal(analyzeTrackingName(evaluated(raw), false).form, 'guid-with-suffix');
  assert.equal(analyzeTrackingName(evaluated(raw), true).problem?.kind, 'strict-suffix');
});

test('the 64-character limit counts uniqueString() as 13 and guid() as 36 characters', () => {
  // 'pid-' + GUID + '-' = 41 characters.
  assert.equal(minimumLength(evaluated(`[concat('pid-${GUID}-', uniqueString(deployment().name))]`)), 54);
  assert.equal(minimumLength(evaluated(`[concat('pid-${GUID}-', guid(deployment().name))]`)), 77);
  assert.equal(minimumLength(evaluated(`[concat('pid-${GUID}-', parameters('suffix'))]`)), 41); // unknown length: 0
  const fill = (n: number) => 'x'.repeat(n);
  assert.equal(analyzeTrackingName(`pid-${GUID}-${fill(23)}`, false).form, 'guid-with-suffix'); // 64
  assert.deepEqual(analyzeTrackingName(`pid-${GUID}-${fill(24)}`, false).problem, { kind: 'too-long', length: 65, max: 64, atLeast: false, counted: [] });
  const withHash = (n: number) => evaluated(`[concat('pid-${GUID}-${fill(n)}-', uniqueString(deployment().name))]`);
  assert.equal(analyzeTrackingName(withHash(9), false).form, 'guid-with-suffix'); // 41 + 9 + 1 + 13 = 64
  const tooLong = analyzeTrackingName(withHash(10), false);
  assert.equal(tooLong.form, 'invalid');
  assert.deepEqual(tooLong.problem, {
    kind: 'too-long',
    length: 65,
    max: 64,
    atLeast: true,
    counted: [{ text: 'uniqueString(deployment().name)', length: 13 }],
  });
});
