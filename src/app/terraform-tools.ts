// What checking Terraform needs, loaded only in a run that has .tf files: the WebAssembly runtime,
// the Terraform grammar, the Terraform check itself, and the YAML reader for workflows (only when a
// workflow mentions ARM_PARTNER_ID), all in lazily imported modules (./check-terraform.ts), so that
// a run over ARM templates alone loads none of it.
import type { TemplateResult } from '../engine/types.ts';
import type { Workspace } from '../workspace/read-file.ts';
import type { TerraformTools } from './check-terraform.ts';
import { internalErrorResult } from './internal-error.ts';

export type { TerraformCheckRequest, TerraformTools } from './check-terraform.ts';

export async function loadTerraformTools(workspace: Workspace): Promise<TerraformTools> {
  const { createTerraformTools } = await import('./check-terraform.ts');
  return createTerraformTools(workspace);
}

/** Without the grammar a Terraform module is never a pass: each folder is an internal error. */
export function terraformNotLoaded(files: readonly string[]): TemplateResult[] {
  const firstOfFolder = new Map<string, string>();
  for (const file of files) {
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    if (!firstOfFolder.has(folder)) firstOfFolder.set(folder, file);
  }
  const message = 'cua-guard could not check this Terraform module: the Terraform grammar was not loaded (internal error); please report it';
  return [...firstOfFolder.values()].sort().map((file) => internalErrorResult(file, 'grammar not loaded', message));
}
