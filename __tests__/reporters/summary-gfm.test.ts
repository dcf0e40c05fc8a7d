// The job summary of a workspace of 100 templates with mixed results, some with hostile names,
// read as GitHub reads it: parsed with a GFM parser (tables, <details> blocks, links), not only
// compared as text. The links of the failing-templates table lead to files and lines that exist.
// The same repository (with plain names) is drawn for the README by `npm run render-summary`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { formatMarkdownSummary } from '../../src/report/markdown-summary.ts';
import { escapeControlCharacters } from '../../src/report/terminal-text.ts';
import { RULES } from '../../src/rules/index.ts';
import { lineLinker } from '../../src/app/action/github-links.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { writeSummaryWorkspace } from '../../scripts/lib/summary-workspace.ts';
import { allNodes, GFM_PACKAGES, loadGfm, shownText, type MdNode } from '../support/gfm.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const PREFIX = `https://github.com/contoso/offer/blob/${SHA}/`;
/** 100 templates: 30 failing (6 with hostile folder names, one with a hostile tracking name), 20 passing with a warning, 50 clean. */
function hundredTemplates(): { ws: TempWorkspace; failing: string[] } {
  const ws = createTempWorkspace('cua-guard-summary-');
  const failing = writeSummaryWorkspace({ names: 'hostile', write: (path, value) => ws.write(path, value) });
  return { ws, failing };
}

function summaryOf(ws: TempWorkspace): string {
  const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS });
  const linkTo = lineLinker({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'contoso/offer', GITHUB_SHA: SHA });
  return formatMarkdownSummary(report, { rules: RULES, ...(linkTo ? { linkTo } : {}), maxBytes: 900 * 1024 });
}

test('summary of 100 templates: verdict first, a short top, every <details> closed, within 1 MiB', () => {
  const { ws, failing } = hundredTemplates();
  try {
    const summary = summaryOf(ws);
    const lines = summary.split('\n');
    assert.match(lines[0] ?? '', /^## ❌ cua-guard: 30 of 100 templates fail · \d+ errors · 20 warnings · \d+ notices$/);
    // The top: the verdict, the table head and one row per failing template, then everything else collapsed.
    const firstDetails = lines.findIndex((line) => line.startsWith('<details>'));
    assert.ok(firstDetails <= failing.length + 5, `${firstDetails} lines before the first <details>`);
    // Lines that start HTML blocks are cua-guard's own; names elsewhere sit in code spans (the GFM test below reads them).
    const htmlLines = lines.filter((line) => line.startsWith('<'));
    for (const line of htmlLines) assert.match(line, /^(<details><summary>[^<]*(<code>[^<]*<\/code>[^<]*)?<\/summary>|<\/details>)$/);
    assert.equal(htmlLines.filter((line) => line === '</details>').length, 33, 'a wrapper, 30 templates, the warnings, the passing list');
    assert.equal(htmlLines.length, 66);
    assert.ok(Buffer.byteLength(summary) < 1024 * 1024);
  } finally {
    ws.dispose();
  }
});

const gfm = await loadGfm();

test(
  'summary of 100 templates parsed as GFM: the failing table, links to existing lines, <details> blocks, and no markup from names',
  { skip: gfm ? false : `needs ${GFM_PACKAGES}` },
  () => {
    const { ws, failing } = hundredTemplates();
    try {
      const tree = (gfm as NonNullable<typeof gfm>)(summaryOf(ws));
      const [heading] = tree.children ?? [];
      assert.equal(heading?.type, 'heading');
      assert.equal(heading?.depth, 2);
      assert.match(shownText(heading as MdNode), /^❌ cua-guard: 30 of 100 templates fail · \d+ errors · 20 warnings · \d+ notices$/);

      const tables = allNodes(tree).filter((n) => n.type === 'table');
      const [failingTable] = tables;
      const [head, ...rows] = failingTable?.children ?? [];
      assert.deepEqual(head?.children?.map(shownText), ['Template', 'Tracking id', 'Errors', 'First error']);
      assert.equal(rows.length, 30);
      const shownPaths: string[] = [];
      for (const row of rows) {
        const [template, tracking, errors, first] = row.children ?? [];
        assert.equal(row.children?.length, 4);
        // The path is one inline code node showing the name as it is (control characters visible).
        assert.equal(template?.children?.length, 1);
        assert.equal(template?.children?.[0]?.type, 'inlineCode');
        shownPaths.push(template?.children?.[0]?.value ?? '');
        const hostileName = shownText(tracking as MdNode).startsWith('pid-');
        if (hostileName) assert.equal(shownText(tracking as MdNode), 'pid-`[x](https://attacker.example)`| (invalid)');
        else assert.equal(shownText(tracking as MdNode), 'none found');
        assert.equal(shownText(errors as MdNode), hostileName ? shownText(errors as MdNode) : '1');
        // The link leads to a file and line that exist.
        const link = first?.children?.[0];
        assert.equal(link?.type, 'link');
        const url = link?.url ?? '';
        assert.ok(url.startsWith(PREFIX), url);
        const [encodedPath, lineText] = url.slice(PREFIX.length).split('#L');
        const file = (encodedPath ?? '').split('/').map(decodeURIComponent).join('/');
        const lineCount = readFileSync(join(ws.root, file), 'utf8').split('\n').length;
        assert.ok(Number(lineText) >= 1 && Number(lineText) <= lineCount, `${file}#L${lineText}`);
        assert.equal(escapeControlCharacters(file), template?.children?.[0]?.value, 'the link is to the template of its row');
      }
      assert.deepEqual(shownPaths.sort(), failing.map(escapeControlCharacters).sort());

      // HTML: only the <details> blocks cua-guard writes; names inside them are entities.
      const html = allNodes(tree).filter((n) => n.type === 'html');
      for (const node of html) assert.match(node.value ?? '', /^(<details><summary>[^<]*(<code>[^<]*<\/code>[^<]*)?<\/summary>|<\/details>)$/, node.value);
      assert.equal(html.filter((n) => n.value?.startsWith('<details>')).length, 1 + 30 + 1 + 1, 'one wrapper, 30 templates, the warnings, the passing list');
      assert.equal(html.filter((n) => n.value === '</details>').length, 1 + 30 + 1 + 1);
      // No link, image or emphasis came from a name or a message.
      for (const node of allNodes(tree)) {
        assert.notEqual(node.type, 'image');
        assert.notEqual(node.type, 'delete');
        if (node.type === 'link')
          assert.ok(node.url?.startsWith(PREFIX) || node.url?.startsWith('https://github.com/cua-guard/cua-guard/blob/main/README.md#'), node.url);
        if (node.type === 'emphasis') assert.match(shownText(node), /^none (found|at the top level)$/);
      }
      // Every finding table row has its four cells, whatever the message held.
      for (const table of tables.slice(1)) for (const row of table.children ?? []) assert.equal(row.children?.length, 4);
    } finally {
      ws.dispose();
    }
  },
);
