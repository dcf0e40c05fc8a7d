import { cua204 } from '../../src/rules/cua204-unresolved-partner-id.ts';
import { terraformRuleTester } from '../support/terraform-rule-tester.ts';
import { GUID, provider } from './terraform-cases.ts';

const withId = (value: string): string => provider('azurerm', 'features {}', `partner_id = ${value}`);
const valueAt = (length: number) => ({ line: 3, column: 16, endLine: 3, endColumn: 16 + length, severity: 'notice' as const });

terraformRuleTester(cua204, {
  valid: [
    { name: 'a literal', files: { 'main.tf': withId(`"${GUID}"`) } },
    { name: 'a variable with a default', files: { 'main.tf': withId('var.pid'), 'variables.tf': `variable "pid" {\n  default = "${GUID}"\n}\n` } },
    {
      name: 'a variable set only in terraform.tfvars',
      files: { 'main.tf': withId('var.pid'), 'variables.tf': 'variable "pid" {}\n', 'terraform.tfvars': `pid = "${GUID}"\n` },
    },
    {
      name: 'a variable set only in an .auto.tfvars file',
      files: { 'main.tf': withId('var.pid'), 'variables.tf': 'variable "pid" {}\n', 'ids.auto.tfvars': `pid = "${GUID}"\n` },
    },
    {
      name: 'a conditional on a comparison with a default',
      files: { 'main.tf': withId(`var.env == "prod" ? "${GUID}" : ""`), 'variables.tf': 'variable "env" {\n  default = "prod"\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'a variable without default or .tfvars value',
      files: { 'main.tf': withId('var.pid'), 'variables.tf': 'variable "pid" {\n  type = string\n}\n' },
      errors: [
        {
          messageId: 'unresolved',
          data: {
            provider: 'azurerm',
            expression: 'var.pid',
            reason: 'has no default and no value in a .tfvars file of this folder (it is set when Terraform runs: -var, TF_VAR_…)',
          },
          ...valueAt(7),
        },
      ],
      output: null,
    },
    {
      name: 'an undeclared variable',
      files: { 'main.tf': withId('var.pid') },
      errors: [{ messageId: 'unresolved', data: { provider: 'azurerm', expression: 'var.pid', reason: 'is not declared in this folder' }, ...valueAt(7) }],
    },
    {
      name: 'a function call',
      files: { 'main.tf': withId('lower(var.pid)') },
      errors: [
        {
          messageId: 'unresolved',
          data: { provider: 'azurerm', expression: 'lower(var.pid)', reason: 'is an expression cua-guard does not evaluate' },
          ...valueAt(14),
        },
      ],
    },
    {
      name: 'a data source',
      files: { 'main.tf': withId('data.external.ids.result') },
      errors: [
        {
          messageId: 'unresolved',
          data: { provider: 'azurerm', expression: 'data.external.ids.result', reason: 'is known only when Terraform runs' },
          ...valueAt(24),
        },
      ],
    },
    {
      name: 'a local that refers to itself',
      files: { 'main.tf': `locals {\n  pid = local.pid\n}\n${withId('local.pid')}` },
      errors: [
        {
          messageId: 'unresolved',
          data: { provider: 'azurerm', expression: 'local.pid', reason: 'refers to itself' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 25,
          severity: 'notice',
        },
      ],
    },
  ],
});
