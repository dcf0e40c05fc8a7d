// The repository model on whole repositories written here (never copied from real ones): which
// files are main templates, which are linked (and through which link form), and every finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace, type WorkspaceCheckRequest } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { githubLinkRoots } from '../../src/model/link-roots.ts';
import { githubRepositoryOf, originUrl } from '../../src/workspace/git-remote.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { RG_SCHEMA, storageAccount, template, trackingResource, type Json } from '../support/templates.ts';

function deployment(name: string, templateLink: Json, extra: Json = {}): Json {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', templateLink }, ...extra };
}

function check(ws: TempWorkspace, request: Partial<WorkspaceCheckRequest> = {}) {
  return checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, cwd: ws.root, ...request });
}

/** main → linked files with their link form, and findings as `rule file`. */
function shape(report: ReturnType<typeof check>) {
  return {
    mains: report.files.map((f) => f.path),
    linked: report.linkedTemplates,
    links: Object.fromEntries(report.files.map((f) => [f.path, (f.links ?? []).map((l) => `${l.via} ${l.file}`)])),
    findings: report.files.flatMap((f) => f.findings.map((x) => `${x.ruleId} ${x.file}`)),
  };
}

test('a Marketplace-style repository: plans link modules through raw GitHub URLs of the same repository (baseUrl variable, branch parameter)', () => {
  const ws = createTempWorkspace();
  try {
    const plan = (branchDefault: Json) =>
      template([trackingResource(), deployment('net', { uri: "[uri(variables('baseUrl'), 'modules/network/azuredeploy.json')]" })], {
        parameters: { branch: { type: 'string', ...branchDefault } },
        variables: { baseUrl: "[concat('https://raw.githubusercontent.com/Contoso/offers/', parameters('branch'), '/')]" },
      });
    // One plan's branch is chosen at deployment, the other's has a default: both map to the checkout.
    ws.write('plans/basic/mainTemplate.json', plan({}));
    ws.write('plans/premium/mainTemplate.json', plan({ defaultValue: 'main' }));
    ws.write('modules/network/azuredeploy.json', template([storageAccount()]));
    const withRepository = check(ws, { linkRoots: githubLinkRoots('contoso/offers') });
    assert.deepEqual(shape(withRepository), {
      mains: ['plans/basic/mainTemplate.json', 'plans/premium/mainTemplate.json'],
      linked: ['modules/network/azuredeploy.json'],
      links: {
        'plans/basic/mainTemplate.json': ['github-url modules/network/azuredeploy.json'],
        'plans/premium/mainTemplate.json': ['github-url modules/network/azuredeploy.json'],
      },
      findings: [],
    });
    // Without knowing the repository the URL is remote: the module is a main template (and lacks a tracking resource).
    const without = shape(check(ws));
    assert.deepEqual(without.mains, ['modules/network/azuredeploy.json', 'plans/basic/mainTemplate.json', 'plans/premium/mainTemplate.json']);
    assert.deepEqual(without.findings, [
      'CUA001 modules/network/azuredeploy.json',
      'CUA017 plans/basic/mainTemplate.json',
      'CUA017 plans/premium/mainTemplate.json',
    ]);
  } finally {
    ws.dispose();
  }
});

test('github.com/<repo>/raw/<ref>/ URLs and refs/heads/<branch> map to the checkout too; another repository stays remote', () => {
  const ws = createTempWorkspace();
  try {
    ws.write(
      'azuredeploy.json',
      template([
        trackingResource(),
        deployment('a', { uri: 'https://github.com/contoso/offers/raw/refs/heads/main/nested/a.json' }),
        deployment('b', { uri: 'https://raw.githubusercontent.com/fabrikam/other/main/nested/b.json' }),
      ]),
    );
    ws.write('nested/a.json', template([]));
    ws.write('nested/b.json', template([]));
    const report = shape(check(ws, { linkRoots: githubLinkRoots('contoso/offers') }));
    assert.deepEqual(report.links['azuredeploy.json'], ['github-url nested/a.json']);
    // nested/b.json is another repository's copy: found by its content, reached by no main
    // template here, so it is listed as not checked rather than reported as a main template.
    const full = check(ws, { linkRoots: githubLinkRoots('contoso/offers') });
    assert.deepEqual(report.mains, ['azuredeploy.json']);
    assert.deepEqual(report.findings, ['CUA017 azuredeploy.json']);
    assert.deepEqual(full.unreachedTemplates, ['nested/b.json']);
    assert.deepEqual(
      full.problems.map((p) => p.kind),
      ['unreached'],
    );
  } finally {
    ws.dispose();
  }
});

