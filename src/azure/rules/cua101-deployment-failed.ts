import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  operationFailed: "{{what}} failed in deployment '{{deployment}}': {{error}}",
  stillRunning: "deployment '{{name}}' is still {{state}}; verify it after it finished",
  ended: "deployment '{{name}}' ended {{state}}",
  endedWithError: "deployment '{{name}}' ended {{state}}: {{error}}",
  rejected: "ARM rejected deployment '{{name}}': {{error}}",
  active:
    "ARM refused deployment '{{name}}': another deployment named '{{name}}' is still running at {{scope}} ({{error}}). It is left untouched; give each run its own deployment-name, or serialise runs with a workflow `concurrency:` group",
} as const;

export const cua101: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA101',
    name: 'deployment-failed',
    description: 'The verification deployment (or the deployment verified) failed, was rejected, or did not finish',
    help: [
      "The deployment did not succeed: ARM rejected it before it ran (an invalid template, a missing resource group, or `DeploymentActive`: another run's deployment of the same name is still running), or an operation in it failed. Each failed operation is reported on the failing resource's line with ARM's code and message, kept as ARM sent it when the provider's `statusMessage` is not the usual `{status, error}`.",
      '',
      "Fix the resource the message names, or the parameters. For `DeploymentActive`, never let two runs deploy the same name at the same scope: leave `deployment-name` empty (each run gets its own), and put verification jobs in a `concurrency:` group; cua-guard never cancels or deletes the other run's deployment.",
      '',
      "Fails: `Microsoft.Storage/storageAccounts 'st1' failed in deployment 'cua-guard-…': StorageAccountAlreadyTaken: …`.",
      'Passes: every operation of the deployment succeeded.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
