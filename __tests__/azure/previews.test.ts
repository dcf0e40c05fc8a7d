// validate and what-if above resource-group scope: at subscription, management-group and tenant
// scope the preflight validation (and the what-if) go to that scope's endpoints, confirm the
// tracking deployment, deploy nothing and leave nothing for the post step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStepProcess } from '../support/fake-arm/harness.ts';
import { useFakeArmAndWorkspace } from '../support/fake-arm/use-fake-arm.ts';
import { MG, PID, SUB, TRACKING_ID, addTemplate, nestedInto, pidResource, storage, template, type SCHEMAS } from '../support/fake-arm/fixtures.ts';
import { requestSummary } from './request-summary.ts';

const { fake, ws } = useFakeArmAndWorkspace({}, (started) => started.fake.state.addResourceGroup(SUB, 'rg-preview-app'));

interface ScopeCase {
  kind: keyof typeof SCHEMAS;
  inputs: Record<string, string>;
  /** Scope id of the requests. */
  scopeId: string;
  resources: Record<string, unknown>[];
  /** What-if changes listed: the resources, never the nested deployments. */
  changes: number;
}

const telemetry = { telemetry: { type: 'bool', defaultValue: true } };
const conditionalPid = pidResource({ location: '[deployment().location]', condition: "[parameters('telemetry')]" });

const CASES: ScopeCase[] = [
  {
    kind: 'subscription',
    inputs: { scope: 'subscription', 'subscription-id': SUB, region: 'westeurope' },
    scopeId: `/subscriptions/${SUB}`,
    resources: [conditionalPid, nestedInto('app', 'rg-preview-app', [storage('stpreviewsub')])],
    changes: 1,
  },
  {
    kind: 'managementGroup',
    inputs: { scope: 'managementgroup', 'management-group-id': MG, region: 'westeurope' },
    scopeId: `/providers/Microsoft.Management/managementGroups/${MG}`,
    resources: [
      conditionalPid,
      { type: 'Microsoft.Authorization/policyDefinitions', apiVersion: '2021-06-01', name: 'cua-preview-policy', properties: { policyType: 'Custom' } },
    ],
    changes: 1,
  },
  {
    kind: 'tenant',
    inputs: { scope: 'tenant', region: 'westeurope' },
    scopeId: '',
    resources: [conditionalPid, { type: 'Microsoft.Management/managementGroups', apiVersion: '2021-04-01', name: 'mg-preview', properties: {} }],
    changes: 1,
  },
];

for (const c of CASES) {
  for (const verify of ['validate', 'what-if'] as const) {
    test(`${verify} at ${c.kind} scope: confirms the tracking deployment at that scope, deploys and records nothing`, async (t) => {
      fake.requests.length = 0;
      const tpl = addTemplate(ws, `${c.kind}-${verify}/azuredeploy.json`, template(c.kind, c.resources, telemetry));
      const run = await runStepProcess({ fake, workspace: ws.root, templates: [tpl], trackingIds: [TRACKING_ID], inputs: { verify, ...c.inputs } });
      t.diagnostic(requestSummary(`${verify} (${c.kind})`, fake, run.result.requestCount));
      assert.equal(run.thrown, undefined);
      assert.equal(run.result.verified, true, JSON.stringify(run.result.findings));
      const posts = fake.requests.filter((r) => r.method === 'POST' && r.kind === 'arm');
      assert.deepEqual(
        posts.map((r) => r.path.split('/').pop()),
        verify === 'validate' ? ['validate'] : ['validate', 'whatIf'],
      );
      for (const post of posts)
        assert.match(
          post.path,
          new RegExp(`^${escapeRegExp(c.scopeId)}/providers/Microsoft\\.Resources/deployments/cua-guard-4242-1-azuredeploy-[0-9a-f]{6}/`),
          'sent to the scope',
        );
      assert.match(run.result.summaryMarkdown, new RegExp(PID));
      if (verify === 'what-if')
        assert.match(run.result.summaryMarkdown, new RegExp(`what-if: ${c.changes} resource\\(s\\) would be deployed, ${c.changes} change\\(s\\) listed`));
      assert.ok(
        fake.requests.every((r) => r.method !== 'PUT' && r.method !== 'DELETE'),
        'nothing deployed or deleted',
      );
      assert.equal(fake.state.deploymentsAt(c.scopeId).length, 0);
      assert.deepEqual(run.state, {}, 'nothing for the post step');

      const off = await runStepProcess({
        fake,
        workspace: ws.root,
        templates: [tpl],
        trackingIds: [TRACKING_ID],
        inputs: { verify, ...c.inputs, parameters: '{"telemetry": false}' },
      });
      assert.deepEqual(
        off.result.findings.map((f) => f.ruleId),
        ['CUA105'],
        `${verify} at ${c.kind} with the condition off`,
      );
    });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
