import { NOT_FIXABLE, type VerifyRule } from './rule.ts';

const messages = {
  stopped: 'verification stopped: {{reason}}',
  stoppedBeforeDeploying: "verification of '{{name}}' stopped: {{reason}}; nothing was deployed",
  stoppedVerifying: "verification of '{{name}}' stopped: {{reason}}; the verification was stopped before it finished",
  stoppedCancelled: "verification of '{{name}}' stopped: {{reason}}; deployment '{{name}}' was cancelled",
  stoppedNotRunning: "verification of '{{name}}' stopped: {{reason}}; deployment '{{name}}' was no longer running",
  stoppedCancelFailed: "verification of '{{name}}' stopped: {{reason}}; cancelling deployment '{{name}}' failed: {{error}}",
} as const;

export const cua107: VerifyRule<keyof typeof messages> = {
  meta: {
    id: 'CUA107',
    name: 'stopped',
    description: 'Verification stopped at timeout-minutes or because the job was cancelled',
    help: [
      'The verification ran out of `timeout-minutes`, or the runner cancelled the job (SIGINT). Every request was aborted, later list pages and retries included; a deployment still running was cancelled, and the post step removes what the run created.',
      '',
      'Raise `timeout-minutes` if deployments need longer, or re-run.',
      '',
      "Fails: `verification of 'cua-guard-…' stopped: timed out after 5 minutes; deployment 'cua-guard-…' was cancelled`.",
      'Passes: the verification finishes within `timeout-minutes`.',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    notFixable: NOT_FIXABLE,
  },
};
