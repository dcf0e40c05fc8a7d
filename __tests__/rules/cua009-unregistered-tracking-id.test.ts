import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua009 } from '../../src/rules/cua009-unregistered-tracking-id.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, nameRange, named, renamed, template, trackingResource } from './tracking-name-cases.ts';

const OTHER = '11111111-2222-3333-4444-555555555555';
const THIRD = '22222222-3333-4444-5555-666666666666';
const NIL = '00000000-0000-0000-0000-000000000000';
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
  ],
  invalid: [
    {
      name: 'an id that is not the one registered: renamed to it',
      template: named(`pid-${GUID}`),
      settings: { trackingIds: [OTHER] },
      errors: [{ messageId: 'unregistered', data: { name: `pid-${GUID}`, id: GUID, registered: OTHER }, ...nameRange(named(`pid-${GUID}`), `pid-${GUID}`) }],
      output: renamed(named(`pid-${GUID}`), `pid-${GUID}`, `pid-${OTHER}`),
    },
    {
      name: 'the rename keeps a landing-zone suffix',
      template: named(`pid-${GUID}-westeurope`),
      settings: { trackingIds: [OTHER] },
      errors: [
        {
          messageId: 'unregistered',
          data: { name: `pid-${GUID}-westeurope`, id: GUID, registered: OTHER },
          ...nameRange(named(`pid-${GUID}-westeurope`), `pid-${GUID}-westeurope`),
        },
      ],
      output: renamed(named(`pid-${GUID}-westeurope`), `pid-${GUID}-westeurope`, `pid-${OTHER}-westeurope`),
    },
    {
      name: 'several registered ids: which one is meant is not clear, so no rename',
      template: named(`pid-${GUID}`),
      settings: { trackingIds: [OTHER, THIRD] },
      errors: [{ messageId: 'unregisteredOfMany', data: { name: `pid-${GUID}`, id: GUID, count: 2 }, ...nameRange(named(`pid-${GUID}`), `pid-${GUID}`) }],
      output: null,
    },
    {
      name: 'the all-zero placeholder gets the given id, keeping the suffix',
      template: named(`pid-${NIL}-x`),
      settings: { trackingIds: [GUID] },
      errors: [{ messageId: 'unregistered', data: { name: `pid-${NIL}-x`, id: NIL, registered: GUID }, ...nameRange(named(`pid-${NIL}-x`), `pid-${NIL}-x`) }],
      output: renamed(named(`pid-${NIL}-x`), `pid-${NIL}-x`, `pid-${GUID}-x`),
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
  const fixes = runRule(cua009, { name: 'fix', template: named(`pid-${NIL}`), settings: { trackingIds: [GUID] } }).findings.map((f) => f.fix?.description);
  assert.deepEqual(fixes, [`replaced the placeholder id in 'pid-${NIL}' with ${GUID}`]);
  const rename = runRule(cua009, { name: 'fix', template: named(`pid-${GUID}`), settings: { trackingIds: [OTHER] } }).findings.map((f) => f.fix?.description);
  assert.deepEqual(rename, [`renamed tracking deployment 'pid-${GUID}' to 'pid-${OTHER}' (${GUID} is not registered; the given id is ${OTHER})`]);
});
