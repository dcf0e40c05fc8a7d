// Linked templates in the repository: every link form, chains, cycles, escapes and remote links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/app/check-workspace.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/engine/check-settings.ts';
import { openWorkspace } from '../../src/workspace/read-file.ts';
import { createTempWorkspace, type TempWorkspace } from '../support/temp-workspace.ts';
import { emptyTemplate, storageAccount, template, trackingResource, type Json } from '../support/templates.ts';

function linkTo(name: string, templateLink: Json, parameters: Json = {}): Json {
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2021-04-01', name, properties: { mode: 'Incremental', templateLink, parameters } };
}

const artifactsParameters = {
  _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' },
  _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
};

function checkMain(ws: TempWorkspace, main = 'app/mainTemplate.json') {
  const report = checkWorkspace({ workspace: openWorkspace(ws.root), settings: DEFAULT_CHECK_SETTINGS, paths: [main], cwd: ws.root });
  const [result] = report.files;
  assert.ok(result);
  return result;
}

const forms: [string, Json, Json][] = [
  ['relativePath', { relativePath: 'nested/child.json' }, {}],
  ['uri(deployment().properties.templateLink.uri, …)', { uri: "[uri(deployment().properties.templateLink.uri, 'nested/child.json')]" }, {}],
  [
    'uri(_artifactsLocation, concat(…, sasToken))',
    { uri: "[uri(parameters('_artifactsLocation'), concat('nested/child.json', parameters('_artifactsLocationSasToken')))]" },
    artifactsParameters,
  ],
  [
    'concat(_artifactsLocation, …, sasToken)',
    { uri: "[concat(parameters('_artifactsLocation'), 'nested/child.json', parameters('_artifactsLocationSasToken'))]" },
    artifactsParameters,
  ],
];

