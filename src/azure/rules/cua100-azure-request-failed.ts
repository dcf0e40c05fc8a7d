import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  requestFailed: 'an Azure request failed: {{error}}',
  notFound: "deployment '{{name}}' was not found at {{scope}}",
  signIn: 'signing in to Azure failed: {{error}}. Run azure/login before this step, or set client-id and tenant-id (with permissions id-token: write)',
  signInCannotWork: 'signing in to Azure cannot work: {{problem}}',
  unreachable: 'cannot reach Azure: {{error}}',
  apiVersionsUnreadable: "reading the endpoint's Microsoft.Resources api-versions failed: {{error}}",
  noSpokenApiVersion:
    "the endpoint's Microsoft.Resources api-versions (deployments: {{deployments}}; resourceGroups: {{resourceGroups}}) include none from {{oldest}} to the SDK's ({{sdk}}); set api-profile",
} as const;

export const cua100: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA100',
    name: 'azure-request-failed',
    description: 'Verification could not talk to Azure: signing in failed, a request failed, or the deployment to verify does not exist',
    help: [
      "Verification could not get an answer it can judge from Azure Resource Manager. The message carries ARM's error code and message (re-read with GET where a HEAD or a list page lost it). A sign-in failure is reported once, on the run, not on a template line.",
      '',
      'Fix what the message names: run `azure/login` before the step or set `client-id` and `tenant-id` (with `permissions: id-token: write`); give the identity read and deploy rights at the scope; for `verify: existing` name the deployment that ran; for Azure Stack Hub set `resource-manager-endpoint` (and `api-profile` if the provider registration cannot be read).',
      '',
      "Fails: `signing in to Azure failed: … invalid_client …`, or `an Azure request failed: AuthorizationFailed: The client … does not have authorization to perform action 'Microsoft.Resources/deployments/write' …`.",
      'Passes: the identity signs in and may deploy at the scope.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
