import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cua003 } from '../../src/rules/cua003-invalid-tracking-name.ts';
import type { MessageData } from '../../src/engine/rule.ts';
import { ruleTester, runRule, type InvalidCase } from '../support/rule-tester.ts';
import { GUID, nameRange, named, renamed, template, trackingResource } from './tracking-name-cases.ts';
import type { Json } from '../support/templates.ts';

const DOCS_SAMPLE = 'eb7927c8-dd66-43e1-b0cf-c346a422063'; // the docs' own sample: 11 digits in the last group
const HASH = 'uniqueString(deployment().name)';
const fill = (n: number) => 'x'.repeat(n);
const withParameter = { parameters: { p: { type: 'string' } } };

/** One tracking deployment named `name`, reported with `messageId` and `data` (plus its name). */
function invalid(
  title: string,
  name: string,
  messageId: string,
  data: MessageData,
  more: Partial<InvalidCase> & { extra?: Json; display?: string } = {},
): InvalidCase {
  const { extra, display, ...rest } = more;
  const tpl = named(name, extra);
  return { name: title, template: tpl, errors: [{ messageId, data: { name: display ?? name, ...data }, ...nameRange(tpl, name) }], output: null, ...rest };
}

const perOffer = (offers: string[]) =>
  template([trackingResource({ name: "[concat('pid-', variables('offers')[copyIndex()])]", copy: { name: 'offers', count: offers.length } })], {
    variables: { offers },
  });
const NESTED = template([
  trackingResource({ name: 'outer', properties: { mode: 'Incremental', template: { ...named(`PID-${GUID}`), contentVersion: '1.0.0.0' } } }),
]);
const LOOP_NAME = "[concat('pid-', variables('offers')[copyIndex()])]";

