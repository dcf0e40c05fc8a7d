// Reads a Terraform file (.tf, .tfvars) through the tree-sitter Terraform grammar into the small
// typed form of ./types.ts. The parser is handed in (loading it is asynchronous and belongs to the
// application layer); reading is synchronous. Regions the grammar could not read are recorded as
// syntax errors; what parsed around them is still read. Every node visited crosses into the
// WebAssembly runtime, so only what is asked for is visited: the contents of the top-level blocks
// `readBlock` selects (their nested blocks as outlines), comments at the top level and in those
// blocks, and error nodes only under nodes that have them.
import type { SyntaxNode, SyntaxParser } from '../tree-sitter/load.ts';
import type { HclAttribute, HclBlock, HclComment, HclExpression, HclFile, HclSpan } from './types.ts';

export interface HclReadOptions {
  /** Which top-level blocks to read the contents of, by type (default: all). Others are outlines. */
  readBlock?: (type: string) => boolean;
  /** Which attributes of a read block to read, by block type and name (default: all); others are left out. */
  readAttribute?: (blockType: string, name: string) => boolean;
}

export function parseHclFile(parser: SyntaxParser, file: string, text: string, options: HclReadOptions = {}): HclFile {
  const tree = parser.parse(text);
  if (tree === null) return { file, text, attributes: [], blocks: [], comments: [], syntaxErrors: [{ offset: 0, end: text.length }] };
  try {
    const root = tree.rootNode;
    const syntaxErrors: HclSpan[] = root.hasError ? collectErrors(root) : [];
    const reader = new BodyReader(text.length, options);
    const body = children(root).find((c) => c.type === 'body');
    for (const c of children(root)) if (c.type === 'comment') reader.comments.push({ text: c.text, span: spanOf(c) });
    const { attributes, blocks } = body ? reader.readBody(body, 0) : { attributes: [], blocks: [] };
    reader.comments.sort((a, b) => a.span.offset - b.span.offset);
    return { file, text, attributes, blocks, comments: reader.comments, syntaxErrors };
  } finally {
    tree.delete();
  }
}

function children(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((c): c is SyntaxNode => c !== null);
}

function spanOf(node: SyntaxNode): HclSpan {
  return { offset: node.startIndex, end: node.endIndex };
}

/** Error and missing nodes, descending only into nodes that contain one; an error node is one region. */
function collectErrors(root: SyntaxNode): HclSpan[] {
  const errors: HclSpan[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    if (node.isError || node.isMissing) {
      errors.push(spanOf(node));
      continue;
    }
    if (!node.hasError) continue;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as SyntaxNode);
  }
  return errors.sort((a, b) => a.offset - b.offset);
}

class BodyReader {
  readonly comments: HclComment[] = [];
  private readonly textEnd: number;
  private readonly readBlock: (type: string) => boolean;
  private readonly readAttribute: (blockType: string, name: string) => boolean;

  constructor(textEnd: number, options: HclReadOptions) {
    this.textEnd = textEnd;
    this.readBlock = options.readBlock ?? (() => true);
    this.readAttribute = options.readAttribute ?? (() => true);
  }

  /**
   * depth 0: the file's body; 1: a selected top-level block's body (nested blocks as outlines).
   * `blockType` is the type of the block whose body this is ('' for the file).
   */
  readBody(body: SyntaxNode, depth: number, blockType = ''): { attributes: HclAttribute[]; blocks: HclBlock[] } {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    for (const child of children(body)) {
      if (child.type === 'attribute') {
        const attribute = readAttribute(child, (name) => this.readAttribute(blockType, name));
        if (attribute) attributes.push(attribute);
      } else if (child.type === 'block') {
        const block = this.block(child, depth);
        if (block) blocks.push(block);
      } else if (child.type === 'comment') this.comments.push({ text: child.text, span: spanOf(child) });
    }
    return { attributes, blocks };
  }

