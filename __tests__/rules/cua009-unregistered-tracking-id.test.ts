import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua009 } from '../../src/rules/cua009-unregistered-tracking-id.ts';
import { parseTrackingIds } from '../../src/settings/parse-options.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, nameRange, named, template, trackingResource } from './tracking-name-cases.ts';

const OTHER = '11111111-2222-3333-4444-555555555555';
const THIRD = '22222222-3333-4444-5555-666666666666';
const LOOP_NAME = "[concat('pid-', variables('offers')[copyIndex()])]";
const loop = (offers: string[]) => template([trackingResource({ name: LOOP_NAME, copy: { name: 'offers', count: offers.length } })], { variables: { offers } });
const LOOP_DISPLAY = "pid-{variables('offers')[copyIndex()]}";

ruleTester(cua009, {
  valid: [
    { name: 'a registered id, compared case-insensitively', template: named(`pid-${GUID.toUpperCase()}`), settings: { trackingIds: [GUID] } },
    { name: 'silent when no ids are configured', template: named(`pid-${OTHER}`) },
    { name: "every iteration's id is registered", template: loop([GUID, OTHER]), settings: { trackingIds: [GUID, OTHER] } },
    {
      name: 'a Partner Center id that is registered',
      template: named('pid-contoso-offer-partnercenter'),
      settings: { trackingIds: ['contoso-offer-partnercenter'] },
    },
    {
      name: 'a Partner Center id of a GUID, registered as Partner Center shows it',
      template: named(`pid-${GUID.toUpperCase()}-partnercenter`),
      settings: { trackingIds: [`${GUID}-partnercenter`] },
    },
  ],
  invalid: [
    {
      name: "an id that is not the one registered: reported, never renamed (it may be another product's)",
      template: named(`pid-${GUID}`),
      settings: { trackingIds: [OTHER] },
      errors: [{ messageId: 'unregistered', data: { name: `pid-${GUID}`, id: GUID, registered: OTHER }, ...nameRange(named(`pid-${GUID}`), `pid-${GUID}`) }],
      output: null,
    },
    {
      name: 'with a landing-zone suffix too',
      template: named(`pid-${GUID}-westeurope`),
      settings: { trackingIds: [OTHER] },
      errors: [
        {
          messageId: 'unregistered',
          data: { name: `pid-${GUID}-westeurope`, id: GUID, registered: OTHER },
          ...nameRange(named(`pid-${GUID}-westeurope`), `pid-${GUID}-westeurope`),
        },
      ],
      output: null,
    },
    {
      name: 'registered as <GUID>-partnercenter, written without the suffix: the message says they differ only by it',
      template: named(`pid-${GUID}`),
      settings: { trackingIds: [`${GUID}-partnercenter`] },
      errors: [
        {
          messageId: 'partnerCenterSuffix',
          data: { name: `pid-${GUID}`, id: GUID, registered: `${GUID}-partnercenter` },
          ...nameRange(named(`pid-${GUID}`), `pid-${GUID}`),
        },
      ],
      output: null,
    },
    {
      name: 'registered as a GUID, written with -partnercenter',
      template: named(`pid-${GUID}-partnercenter`),
      settings: { trackingIds: [GUID] },
      errors: [
        {
          messageId: 'partnerCenterSuffix',
          data: { name: `pid-${GUID}-partnercenter`, id: `${GUID}-partnercenter`, registered: GUID },
          ...nameRange(named(`pid-${GUID}-partnercenter`), `pid-${GUID}-partnercenter`),
        },
      ],
      output: null,
    },
    {
      name: 'several registered ids: which one is meant is not clear, so no rename',
      template: named(`pid-${GUID}`),
      settings: { trackingIds: [OTHER, THIRD] },
      errors: [{ messageId: 'unregisteredOfMany', data: { name: `pid-${GUID}`, id: GUID, count: 2 }, ...nameRange(named(`pid-${GUID}`), `pid-${GUID}`) }],
      output: null,
    },
    {
      name: 'two top-level tracking deployments: which one carries the id is not clear',
      template: template([trackingResource({ name: `pid-${GUID}` }), trackingResource({ name: `pid-${OTHER}` })]),
      settings: { trackingIds: [OTHER] },
      errors: [
        {
          messageId: 'unregistered',
          data: { name: `pid-${GUID}`, id: GUID, registered: OTHER },
          ...nameRange(template([trackingResource({ name: `pid-${GUID}` })]), `pid-${GUID}`),
        },
      ],
      output: null,
    },
    {
      name: "each iteration's id of a resolved copy loop is checked; an expression is not renamed",
      template: loop([GUID, OTHER]),
      settings: { trackingIds: [GUID] },
      errors: [{ messageId: 'unregistered', data: { name: LOOP_DISPLAY, id: OTHER, registered: GUID }, ...nameRange(loop([GUID, OTHER]), LOOP_NAME) }],
      output: null,
    },
    {
      name: 'several unregistered ids in one loop',
      template: loop([OTHER, THIRD]),
      settings: { trackingIds: [GUID] },
      errors: [
        {
          messageId: 'unregisteredIds',
          data: { name: LOOP_DISPLAY, ids: `${OTHER}, ${THIRD}`, registered: GUID },
          ...nameRange(loop([OTHER, THIRD]), LOOP_NAME),
        },
      ],
      output: null,
    },
    {
      name: 'several unregistered ids, several registered',
      template: loop([OTHER, THIRD]),
      settings: { trackingIds: [GUID, 'contoso-offer-partnercenter'] },
      errors: [
        {
          messageId: 'unregisteredIdsOfMany',
          data: { name: LOOP_DISPLAY, ids: `${OTHER}, ${THIRD}`, count: 2 },
          ...nameRange(loop([OTHER, THIRD]), LOOP_NAME),
        },
      ],
      output: null,
    },
  ],
});

