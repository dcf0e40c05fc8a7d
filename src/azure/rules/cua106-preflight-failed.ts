import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  validationFailed: 'ARM preflight validation failed: {{error}}',
  whatIfFailed: 'ARM what-if failed: {{error}}',
} as const;

export const cua106: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA106',
    name: 'preflight-failed',
    description: 'ARM preflight validation or what-if failed (also what-if answering status Failed)',
    help: [
      "ARM's preflight validation rejected the template with these parameters, or the what-if operation ended `Failed`: the deployment would fail the same way. The message carries ARM's code, message and innermost details.",
      '',
      'Fix the template or parameters as the details say (an invalid name, a missing parameter, a quota).',
      '',
      'Fails: `ARM preflight validation failed: InvalidTemplateDeployment: … (AccountNameInvalid: a is not a valid storage account name …)`.',
      'Passes: validation and what-if succeed.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
