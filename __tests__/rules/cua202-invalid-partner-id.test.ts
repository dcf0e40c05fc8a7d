import { cua202 } from '../../src/rules/cua202-invalid-partner-id.ts';
import { terraformRuleTester } from '../support/terraform-rule-tester.ts';
import { GUID, provider, workflow } from './terraform-cases.ts';

const withId = (value: string): string => provider('azurerm', 'features {}', `partner_id = ${value}`);
/** The value on line 3, after `  partner_id = `. */
const valueAt = (length: number) => ({ line: 3, column: 16, endLine: 3, endColumn: 16 + length });

terraformRuleTester(cua202, {
  valid: [
    { name: 'a GUID', files: { 'main.tf': withId(`"${GUID}"`) } },
    { name: 'a GUID in upper case', files: { 'main.tf': withId(`"${GUID.toUpperCase()}"`) } },
    { name: "a marketplace app's Partner Center id", files: { 'main.tf': withId(`"pid-${GUID}-partnercenter"`) } },
    { name: 'no partner_id (CUA201 speaks)', files: { 'main.tf': provider('azurerm', 'features {}') } },
    { name: 'an unresolved value (CUA204 speaks)', files: { 'main.tf': withId('var.pid'), 'variables.tf': 'variable "pid" {}\n' } },
    { name: 'a GUID in ARM_PARTNER_ID', files: { 'main.tf': provider('azurerm', 'features {}'), '.github/workflows/tf.yml': workflow('job', GUID) } },
  ],
  invalid: [
    {
      name: 'the pid- prefix on a literal: a warning, and fix removes it',
      files: { 'main.tf': withId(`"pid-${GUID}"`) },
      errors: [{ messageId: 'pidPrefix', data: { provider: 'azurerm', value: `'pid-${GUID}'`, source: '' }, ...valueAt(42), severity: 'warning' }],
      output: { 'main.tf': withId(`"${GUID}"`) },
    },
    {
      name: 'the prefix through a variable default: pointed at in the provider, not fixed',
      files: { 'main.tf': withId('var.pid'), 'variables.tf': `variable "pid" {\n  default = "pid-${GUID}"\n}\n` },
      errors: [
        { messageId: 'pidPrefix', data: { provider: 'azurerm', value: `'pid-${GUID}'`, source: ' (default of var.pid)' }, ...valueAt(7), severity: 'warning' },
      ],
      output: null,
    },
    {
      name: 'an offer name',
      files: { 'main.tf': withId('"my-offer"') },
      errors: [{ messageId: 'invalid', data: { provider: 'azurerm', value: "'my-offer'", source: '' }, ...valueAt(10) }],
      output: null,
    },
    {
      name: 'the prefix in upper case is not accepted by the provider',
      files: { 'main.tf': withId(`"PID-${GUID}"`) },
      errors: [{ messageId: 'invalid', data: { provider: 'azurerm', value: `'PID-${GUID}'`, source: '' }, ...valueAt(42) }],
    },
    {
      name: 'a Partner Center id that is not a GUID',
      files: { 'main.tf': withId('"pid-contoso-offer-partnercenter"') },
      errors: [{ messageId: 'invalid', data: { provider: 'azurerm', value: "'pid-contoso-offer-partnercenter'", source: '' }, ...valueAt(33) }],
    },
    {
      name: 'a number',
      files: { 'main.tf': withId('42') },
      errors: [{ messageId: 'invalid', data: { provider: 'azurerm', value: '42', source: '' }, ...valueAt(2) }],
    },
    {
      name: 'one value of a .tfvars file among others',
      files: { 'main.tf': withId('var.pid'), 'variables.tf': `variable "pid" {\n  default = "${GUID}"\n}\n`, 'test.tfvars': 'pid = "test"\n' },
      errors: [{ messageId: 'invalid', data: { provider: 'azurerm', value: "'test'", source: ' (var.pid in test.tfvars)' }, ...valueAt(7) }],
    },
    {
      name: 'ARM_PARTNER_ID with the prefix in a workflow',
      files: { 'main.tf': provider('azurerm', 'features {}'), '.github/workflows/tf.yml': workflow('job', `pid-${GUID}`) },
      errors: [
        {
          messageId: 'pidPrefixEnv',
          data: { value: `'pid-${GUID}'`, job: 'deploy' },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 63,
          severity: 'warning',
          file: '.github/workflows/tf.yml',
        },
      ],
    },
    {
      name: 'suppressed on the provider block',
      files: { 'main.tf': `# cua-guard-ignore CUA202: legacy id kept until the offer moves\n${withId('"legacy"')}` },
      errors: [
        {
          messageId: 'invalid',
          data: { provider: 'azurerm', value: "'legacy'", source: '' },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 24,
          suppressed: { reason: 'legacy id kept until the offer moves' },
        },
      ],
    },
  ],
});
