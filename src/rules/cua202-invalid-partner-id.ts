// CUA202: a partner_id (or a workflow's ARM_PARTNER_ID) that the provider rejects, or that carries
// the `pid-` prefix Microsoft's attribution guidance says not to write.
import type { TerraformRule, TerraformRuleReport } from '../engine/rule.ts';
import { classifyPartnerId } from '../model/terraform/partner-id.ts';
import type { PossibleValue } from '../model/terraform/resolve-value.ts';
import { literalSpan, partnerIdTexts, providerLabel, showValue, sourceNote } from './terraform-provider.ts';

const messages = {
  invalid:
    'provider {{provider}} partner_id {{value}}{{source}} is neither a GUID nor a Partner Center id (pid-<GUID>-partnercenter): the azurerm provider rejects it and the run fails before anything is deployed',
  pidPrefix:
    "provider {{provider}} partner_id {{value}}{{source}} has the pid- prefix: write the GUID alone, as Microsoft's attribution guidance says (provider versions before pid- support reject it)",
  invalidEnv: 'ARM_PARTNER_ID {{value}} in job {{job}} is neither a GUID nor a Partner Center id (pid-<GUID>-partnercenter): the azurerm provider rejects it',
  pidPrefixEnv: "ARM_PARTNER_ID {{value}} in job {{job}} has the pid- prefix: write the GUID alone, as Microsoft's attribution guidance says",
} as const;

type MessageId = keyof typeof messages;

export const cua202: TerraformRule<MessageId> = {
  meta: {
    id: 'CUA202',
    source: 'terraform',
    name: 'invalid-partner-id',
    description: 'A Terraform partner_id is not a GUID or a Partner Center id, or has the pid- prefix',
    help: [
      "What the azurerm provider accepts as `partner_id` (its `ValidatePartnerID` in internal/provider/provider.go, and the provider documentation's `partner_id` argument): a GUID, `pid-<GUID>`, or `pid-<GUID>-partnercenter` for a published commercial marketplace Azure app; the `pid-` prefix is matched in lower case. Anything else fails `terraform plan`. Earlier provider versions accepted only a GUID, and Microsoft's customer usage attribution guidance says: do not prefix the GUID with `pid-` (for a marketplace Azure app, use the entire tracking id Partner Center shows, which is the `-partnercenter` form).",
      '',
      'So `pid-<GUID>` is a warning (it works with current providers, but not with older ones and not as the guidance says), and anything that is not one of the three forms is an error. Values are resolved through variable defaults, .tfvars files and locals; `ARM_PARTNER_ID` written literally in a workflow is checked too.',
      '',
      'Failing: `partner_id = "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, `partner_id = "my-offer"`.',
      'Passing: `partner_id = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, `partner_id = "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter"`.',
      '',
      '`cua-guard fix` removes the `pid-` prefix from a literal written in the provider block.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
  },
  check({ module, report }) {
    for (const configuration of module.providers) {
      const provider = providerLabel(configuration);
      const attribute = configuration.partnerId?.attribute;
      if (attribute === undefined) continue;
      for (const value of partnerIdTexts(configuration)) {
        const problem = problemOf(value.value);
        if (problem === undefined) continue;
        const literal = value.via.length === 0 ? literalSpan(configuration) : undefined;
        const base: TerraformRuleReport<MessageId> = {
          messageId: problem === 'prefix' ? 'pidPrefix' : 'invalid',
          data: { provider, value: showValue(value.value), source: sourceNote(value) },
          file: configuration.file,
          span: attribute.value.span,
          block: configuration.block.span,
          ...(problem === 'prefix' ? { severity: 'warning' as const } : {}),
        };
        if (problem === 'prefix' && literal && typeof value.value === 'string' && literal.end - literal.offset === value.value.length + 2) {
          // A quoted literal without escapes: the prefix is the four characters after the quote.
          const fix = {
            file: configuration.file,
            operations: [{ kind: 'text' as const, offset: literal.offset + 1, length: 4, content: '' }],
            description: `remove the pid- prefix from provider ${provider} partner_id`,
          };
          report({ ...base, fix });
        } else
          report({
            ...base,
            notFixable: problem === 'prefix' ? 'the value is not written in the provider block itself' : 'which partner id was meant is for people to say',
          });
      }
    }
    for (const env of module.workflowPartnerIds) {
      if (env.value === undefined) continue;
      const problem = problemOf(env.value);
      if (problem === undefined) continue;
      report({
        messageId: problem === 'prefix' ? 'pidPrefixEnv' : 'invalidEnv',
        data: { value: showValue(env.value), job: env.job },
        file: env.file,
        span: env.span,
        notFixable: 'cua-guard fix does not edit workflows',
        ...(problem === 'prefix' ? { severity: 'warning' as const } : {}),
      });
    }
  },
};

function problemOf(value: PossibleValue['value']): 'prefix' | 'invalid' | undefined {
  if (typeof value !== 'string') return 'invalid';
  const form = classifyPartnerId(value).form;
  if (form === 'pid-guid') return 'prefix';
  return form === 'invalid' ? 'invalid' : undefined;
}
