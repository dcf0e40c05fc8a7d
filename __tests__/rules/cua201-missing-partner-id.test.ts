import { cua201 } from '../../src/rules/cua201-missing-partner-id.ts';
import { terraformRuleTester } from '../support/terraform-rule-tester.ts';
import { GUID, OTHER, provider, workflow } from './terraform-cases.ts';

const AZURERM = provider('azurerm', 'features {}');
const HEADER = { line: 1, column: 1, endLine: 1, endColumn: 21 };
const WORKFLOW = '.github/workflows/deploy.yml';

terraformRuleTester(cua201, {
  valid: [
    { name: 'azurerm with partner_id', files: { 'main.tf': provider('azurerm', 'features {}', `partner_id = "${GUID}"`) } },
    { name: 'azapi with partner_id', files: { 'main.tf': provider('azapi', `partner_id = "${GUID}"`) } },
    {
      name: 'partner_id from a variable default',
      files: { 'main.tf': provider('azurerm', 'features {}', 'partner_id = var.pid'), 'variables.tf': `variable "pid" {\n  default = "${GUID}"\n}\n` },
    },
    {
      name: 'a conditional whose condition defaults to true',
      files: {
        'main.tf': provider('azurerm', 'features {}', `partner_id = var.telemetry ? "${GUID}" : null`),
        'variables.tf': 'variable "telemetry" {\n  default = true\n}\n',
      },
    },
    {
      name: 'a child module: resources only, no provider block, no backend',
      files: { 'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n' },
    },
    { name: 'providers that do not attribute to Azure', files: { 'main.tf': provider('aws', 'region = "eu-west-1"') } },
    { name: 'ARM_PARTNER_ID in the env of the job that runs terraform', files: { 'main.tf': AZURERM, [WORKFLOW]: workflow('job', GUID) } },
    { name: 'ARM_PARTNER_ID from a secret in the workflow env', files: { 'main.tf': AZURERM, [WORKFLOW]: workflow('workflow', '${{ secrets.PARTNER_ID }}') } },
    { name: 'ARM_PARTNER_ID in the env of the terraform step', files: { 'main.tf': AZURERM, [WORKFLOW]: workflow('step', GUID) } },
    {
      name: 'ARM_PARTNER_ID for a job using setup-terraform',
      files: { 'main.tf': AZURERM, [WORKFLOW]: workflow('job', GUID, 'make deploy').replace('actions/checkout@v4', 'hashicorp/setup-terraform@v3') },
    },
  ],
  invalid: [
    {
      name: 'azurerm without partner_id: the id is inserted as the first line of the block',
      files: { 'main.tf': AZURERM },
      settings: { trackingIds: [GUID] },
      errors: [{ messageId: 'missing', data: { provider: 'azurerm' }, ...HEADER }],
      output: { 'main.tf': provider('azurerm', `partner_id = "${GUID}"`, 'features {}') },
    },
    {
      name: 'an empty azapi block on one line',
      files: { 'main.tf': 'provider "azapi" {}\n' },
      settings: { trackingIds: [GUID] },
      errors: [{ messageId: 'missing', data: { provider: 'azapi' }, line: 1, column: 1, endLine: 1, endColumn: 19 }],
      output: { 'main.tf': provider('azapi', `partner_id = "${GUID}"`) },
    },
    {
      name: 'an indented block with tabs keeps its indentation',
      files: { 'main.tf': 'provider "azurerm" {\n\tfeatures {}\n}\n' },
      settings: { trackingIds: [GUID] },
      errors: [{ messageId: 'missing', data: { provider: 'azurerm' }, ...HEADER }],
      output: { 'main.tf': `provider "azurerm" {\n\tpartner_id = "${GUID}"\n\tfeatures {}\n}\n` },
    },
    {
      name: 'only the aliased configuration without partner_id',
      files: { 'main.tf': provider('azurerm', 'features {}', `partner_id = "${GUID}"`) + provider('azurerm', 'alias = "west"', 'features {}') },
      errors: [{ messageId: 'missing', data: { provider: 'azurerm.west' }, line: 5, column: 1, endLine: 5, endColumn: 21 }],
      output: null,
    },
    {
      name: 'several tracking ids: nothing to choose from, not fixed',
      files: { 'main.tf': AZURERM },
      settings: { trackingIds: [GUID, OTHER] },
      errors: [{ messageId: 'missing', data: { provider: 'azurerm' }, ...HEADER }],
      output: null,
    },
    {
      name: 'an empty partner_id',
      files: { 'main.tf': provider('azurerm', 'features {}', 'partner_id = ""') },
      errors: [{ messageId: 'empty', data: { provider: 'azurerm', source: '' }, line: 3, column: 3, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'null when a .tfvars file turns the condition off: a warning',
      files: {
        'main.tf': provider('azurerm', 'features {}', `partner_id = var.telemetry ? "${GUID}" : null`),
        'variables.tf': 'variable "telemetry" {\n  default = true\n}\n',
        'prod.tfvars': 'telemetry = false\n',
      },
      errors: [
        {
          messageId: 'emptyWhen',
          data: { provider: 'azurerm', source: ' (var.telemetry in prod.tfvars)', value: 'null' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 77,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a root module (backend) using azurerm resources without any provider block',
      files: {
        'main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nresource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n',
      },
      settings: { trackingIds: [GUID] },
      errors: [{ messageId: 'noProviderBlock', data: { resource: 'azurerm_resource_group.rg' }, line: 5, column: 1, endLine: 5, endColumn: 41 }],
      output: null,
    },
    {
      name: 'ARM_PARTNER_ID set for a job that does not run Terraform',
      files: { 'main.tf': AZURERM, [WORKFLOW]: workflow('job', GUID, 'echo hello') },
      errors: [{ messageId: 'missing', data: { provider: 'azurerm' }, ...HEADER }],
    },
    {
      name: 'an empty ARM_PARTNER_ID does not count',
      files: { 'main.tf': AZURERM, [WORKFLOW]: workflow('job', "''") },
      errors: [{ messageId: 'missing', data: { provider: 'azurerm' }, ...HEADER }],
    },
    {
      name: 'suppressed by a comment above the block, with its reason',
      files: { 'main.tf': `# cua-guard-ignore CUA201: the platform pipeline sets ARM_PARTNER_ID\n${AZURERM}` },
      settings: { trackingIds: [GUID] },
      errors: [
        {
          messageId: 'missing',
          data: { provider: 'azurerm' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 21,
          suppressed: { reason: 'the platform pipeline sets ARM_PARTNER_ID' },
        },
      ],
      output: null,
    },
    {
      name: 'suppressed by a comment inside the block, without a reason',
      files: { 'main.tf': provider('azurerm', '// cua-guard-ignore cua201', 'features {}') },
      errors: [{ messageId: 'missing', data: { provider: 'azurerm' }, ...HEADER, suppressed: { reason: 'no reason given' } }],
    },
    {
      name: 'a comment for another rule, or separated by code, does not suppress',
      files: { 'main.tf': `# cua-guard-ignore CUA202: not this one\n${AZURERM}# cua-guard-ignore CUA201: below, not above\nlocals {}\n${provider('azapi')}` },
      errors: [
        { messageId: 'missing', data: { provider: 'azurerm' }, line: 2, column: 1, endLine: 2, endColumn: 21 },
        { messageId: 'missing', data: { provider: 'azapi' }, line: 7, column: 1, endLine: 7, endColumn: 19 },
      ],
    },
  ],
});
