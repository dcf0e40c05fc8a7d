// CUA201: an azurerm or azapi provider configuration of a root module sets no partner_id, so the
// usage of what Terraform deploys through it is attributed to no partner. A workflow that sets
// ARM_PARTNER_ID for a job running Terraform satisfies it (the provider reads that variable).
import type { Fix, TerraformRule } from '../engine/rule.ts';
import type { TerraformModule, ProviderConfiguration } from '../model/terraform/terraform-module.ts';
import { blockHeader, providerLabel, sourceNote } from './terraform-provider.ts';

const messages = {
  missing:
    'provider {{provider}} sets no partner_id: usage of the resources it deploys is attributed to no partner (set partner_id, or ARM_PARTNER_ID in the workflow that runs Terraform)',
  empty: 'provider {{provider}} sets partner_id to an empty value{{source}}: usage is attributed to no partner',
  emptyWhen: 'provider {{provider}} partner_id can be {{value}}{{source}}: in that case usage is attributed to no partner',
  noProviderBlock:
    'this root module uses {{resource}} without an azurerm or azapi provider block, so no partner_id is set: add a provider block with partner_id, or set ARM_PARTNER_ID in the workflow that runs Terraform',
} as const;

export const cua201: TerraformRule<keyof typeof messages> = {
  meta: {
    id: 'CUA201',
    source: 'terraform',
    name: 'missing-partner-id',
    description: 'An azurerm or azapi provider block of a Terraform root module sets no partner_id',
    help: [
      "Terraform attributes usage through the provider: `partner_id` on the `azurerm` and `azapi` provider blocks (or the `ARM_PARTNER_ID` environment variable) is sent with every request, and Microsoft's customer usage attribution guidance names it as the way to attribute Terraform deployments. Each provider block (each `alias` too) is its own configuration: a block without `partner_id` deploys unattributed.",
      '',
      'Checked in folders that configure an `azurerm` or `azapi` provider; a folder that only declares resources (a child module) gets its provider from the caller and is not a finding. A folder with a `backend` (a root module for certain) that uses azurerm/azapi resources without any provider block is reported too. A workflow in `.github/workflows/` that sets `ARM_PARTNER_ID` at workflow, job or step level for a job that runs Terraform satisfies this rule for every root module of the repository (cua-guard cannot tell which folder a job runs in); a value set any other way (`$GITHUB_ENV`, a reusable workflow, another CI system, Terraform Cloud variables) is not visible.',
      '',
      'Failing:',
      '```hcl',
      'provider "azurerm" {',
      '  features {}',
      '}',
      '```',
      'Passing:',
      '```hcl',
      'provider "azurerm" {',
      '  features {}',
      '  partner_id = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"',
      '}',
      '```',
      '',
      '`cua-guard fix` inserts `partner_id = "<id>"` into the provider block when exactly one tracking id is configured.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'high',
    messages,
  },
  check({ module, settings, report }) {
    // A workflow's ARM_PARTNER_ID is what the provider uses when its block sets none.
    if (module.workflowPartnerIds.some((env) => env.value !== '')) return;
    if (module.providers.length === 0) {
      reportNoProviderBlock(module, report);
      return;
    }
    const [only, ...others] = settings.trackingIds;
    const id = only !== undefined && others.length === 0 ? only : undefined;
    for (const configuration of module.providers) {
      const provider = providerLabel(configuration);
      const block = configuration.block.span;
      const partnerId = configuration.partnerId;
      if (partnerId === undefined) {
        const fix = id === undefined ? undefined : insertPartnerId(configuration, module, id);
        report({
          messageId: 'missing',
          data: { provider },
          file: configuration.file,
          span: blockHeader(configuration),
          block,
          ...(fix ? { fix } : { notFixable: 'no single tracking id is configured (tracking-ids) to write into the provider block' }),
        });
        continue;
      }
      const unset = partnerId.resolution.values.filter((v) => v.value === null || v.value === '');
      const [first] = unset;
      if (first === undefined) continue;
      const always = unset.length === partnerId.resolution.values.length && partnerId.resolution.unresolved.length === 0;
      report({
        messageId: always ? 'empty' : 'emptyWhen',
        data: { provider, source: sourceNote(first), ...(always ? {} : { value: first.value === null ? 'null' : "''" }) },
        file: configuration.file,
        span: partnerId.attribute.span,
        block,
        ...(always ? {} : { severity: 'warning' as const }),
      });
    }
  },
};

function reportNoProviderBlock(module: TerraformModule, report: Parameters<(typeof cua201)['check']>[0]['report']): void {
  const resource = module.firstAzureResource;
  if (module.backend === undefined || resource === undefined) return;
  const [type, name] = resource.block.labels;
  report({
    messageId: 'noProviderBlock',
    data: { resource: `${resource.block.type === 'data' ? 'data.' : ''}${type ?? ''}.${name ?? ''}` },
    file: resource.file,
    span: { offset: resource.block.span.offset, end: resource.block.bodyStart },
    block: resource.block.span,
    notFixable: 'a provider block is configuration people write (credentials, features): cua-guard does not add one',
  });
}

/** `partner_id = "<id>"` as the block's first line, indented like the block's first line inside. */
function insertPartnerId(configuration: ProviderConfiguration, module: TerraformModule, id: string): Fix | undefined {
  const file = module.files.find((f) => f.file === configuration.file);
  if (file === undefined) return undefined;
  const { block } = configuration;
  const text = file.text;
  const firstItem = Math.min(...[...block.attributes, ...block.blocks].map((item) => item.span.offset), block.bodyEnd);
  const lineStart = text.lastIndexOf('\n', firstItem - 1) + 1;
  const ownLine = lineStart > block.bodyStart && text.slice(lineStart, firstItem).trim() === '';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const blockLineStart = text.lastIndexOf('\n', block.span.offset - 1) + 1;
  const blockIndent = /^[ \t]*/.exec(text.slice(blockLineStart, block.span.offset))?.[0] ?? '';
  const indent = ownLine && firstItem !== block.bodyEnd ? text.slice(lineStart, firstItem) : `${blockIndent}  `;
  const line = `partner_id = "${id}"`;
  const operation = ownLine
    ? { kind: 'text' as const, offset: lineStart, length: 0, content: `${indent}${line}${newline}` }
    : {
        kind: 'text' as const,
        offset: block.bodyStart,
        length: 0,
        content: `${newline}${indent}${line}${firstItem === block.bodyEnd ? `${newline}${blockIndent}` : newline}`,
      };
  return { file: configuration.file, operations: [operation], description: `set partner_id = "${id}" in provider ${providerLabel(configuration)}` };
}
