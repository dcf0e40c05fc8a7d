// Differential fuzzing of the locator: src/engine/locate.ts (a purpose-built scanner) must find
// exactly what jsonc-parser's visitor finds (locate-reference.ts) for any path, in templates
// formatted any way, with comments, trailing commas and duplicate keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { locateNodes, type LocateRequest } from '../../src/parse/locate.ts';
import { parseTemplateText } from '../../src/parse/parse-json.ts';
import { templateArbitrary, applyTextOp } from '../../scripts/lib/fuzz-templates.ts';
import { locateNodes as referenceLocate } from './locate-reference.ts';

type Path = (string | number)[];

function allPaths(value: unknown, limit = 400): Path[] {
  const out: Path[] = [[]];
  const stack: [unknown, Path][] = [[value, []]];
  while (stack.length > 0 && out.length < limit) {
    const [node, path] = stack.pop() as [unknown, Path];
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      out.push([...path, key]);
      stack.push([child, [...path, key]]);
    }
  }
  return out;
}

const layout = fc.record({
  indent: fc.constantFrom(0, 1, 2, 4, '\t'),
  crlf: fc.boolean(),
  comments: fc.array(fc.nat(), { maxLength: 6 }),
  trailingCommas: fc.array(fc.nat(), { maxLength: 4 }),
  duplicates: fc.array(fc.record({ pick: fc.nat(), value: fc.constantFrom('1', '"x"', '{"a": [1, 2]}', '[]', 'null') }), { maxLength: 3 }),
});

interface Layout {
  indent: number | string;
  crlf: boolean;
  comments: number[];
  trailingCommas: number[];
  duplicates: { pick: number; value: string }[];
}

function render(template: unknown, l: Layout): string {
  let text = JSON.stringify(template, null, l.indent);
  for (const d of l.duplicates) text = applyTextOp(text, { kind: 'duplicateKey', pick: d.pick, value: d.value });
  // Newlines in JSON.stringify output are always between tokens: safe places for comments.
  const breaks = [...text.matchAll(/\n/g)].map((m) => m.index ?? 0);
  for (const [n, pick] of l.comments.entries()) {
    const at = breaks.length > 0 ? (breaks[pick % breaks.length] ?? 0) : -1;
    if (at < 0) break;
    text = `${text.slice(0, at)}${n % 2 ? ' // line comment' : ' /* block, "quoted" */'}${text.slice(at)}`;
    breaks.splice(0, breaks.length, ...[...text.matchAll(/\n/g)].map((m) => m.index ?? 0));
  }
  const closers = [...text.matchAll(/([^\s{[,])(\s*\n\s*[}\]])/g)];
  for (const pick of l.trailingCommas) {
    const m = closers[pick % Math.max(closers.length, 1)];
    if (!m || m.index === undefined) break;
    text = `${text.slice(0, m.index + 1)},${text.slice(m.index + 1)}`;
    break; // offsets move after one insertion; one trailing comma per case is enough
  }
  return l.crlf ? text.replace(/\n/g, '\r\n') : text;
}

test('fuzz: the fast locator agrees with the jsonc-parser visitor on every path', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(
      templateArbitrary(2),
      layout,
      fc.array(fc.tuple(fc.nat(), fc.constantFrom<'key' | 'value'>('key', 'value'), fc.nat(4)), { minLength: 1, maxLength: 8 }),
      (template, l, picks) => {
        const text = render(template, l);
        const parsed = parseTemplateText(text);
        assert.ok(parsed.ok, 'the rendered JSONC parses');
        const paths = allPaths(parsed.value);
        const requests: LocateRequest[] = picks.map(([pick, at, variant]) => {
          const path = paths[pick % paths.length] ?? [];
          // Variants: the path itself, a missing child, an index as a string, a missing index, a prefix.
          const p: Path =
            variant === 1
              ? [...path, 'missing']
              : variant === 2
                ? path.map((e) => (typeof e === 'number' ? String(e) : e))
                : variant === 3
                  ? [...path, 99]
                  : variant === 4
                    ? path.slice(0, -1)
                    : path;
          return { path: p, at };
        });
        assert.deepEqual(locateNodes(text, requests), referenceLocate(text, requests));
      },
    ),
    { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
  );
});

test('the locator never throws and never loops on broken or hostile text', () => {
  const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
  const cases = ['', '{', '{"a":', '{"a" 1}', '[1,,2]', '"unterminated', '/* open', '{"a": [1, 2', deep, `{"x": ${deep}, "y": 2}`, '{"a\\"b": 1}'];
  for (const text of cases) {
    const spans = locateNodes(text, [
      { path: ['y'], at: 'value' },
      { path: ['a"b'], at: 'key' },
      { path: [0, 0, 0], at: 'value' },
    ]);
    assert.equal(spans.length, 3);
  }
  assert.deepEqual(locateNodes(`{"x": ${deep}, "y": 2}`, [{ path: ['y'], at: 'value' }]), [{ offset: 200_014, length: 1 }]);
  assert.deepEqual(locateNodes('{"a\\"b": 1}', [{ path: ['a"b'], at: 'key' }]), [{ offset: 1, length: 6 }]);
});
