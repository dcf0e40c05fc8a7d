// The secrets search fails closed: when it cannot establish the secrets of a template (a file it
// cannot read or parse, an error while searching), what that template's findings say is withheld.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import type { Finding } from '../../src/engine/types.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createWorkspaceFiles } from '../../src/workspace/workspace-files.ts';
import { createSecretsSearch, protectReport, secretsOfReport } from '../../src/secrets/report-secrets.ts';
import { createTempWorkspace } from '../support/temp-workspace.ts';
import { GUID, template, trackingResource } from '../support/templates.ts';

const SECRET = 'Planted-Escaped-Secret-z9Y8';

test('a secure type spelled with a \\u escape is still found', () => {
  const ws = createTempWorkspace();
  try {
    const text = JSON.stringify(template([trackingResource()], { parameters: { adminPassword: { type: 'secureString', defaultValue: SECRET } } }), null, 2);
    ws.write('azuredeploy.json', text.replace('secureString', 'secure\\u0053tring'));
    const workspace = openWorkspace(ws.root);
    const report = checkWorkspace({ workspace, settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
    assert.deepEqual(secretsOfReport(workspace, report), [SECRET]);
  } finally {
    ws.dispose();
  }
});

test('a template whose secrets are established keeps its report as it is', () => {
  const ws = createTempWorkspace();
  try {
    ws.write(
      'azuredeploy.json',
      template([trackingResource({ name: 'pid-not-a-guid' })], { parameters: { adminPassword: { type: 'secureString', defaultValue: SECRET } } }),
    );
    const workspace = openWorkspace(ws.root);
    const report = checkWorkspace({ workspace, settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
    const protectedReport = protectReport(workspace, report);
    assert.deepEqual(protectedReport.secrets, [SECRET]);
    assert.equal(protectedReport.report, report);
  } finally {
    ws.dispose();
  }
});

test('a template, parameters file or linked template it cannot read or parse: the findings of that template are withheld', () => {
  const broken: [string, (root: string) => void][] = [
    [
      'the template no longer parses',
      (root) => writeFileSync(join(root, 'app/azuredeploy.json'), `{ "parameters": { "p": { "type": "secureString", "defaultValue": "${SECRET}" } `),
    ],
    ['the template is now binary', (root) => writeFileSync(join(root, 'app/azuredeploy.json'), Buffer.from([0x7b, 0, 0x7d]))],
    [
      'the parameters file no longer parses',
      (root) => writeFileSync(join(root, 'app/azuredeploy.parameters.json'), `{ "parameters": { "adminPassword": { "value": "${SECRET}" `),
    ],
    ['the linked template is now binary', (root) => writeFileSync(join(root, 'app/nested/linked.json'), Buffer.from([0xff, 0xfe, 0x00]).subarray(2))],
  ];
  for (const [what, breakIt] of broken) {
    const ws = createTempWorkspace();
    try {
      const linked = {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2021-04-01',
        name: 'linked',
        properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/linked.json' } },
      };
      ws.write(
        'app/azuredeploy.json',
        template([trackingResource({ name: `pid-${GUID}-x`, properties: { mode: 'Complete', template: {} } }), linked], {
          parameters: { adminPassword: { type: 'secureString' } },
        }),
      );
      ws.write('app/azuredeploy.parameters.json', { parameters: { adminPassword: { value: SECRET } } });
      ws.write('app/nested/linked.json', template([], { parameters: { sasToken: { type: 'secureString' } } }));
      ws.write('other/azuredeploy.json', template([trackingResource({ properties: { mode: 'Complete', template: {} } })]));
      const workspace = openWorkspace(ws.root);
      const report = checkWorkspace({ workspace, settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
      const app = report.files.find((f) => f.path === 'app/azuredeploy.json');
      assert.ok(app && app.findings.length > 0 && app.findings.some((f) => f.data !== undefined), what);
      breakIt(ws.root);

      assert.deepEqual(report.files.find((f) => f.path === 'app/azuredeploy.json')?.linkedFiles, ['app/nested/linked.json'], what);
      const { report: shown } = protectReport(workspace, report);
      const shownApp = shown.files.find((f) => f.path === 'app/azuredeploy.json');
      assert.ok(shownApp, what);
      assert.equal(shownApp.findings.length, app.findings.length, what);
      for (const [i, finding] of shownApp.findings.entries()) {
        assert.match(
          finding.message,
          what.includes('linked') ? /linked.json' is a binary file/ : what.includes('parameters') ? /parameters.json' does not parse/ : /azuredeploy.json/,
          what,
        );
        assert.match(finding.message, /^message withheld: cua-guard could not establish which values in this template are secret \(.+\)$/, what);
        assert.equal(finding.data, undefined, what);
        assert.equal(finding.fix, undefined, what);
        const before: Finding | undefined = app.findings[i];
        assert.deepEqual(
          [finding.ruleId, finding.severity, finding.file, finding.line, finding.column],
          [before?.ruleId, before?.severity, before?.file, before?.line, before?.column],
          what,
        );
      }
      assert.ok(
        shownApp.tracking.every((t) => t.resolvedName === t.nameExpression && t.nameParts.every((p) => !('text' in p))),
        what,
      );
      assert.ok(!JSON.stringify(shown).includes(SECRET), what);
      // The other template's secrets were established: its findings are shown as they are.
      assert.deepEqual(
        shown.files.find((f) => f.path === 'other/azuredeploy.json'),
        report.files.find((f) => f.path === 'other/azuredeploy.json'),
        what,
      );
    } finally {
      ws.dispose();
    }
  }
});

test("given the run's file cache, the secrets search uses the text the check read: no file is read twice", () => {
  const ws = createTempWorkspace();
  try {
    ws.write('app/azuredeploy.json', {
      ...template([
        trackingResource({ name: 'pid-not-a-guid' }),
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2021-04-01',
          name: 'n',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/linked.json' } },
        },
      ]),
    });
    ws.write('app/nested/linked.json', template([], { parameters: { adminPassword: { type: 'secureString', defaultValue: SECRET } } }));
    ws.write('app/azuredeploy.parameters.json', { parameters: { other: { value: 'x' } } });
    const workspace = openWorkspace(ws.root);
    const files = createWorkspaceFiles(workspace);
    const report = checkWorkspace({ workspace, files, settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root });
    assert.deepEqual(report.files[0]?.linkedFiles, ['app/nested/linked.json']);
    // Gone from disk after the check: only the cache can still give them.
    rmSync(join(ws.root, 'app'), { recursive: true });
    const shown = protectReport(files, report);
    assert.deepEqual(shown.secrets, [SECRET]);
    assert.equal(shown.report, report, 'nothing withheld: every file was established from the cache');
    // The workspace reader would find them gone, and fail closed.
    const reread = protectReport(workspace, report);
    assert.match(reread.report.files[0]?.findings[0]?.message ?? '', /^message withheld/);
  } finally {
    ws.dispose();
  }
});

test('a run with its secrets search lets each main template go once checked and searched; what is read again later stays', () => {
  const ws = createTempWorkspace();
  try {
    const linking = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2021-04-01',
      name: 'n',
      properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/linked.json' } },
    };
    const writeFiles = (): void => {
      ws.write('app/azuredeploy.json', template([trackingResource({ name: 'pid-not-a-guid' }), linking]));
      ws.write('app/nested/linked.json', template([], { parameters: { adminPassword: { type: 'secureString', defaultValue: SECRET } } }));
      ws.write('other/azuredeploy.json', template([trackingResource()]));
      // A Marketplace package: its template is compared with the package .zip's once all are checked.
      ws.write('offer/mainTemplate.json', template([trackingResource()]));
      ws.write('offer/createUiDefinition.json', { handler: 'Microsoft.Azure.CreateUIDef', version: '0.1.2-preview', parameters: {} });
    };
    for (const paths of [undefined, ['app/azuredeploy.json', 'other/azuredeploy.json', 'offer/mainTemplate.json']]) {
      writeFiles();
      const workspace = openWorkspace(ws.root);
      const files = createWorkspaceFiles(workspace);
      const secrets = createSecretsSearch(files);
      const report = checkWorkspace({ workspace, files, secrets, settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root, ...(paths ? { paths } : {}) });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['app/azuredeploy.json', 'offer/mainTemplate.json', 'other/azuredeploy.json'],
      );
      // Searched while the run held them: the secret of the linked template is found, nothing withheld.
      const shown = protectReport(files, report, { search: secrets });
      assert.deepEqual(shown.secrets, [SECRET]);
      assert.equal(shown.report, report);
      const before = { app: files.text('app/nested/linked.json'), offer: files.text('offer/mainTemplate.json') };
      rmSync(join(ws.root, 'app'), { recursive: true });
      rmSync(join(ws.root, 'other'), { recursive: true });
      rmSync(join(ws.root, 'offer'), { recursive: true });
      // Let go: a main template nothing links to is read again (and is gone).
      assert.equal(files.text('other/azuredeploy.json'), undefined, String(paths));
      assert.equal(files.text('app/azuredeploy.json'), undefined);
      // Kept: a linked template, and a package template.
      assert.equal(files.text('app/nested/linked.json'), before.app);
      assert.equal(files.text('offer/mainTemplate.json'), before.offer);
    }
  } finally {
    ws.dispose();
  }
});
