// Reads a Terraform module folder from the workspace into the module model: its .tf and .tfvars
// files (through the Terraform grammar, handed in) and the ARM_PARTNER_ID the repository's
// workflows set. Shared by the check and by `cua-guard fix`.
import type { HclFile } from '../parse/hcl/types.ts';
import { parseHclFile } from '../parse/hcl/parse-hcl.ts';
import type { SyntaxParser } from '../parse/tree-sitter/load.ts';
import type { PartnerIdEnv } from '../parse/workflow-partner-env.ts';
import { readWorkspaceFile, type Workspace } from './read-file.ts';
import { listTerraformFolder, listWorkflowFiles } from './terraform-files.ts';
import { buildTerraformModule, type TerraformModule } from '../model/terraform/terraform-module.ts';

/** What reading Terraform needs that loads asynchronously: the grammar, and the workflow reader. */
export interface TerraformReaders {
  parser: SyntaxParser;
  partnerIdEnvOfWorkflow: (file: string, text: string) => PartnerIdEnv[];
}

export interface Workflows {
  files: { file: string; text: string }[];
  partnerIds: PartnerIdEnv[];
}

/** Terraform and workflow files are small; a larger one is not read (it would only slow the run). */
const MAX_TERRAFORM_FILE_BYTES = 16 * 1024 * 1024;

/**
 * What the module model reads: the contents of these top-level blocks (of the rest, the outline),
 * and of their attributes only those it uses (a variable's default; nothing of `terraform`, whose
 * nested blocks' outlines say whether there is a backend).
 */
const HCL_READ = {
  readBlock: (type: string): boolean => type === 'provider' || type === 'variable' || type === 'locals' || type === 'terraform',
  readAttribute: (blockType: string, name: string): boolean => (blockType === 'variable' ? name === 'default' : blockType !== 'terraform'),
};

export function readWorkflows(workspace: Workspace, readers: TerraformReaders): Workflows {
  const files: Workflows['files'] = [];
  const partnerIds: PartnerIdEnv[] = [];
  for (const file of listWorkflowFiles(workspace)) {
    const read = readWorkspaceFile(workspace, file, MAX_TERRAFORM_FILE_BYTES);
    if (!read.ok) continue;
    files.push({ file, text: read.text });
    partnerIds.push(...readers.partnerIdEnvOfWorkflow(file, read.text));
  }
  return { files, partnerIds };
}

/**
 * A folder none of whose files mentions an azurerm or azapi provider block or a backend cannot be
 * a module the check looks at (see isCheckedModule): its files are not parsed, which would be most
 * of the work in a repository of child modules. The test is on the raw text and errs on the side
 * of parsing (a mention in a comment or a string is enough).
 */
const MAY_BE_CHECKED = /\bprovider\s+"?(?:azurerm|azapi)\b|\b(?:backend|cloud)\s*["{]/;

/** `texts` replaces what is read for some files (the fixer's fixed text). */
export function readTerraformModule(
  workspace: Workspace,
  folder: string,
  context: { readers: TerraformReaders; workflows: Workflows; texts?: ReadonlyMap<string, string> },
): TerraformModule {
  const listed = listTerraformFolder(workspace, folder);
  const read = (file: string): { file: string; text?: string } => {
    const given = context.texts?.get(file);
    if (given !== undefined) return { file, text: given };
    const outcome = readWorkspaceFile(workspace, file, MAX_TERRAFORM_FILE_BYTES);
    return outcome.ok ? { file, text: outcome.text } : { file };
  };
  const configuration = listed.configuration.map(read);
  const relevant = configuration.some((f) => f.text !== undefined && MAY_BE_CHECKED.test(f.text));
  const parse = ({ file, text }: { file: string; text?: string }): HclFile => {
    // An unreadable file is one the grammar could not read at all: its whole text is an error region.
    if (text === undefined) return { file, text: '', attributes: [], blocks: [], comments: [], syntaxErrors: [{ offset: 0, end: 0 }] };
    if (!relevant) return { file, text, attributes: [], blocks: [], comments: [], syntaxErrors: [] };
    return parseHclFile(context.readers.parser, file, text, HCL_READ);
  };
  return buildTerraformModule({
    folder,
    files: configuration.map(parse),
    varFiles: relevant ? listed.variableFiles.map(read).map(parse) : [],
    workflowPartnerIds: context.workflows.partnerIds,
    workflowFiles: context.workflows.files,
  });
}

/**
 * A folder is checked when it configures an azurerm or azapi provider, or declares a backend and
 * uses those providers' resources. A folder of resources alone is a child module: its provider
 * configuration is its caller's.
 */
export function isCheckedModule(module: TerraformModule): boolean {
  return module.providers.length > 0 || (module.backend !== undefined && module.firstAzureResource !== undefined);
}

/** The file that names a module in results: its first azurerm/azapi provider block's, else its backend's. */
export function moduleResultFile(module: TerraformModule): string {
  return module.providers[0]?.file ?? module.backend?.file ?? module.files[0]?.file ?? module.folder;
}

/** The module folder of a workspace-relative file ('' for the root). */
export function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '' : file.slice(0, slash);
}
