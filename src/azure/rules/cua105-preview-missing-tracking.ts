import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  missing:
    'preflight validation shows no tracking deployment ({{expected}}): with these parameters ARM would not deploy it (a condition may be false, or it is missing)',
} as const;

export const cua105: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA105',
    name: 'preview-missing-tracking',
    description: 'Preflight validation (validate, what-if) lists no tracking deployment',
    help: [
      'ARM validated the template with these parameters and its `validatedResources` hold no `pid-…` deployment: deployed like this, the usage would not be attributed.',
      '',
      'Fix the condition or the parameters that remove the tracking deployment, or add it (`cua-guard fix --tracking-id <GUID>`).',
      '',
      'Fails: `"condition": "[parameters(\'telemetry\')]"` on the tracking deployment with `telemetry` false.',
      'Passes: validatedResources lists `…/Microsoft.Resources/deployments/pid-<GUID>`.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
