import { cua205 } from '../../src/rules/cua205-unreadable-terraform.ts';
import { terraformRuleTester } from '../support/terraform-rule-tester.ts';
import { GUID, provider } from './terraform-cases.ts';

terraformRuleTester(cua205, {
  valid: [
    { name: 'a readable module', files: { 'main.tf': provider('azurerm', 'features {}', `partner_id = "${GUID}"`), 'terraform.tfvars': 'a = 1\n' } },
    {
      name: 'heredocs, for expressions and dynamic blocks',
      files: { 'main.tf': 'locals {\n  s = <<EOT\nhi ${var.x}\nEOT\n  l = [for x in var.y : upper(x) if x != ""]\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'a provider block without its closing brace',
      files: { 'main.tf': 'provider "azurerm" {\n  features {}\n' },
      errors: [{ messageId: 'unreadable', line: 3, column: 1, endLine: 3, endColumn: 1, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a broken .tfvars file',
      files: { 'main.tf': provider('azurerm', 'features {}'), 'prod.tfvars': 'pid = = "x"\n' },
      errors: [{ messageId: 'unreadable', line: 1, column: 7, endLine: 1, endColumn: 8, severity: 'warning', file: 'prod.tfvars' }],
    },
  ],
});
