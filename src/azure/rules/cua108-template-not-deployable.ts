import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  cannotDeploy: 'cannot deploy {{file}}: {{reason}}',
  scopeMismatch: '{{file}} is a {{schemaScope}}-scope template ($schema) but scope is {{scope}}: set scope to match',
} as const;

export const cua108: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA108',
    name: 'template-not-deployable',
    description: 'The template or its parameters cannot be sent to ARM as they are',
    help: [
      'The template cannot be read or parsed, its `$schema` names another scope than the `scope` input, or its parameters file cannot be read. Nothing was sent to ARM.',
      '',
      'Fix the file the message names, or set `scope` (and `parameters`) to match the template.',
      '',
      'Fails: a `subscriptionDeploymentTemplate.json` template verified with `scope: resourcegroup`.',
      'Passes: the template parses and its `$schema` matches `scope`.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
