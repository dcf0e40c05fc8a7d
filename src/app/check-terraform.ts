// Checks the Terraform module folders of the discovered .tf files: reads each folder (its .tf and
// .tfvars files, and the repository's workflows), builds the module model and runs the Terraform
// rules. Loaded lazily (./terraform-tools.ts) with the grammar and the YAML reader; checking is
// synchronous once they are loaded.
import { checkTerraformModule } from '../engine/check-terraform.ts';
import type { TemplateResult } from '../engine/types.ts';
import { folderOf, isCheckedModule, moduleResultFile, readTerraformModule, readWorkflows, type TerraformReaders } from '../workspace/read-terraform-module.ts';
import { createSyntaxParser } from '../parse/tree-sitter/load.ts';
import type { Workspace } from '../workspace/read-file.ts';
import { listWorkflowFiles } from '../workspace/terraform-files.ts';
import { readWorkspaceFile } from '../workspace/read-file.ts';
import type { CheckSettings } from '../engine/check-settings.ts';
import type { AnyRule } from '../engine/rule.ts';

export interface TerraformCheckRequest {
  workspace: Workspace;
  rules: readonly AnyRule[];
  settingsFor: (file: string) => CheckSettings;
}

export interface TerraformTools extends TerraformReaders {
  /** One result per module folder of these .tf files that configures azurerm or azapi (or is a root using them). */
  checkFiles(request: TerraformCheckRequest, files: readonly string[]): TemplateResult[];
}

export async function createTerraformTools(workspace: Workspace): Promise<TerraformTools> {
  // The YAML reader is a sizeable module: it loads only when a workflow mentions the variable.
  const partnerIdEnvOfWorkflow = mentionsPartnerIdEnv(workspace) ? (await import('../parse/workflow-partner-env.ts')).partnerIdEnvOfWorkflow : () => [];
  const readers: TerraformReaders = { parser: await createSyntaxParser('terraform'), partnerIdEnvOfWorkflow };
  return { ...readers, checkFiles: (request, files) => checkTerraformFiles(request, files, readers) };
}

function mentionsPartnerIdEnv(workspace: Workspace): boolean {
  return listWorkflowFiles(workspace).some((file) => {
    const read = readWorkspaceFile(workspace, file);
    return read.ok && read.text.includes('ARM_PARTNER_ID');
  });
}

function checkTerraformFiles(request: TerraformCheckRequest, files: readonly string[], readers: TerraformReaders): TemplateResult[] {
  const folders = [...new Set(files.map((file) => folderOf(file)))].sort();
  const workflows = readWorkflows(request.workspace, readers);
  const results: TemplateResult[] = [];
  for (const folder of folders) {
    const module = readTerraformModule(request.workspace, folder, { readers, workflows });
    if (!isCheckedModule(module)) continue;
    const file = moduleResultFile(module);
    const result = checkTerraformModule(module, { rules: request.rules, settings: request.settingsFor(file) }, file);
    // A change to any workflow can add or remove the ARM_PARTNER_ID this module relies on.
    results.push({ ...result, linkTargets: [...new Set([...(result.linkTargets ?? []), ...workflows.files.map((w) => w.file)])] });
  }
  return results;
}
