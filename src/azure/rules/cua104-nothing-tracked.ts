import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  nothingCreated: 'no resource was created under correlationId {{correlationId}}: the tracking deployment has nothing to attribute (only deployments ran)',
  nothingPreviewed: 'nothing but deployments would be deployed: the tracking deployment would have no resource to attribute',
} as const;

export const cua104: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA104',
    name: 'nothing-tracked',
    description: 'Only deployments ran (or would run): there is no resource for the tracking deployment to attribute',
    help: [
      'The deployment succeeded with its tracking deployment, but created no resource other than deployments under its correlationId (or, for `validate` and `what-if`, ARM listed nothing else that would be deployed). Attribution counts the usage of resources deployed with the tracking deployment.',
      '',
      'Fix the parameters so the template deploys something, or verify the template that does. When ARM says it did not expand a nested deployment, the preview reports CUA109 instead, never this.',
      '',
      'Fails: a template whose only resources are `pid-…` and empty nested deployments.',
      'Passes: at least one resource (a storage account, a VM…) is created with the tracking deployment.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
