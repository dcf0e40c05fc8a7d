// The HCL reader over the Terraform grammar: values, escapes, positions in UTF-16 units, error
// regions, and hostile nesting read without a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHclFile } from '../../src/parse/hcl/parse-hcl.ts';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';

const parse = async (text: string) => parseHclFile(await createSyntaxParser('terraform'), 'main.tf', text);

test('strings: escapes and $${ are read as Terraform reads them; a heredoc keeps its text', async () => {
  const file = await parse('locals {\n  a = "x\\"y\\u00e9$${z}"\n  b = <<EOT\nline ${var.v}\nEOT\n}\n');
  const [locals] = file.blocks;
  assert.deepEqual(locals?.attributes[0]?.value, { kind: 'literal', value: 'x"yé${z}', span: { offset: 15, end: 32 } });
  const heredoc = locals?.attributes[1]?.value;
  assert.equal(heredoc?.kind, 'template');
  assert.deepEqual(heredoc?.kind === 'template' ? heredoc.parts.map((p) => (typeof p === 'string' ? p : p.kind)) : [], ['line ', 'reference', '\n']);
});

test('offsets count UTF-16 units, as JavaScript strings do, also after non-ASCII text', async () => {
  const text = 'provider "azurerm" { # é😀\n  partner_id = "x"\n}\n';
  const file = await parse(text);
  const value = file.blocks[0]?.attributes[0]?.value;
  assert.equal(text.slice(value?.span.offset, value?.span.end), '"x"');
  assert.deepEqual(
    file.comments.map((c) => c.text),
    ['# é😀'],
  );
});

test('references, conditionals, comparisons; anything else is kept as other with its text', async () => {
  const file = await parse('locals {\n  a = var.on ? local.b : null\n  c = var.m["k"]\n  d = upper("x")\n  e = !(var.x == "y")\n}\n');
  const kinds = file.blocks[0]?.attributes.map((a) => a.value.kind);
  assert.deepEqual(kinds, ['conditional', 'other', 'other', 'not']);
});

test('a block without its closing brace: the error region is recorded, what parsed is read', async () => {
  const file = await parse('provider "azurerm" {\n  partner_id = "x"\n');
  assert.equal(file.blocks[0]?.type, 'provider');
  assert.equal(file.syntaxErrors.length, 1);
});

test('hostile nesting: 5,000 parentheses and negations are read without a crash', async () => {
  const depth = 5000;
  const file = await parse(`locals {\n  a = ${'('.repeat(depth)}"x"${')'.repeat(depth)}\n  b = ${'!'.repeat(depth)}true\n}\n`);
  assert.equal(file.blocks[0]?.attributes.length, 2);
});