  private block(node: SyntaxNode, depth: number): HclBlock | undefined {
    const parts = children(node);
    const type = parts[0];
    if (!type || type.type !== 'identifier') return undefined;
    const labels: string[] = [];
    for (const part of parts) {
      if (part.type === 'string_lit') labels.push(labelValue(part));
      else if (part.type === 'identifier' && part !== type) labels.push(part.text);
      // A comment right after `{` or before `}` is the block's child, not its body's.
      else if (part.type === 'comment') this.comments.push({ text: part.text, span: spanOf(part) });
    }
    const start = parts.find((c) => c.type === 'block_start');
    const end = parts.find((c) => c.type === 'block_end');
    const body = parts.find((c) => c.type === 'body');
    const read = depth === 0 && this.readBlock(type.text);
    const { attributes, blocks } = body && read ? this.readBody(body, depth + 1, type.text) : { attributes: [], blocks: [] };
    const bodyEnd = end && !end.isMissing ? end.startIndex : Math.min(node.endIndex, this.textEnd);
    return { type: type.text, labels, span: spanOf(node), bodyStart: start ? start.endIndex : node.endIndex, bodyEnd, attributes, blocks };
  }
}

function readAttribute(node: SyntaxNode, wanted: (name: string) => boolean): HclAttribute | undefined {
  const parts = children(node);
  const name = parts.find((c) => c.type === 'identifier');
  const value = parts.find((c) => c.type === 'expression');
  if (!name || !value) return undefined;
  const text = name.text;
  if (!wanted(text)) return undefined;
  return { name: text, span: spanOf(node), value: readExpression(value) };
}

/** A block label: its text between the quotes when nothing in it needs unescaping (no visit of its parts). */
function labelValue(node: SyntaxNode): string {
  const text = node.text;
  const inner = text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : undefined;
  if (inner !== undefined && !/[\\$%]/.test(inner)) return inner;
  return stringValue(node) ?? text;
}

