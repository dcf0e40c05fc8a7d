import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const base = "no tracking deployment ({{expected}}) ran with deployment '{{name}}' (correlationId {{correlationId}}) at {{scope}} or in its nested deployments";
const stray = "'{{stray}}' exists there but belongs to correlationId {{strayCorrelationId}}: another deployment (or a later run) created it";
const condition = 'its condition ({{conditions}}) may have been false with these parameters';

const messages = {
  missing: base,
  missingWithStray: `${base}; ${stray}`,
  missingWithCondition: `${base}; ${condition}`,
  missingWithStrayAndCondition: `${base}; ${stray}; ${condition}`,
  otherCorrelation:
    "tracking deployment '{{name}}' has correlationId {{trackingCorrelationId}}, not the deployment's {{correlationId}}: it was not deployed by this deployment",
} as const;

export const cua102: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA102',
    name: 'tracking-missing',
    description: 'No tracking deployment ran under the deployment’s correlationId',
    help: [
      'The deployment ran, but no `pid-…` deployment shares its correlationId, at its scope or in its nested deployments: Partner Center will not attribute it. A `pid-` deployment of another correlationId at the scope was made by another deployment (or a later run replaced the record).',
      '',
      'Fix the template so the tracking deployment is deployed with these parameters (a condition that is false removes it, CUA011), and keep it in the main template (CUA004, CUA005).',
      '',
      "Fails: the deployment's operations list no `Microsoft.Resources/deployments` named `pid-<GUID>`.",
      'Passes: `pid-<GUID>` ran with the deployment and has its correlationId.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
