// Checks the Terraform module folders of the discovered .tf files: reads each folder (its .tf and
// .tfvars files, and the repository's workflows), builds the module model and runs the Terraform
// rules. The grammar loads asynchronously, once, and only when a run has .tf files
// (`loadTerraformTools`); checking is synchronous.
import type { CheckSettings } from '../engine/check-settings.ts';
import { checkTerraformModule } from '../engine/check-terraform.ts';
import type { AnyRule } from '../engine/rule.ts';
import type { TemplateResult } from '../engine/types.ts';
import { folderOf, isCheckedModule, moduleResultFile, readTerraformModule, readWorkflows, type TerraformReaders } from '../model/terraform/read-module.ts';
import type { Workspace } from '../workspace/read-file.ts';

export type TerraformTools = TerraformReaders;

/** The runtime, the Terraform grammar and the YAML reader (`yaml`): each in a lazily loaded module. */
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
    const module = readTerraformModule(request.workspace, folder, { readers: tools, workflows });
    if (!isCheckedModule(module)) continue;
    const file = moduleResultFile(module);
    const result = checkTerraformModule(module, { rules: request.rules, settings: request.settingsFor(file) }, file);
    // A change to any workflow can add or remove the ARM_PARTNER_ID this module relies on.
    results.push({ ...result, linkTargets: [...new Set([...(result.linkTargets ?? []), ...workflows.files.map((w) => w.file)])] });
  }
  return results;
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
