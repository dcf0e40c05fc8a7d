// The tree-sitter runtime and grammars, loaded only when a run checks a .bicep or .tf file:
// src/parse/tree-sitter/load.ts imports this module with `await import(...)`, so the bundle puts it
// in a lazy chunk of its own and a run over JSON templates never loads it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';
import type { GrammarName } from './types.ts';

/** Each grammar's WebAssembly file: its package path, and its name beside the bundle in dist/. */
const GRAMMAR_FILES: Record<GrammarName, { packagePath: string; fileName: string }> = {
  bicep: { packagePath: 'tree-sitter-bicep/tree-sitter-bicep.wasm', fileName: 'tree-sitter-bicep.wasm' },
  terraform: { packagePath: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', fileName: 'tree-sitter-terraform.wasm' },
};
const RUNTIME_FILE = { packagePath: 'web-tree-sitter/tree-sitter.wasm', fileName: 'tree-sitter.wasm' };

/**
 * Where a .wasm file is: beside this module when it runs bundled from dist/ (scripts/bundle.mjs
 * copies the files there, because the action runs without node_modules), otherwise in its package.
 */
function wasmPath(file: { packagePath: string; fileName: string }): string {
  const bundled = fileURLToPath(new URL(`./${file.fileName}`, import.meta.url));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve(file.packagePath);
}

let runtime: Promise<void> | undefined;
const languages = new Map<GrammarName, Promise<Language>>();

function initRuntime(): Promise<void> {
  runtime ??= Parser.init({ wasmBinary: readFileSync(wasmPath(RUNTIME_FILE)) });
  return runtime;
}

async function loadLanguage(name: GrammarName): Promise<Language> {
  await initRuntime();
  let language = languages.get(name);
  if (language === undefined) {
    language = Language.load(readFileSync(wasmPath(GRAMMAR_FILES[name])));
    languages.set(name, language);
  }
  return language;
}

/** A parser for one grammar; the runtime and the grammar load once per process. */
export async function createParser(name: GrammarName): Promise<Parser> {
  const language = await loadLanguage(name);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** What bundle.mjs copies into dist/ beside this module. */
export const WASM_FILES = [RUNTIME_FILE, ...Object.values(GRAMMAR_FILES)];
