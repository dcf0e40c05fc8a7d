import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  noValidatedResources:
    'ARM answered the preflight validation with no validatedResources: the preview cannot establish that the tracking deployment would be deployed',
  emptyValidatedResources:
    'ARM answered the preflight validation with an empty validatedResources: the preview cannot establish that the tracking deployment would be deployed',
  notExpanded:
    'ARM did not expand nested deployment(s) {{names}} ({{codes}}): what they would deploy, and so whether the tracking deployment would have a resource to attribute, cannot be established before deploying',
  unreadable: 'nested deployment {{id}} could not be read ({{error}}): the verdict covers only what could be read; what it created is not counted',
} as const;

export const cua109: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA109',
    name: 'not-established',
    description:
      'Part of what verification needs could not be established: ARM did not expand nested deployments, listed nothing, or a nested deployment could not be read',
    help: [
      "ARM's answer does not establish the verdict, and cua-guard says so instead of guessing. Validation and what-if do not expand a nested deployment whose parameters hold a `reference()` (diagnostic `NestedDeploymentShortCircuited`), nor beyond their batch and total limits (`NestedDeploymentSkippedFromInternalExpansion`, `NestedDeploymentExpansionLimitReached`): what it would deploy is unknown until it is deployed. Older ARM lists no `validatedResources` at all. A nested deployment in a subscription the identity may not read (403) is left out of the verdict.",
      '',
      'With the tracking deployment seen, a preview stays verified and this is a warning; a preview that lists nothing is not verified. Use `verify: deploy` to establish what is created, or give the identity read access where the nested deployment goes.',
      '',
      'Warns: a nested deployment with `"parameters": { "endpoint": { "value": "[reference(\'st1\').primaryEndpoints.blob]" } }` under `verify: validate`.',
      'Passes: validation expands every nested deployment and lists what they deploy.',
    ].join('\n'),
    defaultSeverity: 'warning',
    precision: 'medium',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
