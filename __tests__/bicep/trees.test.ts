// The run's syntax trees: a file is parsed once while its tree is kept; past the budget the least
// recently used trees are freed between templates, and a changed text is parsed again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BicepTrees } from '../../src/engine/check-bicep.ts';
import { createSyntaxParser, type SyntaxParser } from '../../src/parse/tree-sitter/load.ts';

function counting(parser: SyntaxParser): { parser: SyntaxParser; count: () => number } {
  let calls = 0;
  const wrapped = Object.create(parser) as SyntaxParser;
  wrapped.parse = ((text: string) => {
    calls++;
    return parser.parse(text);
  }) as SyntaxParser['parse'];
  return { parser: wrapped, count: () => calls };
}

test('trees are kept within the budget, least recently used freed first', async () => {
  const { parser, count } = counting(await createSyntaxParser('bicep'));
  const a = "var a = 'a'\n";
  const b = "var b = 'b'\n";
  const trees = new BicepTrees(parser, a.length + 1);
  try {
    const first = trees.parse('a.bicep', a);
    assert.equal(trees.parse('a.bicep', a), first, 'kept: the same tree');
    assert.equal(count(), 1);
    trees.parse('b.bicep', b);
    trees.trim(); // over budget: a.bicep (least recently used) goes
    trees.parse('b.bicep', b);
    assert.equal(count(), 2, 'b.bicep is still kept');
    trees.parse('a.bicep', a);
    assert.equal(count(), 3, 'a.bicep was freed and is parsed again');
    trees.parse('a.bicep', "var a = 'changed'\n");
    assert.equal(count(), 4, 'a changed text is parsed again');
  } finally {
    trees.dispose();
  }
});