/** The value of a string without interpolations (`string_lit`, or a template of literal parts). */
function stringValue(node: SyntaxNode): string | undefined {
  let value = '';
  for (const part of children(node)) {
    if (part.type === 'template_literal') value += unescapeHcl(part.text);
    else if (part.type !== 'quoted_template_start' && part.type !== 'quoted_template_end') return undefined;
  }
  return value;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** HCL's escapes in quoted strings: \n \r \t \" \\ \uNNNN \UNNNNNNNN, and $${ / %%{ for literal ${ / %{. */
export function unescapeHcl(raw: string): string {
  return raw.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{/g, (whole, escape: string | undefined) => {
    if (escape === undefined) return whole.slice(1);
    if (escape.length > 1) {
      const code = Number.parseInt(escape.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ESCAPES[escape] ?? whole;
  });
}

function other(node: SyntaxNode): HclExpression {
  return { kind: 'other', text: node.text, span: spanOf(node) };
}

/** An `expression` node (or any expression term). */
export function readExpression(node: SyntaxNode): HclExpression {
  return nested(node, () => (node.type === 'expression' ? readTerms(children(node), node) : readTerm(node)));
}

/** Expressions nested deeper than this (a hostile file's 10,000 parentheses) are read as `other`. */
const MAX_EXPRESSION_DEPTH = 100;
let expressionDepth = 0;

function nested(node: SyntaxNode, read: () => HclExpression): HclExpression {
  if (expressionDepth >= MAX_EXPRESSION_DEPTH) return other(node);
  expressionDepth++;
  try {
    return read();
  } finally {
    expressionDepth--;
  }
}

/**
 * A sequence of sibling nodes forming one expression: a single term, `( expression )`, or a
 * traversal (`var.x.y`, where index steps make it something this reader does not resolve).
 */
function readTerms(terms: SyntaxNode[], whole: SyntaxNode | undefined): HclExpression {
  const span: HclSpan = whole ? spanOf(whole) : { offset: terms[0]?.startIndex ?? 0, end: terms[terms.length - 1]?.endIndex ?? 0 };
  const [first] = terms;
  if (first === undefined) return { kind: 'other', text: '', span };
  if (terms.length === 1) return readTerm(first);
  if (first.type === '(' && terms.length === 3 && terms[1]) return readExpression(terms[1]);
  if (first.type === 'variable_expr' && terms.slice(1).every((t) => t.type === 'get_attr')) {
    const names = [first.text, ...terms.slice(1).map((t) => children(t).find((c) => c.type === 'identifier')?.text ?? '')];
    return { kind: 'reference', names, span };
  }
  return { kind: 'other', text: whole?.text ?? terms.map((t) => t.text).join(''), span };
}

function readTerm(node: SyntaxNode): HclExpression {
  return nested(node, () => readTermAt(node));
}

function readTermAt(node: SyntaxNode): HclExpression {
  const span = spanOf(node);
  const parts = children(node);
  switch (node.type) {
    case 'expression':
      return readTerms(parts, node);
    case 'literal_value':
      return parts[0] ? readTerm(parts[0]) : other(node);
    case 'string_lit': {
      const value = stringValue(node);
      return value === undefined ? other(node) : { kind: 'literal', value, span };
    }
    case 'numeric_lit':
      return { kind: 'literal', value: Number(node.text), span };
    case 'bool_lit':
      return { kind: 'literal', value: node.text === 'true', span };
    case 'null_lit':
      return { kind: 'literal', value: null, span };
    case 'variable_expr':
      return { kind: 'reference', names: [node.text], span };
    case 'template_expr':
      return parts[0] ? readTemplate(parts[0]) : other(node);
    case 'conditional': {
      const [condition, whenTrue, whenFalse] = parts.filter((c) => c.type === 'expression');
      if (!condition || !whenTrue || !whenFalse) return other(node);
      return { kind: 'conditional', condition: readExpression(condition), whenTrue: readExpression(whenTrue), whenFalse: readExpression(whenFalse), span };
    }
    case 'operation':
      return parts[0] ? readOperation(parts[0]) : other(node);
    default:
      return other(node);
  }
}

function readOperation(node: SyntaxNode): HclExpression {
  const parts = children(node);
  const span = spanOf(node);
  if (node.type === 'unary_operation' && parts[0]?.type === '!') return { kind: 'not', operand: readTerms(parts.slice(1), undefined), span };
  if (node.type === 'binary_operation') {
    const at = parts.findIndex((c) => !c.isNamed && (c.type === '==' || c.type === '!='));
    const operator = parts[at]?.type;
    if (at > 0 && (operator === '==' || operator === '!=')) {
      return { kind: 'compare', operator, left: readTerms(parts.slice(0, at), undefined), right: readTerms(parts.slice(at + 1), undefined), span };
    }
  }
  return other(node);
}

/** A quoted or heredoc template: its literal text and the interpolated expressions, in order. */
function readTemplate(node: SyntaxNode): HclExpression {
  if (node.type === 'heredoc_template') return readHeredoc(node);
  const span = spanOf(node);
  const parts: (string | HclExpression)[] = [];
  for (const part of children(node)) {
    if (part.type === 'template_literal') parts.push(unescapeHcl(part.text));
    else if (part.type === 'template_interpolation') parts.push(interpolated(part));
    else if (part.type === 'template_directive') parts.push(other(part));
  }
  if (parts.every((p) => typeof p === 'string')) return { kind: 'literal', value: parts.join(''), span };
  return { kind: 'template', parts, span };
}

function interpolated(part: SyntaxNode): HclExpression {
  const inner = children(part).find((c) => c.type === 'expression');
  return inner ? readExpression(inner) : other(part);
}

/**
 * A heredoc: its literal text is taken from the source between the interpolations (the grammar's
 * literal nodes leave out spaces and line breaks). An indented heredoc (`<<-`) with interpolations
 * is kept as `other`; without them its common indentation is removed, as Terraform does.
 */
function readHeredoc(node: SyntaxNode): HclExpression {
  const span = spanOf(node);
  const parts = children(node);
  const identifiers = parts.filter((c) => c.type === 'heredoc_identifier');
  const [open, close] = identifiers;
  const whole = node.text;
  const lineEnd = open ? whole.indexOf('\n', open.endIndex - node.startIndex) : -1;
  if (!open || !close || lineEnd === -1) return other(node);
  const at = (offset: number): number => offset - node.startIndex;
  const values: (string | HclExpression)[] = [];
  let position = lineEnd + 1;
  for (const part of parts) {
    if (part.type !== 'template_interpolation' && part.type !== 'template_directive') continue;
    values.push(whole.slice(position, at(part.startIndex)), part.type === 'template_interpolation' ? interpolated(part) : other(part));
    position = at(part.endIndex);
  }
  values.push(whole.slice(position, at(close.startIndex)));
  const indented = parts.some((c) => c.type === 'heredoc_start' && c.text === '<<-');
  if (values.every((v) => typeof v === 'string')) {
    const text = values.join('');
    return { kind: 'literal', value: indented ? withoutCommonIndent(text) : text, span };
  }
  if (indented) return other(node);
  return { kind: 'template', parts: values.filter((v) => v !== ''), span };
}

function withoutCommonIndent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
}