test('a shared nestedtemplates/ folder copied into packages at build time: the one file ending with the path is followed, and said so', () => {
  const ws = createTempWorkspace();
  try {
    const linking = template([trackingResource(), deployment('shared', { relativePath: 'nestedtemplates/vnet.json' })]);
    ws.write('packages/a/mainTemplate.json', linking);
    ws.write('packages/b/mainTemplate.json', linking);
    ws.write('shared/nestedtemplates/vnet.json', template([trackingResource()]));
    const report = check(ws);
    assert.deepEqual(shape(report), {
      mains: ['packages/a/mainTemplate.json', 'packages/b/mainTemplate.json'],
      linked: ['shared/nestedtemplates/vnet.json'],
      links: {
        'packages/a/mainTemplate.json': ['suffix shared/nestedtemplates/vnet.json'],
        'packages/b/mainTemplate.json': ['suffix shared/nestedtemplates/vnet.json'],
      },
      // The copy holds a tracking resource: reported, through each main template that reaches it.
      findings: ['CUA005 shared/nestedtemplates/vnet.json', 'CUA005 shared/nestedtemplates/vnet.json'],
    });
    // The finding says the file was found by the end of its path, not beside the template.
    assert.match(
      report.files[0]?.findings[0]?.message ?? '',
      /through 'shared \(no 'nestedtemplates\/vnet\.json' beside it: followed to the one repository file ending so\)' \(packages\/a\/mainTemplate\.json\)/,
    );
    // Two files end with the path: none is guessed, CUA017 names both.
    ws.write('other/nestedtemplates/vnet.json', template([]));
    const ambiguous = check(ws);
    const notice = ambiguous.files.find((f) => f.path === 'packages/a/mainTemplate.json')?.findings.find((f) => f.ruleId === 'CUA017');
    assert.match(
      notice?.message ?? '',
      /2 files end with 'nestedtemplates\/vnet\.json': other\/nestedtemplates\/vnet\.json, shared\/nestedtemplates\/vnet\.json/,
    );
    // Two equally far away stay ambiguous; one nearer the linking template (a shared folder beside the packages) is followed.
    ws.write('packages/nestedtemplates/vnet.json', template([]));
    const near = shape(check(ws));
    assert.deepEqual(near.links['packages/a/mainTemplate.json'], ['suffix packages/nestedtemplates/vnet.json']);
    assert.deepEqual(near.links['packages/b/mainTemplate.json'], ['suffix packages/nestedtemplates/vnet.json']);
    assert.deepEqual(near.linked, ['packages/nestedtemplates/vnet.json']);
  } finally {
    ws.dispose();
  }
});

test('a blob-storage URL declared as a link root in the configuration is read from its folder', () => {
  const ws = createTempWorkspace();
  try {
    ws.write(
      'src/azuredeploy.json',
      template([trackingResource(), deployment('db', { uri: 'https://contoso.blob.core.windows.net/templates/db/sql.json?sv=2022&sig=secret' })]),
    );
    ws.write('src/templates/db/sql.json', template([storageAccount()]));
    const roots = [{ prefix: 'https://contoso.blob.core.windows.net/templates/', folder: 'src/templates', ref: false }];
    assert.deepEqual(shape(check(ws, { linkRoots: roots })), {
      mains: ['src/azuredeploy.json'],
      linked: ['src/templates/db/sql.json'],
      links: { 'src/azuredeploy.json': ['link-root src/templates/db/sql.json'] },
      findings: [],
    });
  } finally {
    ws.dispose();
  }
});

test('any parameter used as a base URL, whatever its name, resolves into the repository when the file is there', () => {
  const ws = createTempWorkspace();
  try {
    ws.write(
      'azuredeploy.json',
      template([trackingResource(), deployment('x', { uri: "[uri(parameters('templateBaseUrl'), 'nested/x.json')]" })], {
        parameters: { templateBaseUrl: { type: 'string' } },
      }),
    );
    ws.write('nested/x.json', template([]));
    assert.deepEqual(shape(check(ws)).links, { 'azuredeploy.json': ['base-url nested/x.json'] });
    // Not there: not known before deployment ("unresolved"), not "missing" from the repository.
    rmSync(join(ws.root, 'nested/x.json'));
    const gone = check(ws);
    assert.deepEqual(
      gone.files.flatMap((f) => f.findings.map((x) => [x.ruleId, x.messageId, x.data])),
      [['CUA017', 'unresolved', { problem: "templateLink.uri '{parameters('templateBaseUrl')}nested/x.json' cannot be resolved to a file in the repository" }]],
    );
  } finally {
    ws.dispose();
  }
});