ruleTester(cua003, {
  valid: [
    { name: 'pid-GUID in upper case', template: named(`pid-${GUID.toUpperCase()}`) },
    { name: 'a landing-zone suffix', template: named(`pid-${GUID}-westeurope`) },
    { name: 'a Partner Center id', template: named('pid-contoso-myoffer-partnercenter') },
    { name: 'GUID-partnercenter with strict-names', template: named(`pid-${GUID}-partnercenter`), settings: { strictNames: true } },
    { name: 'a uniqueString() suffix', template: named(`[concat('pid-${GUID}-', ${HASH})]`) },
    { name: '64 characters', template: named(`pid-${GUID}-${fill(23)}`) },
    { name: '64 characters counting uniqueString() as 13', template: named(`[concat('pid-${GUID}-${fill(9)}-', ${HASH})]`) },
    {
      name: 'a parameters file value wins over an invalid default',
      template: named("[concat('pid-', parameters('id'))]", { parameters: { id: { type: 'string', defaultValue: 'not-a-guid' } } }),
      parameterValues: { id: GUID },
    },
    { name: 'a partly known name that can still become an id (CUA010)', template: named("[concat('pid-eb79', parameters('p'))]", withParameter) },
  ],
  invalid: [
    invalid("the docs' sample GUID", `pid-${DOCS_SAMPLE}`, 'groupLength', { attempt: DOCS_SAMPLE, group: 5, digits: 11, expected: 12 }),
    // Placeholders are said to be placeholders, never measured or spelled out.
    invalid('the nil GUID', 'pid-00000000-0000-0000-0000-000000000000', 'placeholder', { text: '00000000-0000-0000-0000-000000000000' }),
    invalid('all-X groups', 'pid-XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', 'placeholder', { text: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX' }),
    invalid(
      'an <…> placeholder longer than a deployment name may be',
      'pid-<Tracking GUID registered at Partner Center for this offer, see the publishing guide>',
      'placeholder',
      { text: '<Tracking GUID registered at Partner Center for this offe…' },
    ),
    invalid('a ${…} build variable', 'pid-${customer.usage.attribution.id}', 'placeholder', { text: '${customer.usage.attribution.id}' }),
    invalid('a {{…}} template variable', 'pid-{{trackingId}}', 'placeholder', { text: '{{trackingId}}' }),
    invalid('a __…__ token', 'pid-__TRACKING_ID__', 'placeholder', { text: '__TRACKING_ID__' }),
    {
      ...invalid('the nil GUID with a given id: it becomes the given id, keeping the suffix', `pid-00000000-0000-0000-0000-000000000000-x`, 'placeholder', {
        text: '00000000-0000-0000-0000-000000000000',
      }),
      settings: { trackingIds: [GUID] },
      output: renamed(named('pid-00000000-0000-0000-0000-000000000000-x'), 'pid-00000000-0000-0000-0000-000000000000-x', `pid-${GUID}-x`),
    },
    {
      ...invalid("the docs' sample GUID, one digit from the given id: renamed", `pid-${DOCS_SAMPLE}`, 'groupLength', {
        attempt: DOCS_SAMPLE,
        group: 5,
        digits: 11,
        expected: 12,
      }),
      settings: { trackingIds: [`${DOCS_SAMPLE}3`] },
      output: renamed(named(`pid-${DOCS_SAMPLE}`), `pid-${DOCS_SAMPLE}`, `pid-${DOCS_SAMPLE}3`),
    },
    invalid(
      "the docs' sample GUID followed by a computed suffix",
      `[format('pid-${DOCS_SAMPLE}-{0}', ${HASH})]`,
      'groupLengthRest',
      { attempt: DOCS_SAMPLE, group: 5, digits: 11, expected: 12, rest: HASH },
      { display: `pid-${DOCS_SAMPLE}-{${HASH}}` },
    ),
    {
      ...invalid(
        '…also with strict-names',
        `[format('pid-${DOCS_SAMPLE}-{0}', ${HASH})]`,
        'groupLengthRest',
        { attempt: DOCS_SAMPLE, group: 5, digits: 11, expected: 12, rest: HASH },
        { display: `pid-${DOCS_SAMPLE}-{${HASH}}` },
      ),
      settings: { strictNames: true },
    },
    {
      ...invalid('braces round the GUID: removed', `pid-{${GUID}}`, 'badCharacter', { char: '{' }),
      output: renamed(named(`pid-{${GUID}}`), `pid-{${GUID}}`, `pid-${GUID}`),
    },
    invalid('a character deployment names do not allow, no id given', `pid-${GUID}-a/b`, 'badCharacter', { char: '/' }),
    {
      ...invalid('…with one given id: renamed to it, the invalid suffix dropped', `pid-${GUID}-a/b`, 'badCharacter', { char: '/' }),
      settings: { trackingIds: [GUID] },
      output: renamed(named(`pid-${GUID}-a/b`), `pid-${GUID}-a/b`, `pid-${GUID}`),
    },
    invalid('65 characters', `pid-${GUID}-${fill(24)}`, 'tooLong', { length: 65, max: 64 }),
    invalid(
      'at least 65 characters, counting uniqueString() as 13',
      `[concat('pid-${GUID}-${fill(10)}-', ${HASH})]`,
      'tooLongCounting',
      { length: 65, max: 64, counted: `${HASH} as its 13 characters` },
      { display: `pid-${GUID}-${fill(10)}-{${HASH}}` },
    ),
    invalid(
      'at least 71 characters before a parameter',
      `[concat('pid-${GUID}-${fill(30)}', parameters('p'))]`,
      'tooLongAtLeast',
      { length: 71, max: 64 },
      { extra: withParameter, display: `pid-${GUID}-${fill(30)}{parameters('p')}` },
    ),
    {
      ...invalid("upper-case 'PID-': lower-cased", `PID-${GUID}`, 'prefixCase', { prefix: 'PID-' }),
      output: renamed(named(`PID-${GUID}`), `PID-${GUID}`, `pid-${GUID}`),
    },
    invalid("'pid-' not at the start", `amba-alz-pid-${GUID}`, 'noPrefix', { start: `amba-alz-pid-${GUID}`.slice(0, 40) }),
    {
      ...invalid('a suffix with strict-names', `pid-${GUID}-westeurope`, 'strictSuffix', { suffix: '-westeurope' }),
      settings: { strictNames: true },
    },
    {
      ...invalid('a suffix with strict-names and one given id: renamed without it', `pid-${GUID}-westeurope`, 'strictSuffix', { suffix: '-westeurope' }),
      settings: { strictNames: true, trackingIds: [GUID] },
      output: renamed(named(`pid-${GUID}-westeurope`), `pid-${GUID}-westeurope`, `pid-${GUID}`),
    },
    {
      ...invalid(
        'a computed suffix with strict-names',
        `[concat('pid-${GUID}-', ${HASH})]`,
        'strictSuffix',
        { suffix: `-{${HASH}}` },
        { display: `pid-${GUID}-{${HASH}}` },
      ),
      settings: { strictNames: true },
    },
    invalid(
      'known text that is no id whatever follows it',
      `[concat('pid-NOT_A_GUID-', ${HASH})]`,
      'neitherRest',
      { id: 'NOT_A_GUID-…', rest: HASH },
      { display: `pid-NOT_A_GUID-{${HASH}}` },
    ),
    invalid('uniqueString() glued to the GUID', `[concat('pid-${GUID}', ${HASH})]`, 'hashAfterGuid', { hash: HASH }, { display: `pid-${GUID}{${HASH}}` }),
    invalid('text glued to the GUID', `pid-${GUID}abc`, 'suffixWithoutDash', { text: 'abc' }),
    invalid('an upper-case Partner Center id', 'pid-Contoso-partnercenter', 'partnerCenterCase', { id: 'Contoso-partnercenter' }),
    invalid('a GUID cut short', 'pid-4f3c9a7e-1b2d', 'endsEarly', { attempt: '4f3c9a7e-1b2d', group: 2 }),
    invalid('a GUID with a wrong separator', 'pid-4f3c9a7e-1b2d-4c5e-8f90.a1b2c3d4e5f6', 'separator', {
      attempt: '4f3c9a7e-1b2d-4c5e-8f90.a1b2c3d4e5f6',
      group: 4,
      char: '.',
    }),
    invalid('a GUID with a letter that is no hex digit', 'pid-4f3c9a7e-1b2x-4c5e-8f90-a1b2c3d4e5f6', 'notHex', {
      attempt: '4f3c9a7e-1b2x-4c5e-8f90-a1b2c3d4e5f6',
      group: 2,
      char: 'x',
    }),
    {
      name: 'two top-level tracking deployments: no rename to the given id',
      template: template([trackingResource({ name: `pid-${GUID}-a/b` }), trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' })]),
      settings: { trackingIds: [GUID] },
      errors: [
        {
          messageId: 'badCharacter',
          data: { name: `pid-${GUID}-a/b`, char: '/' },
          ...nameRange(template([trackingResource({ name: `pid-${GUID}-a/b` })]), `pid-${GUID}-a/b`),
        },
      ],
      output: null,
    },
    {
      name: 'inside a nested template: reported, never renamed',
      template: NESTED,
      errors: [{ messageId: 'prefixCase', data: { name: `PID-${GUID}`, prefix: 'PID-' }, ...nameRange(NESTED, `PID-${GUID}`) }],
      output: null,
    },
    {
      name: "each copy iteration's name is checked (copyIndex() bound)",
      template: perOffer([GUID, 'not-a-guid']),
      errors: [
        {
          messageId: 'neitherInIteration',
          data: { name: "pid-{variables('offers')[copyIndex()]}", iteration: 1, iterationName: 'pid-not-a-guid', id: 'not-a-guid' },
          ...nameRange(perOffer([GUID, 'not-a-guid']), LOOP_NAME),
        },
      ],
      output: null,
    },
    {
      name: 'several invalid iterations are counted',
      template: perOffer(['not-a-guid', GUID, 'also-not']),
      errors: [
        {
          messageId: 'neitherInIterations',
          data: { name: "pid-{variables('offers')[copyIndex()]}", iteration: 0, iterationName: 'pid-not-a-guid', id: 'not-a-guid', others: 1 },
          ...nameRange(perOffer(['not-a-guid', GUID, 'also-not']), LOOP_NAME),
        },
      ],
      output: null,
    },
  ],
});

test('CUA003 messages render', () => {
  const render = (name: string, settings = {}) => runRule(cua003, { name, template: named(name), settings }).findings.map((f) => f.message);
  assert.deepEqual(render(`pid-${DOCS_SAMPLE}`), [
    `tracking name 'pid-${DOCS_SAMPLE}' is invalid: '${DOCS_SAMPLE}' is not a GUID: group 5 has 11 hex digits, expected 12 (8-4-4-4-12)`,
  ]);
  assert.deepEqual(render(`[concat('pid-NOT_A_GUID-', ${HASH})]`), [
    `tracking name 'pid-NOT_A_GUID-{${HASH}}' is invalid: 'NOT_A_GUID-…' is neither a GUID (8-4-4-4-12 hex digits) nor a Partner Center id ('<lowercase id>-partnercenter'); the rest (${HASH}) cannot change that`,
  ]);
  assert.deepEqual(render(`pid-${GUID}-${fill(24)}`), [
    `tracking name 'pid-${GUID}-${fill(24)}' is invalid: it is 65 characters long; deployment names allow at most 64`,
  ]);
  assert.deepEqual(render(`PID-${GUID}`), [`tracking name 'PID-${GUID}' is invalid: the prefix must be lower-case 'pid-', not 'PID-'`]);
  assert.deepEqual(render(`pid-${GUID}-westeurope`, { strictNames: true }), [
    `tracking name 'pid-${GUID}-westeurope' is invalid: the suffix '-westeurope' after the GUID is not allowed (strict-names)`,
  ]);
  const loop = runRule(cua003, { name: 'loop', template: perOffer(['not-a-guid', GUID, 'also-not']) }).findings.map((f) => f.message);
  assert.deepEqual(loop, [
    "tracking name 'pid-{variables('offers')[copyIndex()]}' is invalid in copy iteration 0 ('pid-not-a-guid'): 'not-a-guid' is neither a GUID (8-4-4-4-12 hex digits) nor a Partner Center id ('<lowercase id>-partnercenter') (and in 1 more iterations)",
  ]);
  const fix = runRule(cua003, { name: 'fix', template: named(`PID-${GUID}`) }).findings[0]?.fix?.description;
  assert.equal(fix, `renamed tracking deployment 'PID-${GUID}' to 'pid-${GUID}' (lower-case 'pid-')`);
});

// A deployment of exactly the tracking shape named by a whole build placeholder (Maven fills in
// `${start}` in real Marketplace repositories): the tracking deployment, its id filled in at build.
const buildPlaceholder = (name: string): InvalidCase => {
  const tpl = named(name);
  return {
    name: `build placeholder ${name}`,
    template: tpl,
    errors: [{ messageId: 'buildPlaceholder', severity: 'warning', data: { name, text: name }, ...nameRange(tpl, name) }],
    output: null,
  };
};

ruleTester(cua003, {
  valid: [],
  invalid: [buildPlaceholder('${start}'), buildPlaceholder('{{trackingId}}'), buildPlaceholder('__PID__'), buildPlaceholder('<tracking id>')],
});

test('a build placeholder names the tracking deployment only in the tracking shape: it then says to check the built package, and CUA001 stays quiet', async () => {
  const { cua001 } = await import('../../src/rules/cua001-missing-tracking-resource.ts');
  const { findings } = runRule(cua003, { name: 'start', template: named('${start}') });
  assert.match(findings[0]?.message ?? '', /'\$\{start\}' is filled in when the package is built .*check the built package/);
  assert.deepEqual(runRule(cua001, { name: 'start', template: named('${start}') }).findings, []);
  // Not the tracking shape (a resource in its template, or no inline template): an ordinary deployment, so CUA001.
  const withResource = template([
    trackingResource({
      name: '${start}',
      properties: { mode: 'Incremental', template: { ...template([{ type: 'Microsoft.Storage/storageAccounts', name: 's' }]) } },
    }),
  ]);
  assert.deepEqual(runRule(cua003, { name: 'with a resource', template: withResource }).findings, []);
  assert.deepEqual(
    runRule(cua001, { name: 'with a resource', template: withResource }).findings.map((f) => f.messageId),
    ['missing'],
  );
  // A placeholder inside a pid- name is still the ordinary placeholder error.
  assert.deepEqual(
    runRule(cua003, { name: 'pid-placeholder', template: named('pid-${trackingGuid}') }).findings.map((f) => [f.messageId, f.severity]),
    [['placeholder', 'error']],
  );
});

test('several build-placeholder deployments (start and end markers): one warning, on the first, that counts the others', () => {
  const marker = (name: string) => trackingResource({ name });
  const tpl = template([marker('${admin.start}'), marker('${admin.end}'), marker('${admin.other}')]);
  const { findings } = runRule(cua003, { name: 'markers', template: tpl });
  assert.deepEqual(
    findings.map((f) => [f.messageId, f.severity, f.data?.['text'], f.data?.['others'], f.line]),
    [['buildPlaceholders', 'warning', '${admin.start}', 2, findings[0]?.line]],
  );
  assert.match(findings[0]?.message ?? '', /and 2 more deployments of the tracking shape are filled in when the package is built/);
});
