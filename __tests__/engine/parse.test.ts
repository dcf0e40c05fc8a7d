// Template text as ARM reads it: comments, trailing commas, BOM, control characters; and
// broken files located exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTemplateText } from '../../src/parse/parse-json.ts';
import { LineIndex } from '../../src/parse/text-position.ts';
import { locateNodes } from '../../src/parse/locate.ts';
import { check, GUID, ruleIds } from '../support/templates.ts';

const jsonc = `// header comment
{
  /* block
     comment */
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0", // trailing comment
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2021-04-01",
      "name": "pid-${GUID}",
      "properties": { "mode": "Incremental", "template": { "$schema": "x", "contentVersion": "1.0.0.0", "resources": [], }, },
    },
  ],
}
`;

test('comments and trailing commas are accepted', () => {
  const parsed = parseTemplateText(jsonc);
  assert.equal(parsed.ok, true);
  assert.deepEqual(ruleIds(check(jsonc)), []);
});

test('a UTF-8 BOM is accepted and positions ignore it', () => {
  const withBom = `\uFEFF${jsonc}`;
  assert.equal(parseTemplateText(withBom).ok, true);
  const result = check(withBom.replace('"Incremental"', '"Complete"'));
  assert.deepEqual(ruleIds(result), ['CUA007']);
  assert.equal(result.findings[0]?.line, 12);
});

test('raw control characters inside strings are tolerated, as ARM does', () => {
  const text = `{"$schema": "x", "variables": {"s": "tab\there"}, "resources": []}`;
  assert.equal(parseTemplateText(text).ok, true);
});

test('broken files report the first error with its exact position', () => {
  const cases: [string, number, number, RegExp][] = [
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /comma expected/],
    ['{\n  "a": [1, 2\n}', 3, 1, /close bracket expected|comma expected/],
    ['{\n  "a": "unterminated\n}', 2, 8, /unexpected end of string|invalid/],
    ['{"a": 1}}', 1, 9, /end of file expected/],
    ['', 1, 1, /empty/],
  ];
  for (const [text, line, column, message] of cases) {
    const parsed = parseTemplateText(text);
    assert.equal(parsed.ok, false, text);
    if (parsed.ok) continue;
    assert.match(parsed.error.message, message, text);
    assert.deepEqual(new LineIndex(parsed.text).positionAt(parsed.error.offset), { line, column }, text);
  }
});

test('line index handles CRLF and CR line endings', () => {
  const index = new LineIndex('a\r\nb\rc\nd');
  assert.deepEqual(index.positionAt(3), { line: 2, column: 1 });
  assert.deepEqual(index.positionAt(5), { line: 3, column: 1 });
  assert.deepEqual(index.positionAt(7), { line: 4, column: 1 });
});

test('line index agrees with a character-by-character count for any mix of line ends, in any order of queries', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', ' '), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, queries) => {
      const text = pieces.join('');
      const index = new LineIndex(text);
      for (const q of queries) {
        const offset = text.length === 0 ? 0 : q % (text.length + 1);
        assert.deepEqual(index.positionAt(offset), naivePosition(text, offset), JSON.stringify({ text, offset }));
      }
    }),
  );
});

/** Line and column by walking every character: \n, \r\n and a lone \r end a line. */
function naivePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

test('nodes are located by path, keys and values, skipping comments', () => {
  const [name, key, missing] = locateNodes(jsonc, [
    { path: ['resources', 0, 'name'], at: 'value' },
    { path: ['resources'], at: 'key' },
    { path: ['resources', 5], at: 'value' },
  ]);
  const lines = new LineIndex(jsonc);
  assert.deepEqual(lines.positionAt(name?.offset ?? -1), { line: 11, column: 15 });
  assert.deepEqual(lines.positionAt(key?.offset ?? -1), { line: 7, column: 3 });
  assert.equal(missing, undefined);
});

test('findings carry file, line and column of the node they are about', () => {
  const result = check(jsonc.replace('"2021-04-01"', '"latest"'));
  assert.deepEqual(
    result.findings.map((f) => [f.ruleId, f.file, f.line, f.column]),
    [['CUA014', 'azuredeploy.json', 10, 21]],
  );
});
