import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  notSucceeded: "tracking deployment '{{name}}' is {{state}}, not Succeeded; Partner Center attributes only successful deployments",
  notSucceededWithError: "tracking deployment '{{name}}' is {{state}}, not Succeeded: {{error}}; Partner Center attributes only successful deployments",
} as const;

export const cua103: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA103',
    name: 'tracking-not-succeeded',
    description: 'The tracking deployment ran but did not succeed',
    help: [
      'The `pid-…` deployment exists under the deployment’s correlationId but its state is not `Succeeded` (Failed, Canceled, still running). Partner Center attributes only successful deployments.',
      '',
      'Fix the cause in the message: usually a location missing at subscription or higher scope (CUA012), a name that collides with another location’s deployment (CUA015), or a template that is not empty (CUA008).',
      '',
      "Fails: `tracking deployment 'pid-…' is Failed, not Succeeded: InvalidDeployment: …`.",
      'Passes: the tracking deployment is `Succeeded`.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