test('a file the user names is a main template whatever links to it; templates that only link each other have one main template', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('azuredeploy.json', template([trackingResource(), deployment('n', { relativePath: 'nested/azuredeploy.json' })]));
    ws.write('nested/azuredeploy.json', template([]));
    assert.deepEqual(shape(check(ws)).mains, ['azuredeploy.json']);
    assert.deepEqual(shape(check(ws, { paths: ['azuredeploy.json', 'nested/azuredeploy.json'] })).mains, ['azuredeploy.json', 'nested/azuredeploy.json']);
  } finally {
    ws.dispose();
  }
  const loop = createTempWorkspace();
  try {
    loop.write('loop/a.json', template([trackingResource(), deployment('b', { relativePath: 'b.json' })]));
    loop.write('loop/b.json', template([deployment('a', { relativePath: 'a.json' })]));
    const report = shape(check(loop));
    assert.deepEqual(report.mains, ['loop/a.json']);
    assert.deepEqual(report.linked, ['loop/b.json']);
  } finally {
    loop.dispose();
  }
});

test('a template found only by its content in a nested/linked/modules folder or a Marketplace package that no main template reaches is listed, not checked; elsewhere it is a main template', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('offer/mainTemplate.json', template([trackingResource(), deployment('vnet', { relativePath: 'nestedtemplates/vnet-new.json' })]));
    ws.write('offer/nestedtemplates/vnet-new.json', template([]));
    // Reached only through a URL on another host in the real repository this mirrors.
    ws.write('offer/nestedtemplates/vnet-existing.json', template([]));
    const report = check(ws);
    assert.deepEqual(shape(report).mains, ['offer/mainTemplate.json']);
    assert.deepEqual(shape(report).linked, ['offer/nestedtemplates/vnet-new.json']);
    assert.deepEqual(report.unreachedTemplates, ['offer/nestedtemplates/vnet-existing.json']);
    // The same in a Marketplace package folder, and a template elsewhere that nothing links: main.
    ws.write('offer/createUiDefinition.json', { $schema: 'https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#' });
    ws.write('offer/vnet-existing.json', template([]));
    ws.write('tools/cleanup.json', template([]));
    const again = check(ws);
    assert.deepEqual(shape(again).mains, ['offer/mainTemplate.json', 'tools/cleanup.json']);
    assert.deepEqual(again.unreachedTemplates, ['offer/nestedtemplates/vnet-existing.json', 'offer/vnet-existing.json']);
    // One that holds its own top-level tracking deployment is deployed on its own: a main template.
    ws.write('offer/inboundHa.json', template([trackingResource()]));
    assert.deepEqual(shape(check(ws)).mains, ['offer/inboundHa.json', 'offer/mainTemplate.json', 'tools/cleanup.json']);
    assert.deepEqual(
      report.problems.map((p) => p.message),
      [
        "1 ARM template is in a linked templates' place (a nested/linked/modules folder or a Marketplace package) but linked from no main template, and was not checked: 'offer/nestedtemplates/vnet-existing.json'; name it (templates input or a command-line path) to check it as a main template",
      ],
    );
  } finally {
    ws.dispose();
  }
});

test('discovery by content: any file name with a deployment template $schema; parameters files and other JSON are not templates', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('infra/solution.json', template([trackingResource()]));
    ws.write('infra/solution.parameters.json', { $schema: RG_SCHEMA, parameters: { a: { value: 1 } } });
    ws.write('infra/createUiDefinition.json', { $schema: 'https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#' });
    ws.write('package.json', { name: 'x' });
    ws.write('network.bicep', 'param location string');
    const report = check(ws);
    assert.deepEqual(shape(report).mains, ['infra/solution.json']);
    assert.deepEqual(report.inventory, { byExtension: { '.json': 4, '.bicep': 1 }, otherJson: 3 });
  } finally {
    ws.dispose();
  }
});

