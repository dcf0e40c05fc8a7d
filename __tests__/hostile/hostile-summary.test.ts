// Issue 11, item 6, through dist/index.js as the runner starts it: folder names that try to close
// the summary's code spans (a backtick, then HTML), break out of a heading or a table row (CR,
// LF, a pipe) or become markup, and a tracking name with a backtick that tries to inject a link
// into the "Tracking id" cell. The job summary the runner receives is read as GitHub reads it (a
// GFM parser): no image, no HTML but cua-guard's own <details> blocks, no link but its own, and
// every table row keeps its cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, runAction } from '../support/run-dist.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { storageAccount, template, trackingResource } from '../support/templates.ts';
import { allNodes, GFM_PACKAGES, loadGfm, shownText } from '../support/gfm.ts';

const HAVE_DIST = existsSync(join(DIST_DIR, 'index.js'));
const gfm = await loadGfm();
const skip = !HAVE_DIST ? 'dist/ is missing: run npm run bundle' : gfm ? false : `needs ${GFM_PACKAGES}`;

const SHA = '0123456789abcdef0123456789abcdef01234567';
const OWN_LINKS = [`https://github.com/contoso/offer/blob/${SHA}/`, 'https://github.com/cua-guard/cua-guard/blob/main/README.md#'];
const HOSTILE_FOLDERS = [
  'x`<img src=https:attacker.example>`',
  'line\nbreak\r\nhere',
  'pipe|cell|break',
  '</code></summary></details><img src=x>',
  '[click](https://attacker.example) *em* ~~del~~',
];

test('dist/index.js: hostile names in the job summary stay text', { skip, timeout: 120_000 }, () => {
  const ws = createTempWorkspace('cua-guard-hostile-summary-');
  try {
    for (const folder of HOSTILE_FOLDERS) ws.write(`${folder}/azuredeploy.json`, template([storageAccount('st1')]));
    ws.write('tracking/azuredeploy.json', template([trackingResource({ name: 'pid-`[x](https://attacker.example)`|' })]));
    const run = runAction(ws.root, { templates: '**/azuredeploy.json' });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /internal error/);
    const tree = (gfm as NonNullable<typeof gfm>)(run.summary);
    const nodes = allNodes(tree);
    const [heading] = tree.children ?? [];
    assert.equal(heading?.type, 'heading');
    assert.match(shownText(heading ?? { type: 'text' }), /^❌ cua-guard: 6 of 6 templates fail/);
    for (const node of nodes) {
      assert.notEqual(node.type, 'image', 'an image from a name');
      assert.notEqual(node.type, 'delete', 'strikethrough from a name');
      if (node.type === 'html') assert.match(node.value ?? '', /^(<details><summary>[^<]*(<code>[^<]*<\/code>[^<]*)?<\/summary>|<\/details>)$/, node.value);
      if (node.type === 'link')
        assert.ok(
          OWN_LINKS.some((prefix) => node.url?.startsWith(prefix)),
          node.url,
        );
    }
    const [failing] = nodes.filter((n) => n.type === 'table');
    const [head, ...rows] = failing?.children ?? [];
    assert.deepEqual(head?.children?.map(shownText), ['Template', 'Tracking id', 'Errors', 'First error']);
    assert.equal(rows.length, 6);
    for (const row of rows) {
      assert.equal(row.children?.length, 4);
      assert.equal(row.children?.[0]?.children?.[0]?.type, 'inlineCode', 'the path is one code span');
    }
    assert.ok(
      rows.some((row) => shownText(row.children?.[1] ?? { type: 'text' }) === 'pid-`[x](https://attacker.example)`| (invalid)'),
      'the hostile tracking name is shown as text',
    );
  } finally {
    ws.dispose();
  }
});
