// CUA204: a partner_id whose value cannot be resolved from the repository (a variable without a
// default or .tfvars value, a function call, a data source): it cannot be checked before
// Terraform runs. A notice, like CUA010 for tracking names.
import type { TerraformRule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { providerLabel } from './terraform-provider.ts';

const messages = {
  unresolved: 'provider {{provider}} partner_id depends on {{expression}}, which {{reason}}: it cannot be checked before Terraform runs',
} as const;

export const cua204: TerraformRule<keyof typeof messages> = {
  meta: {
    id: 'CUA204',
    source: 'terraform',
    name: 'unresolved-partner-id',
    description: 'A Terraform partner_id cannot be resolved from the repository',
    help: [
      "cua-guard resolves `partner_id` through `var.x` (the folder's `terraform.tfvars` and `*.auto.tfvars` override the default; every other `*.tfvars` file in the folder is one more possible value), `local.x`, string templates and conditionals (`cond ? a : b` with `!`, `==`, `!=`). A variable with no default and no .tfvars value, a function call, a data source or a module output is known only when Terraform runs (from `-var`, `TF_VAR_…`, or the cloud): its value cannot be checked here.",
      '',
      'Failing (a notice): `partner_id = var.partner_id` with `variable "partner_id" {}` and no .tfvars value.',
      'Passing: the same with `default = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, or a `terraform.tfvars` that sets it.',
    ].join('\n'),
    defaultSeverity: 'notice',
    precision: 'medium',
    messages,
    notFixable: 'the value comes from outside the repository; only people can say what it is',
  },
  check({ module, report }) {
    for (const configuration of module.providers) {
      const partnerId = configuration.partnerId;
      if (partnerId === undefined) continue;
      for (const unresolved of partnerId.resolution.unresolved) {
        report({
          messageId: 'unresolved',
          data: { provider: providerLabel(configuration), expression: truncate(unresolved.expression), reason: unresolved.reason },
          file: configuration.file,
          span: partnerId.attribute.value.span,
          block: configuration.block.span,
        });
      }
    }
  },
};
