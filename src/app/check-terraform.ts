// Checks the Terraform module folders of the discovered .tf files: reads each folder's .tf and
// .tfvars files and the repository's workflows, parses them with the Terraform grammar, builds
// the module model and runs the Terraform rules. The parser loads asynchronously, once, and only
// when a run has .tf files (`loadTerraformTools`); checking is synchronous.
import { posix } from 'node:path';
import type { CheckSettings } from '../engine/check-settings.ts';
import { checkTerraformModule } from '../engine/check-terraform.ts';
import type { AnyRule } from '../engine/rule.ts';
import type { TemplateResult } from '../engine/types.ts';
import { buildTerraformModule, type TerraformModule } from '../model/terraform/terraform-module.ts';
import { parseHclFile } from '../parse/hcl/parse-hcl.ts';
import type { HclFile } from '../parse/hcl/types.ts';
import type { SyntaxParser } from '../parse/tree-sitter/load.ts';
import type { PartnerIdEnv } from '../parse/workflow-partner-env.ts';
import { readWorkspaceFile, type Workspace } from '../workspace/read-file.ts';
import { listTerraformFolder, listWorkflowFiles } from '../workspace/terraform-files.ts';

/** What checking Terraform needs that loads asynchronously: the grammar, and the YAML reader. */
export interface TerraformTools {
  parser: SyntaxParser;
  partnerIdEnvOfWorkflow: (file: string, text: string) => PartnerIdEnv[];
}

export async function loadTerraformTools(): Promise<TerraformTools> {
  const [{ createSyntaxParser }, { partnerIdEnvOfWorkflow }] = await Promise.all([
    import('../parse/tree-sitter/load.ts'),
    import('../parse/workflow-partner-env.ts'),
  ]);
  return { parser: await createSyntaxParser('terraform'), partnerIdEnvOfWorkflow };
}

export interface TerraformCheckRequest {
  workspace: Workspace;
  rules: readonly AnyRule[];
  settingsFor: (file: string) => CheckSettings;
}

/** One result per module folder that configures an azurerm or azapi provider (or is a root using them). */
export function checkTerraformFiles(request: TerraformCheckRequest, files: readonly string[], tools: TerraformTools | undefined): TemplateResult[] {
  const folders = [...new Set(files.map((file) => folderOf(file)))].sort();
  if (tools === undefined) return folders.map((folder) => notLoaded(files.find((f) => folderOf(f) === folder) ?? folder));
  const workflows = readWorkflows(request.workspace, tools);
  const results: TemplateResult[] = [];
  for (const folder of folders) {
    const module = readModule(request.workspace, folder, tools, workflows);
    if (!isChecked(module)) continue;
    const file = resultFile(module);
    const result = checkTerraformModule(module, { rules: request.rules, settings: request.settingsFor(file) }, file);
    // A change to any workflow can add or remove the ARM_PARTNER_ID this module relies on.
    results.push({ ...result, linkTargets: [...new Set([...(result.linkTargets ?? []), ...workflows.files.map((w) => w.file)])] });
  }
  return results;
}

function folderOf(file: string): string {
  const folder = posix.dirname(file);
  return folder === '.' ? '' : folder;
}

interface Workflows {
  files: { file: string; text: string }[];
  partnerIds: PartnerIdEnv[];
}

function readWorkflows(workspace: Workspace, tools: TerraformTools): Workflows {
  const files: Workflows['files'] = [];
  const partnerIds: PartnerIdEnv[] = [];
  for (const file of listWorkflowFiles(workspace)) {
    const read = readWorkspaceFile(workspace, file, MAX_TERRAFORM_FILE_BYTES);
    if (!read.ok) continue;
    files.push({ file, text: read.text });
    partnerIds.push(...tools.partnerIdEnvOfWorkflow(file, read.text));
  }
  return { files, partnerIds };
}

/** Terraform and workflow files are small; a larger one is not read (it would only slow the run). */
const MAX_TERRAFORM_FILE_BYTES = 16 * 1024 * 1024;

function readModule(workspace: Workspace, folder: string, tools: TerraformTools, workflows: Workflows): TerraformModule {
  const listed = listTerraformFolder(workspace, folder);
  const parse = (file: string): HclFile => {
    const read = readWorkspaceFile(workspace, file, MAX_TERRAFORM_FILE_BYTES);
    // An unreadable file is one the grammar could not read at all: its whole text is an error region.
    if (!read.ok) return { file, text: '', attributes: [], blocks: [], comments: [], syntaxErrors: [{ offset: 0, end: 0 }] };
    return parseHclFile(tools.parser, file, read.text, { readBlock: isReadBlock });
  };
  return buildTerraformModule({
    folder,
    files: listed.configuration.map(parse),
    varFiles: listed.variableFiles.map(parse),
    workflowPartnerIds: workflows.partnerIds,
    workflowFiles: workflows.files,
  });
}

/** The top-level blocks the module model reads the contents of; of the rest it needs only the outline. */
function isReadBlock(type: string): boolean {
  return MODEL_BLOCKS.has(type);
}

const MODEL_BLOCKS = new Set(['provider', 'variable', 'locals', 'terraform']);

/**
 * A folder is checked when it configures an azurerm or azapi provider, or declares a backend and
 * uses those providers' resources. A folder of resources alone is a child module: its provider
 * configuration is its caller's.
 */
function isChecked(module: TerraformModule): boolean {
  return module.providers.length > 0 || (module.backend !== undefined && module.firstAzureResource !== undefined);
}

function resultFile(module: TerraformModule): string {
  return module.providers[0]?.file ?? module.backend?.file ?? module.files[0]?.file ?? module.folder;
}

function notLoaded(file: string): TemplateResult {
  const message = 'cua-guard could not check this Terraform module: the Terraform grammar was not loaded (internal error); please report it';
  return {
    path: file,
    verdict: 'fail',
    findings: [
      {
        ruleId: 'internal-error',
        severity: 'error',
        messageId: 'internal-error',
        data: { error: 'grammar not loaded' },
        message,
        file,
        line: 1,
        column: 1,
        internalError: true,
      },
    ],
    tracking: [],
    linkedFiles: [],
  };
}
