import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua010 } from '../../src/rules/cua010-unresolved-tracking-name.ts';
import { ruleTester, runRule } from '../support/rule-tester.ts';
import { GUID, nameRange, named, template, trackingResource } from './tracking-name-cases.ts';

const FROM_PARAMETER = "[concat('pid-', parameters('trackingGuid'))]";
const noDefault = { parameters: { trackingGuid: { type: 'string' }, deploymentName: { type: 'string' }, count: { type: 'int' } } };
const WHOLE = "[parameters('deploymentName')]";
const deploymentNamed = (name: string) => template([trackingResource({ name })], noDefault);
const LOOP_NAME = "[concat('pid-', variables('offers')[copyIndex()])]";
const loop = (count: unknown) =>
  template([trackingResource({ name: LOOP_NAME, copy: { name: 'offers', count } })], { ...noDefault, variables: { offers: [GUID, GUID] } });

ruleTester(cua010, {
  valid: [
    { name: 'concat with a variable', template: named("[concat('pid-', variables('id'))]", { variables: { id: GUID } }) },
    {
      name: 'format with a parameter default',
      template: named("[format('pid-{0}', parameters('offer'))]", { parameters: { offer: { type: 'string', defaultValue: GUID } } }),
    },
    { name: 'a parameters file value', template: named(FROM_PARAMETER, noDefault), parameterValues: { trackingGuid: GUID } },
    { name: 'a copy loop of known count is checked per iteration (CUA003)', template: loop(2) },
    { name: 'known text that is already wrong is CUA003, not this', template: named("[concat('pid-NOT_A_GUID-', uniqueString(deployment().name))]") },
    {
      name: "the docs' sample GUID followed by a computed suffix is CUA003, not this",
      template: named("[format('pid-eb7927c8-dd66-43e1-b0cf-c346a422063-{0}', uniqueString(deployment().name))]"),
    },
    {
      name: '…also with strict-names',
      template: named("[format('pid-eb7927c8-dd66-43e1-b0cf-c346a422063-{0}', uniqueString(deployment().name))]"),
      settings: { strictNames: true },
    },
    {
      name: 'a whole unknown deployment name beside a visible tracking deployment',
      template: template([trackingResource(), trackingResource({ name: WHOLE })], noDefault),
    },
    { name: 'a whole name that is a hash cannot be pid-<GUID>', template: template([trackingResource({ name: '[uniqueString(resourceGroup().id)]' })]) },
    { name: 'a broken name expression is CUA016, not this', template: template([trackingResource({ name: "[parameters('missing')]" })]) },
    {
      name: "a suffix after the GUID's dash is a suffix whatever it is",
      template: named(`[concat('pid-${GUID}-', parameters('deploymentName'))]`, noDefault),
    },
  ],
  invalid: [
    {
      name: 'a parameter with no value glued to the GUID decides the name (issue 11): unresolved, not a pass',
      template: deploymentNamed(`[concat('pid-${GUID}', parameters('deploymentName'))]`),
      errors: [
        {
          messageId: 'unresolved',
          data: { name: `pid-${GUID}{parameters('deploymentName')}`, unknowns: "parameters('deploymentName')" },
          ...nameRange(deploymentNamed(`[concat('pid-${GUID}', parameters('deploymentName'))]`), `[concat('pid-${GUID}', parameters('deploymentName'))]`),
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'the GUID comes from a parameter without a default',
      template: deploymentNamed(FROM_PARAMETER),
      errors: [
        {
          messageId: 'unresolved',
          data: { name: "pid-{parameters('trackingGuid')}", unknowns: "parameters('trackingGuid')" },
          ...nameRange(deploymentNamed(FROM_PARAMETER), FROM_PARAMETER),
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'known text that can still become an id',
      template: deploymentNamed("[concat('pid-eb79', parameters('trackingGuid'))]"),
      errors: [
        {
          messageId: 'unresolved',
          data: { name: "pid-eb79{parameters('trackingGuid')}", unknowns: "parameters('trackingGuid')" },
          ...nameRange(deploymentNamed("[concat('pid-eb79', parameters('trackingGuid'))]"), "[concat('pid-eb79', parameters('trackingGuid'))]"),
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'a copy loop whose count is known only at deployment',
      template: loop("[parameters('count')]"),
      errors: [
        {
          messageId: 'unresolved',
          data: { name: "pid-{variables('offers')[copyIndex()]}", unknowns: "variables('offers')[copyIndex()]" },
          ...nameRange(loop(1), LOOP_NAME),
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'no tracking deployment visible: a top-level deployment whose whole name is unknown',
      template: deploymentNamed(WHOLE),
      errors: [
        {
          messageId: 'unresolvedDeployment',
          data: { expression: `"${WHOLE}"`, unknown: "parameters('deploymentName')" },
          ...nameRange(deploymentNamed(WHOLE), WHOLE),
          severity: 'warning',
        },
      ],
      output: null,
    },
  ],
});

test('CUA010 messages render', () => {
  const render = (name: string) => runRule(cua010, { name: 'render', template: deploymentNamed(name) }).findings.map((f) => f.message);
  assert.deepEqual(render(FROM_PARAMETER), [
    "tracking name 'pid-{parameters('trackingGuid')}' cannot be checked before deployment: the tracking id depends on parameters('trackingGuid'), known only at deployment",
  ]);
  assert.deepEqual(render(WHOLE), [
    `deployment name "${WHOLE}" cannot be resolved statically (parameters('deploymentName') is known only at deployment); if it is the tracking deployment, cua-guard cannot verify it`,
  ]);
});
