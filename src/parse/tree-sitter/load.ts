import type { Parser } from 'web-tree-sitter';
import type { GrammarName } from './types.ts';

export type { GrammarName } from './types.ts';
export type { Node as SyntaxNode, Parser as SyntaxParser, Tree as SyntaxTree } from 'web-tree-sitter';

/**
 * A tree-sitter parser for one grammar. The runtime is imported here, on first use, so that it
 * loads only in runs that check a .bicep or .tf file (the action's start-up stays as it is).
 */
export async function createSyntaxParser(name: GrammarName): Promise<Parser> {
  const { createParser } = await import('./grammars.ts');
  return createParser(name);
}
