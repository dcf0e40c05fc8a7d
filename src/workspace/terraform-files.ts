// The files of a Terraform module folder (its .tf and .tfvars files, not those of subfolders) and
// the repository's GitHub workflow files, listed without leaving the workspace; reading goes
// through readWorkspaceFile like every other read.
import { readdirSync, type Dirent } from 'node:fs';
import { join, posix } from 'node:path';
import type { Workspace } from './read-file.ts';

export interface TerraformFolderFiles {
  /** Workspace-relative, sorted. */
  configuration: string[];
  /** `*.tfvars` (not .tfvars.json), workspace-relative, sorted. */
  variableFiles: string[];
}

export function listTerraformFolder(workspace: Workspace, folder: string): TerraformFolderFiles {
  const entries = listFiles(join(workspace.root, folder));
  const path = (name: string): string => (folder === '' ? name : posix.join(folder, name));
  return {
    configuration: entries
      .filter((name) => name.toLowerCase().endsWith('.tf'))
      .map(path)
      .sort(),
    variableFiles: entries
      .filter((name) => name.toLowerCase().endsWith('.tfvars'))
      .map(path)
      .sort(),
  };
}

const WORKFLOW_FOLDER = '.github/workflows';

/** `.github/workflows/*.yml` and `*.yaml`, workspace-relative, sorted. */
export function listWorkflowFiles(workspace: Workspace): string[] {
  return listFiles(join(workspace.root, WORKFLOW_FOLDER))
    .filter((name) => /\.ya?ml$/i.test(name))
    .map((name) => `${WORKFLOW_FOLDER}/${name}`)
    .sort();
}

/** Names of the regular files and links in a folder (links are checked when read); none when it cannot be listed. */
function listFiles(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
}