for (const [form, templateLink, parameters] of forms) {
  test(`a tracking resource in a file linked by ${form} is CUA005 at its own file and line`, () => {
    const ws = createTempWorkspace();
    try {
      ws.write('app/mainTemplate.json', template([trackingResource(), linkTo('child', templateLink)], { parameters }));
      const child = JSON.stringify(template([storageAccount(), trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' })]), null, 2);
      ws.write('app/nested/child.json', child);
      const nameLine = child.split('\n').findIndex((line) => line.includes('pid-1111')) + 1;
      const result = checkMain(ws);
      assert.deepEqual(result.linkedFiles, ['app/nested/child.json']);
      const cua005 = result.findings.filter((f) => f.ruleId === 'CUA005');
      assert.equal(cua005.length, 1);
      assert.equal(cua005[0]?.file, 'app/nested/child.json');
      assert.equal(cua005[0]?.line, nameLine);
      assert.deepEqual(cua005[0]?.data, {
        name: 'pid-11111111-2222-3333-4444-555555555555',
        main: 'app/mainTemplate.json',
        chain: "'child' (app/mainTemplate.json)",
      });
    } finally {
      ws.dispose();
    }
  });
}

test('the chain names every deployment on the way, and a linked file links onwards from the package root', () => {
  const ws = createTempWorkspace();
  try {
    ws.write(
      'app/mainTemplate.json',
      template(
        [trackingResource(), linkTo('level1', { relativePath: 'nested/one.json' }, { _artifactsLocation: { value: "[parameters('_artifactsLocation')]" } })],
        { parameters: artifactsParameters },
      ),
    );
    ws.write(
      'app/nested/one.json',
      template([linkTo('level2', { uri: "[concat(parameters('_artifactsLocation'), 'nested/two.json')]" })], {
        parameters: { _artifactsLocation: { type: 'string' } },
      }),
    );
    ws.write('app/nested/two.json', template([trackingResource()]));
    const result = checkMain(ws);
    assert.deepEqual(result.linkedFiles, ['app/nested/one.json', 'app/nested/two.json']);
    const [finding] = result.findings.filter((f) => f.ruleId === 'CUA005');
    assert.equal(finding?.data?.['chain'], "'level1' (app/mainTemplate.json) → 'level2' (app/nested/one.json)");
  } finally {
    ws.dispose();
  }
});

test('cycles terminate and each file is read once', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('app/mainTemplate.json', template([trackingResource(), linkTo('a', { relativePath: 'a.json' })]));
    ws.write('app/a.json', template([linkTo('b', { relativePath: 'b.json' })]));
    ws.write('app/b.json', template([linkTo('back', { relativePath: 'a.json' }), linkTo('main', { relativePath: 'mainTemplate.json' })]));
    const result = checkMain(ws);
    assert.deepEqual(result.linkedFiles, ['app/a.json', 'app/b.json']);
    assert.equal(result.verdict, 'pass');
  } finally {
    ws.dispose();
  }
});

test('links that escape the workspace are never read; remote and missing links are noted', () => {
  const ws = createTempWorkspace();
  const outside = createTempWorkspace();
  try {
    outside.write('evil.json', template([trackingResource()]));
    const escape = `../../${outside.root.split('/').pop()}/evil.json`;
    ws.write(
      'app/mainTemplate.json',
      template(
        [
          trackingResource(),
          linkTo('escape', { relativePath: escape }),
          linkTo('remote', { uri: 'https://example.com/x.json?sv=2020&sig=secret' }),
          linkTo('missing', { relativePath: 'nope.json' }),
          linkTo('unknown', { uri: "[parameters('where')]" }),
        ],
        { parameters: { where: { type: 'string' } } },
      ),
    );
    const result = checkMain(ws);
    assert.deepEqual(result.linkedFiles, []);
    const notes = result.findings.filter((f) => f.ruleId === 'CUA017');
    assert.deepEqual(
      notes.map((f) => f.messageId),
      ['outside-workspace', 'remote', 'missing', 'unresolved'],
    );
    assert.doesNotMatch(JSON.stringify(notes), /sig=secret/);
    assert.equal(result.findings.filter((f) => f.ruleId === 'CUA005').length, 0);
  } finally {
    ws.dispose();
    outside.dispose();
  }
});

test('a linked file that is not valid JSON is CUA013 at the link', () => {
  const ws = createTempWorkspace();
  try {
    ws.write('app/mainTemplate.json', template([trackingResource(), linkTo('broken', { relativePath: 'broken.json' })]));
    ws.write('app/broken.json', '{ "resources": [ ');
    const [finding] = checkMain(ws).findings;
    assert.equal(finding?.ruleId, 'CUA013');
    assert.equal(finding?.file, 'app/mainTemplate.json');
    assert.match(finding?.message ?? '', /linked template 'app\/broken.json' is not valid JSON/);
  } finally {
    ws.dispose();
  }
});

test("inner-scope nested templates use their own parameters; outer ones the parent's", () => {
  const innerName = "[concat('pid-', parameters('id'))]";
  const nested = (scope: 'inner' | 'outer'): Json => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2021-04-01',
    name: `nested-${scope}`,
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope },
      parameters: { id: { value: '11111111-2222-3333-4444-555555555555' } },
      template: { ...emptyTemplate(), parameters: { id: { type: 'string' } }, resources: [trackingResource({ name: innerName })] },
    },
  });
  const ws = createTempWorkspace();
  try {
    const parameters = { id: { type: 'string', defaultValue: '99999999-8888-7777-6666-555555555555' } };
    ws.write('app/mainTemplate.json', template([trackingResource(), nested('inner'), nested('outer')], { parameters }));
    const names = checkMain(ws)
      .tracking.filter((t) => t.placement === 'nested-inline')
      .map((t) => t.resolvedName);
    assert.deepEqual(names, ['pid-11111111-2222-3333-4444-555555555555', 'pid-99999999-8888-7777-6666-555555555555']);
  } finally {
    ws.dispose();
  }
});

test('parameter files: the default file beside the template, or an explicit one, win over defaults', () => {
  const ws = createTempWorkspace();
  try {
    const main = template([trackingResource({ name: "[concat('pid-', parameters('id'))]", condition: "[parameters('enabled')]" })], {
      parameters: { id: { type: 'string', defaultValue: 'not-a-guid' }, enabled: { type: 'bool', defaultValue: true } },
    });
    ws.write('app/mainTemplate.json', main);
    ws.write('app/mainTemplate.parameters.json', { parameters: { id: { value: '11111111-2222-3333-4444-555555555555' } } });
    ws.write('app/off.parameters.json', { parameters: { id: { value: '11111111-2222-3333-4444-555555555555' }, enabled: { value: false } } });
    const byDefault = checkMain(ws);
    assert.equal(byDefault.parametersFile, 'app/mainTemplate.parameters.json');
    assert.deepEqual(
      byDefault.findings.map((f) => f.ruleId),
      ['CUA011'],
    );
    assert.equal(byDefault.findings[0]?.messageId, 'on-by-default');
    const report = checkWorkspace({
      workspace: openWorkspace(ws.root),
      settings: DEFAULT_CHECK_SETTINGS,
      paths: ['app/mainTemplate.json'],
      cwd: ws.root,
      parametersFile: 'off.parameters.json',
    });
    // The explicit file's `enabled: false` wins over the default (true).
    assert.equal(report.files[0]?.findings[0]?.messageId, 'defaults-on-file-off');
  } finally {
    ws.dispose();
  }
});

