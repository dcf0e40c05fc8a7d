// One Terraform module folder as the attribution checks see it: its azurerm and azapi provider
// blocks with their partner_id resolved, its variables, locals and .tfvars values, whether it
// declares a backend, and what the workflows of the repository set as ARM_PARTNER_ID.
import type { HclAttribute, HclBlock, HclFile } from '../../parse/hcl/types.ts';
import type { PartnerIdEnv } from '../../parse/workflow-partner-env.ts';
import { resolveExpression, type Resolution, type ResolveScope, type VariableAssignment, type VariableDeclaration } from './resolve-value.ts';

/** The providers whose requests carry a partner id to Azure Resource Manager. */
export const ATTRIBUTING_PROVIDERS = ['azurerm', 'azapi'] as const;
export type AttributingProvider = (typeof ATTRIBUTING_PROVIDERS)[number];

export interface ProviderConfiguration {
  provider: AttributingProvider;
  alias?: string;
  file: string;
  block: HclBlock;
  partnerId?: { attribute: HclAttribute; resolution: Resolution };
}

/** `ARM_PARTNER_ID` set in a workflow for a job that runs Terraform. */
export type WorkflowPartnerId = PartnerIdEnv;

export interface TerraformModule {
  /** Workspace-relative folder ('' for the root). */
  folder: string;
  /** The .tf files, sorted. */
  files: readonly HclFile[];
  /** The .tfvars files of the folder. */
  varFiles: readonly HclFile[];
  providers: readonly ProviderConfiguration[];
  /** A `terraform { backend … }` or `cloud` block: the folder is certainly a root module. */
  backend?: { file: string; block: HclBlock };
  /** The first azurerm/azapi resource or data source (a module using the providers). */
  firstAzureResource?: { file: string; block: HclBlock };
  workflowPartnerIds: readonly WorkflowPartnerId[];
  /** The workflow files the partner ids were read from (for positions). */
  workflowFiles: readonly { file: string; text: string }[];
  scope: ResolveScope;
}

export interface TerraformModuleInput {
  folder: string;
  files: readonly HclFile[];
  varFiles: readonly HclFile[];
  workflowPartnerIds?: readonly WorkflowPartnerId[];
  workflowFiles?: readonly { file: string; text: string }[];
}

export function buildTerraformModule(input: TerraformModuleInput): TerraformModule {
  const scope = buildScope(input.files, input.varFiles);
  const providers: ProviderConfiguration[] = [];
  let backend: TerraformModule['backend'];
  let firstAzureResource: TerraformModule['firstAzureResource'];
  for (const file of input.files) {
    for (const block of file.blocks) {
      const providerName = block.labels[0];
      if (block.type === 'provider' && isAttributing(providerName)) providers.push(providerConfiguration(providerName, file.file, block, scope));
      else if (block.type === 'terraform' && backend === undefined) {
        const inner = block.blocks.find((b) => b.type === 'backend' || b.type === 'cloud');
        if (inner) backend = { file: file.file, block: inner };
      } else if (
        (block.type === 'resource' || block.type === 'data') &&
        firstAzureResource === undefined &&
        ATTRIBUTING_PROVIDERS.some((p) => providerName?.startsWith(`${p}_`))
      ) {
        firstAzureResource = { file: file.file, block };
      }
    }
  }
  return {
    folder: input.folder,
    files: input.files,
    varFiles: input.varFiles,
    providers,
    ...(backend ? { backend } : {}),
    ...(firstAzureResource ? { firstAzureResource } : {}),
    workflowPartnerIds: input.workflowPartnerIds ?? [],
    workflowFiles: (input.workflowFiles ?? []).filter((w) => input.workflowPartnerIds?.some((p) => p.file === w.file)),
    scope,
  };
}

function isAttributing(name: string | undefined): name is AttributingProvider {
  return (ATTRIBUTING_PROVIDERS as readonly (string | undefined)[]).includes(name);
}

function providerConfiguration(provider: AttributingProvider, file: string, block: HclBlock, scope: ResolveScope): ProviderConfiguration {
  const aliasAttribute = block.attributes.find((a) => a.name === 'alias');
  const alias = aliasAttribute?.value.kind === 'literal' && typeof aliasAttribute.value.value === 'string' ? aliasAttribute.value.value : undefined;
  const attribute = block.attributes.find((a) => a.name === 'partner_id');
  return {
    provider,
    ...(alias !== undefined ? { alias } : {}),
    file,
    block,
    ...(attribute ? { partnerId: { attribute, resolution: resolveExpression(attribute.value, file, scope) } } : {}),
  };
}

function buildScope(files: readonly HclFile[], varFiles: readonly HclFile[]): ResolveScope {
  const variables = new Map<string, VariableDeclaration>();
  const locals = new Map<string, { file: string; expression: HclAttribute['value'] }>();
  for (const file of files) {
    for (const block of file.blocks) {
      const name = block.labels[0];
      if (block.type === 'variable' && name !== undefined && !variables.has(name)) {
        const fallback = block.attributes.find((a) => a.name === 'default');
        variables.set(name, { name, file: file.file, ...(fallback ? { default: { expression: fallback.value } } : {}) });
      } else if (block.type === 'locals') {
        for (const attribute of block.attributes) if (!locals.has(attribute.name)) locals.set(attribute.name, { file: file.file, expression: attribute.value });
      }
    }
  }
  const assignments = new Map<string, VariableAssignment[]>();
  for (const file of [...varFiles].sort((a, b) => loadOrder(a.file) - loadOrder(b.file) || a.file.localeCompare(b.file))) {
    const automatic = loadOrder(file.file) < 2;
    for (const attribute of file.attributes) {
      const list = assignments.get(attribute.name) ?? [];
      list.push({ file: file.file, expression: attribute.value, automatic });
      assignments.set(attribute.name, list);
    }
  }
  return { variables, assignments, locals };
}

/** Terraform loads terraform.tfvars, then *.auto.tfvars in name order; other files only with -var-file. */
function loadOrder(file: string): number {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (name === 'terraform.tfvars') return 0;
  if (name.endsWith('.auto.tfvars')) return 1;
  return 2;
}