test('a dangling link named azuredeploy.json is a warning that names the missing target, not an unreadable template', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('ok/azuredeploy.json', template([trackingResource()]));
    symlinkSync('../gone/azuredeploy.json', join(ws.root, 'azuredeploy.json'));
    const report = check(ws);
    assert.deepEqual(shape(report).mains, ['ok/azuredeploy.json']);
    assert.deepEqual(
      report.problems.map((p) => `${p.kind} ${p.message}`),
      ["skipped 'azuredeploy.json' is a link to '../gone/azuredeploy.json', which does not exist; it was not checked"],
    );
  } finally {
    ws.dispose();
  }
});

test("the CLI's repository comes from the origin remote in .git/config", () => {
  const config =
    '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/a/b.git\n[remote "origin"]\n\turl = git@github.com:Contoso/offers.git\n';
  assert.equal(originUrl(config), 'git@github.com:Contoso/offers.git');
  assert.equal(githubRepositoryOf('git@github.com:Contoso/offers.git'), 'Contoso/offers');
  assert.equal(githubRepositoryOf('https://github.com/contoso/offers'), 'contoso/offers');
  assert.equal(githubRepositoryOf('https://x-access-token:abc@github.com/contoso/offers.git'), 'contoso/offers');
  assert.equal(githubRepositoryOf('https://gitlab.com/contoso/offers.git'), undefined);
});

test('templates that only define or only deploy a managed application get no CUA001, and the report says what they are', () => {
  const ws = createTempWorkspace();
  try {
    const definition = { type: 'Microsoft.Solutions/applicationDefinitions', apiVersion: '2021-07-01', name: 'app', location: 'westeurope', properties: {} };
    const application = { type: 'Microsoft.Solutions/applications', apiVersion: '2021-07-01', name: 'app', location: 'westeurope', kind: 'ServiceCatalog' };
    ws.write('definition/azuredeploy.json', template([definition]));
    ws.write('application/azuredeploy.json', template([application]));
    ws.write('mixed/azuredeploy.json', template([definition, storageAccount()]));
    const report = check(ws);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.kind ?? 'solution', f.findings.map((x) => x.ruleId)]),
      [
        ['application/azuredeploy.json', 'managed-application', []],
        ['definition/azuredeploy.json', 'managed-application-definition', []],
        ['mixed/azuredeploy.json', 'solution', ['CUA001']],
      ],
    );
  } finally {
    ws.dispose();
  }
});

test('a Marketplace package folder is recognised; marketplace-packages: partner-center-adds-id makes its CUA001 a notice that says why', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('package/mainTemplate.json', template([storageAccount()]));
    ws.write('package/createUiDefinition.json', { $schema: 'https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#' });
    ws.write('solution/mainTemplate.json', template([storageAccount()]));
    const findings = (marketplacePackages: 'check' | 'partner-center-adds-id') =>
      check(ws, { settings: { ...DEFAULT_CHECK_SETTINGS, marketplacePackages } }).files.map((f) => [
        f.path,
        f.marketplacePackage === true,
        f.findings.map((x) => `${x.ruleId} ${x.severity} ${x.messageId}`),
      ]);
    assert.deepEqual(findings('check'), [
      ['package/mainTemplate.json', true, ['CUA001 error missing']],
      ['solution/mainTemplate.json', false, ['CUA001 error missing']],
    ]);
    assert.deepEqual(findings('partner-center-adds-id'), [
      ['package/mainTemplate.json', true, ['CUA001 notice partnerCenterAddsId']],
      ['solution/mainTemplate.json', false, ['CUA001 error missing']],
    ]);
    // Named on the command line, it is recognised too.
    const named = check(ws, { paths: ['package/mainTemplate.json'], settings: { ...DEFAULT_CHECK_SETTINGS, marketplacePackages: 'partner-center-adds-id' } });
    assert.equal(named.files[0]?.verdict, 'pass');
  } finally {
    ws.dispose();
  }
});

