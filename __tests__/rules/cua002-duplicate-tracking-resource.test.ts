import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua002 } from '../../src/rules/cua002-duplicate-tracking-resource.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, template, trackingResource } from '../support/templates.ts';

const OTHER = '11111111-2222-3333-4444-555555555555';
const offers = { offers: [GUID, OTHER, '22222222-3333-4444-5555-666666666666'] };
/** How a loop's name reads before copyIndex() is bound. */
const LOOP_NAME = "pid-{variables('offers')[copyIndex()]}";
/** One tracking deployment per offer, in a copy loop. */
const perOffer = (count: unknown) => trackingResource({ name: "[concat('pid-', variables('offers')[copyIndex()])]", copy: { name: 'offers', count } });

ruleTester(cua002, {
  valid: [
    { name: 'one tracking deployment', template: template([trackingResource()]) },
    {
      name: 'two offers when max-tracking-resources allows them',
      template: template([trackingResource(), trackingResource({ name: `pid-${OTHER}` })]),
      settings: { maxTrackingResources: 2 },
    },
    {
      name: 'a copy loop whose count resolves to 1 is one deployment',
      template: template([trackingResource({ copy: { name: 'one', count: "[length(createArray('x'))]" } })]),
    },
    {
      name: 'three copies with max 3',
      template: template([perOffer("[length(variables('offers'))]")], { variables: offers }),
      settings: { maxTrackingResources: 3 },
    },
    {
      name: 'copies add to the other tracking deployments, within max 3',
      template: template([trackingResource({ name: 'pid-33333333-4444-5555-6666-777777777777' }), perOffer(2)], { variables: offers }),
      settings: { maxTrackingResources: 3 },
    },
    {
      name: "each iteration's own name counts (copyIndex() bound): two different names are no duplicate",
      template: template([perOffer(2)], { variables: { offers: [GUID, 'not-a-guid'] } }),
      settings: { maxTrackingResources: 2 },
    },
    {
      name: 'a nested pid- deployment is not counted (CUA004 reports it)',
      template: template([
        trackingResource(),
        trackingResource({ name: 'wrapper', properties: { mode: 'Incremental', template: template([trackingResource()]) } }),
      ]),
    },
  ],
  invalid: [
    {
      name: 'a second tracking deployment',
      template: template([trackingResource(), trackingResource({ name: `pid-${OTHER}` })]),
      errors: [{ messageId: 'too-many', data: { deployed: 2, max: 1, name: `pid-${OTHER}` }, line: 18, column: 5, endLine: 18, endColumn: 6 }],
      output: null,
    },
    {
      name: 'the same name declared twice, even when more are allowed',
      template: template([trackingResource(), trackingResource()]),
      settings: { maxTrackingResources: 3 },
      errors: [{ messageId: 'declared-twice', data: { name: `pid-${GUID}`, first: '/resources/0' }, line: 18, column: 5, endLine: 18, endColumn: 6 }],
      output: null,
    },
    {
      name: 'a copy loop whose iterations share one name',
      template: template([trackingResource({ copy: { name: 'loop', count: 3 } })]),
      settings: { maxTrackingResources: 3 },
      errors: [
        { messageId: 'same-name-in-loop', data: { name: `pid-${GUID}`, iterationName: `pid-${GUID}` }, line: 17, column: 15, endLine: 17, endColumn: 16 },
      ],
      output: null,
    },
    {
      name: 'three copies with max 2 (no "exactly once")',
      template: template([perOffer("[length(variables('offers'))]")], { variables: offers }),
      settings: { maxTrackingResources: 2 },
      errors: [{ messageId: 'too-many-in-loop', data: { deployed: 3, max: 2, name: LOOP_NAME, copies: 3 }, line: 26, column: 18, endLine: 26, endColumn: 49 }],
      output: null,
    },
    {
      name: 'copies add to the other tracking deployments, over max 2',
      template: template([trackingResource({ name: 'pid-33333333-4444-5555-6666-777777777777' }), perOffer(2)], { variables: offers }),
      settings: { maxTrackingResources: 2 },
      errors: [{ messageId: 'too-many-in-loop', data: { deployed: 3, max: 2, name: LOOP_NAME, copies: 2 }, line: 39, column: 18, endLine: 39, endColumn: 19 }],
      output: null,
    },
    {
      name: 'an iteration that repeats another tracking name is a duplicate',
      template: template([trackingResource(), perOffer(2)], { variables: offers }),
      settings: { maxTrackingResources: 5 },
      errors: [{ messageId: 'declared-twice', data: { name: LOOP_NAME, first: '/resources/0' }, line: 37, column: 15, endLine: 37, endColumn: 16 }],
      output: null,
    },
    {
      name: 'a count of 0 deploys nothing',
      template: template([perOffer(0)], { variables: offers }),
      errors: [{ messageId: 'zero-count', data: { name: LOOP_NAME }, line: 26, column: 18, endLine: 26, endColumn: 19 }],
      output: null,
    },
    {
      name: 'an unknown count is an error whatever the maximum',
      template: template([perOffer("[parameters('offerCount')]")], { variables: offers, parameters: { offerCount: { type: 'int' } } }),
      settings: { maxTrackingResources: 3 },
      errors: [
        {
          messageId: 'unknown-count',
          data: { name: LOOP_NAME, count: `"[parameters('offerCount')]"`, max: 3 },
          line: 31,
          column: 18,
          endLine: 31,
          endColumn: 46,
        },
      ],
      output: null,
    },
  ],
});

test('CUA002 messages render', () => {
  const render = (testCase: Parameters<typeof runRule>[1]) => runRule(cua002, testCase).findings.map((f) => f.message);
  assert.deepEqual(render({ name: 'two', template: template([trackingResource(), trackingResource({ name: `pid-${OTHER}` })]) }), [
    `2 tracking deployments in one main template, more than the 1 allowed (input max-tracking-resources); 'pid-${OTHER}' is one too many`,
  ]);
  assert.deepEqual(render({ name: 'loop', template: template([perOffer(3)], { variables: offers }), settings: { maxTrackingResources: 2 } }), [
    `3 tracking deployments in one main template, more than the 2 allowed (input max-tracking-resources); '${LOOP_NAME}' is in a copy loop of 3`,
  ]);
  assert.deepEqual(render({ name: 'twice', template: template([trackingResource(), trackingResource()]) }), [
    `tracking deployment 'pid-${GUID}' is declared twice (first at /resources/0); ARM rejects two resources with the same name in one template`,
  ]);
  assert.deepEqual(
    render({ name: 'same', template: template([trackingResource({ copy: { name: 'loop', count: 2 } })]), settings: { maxTrackingResources: 2 } }),
    [
      `tracking deployment 'pid-${GUID}' is in a copy loop in which two iterations get the same name ('pid-${GUID}'); ARM rejects a resource defined more than once (use copyIndex() in the name, or drop the loop)`,
    ],
  );
  assert.deepEqual(render({ name: 'zero', template: template([perOffer(0)], { variables: offers }) }), [
    `tracking deployment '${LOOP_NAME}' is in a copy loop whose count is 0: it is never deployed, so no usage is attributed`,
  ]);
  assert.deepEqual(
    render({ name: 'unknown', template: template([perOffer("[parameters('n')]")], { variables: offers, parameters: { n: { type: 'int' } } }) }),
    [
      `tracking deployment '${LOOP_NAME}' is in a copy loop whose count ("[parameters('n')]") is not known before deployment, so the number of tracking deployments cannot be checked against the 1 allowed (input max-tracking-resources)`,
    ],
  );
});