// The Marketplace replaces _artifactsLocation with the package location, whatever its default.
const literalArtifactsParameters = {
  _artifactsLocation: { type: 'string', defaultValue: 'https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/foo/' },
  _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
};

for (const [form, uri] of [
  [
    'uri(_artifactsLocation, concat(…, sasToken))',
    "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/x.json', parameters('_artifactsLocationSasToken')))]",
  ],
  ['concat(_artifactsLocation, …)', "[concat(parameters('_artifactsLocation'), 'nestedtemplates/x.json')]"],
] as const) {
  test(`_artifactsLocation with a literal URL default is the package base: ${form} is followed`, () => {
    const ws = createTempWorkspace();
    try {
      ws.write('app/mainTemplate.json', template([trackingResource(), linkTo('x', { uri })], { parameters: literalArtifactsParameters }));
      ws.write('app/nestedtemplates/x.json', template([trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' })]));
      const result = checkMain(ws);
      assert.deepEqual(result.linkedFiles, ['app/nestedtemplates/x.json']);
      assert.deepEqual(
        result.findings.filter((f) => f.ruleId === 'CUA017'),
        [],
      );
      const cua005 = result.findings.filter((f) => f.ruleId === 'CUA005');
      assert.deepEqual(
        cua005.map((f) => f.file),
        ['app/nestedtemplates/x.json'],
      );
    } finally {
      ws.dispose();
    }
  });
}

test('_artifactsLocation stays the package base when a parameters file gives a URL, and inside linked files', () => {
  const ws = createTempWorkspace();
  try {
    // The linked file declares its own _artifactsLocation with a literal default and is not passed one.
    ws.write(
      'app/mainTemplate.json',
      template([trackingResource(), linkTo('one', { relativePath: 'nested/one.json' })], { parameters: literalArtifactsParameters }),
    );
    ws.write('app/mainTemplate.parameters.json', { parameters: { _ArtifactsLocation: { value: 'https://example.com/somewhere/' } } });
    ws.write(
      'app/nested/one.json',
      template([linkTo('two', { uri: "[concat(parameters('_artifactsLocation'), 'nested/two.json')]" })], { parameters: literalArtifactsParameters }),
    );
    ws.write('app/nested/two.json', template([trackingResource({ name: 'pid-11111111-2222-3333-4444-555555555555' })]));
    const result = checkMain(ws);
    assert.equal(result.parametersFile, 'app/mainTemplate.parameters.json');
    assert.deepEqual(result.linkedFiles, ['app/nested/one.json', 'app/nested/two.json']);
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'CUA005').map((f) => f.file),
      ['app/nested/two.json'],
    );
  } finally {
    ws.dispose();
  }
});

test('a link that is not checked (CUA017) can be suppressed on the linking deployment', () => {
  const ws = createTempWorkspace();
  try {
    const remote = {
      ...linkTo('remote', { uri: 'https://example.com/x.json' }),
      metadata: { 'cua-guard': { ignore: ['CUA017'], reason: 'vendor template, audited' } },
    };
    ws.write('app/mainTemplate.json', template([trackingResource(), remote, linkTo('missing', { relativePath: 'nope.json' })]));
    const notes = checkMain(ws).findings.filter((f) => f.ruleId === 'CUA017');
    assert.deepEqual(
      notes.map((f) => [f.jsonPointer, f.suppressed]),
      [
        ['/resources/1/properties/templateLink', { reason: 'vendor template, audited' }],
        ['/resources/2/properties/templateLink', undefined],
      ],
    );
  } finally {
    ws.dispose();
  }
});
