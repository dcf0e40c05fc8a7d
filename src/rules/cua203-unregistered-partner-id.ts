// CUA203: a Terraform partner_id (or ARM_PARTNER_ID) whose tracking id is not one of the ids
// registered in tracking-ids (only when tracking-ids is set).
import type { MessageData, TerraformRule } from '../engine/rule.ts';
import { classifyPartnerId } from '../model/terraform/partner-id.ts';
import { literalSpan, partnerIdTexts, providerLabel, showValue, sourceNote } from './terraform-provider.ts';

const CONSEQUENCE = "; usage would be attributed to someone else's offer, or to no one";

const messages = {
  unregistered: `provider {{provider}} partner_id {{value}}{{source}} is not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredOfMany: `provider {{provider}} partner_id {{value}}{{source}} is not any of the {{count}} registered ids${CONSEQUENCE}`,
  unregisteredEnv: `ARM_PARTNER_ID {{value}} in job {{job}} is not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredEnvOfMany: `ARM_PARTNER_ID {{value}} in job {{job}} is not any of the {{count}} registered ids${CONSEQUENCE}`,
} as const;

export const cua203: TerraformRule<keyof typeof messages> = {
  meta: {
    id: 'CUA203',
    source: 'terraform',
    name: 'unregistered-partner-id',
    description: 'A Terraform partner_id is not one of the ids registered in tracking-ids',
    help: [
      "Only when `tracking-ids` is set. The GUID of a `partner_id` (alone, `pid-<GUID>` or `pid-<GUID>-partnercenter`), resolved through variable defaults, .tfvars files and locals, or of an `ARM_PARTNER_ID` written in a workflow, is not one of your registered ids: usage would be attributed to someone else's offer, or to no one. Values that are not a partner id at all are CUA202's.",
      '',
      'Passing: `tracking-ids: 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6` and `partner_id = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`.',
      'Failing: the same input and `partner_id = "00000000-0000-0000-0000-000000000000"`.',
      '',
      '`cua-guard fix` writes the registered id over a literal GUID in the provider block when exactly one id is given.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
  },
  check({ module, settings, report }) {
    const registeredIds = settings.trackingIds;
    const [only] = registeredIds;
    if (only === undefined) return;
    const many = registeredIds.length > 1;
    const registered: MessageData = many ? { count: registeredIds.length } : { registered: only };
    const unregistered = (value: unknown): boolean => {
      if (typeof value !== 'string') return false;
      const form = classifyPartnerId(value);
      return 'trackingId' in form && !registeredIds.includes(form.trackingId);
    };
    for (const configuration of module.providers) {
      const attribute = configuration.partnerId?.attribute;
      if (attribute === undefined) continue;
      const provider = providerLabel(configuration);
      for (const value of partnerIdTexts(configuration)) {
        if (!unregistered(value.value)) continue;
        const literal = value.via.length === 0 ? literalSpan(configuration) : undefined;
        const fix =
          literal && !many
            ? {
                file: configuration.file,
                operations: [{ kind: 'text' as const, offset: literal.offset, length: literal.end - literal.offset, content: `"${only}"` }],
                description: `set provider ${provider} partner_id to the registered id ${only}`,
              }
            : undefined;
        report({
          messageId: many ? 'unregisteredOfMany' : 'unregistered',
          data: { provider, value: showValue(value.value), source: sourceNote(value), ...registered },
          file: configuration.file,
          span: attribute.value.span,
          block: configuration.block.span,
          ...(fix
            ? { fix }
            : {
                notFixable: many
                  ? 'several ids are registered: which one belongs here is for people to say'
                  : 'the value is not written in the provider block itself',
              }),
        });
      }
    }
    for (const env of module.workflowPartnerIds) {
      if (env.value === undefined || !unregistered(env.value)) continue;
      report({
        messageId: many ? 'unregisteredEnvOfMany' : 'unregisteredEnv',
        data: { value: showValue(env.value), job: env.job, ...registered },
        file: env.file,
        span: env.span,
        notFixable: 'cua-guard fix does not edit workflows',
      });
    }
  },
};
