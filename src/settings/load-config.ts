// Finds and reads the configuration file: `.cua-guard.json` at the workspace root (the CLI: the
// nearest one walking up from the checked path to the workspace root), or the file named by the
// `config` input / `--config` flag. JSON with comments and trailing commas.
// Validation (ajv) lives in a module loaded only when a configuration file exists.
import { realpathSync } from 'node:fs';
import { isAbsolute, posix, resolve } from 'node:path';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../parse/text-position.ts';
import { readWorkspaceFile, workspaceRelative, type Workspace } from '../workspace/read-file.ts';
import { UsageError } from './usage-error.ts';
import { ConfigError } from './config-error.ts';
import { CONFIG_FILE_NAME, type LoadedConfig } from './config-types.ts';

export interface ConfigLocation {
  /** The workspace: the file is read through its safe reader and must lie inside it. */
  workspace: Workspace;
  /** Path from the `config` input or `--config` flag. */
  explicit?: string;
  /** What a relative `explicit` path is relative to (the CLI's cwd); default the workspace root. */
  baseDir?: string;
  /** Workspace-relative folder to look for `.cua-guard.json` in first, then in each folder above it up to the root; default the root. */
  searchFrom?: string;
}

/**
 * Reads the configuration file through the workspace's safe reader (no link out of the workspace,
 * no FIFO, device or folder, bounded size). Undefined when there is none: the default location is
 * optional, a named file is not. A file that is there but cannot be read is an error at the file.
 */
export async function loadConfiguration(location: ConfigLocation): Promise<LoadedConfig | undefined> {
  const explicit = location.explicit?.trim() ?? '';
  const candidates = explicit !== '' ? [explicitPath(location, explicit)] : defaultPaths(location.searchFrom ?? '');
  for (const relPath of candidates) {
    const read = readWorkspaceFile(location.workspace, relPath);
    if (!read.ok) {
      if (read.code === 'ENOENT' || read.code === 'ENOTDIR') {
        if (explicit === '') continue;
        throw new UsageError(`configuration file '${explicit}' does not exist`);
      }
      throw new ConfigError(relPath, [{ line: 1, column: 1, message: `cannot read the configuration: ${read.message}` }]);
    }
    const text = read.text;
    const { validateConfiguration } = await import('./validate-config.ts');
    return {
      path: resolve(location.workspace.root, relPath),
      displayPath: relPath,
      folder: explicit !== '' ? '' : posix.dirname(relPath).replace(/^\.$/, ''),
      config: validateConfiguration(parseConfigText(text, relPath), text, relPath),
    };
  }
  return undefined;
}

/** `.cua-guard.json` in `folder` and in every folder above it up to the workspace root, nearest first. */
function defaultPaths(folder: string): string[] {
  const paths: string[] = [];
  for (let current = folder; current !== '' && current !== '.'; current = posix.dirname(current)) {
    paths.push(`${current}/${CONFIG_FILE_NAME}`);
  }
  return [...paths, CONFIG_FILE_NAME];
}

/** The workspace-relative path a `config` input or `--config` flag names; outside the workspace is an error, nothing is read. */
function explicitPath(location: ConfigLocation, explicit: string): string {
  const base = location.baseDir === undefined ? location.workspace.root : realBase(location.baseDir);
  const rel = workspaceRelative(location.workspace, resolve(base, explicit));
  if (rel === undefined || rel === '') throw new UsageError(`configuration file '${explicit}' is outside the workspace and was not read`);
  return rel;
}

/** The CLI's cwd as the workspace root is written (symlinks resolved), so relative paths compare. */
function realBase(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return isAbsolute(dir) ? dir : resolve(dir);
  }
}

export interface ParsedConfig {
  tree: Node;
  value: unknown;
}

/** Parses JSONC; a syntax error stops with its position. */
export function parseConfigText(text: string, displayPath: string): ParsedConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length > 0 || tree === undefined) {
    const lines = new LineIndex(text);
    const problems = (errors.length > 0 ? errors : [{ error: 0, offset: 0, length: 0 }]).slice(0, 5).map((e) => {
      const at = lines.positionAt(e.offset);
      const words =
        errors.length > 0
          ? printParseErrorCode(e.error)
              .replace(/([a-z])([A-Z])/g, '$1 $2')
              .toLowerCase()
          : 'the file is empty';
      return { ...at, message: `not valid JSON: ${words}` };
    });
    throw new ConfigError(displayPath, problems);
  }
  return { tree, value: getNodeValue(tree) as unknown };
}