test('CUA009 messages render', () => {
  const render = (tpl: Record<string, unknown>, trackingIds: string[]) =>
    runRule(cua009, { name: 'render', template: tpl, settings: { trackingIds } }).findings.map((f) => f.message);
  const consequence = "usage would be attributed to someone else's offer, or to no one";
  assert.deepEqual(render(named(`pid-${GUID}`), [OTHER]), [
    `tracking deployment 'pid-${GUID}' uses id ${GUID}, which is not the registered id ${OTHER}; ${consequence}`,
  ]);
  assert.deepEqual(render(named(`pid-${GUID}`), [OTHER, THIRD]), [
    `tracking deployment 'pid-${GUID}' uses id ${GUID}, which is not any of the 2 registered ids; ${consequence}`,
  ]);
  assert.deepEqual(render(loop([OTHER, THIRD]), [GUID]), [
    `tracking deployment '${LOOP_DISPLAY}' uses ids ${OTHER}, ${THIRD}, which are not the registered id ${GUID}; ${consequence}`,
  ]);
  assert.deepEqual(render(named(`pid-${GUID}-partnercenter`), [GUID]), [
    `tracking deployment 'pid-${GUID}-partnercenter' uses id ${GUID}-partnercenter, but the registered id is ${GUID}: they differ only by the '-partnercenter' suffix, and Partner Center attributes usage only to the id exactly as it shows it`,
  ]);
});

test('tracking-ids entries are read as Partner Center shows them: with or without pid-, any case; placeholders are refused', () => {
  assert.deepEqual(parseTrackingIds([`PID-${GUID.toUpperCase()}-PartnerCenter`, 'contoso-MyOffer-partnercenter', GUID]), [
    `${GUID}-partnercenter`,
    'contoso-myoffer-partnercenter',
    GUID,
  ]);
  assert.throws(() => parseTrackingIds(['00000000-0000-0000-0000-000000000000']), /is a placeholder \('00000000-0000-0000-0000-000000000000'\)/);
  assert.throws(() => parseTrackingIds(['<your tracking GUID>']), /is a placeholder/);
});