test('a link a parameter selects (allowedValues, bool) is followed for every value; a finding behind it names the value', () => {
  const ws = createTempWorkspace();
  try {
    ws.write(
      'azuredeploy.json',
      template(
        [
          trackingResource(),
          deployment('database', { relativePath: "[concat('nested/db-', parameters('dbType'), '.json')]" }),
          deployment('monitoring', { relativePath: "[if(parameters('withMonitoring'), 'nested/monitor.json', 'nested/none.json')]" }),
        ],
        {
          parameters: {
            dbType: { type: 'string', defaultValue: 'mysql', allowedValues: ['mysql', 'postgres', 'mssql'] },
            withMonitoring: { type: 'bool', defaultValue: false },
          },
        },
      ),
    );
    for (const db of ['mysql', 'postgres']) ws.write(`nested/db-${db}.json`, template([storageAccount()]));
    ws.write('nested/db-mssql.json', template([trackingResource()]));
    ws.write('nested/none.json', template([]));
    ws.write('nested/monitor.json', template([storageAccount()]));
    const report = check(ws);
    assert.deepEqual(shape(report).mains, ['azuredeploy.json']);
    assert.deepEqual(report.files[0]?.linkedFiles, [
      'nested/db-mysql.json',
      'nested/db-postgres.json',
      'nested/db-mssql.json',
      'nested/none.json',
      'nested/monitor.json',
    ]);
    const cua005 = report.files[0]?.findings.filter((f) => f.ruleId === 'CUA005') ?? [];
    assert.deepEqual(
      cua005.map((f) => [f.file, f.data?.['chain']]),
      [['nested/db-mssql.json', `'database (dbType = "mssql")' (azuredeploy.json)`]],
    );
    // A parameters file is one deployment's choice: its value first, the others still followed.
    ws.write('azuredeploy.parameters.json', { parameters: { dbType: { value: 'postgres' } } });
    assert.deepEqual(check(ws).files[0]?.linkedFiles, [
      'nested/db-postgres.json',
      'nested/db-mysql.json',
      'nested/db-mssql.json',
      'nested/none.json',
      'nested/monitor.json',
    ]);
  } finally {
    ws.dispose();
  }
});

test("a link a linked template's own parameter selects is followed for every allowed value, even one the parent does not pass", () => {
  const ws = createTempWorkspace();
  try {
    const lbModule = template([deployment('lb', { relativePath: "[concat('lb-', parameters('lbType'), '.json')]" })], {
      parameters: { lbType: { type: 'string', defaultValue: 'basic', allowedValues: ['basic', 'standard', 'gateway'] } },
    });
    ws.write('solution/modules/lb.json', lbModule);
    ws.write('solution/modules/lb-basic.json', template([storageAccount()]));
    ws.write('solution/modules/lb-standard.json', template([trackingResource()]));
    ws.write('solution/modules/lb-gateway.json', template([storageAccount()]));
    // The parent passes its own parameter on: every value the module allows may be chosen.
    ws.write(
      'solution/azuredeploy.json',
      template(
        [
          trackingResource(),
          deployment(
            'network',
            { relativePath: 'modules/lb.json' },
            { properties: { mode: 'Incremental', templateLink: { relativePath: 'modules/lb.json' }, parameters: { lbType: { value: "[parameters('lb')]" } } } },
          ),
        ],
        {
          parameters: { lb: { type: 'string', defaultValue: 'basic' } },
        },
      ),
    );
    const report = check(ws);
    assert.deepEqual(shape(report).mains, ['solution/azuredeploy.json']);
    assert.deepEqual(report.files[0]?.linkedFiles, [
      'solution/modules/lb.json',
      'solution/modules/lb-basic.json',
      'solution/modules/lb-standard.json',
      'solution/modules/lb-gateway.json',
    ]);
    assert.deepEqual(
      report.files[0]?.findings.map((f) => [f.ruleId, f.file, f.data?.['chain']]),
      [['CUA005', 'solution/modules/lb-standard.json', `'network' (solution/azuredeploy.json) → 'lb (lbType = "standard")' (solution/modules/lb.json)`]],
    );
    // A literal value from the parent is one choice: the module (deployable on its own) serves the others too.
    ws.write(
      'solution/azuredeploy.json',
      template([
        trackingResource(),
        deployment(
          'network',
          { relativePath: 'modules/lb.json' },
          { properties: { mode: 'Incremental', templateLink: { relativePath: 'modules/lb.json' }, parameters: { lbType: { value: 'gateway' } } } },
        ),
      ]),
    );
    const fixed = check(ws);
    assert.deepEqual(fixed.files.find((f) => f.path === 'solution/azuredeploy.json')?.linkedFiles, [
      'solution/modules/lb.json',
      'solution/modules/lb-gateway.json',
      'solution/modules/lb-basic.json',
      'solution/modules/lb-standard.json',
    ]);
    assert.deepEqual(
      fixed.files[0]?.findings.map((f) => [f.ruleId, f.file, f.data?.['chain']]),
      [['CUA005', 'solution/modules/lb-standard.json', `'network' (solution/azuredeploy.json) → 'lb (lbType = "standard")' (solution/modules/lb.json)`]],
    );
  } finally {
    ws.dispose();
  }
});
