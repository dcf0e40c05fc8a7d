// Finds and reads the configuration file: `.cua-guard.json` at the workspace root, or the file
// named by the `config` input / `--config` flag. JSON with comments and trailing commas.
// Validation (ajv) lives in a module loaded only when a configuration file exists.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../parse/text-position.ts';
import { UsageError } from './usage-error.ts';
import { ConfigError } from './config-error.ts';
import { CONFIG_FILE_NAME, type LoadedConfig } from './config-types.ts';

export interface ConfigLocation {
  /** Workspace root: where `.cua-guard.json` is looked for, and what `explicit` is relative to by default. */
  workspaceRoot: string;
  /** Path from the `config` input or `--config` flag. */
  explicit?: string;
  /** What a relative `explicit` path is relative to (the CLI's cwd); default the workspace root. */
  baseDir?: string;
}

/** The configuration file to use, or undefined when there is none (the default location is optional). */
export function findConfigFile(location: ConfigLocation): string | undefined {
  if (location.explicit !== undefined && location.explicit.trim() !== '') {
    const path = resolve(location.baseDir ?? location.workspaceRoot, location.explicit.trim());
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`configuration file '${location.explicit.trim()}' does not exist`);
    return path;
  }
  const path = join(location.workspaceRoot, CONFIG_FILE_NAME);
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

export async function loadConfiguration(location: ConfigLocation): Promise<LoadedConfig | undefined> {
  const path = findConfigFile(location);
  if (path === undefined) return undefined;
  const displayPath = displayPathOf(location.workspaceRoot, path);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const { validateConfiguration } = await import('./validate-config.ts');
  return { path, displayPath, config: validateConfiguration(parseConfigText(text, displayPath), text, displayPath) };
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
      const words = errors.length > 0 ? printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'the file is empty';
      return { ...at, message: `not valid JSON: ${words}` };
    });
    throw new ConfigError(displayPath, problems);
  }
  return { tree, value: getNodeValue(tree) as unknown };
}

function displayPathOf(workspaceRoot: string, path: string): string {
  const rel = relative(workspaceRoot, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
