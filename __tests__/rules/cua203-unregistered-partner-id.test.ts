import { cua203 } from '../../src/rules/cua203-unregistered-partner-id.ts';
import { terraformRuleTester } from '../support/terraform-rule-tester.ts';
import { GUID, OTHER, provider, workflow } from './terraform-cases.ts';

const withId = (value: string): string => provider('azurerm', 'features {}', `partner_id = ${value}`);
const valueAt = (length: number) => ({ line: 3, column: 16, endLine: 3, endColumn: 16 + length });
const THIRD = '22222222-3333-4444-5555-666666666666';

terraformRuleTester(cua203, {
  valid: [
    { name: 'the registered id, any case', files: { 'main.tf': withId(`"${GUID.toUpperCase()}"`) }, settings: { trackingIds: [GUID] } },
    { name: 'the registered id as a Partner Center id', files: { 'main.tf': withId(`"pid-${GUID}-partnercenter"`) }, settings: { trackingIds: [GUID] } },
    { name: 'silent without tracking-ids', files: { 'main.tf': withId(`"${OTHER}"`) } },
    { name: 'not a partner id at all (CUA202 speaks)', files: { 'main.tf': withId('"my-offer"') }, settings: { trackingIds: [GUID] } },
  ],
  invalid: [
    {
      name: 'another GUID: fix writes the registered one',
      files: { 'main.tf': withId(`"${OTHER}"`) },
      settings: { trackingIds: [GUID] },
      errors: [{ messageId: 'unregistered', data: { provider: 'azurerm', value: `'${OTHER}'`, source: '', registered: GUID }, ...valueAt(38) }],
      output: { 'main.tf': withId(`"${GUID}"`) },
    },
    {
      name: 'one of several registered ids expected: not fixed',
      files: { 'main.tf': withId(`"${OTHER}"`) },
      settings: { trackingIds: [GUID, THIRD] },
      errors: [{ messageId: 'unregisteredOfMany', data: { provider: 'azurerm', value: `'${OTHER}'`, source: '', count: 2 }, ...valueAt(38) }],
      output: null,
    },
    {
      name: 'through terraform.tfvars, which overrides the default',
      files: { 'main.tf': withId('var.pid'), 'variables.tf': `variable "pid" {\n  default = "${GUID}"\n}\n`, 'terraform.tfvars': `pid = "${OTHER}"\n` },
      settings: { trackingIds: [GUID] },
      errors: [
        {
          messageId: 'unregistered',
          data: { provider: 'azurerm', value: `'${OTHER}'`, source: ' (var.pid in terraform.tfvars)', registered: GUID },
          ...valueAt(7),
        },
      ],
      output: null,
    },
    {
      name: 'through a local built with a template',
      files: { 'main.tf': `locals {\n  suffix = "${OTHER.slice(9)}"\n  pid    = "${OTHER.slice(0, 9)}\${local.suffix}"\n}\n${withId('local.pid')}` },
      settings: { trackingIds: [GUID] },
      errors: [
        {
          messageId: 'unregistered',
          data: { provider: 'azurerm', value: `'${OTHER}'`, source: ' (local.pid → local.suffix)', registered: GUID },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'ARM_PARTNER_ID in a workflow',
      files: { 'main.tf': provider('azurerm', 'features {}'), '.github/workflows/tf.yml': workflow('workflow', OTHER) },
      settings: { trackingIds: [GUID] },
      errors: [
        {
          messageId: 'unregisteredEnv',
          data: { value: `'${OTHER}'`, job: 'deploy', registered: GUID },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 55,
          file: '.github/workflows/tf.yml',
        },
      ],
    },
  ],
});
