// A Terraform (HCL native syntax) file as cua-guard reads it: blocks, attributes and the few
// expression forms the checks resolve, with character offsets into the file's text. Anything
// else is kept as `other` with its text, never guessed at.

/** Character offsets (UTF-16 units, as JavaScript strings count) of a piece of the text. */
export interface HclSpan {
  offset: number;
  end: number;
}

export type HclExpression =
  | { kind: 'literal'; value: string | number | boolean | null; span: HclSpan }
  /** A quoted or heredoc string with interpolations: text parts and the expressions between them. */
  | { kind: 'template'; parts: readonly (string | HclExpression)[]; span: HclSpan }
  /** `var.x`, `local.y`, `module.m.output`: the names of a traversal without index steps. */
  | { kind: 'reference'; names: readonly string[]; span: HclSpan }
  | { kind: 'conditional'; condition: HclExpression; whenTrue: HclExpression; whenFalse: HclExpression; span: HclSpan }
  | { kind: 'not'; operand: HclExpression; span: HclSpan }
  | { kind: 'compare'; operator: '==' | '!='; left: HclExpression; right: HclExpression; span: HclSpan }
  /** Any other expression (function calls, collections, for expressions, arithmetic …). */
  | { kind: 'other'; text: string; span: HclSpan };

export interface HclAttribute {
  name: string;
  /** The whole `name = value`. */
  span: HclSpan;
  value: HclExpression;
}

export interface HclBlock {
  type: string;
  labels: readonly string[];
  /** From the block type to the closing brace. */
  span: HclSpan;
  /** Offset just after `{`. */
  bodyStart: number;
  /** Offset of `}` (the end of the text when the brace is missing). */
  bodyEnd: number;
  attributes: readonly HclAttribute[];
  blocks: readonly HclBlock[];
}

export interface HclComment {
  /** The comment as written, markers included. */
  text: string;
  span: HclSpan;
}

export interface HclFile {
  /** Workspace-relative path. */
  file: string;
  text: string;
  attributes: readonly HclAttribute[];
  blocks: readonly HclBlock[];
  comments: readonly HclComment[];
  /** Where the grammar could not read the text (error and missing nodes), in document order. */
  syntaxErrors: readonly HclSpan[];
}
