// Reads the raw action inputs (INPUT_* variables) and the runner's folders into one RawOptions,
// as actions/checkout's input helper does; src/settings parses, validates and merges them with the
// configuration file into the run's RunSettings. Inputs left empty set nothing.
import type { RawOptions } from '../../settings/raw-options.ts';

export type InputReader = (name: string) => string;

export function readActionInputs(getInput: InputReader, env: NodeJS.ProcessEnv = process.env): RawOptions {
  return {
    front: 'action',
    ...(env['GITHUB_WORKSPACE'] ? { workspace: env['GITHUB_WORKSPACE'] } : {}),
    ...(env['RUNNER_TEMP'] ? { tempDir: env['RUNNER_TEMP'] } : {}),
    ...(env['GITHUB_REPOSITORY'] ? { repository: env['GITHUB_REPOSITORY'] } : {}),
    ifNoTemplates: getInput('if-no-templates'),
    marketplacePackages: getInput('marketplace-packages'),
    config: getInput('config'),
    rules: getInput('rules'),
    trackingIds: getInput('tracking-ids'),
    strictNames: getInput('strict-names'),
    maxTrackingResources: getInput('max-tracking-resources'),
    templates: getInput('templates'),
    parameters: getInput('parameters'),
    failOn: getInput('fail-on'),
    report: getInput('report'),
    sarifFile: getInput('sarif-file'),
    checks: getInput('checks'),
    token: getInput('token'),
    onlyChanged: getInput('only-changed'),
    fix: getInput('fix'),
    verify: {
      verify: getInput('verify'),
      scope: getInput('scope'),
      'subscription-id': getInput('subscription-id'),
      'resource-group': getInput('resource-group'),
      'management-group-id': getInput('management-group-id'),
      region: getInput('region'),
      'deployment-name': getInput('deployment-name'),
      parameters: getInput('parameters'),
      'create-resource-group': getInput('create-resource-group'),
      cleanup: getInput('cleanup'),
      'timeout-minutes': getInput('timeout-minutes'),
      environment: getInput('environment'),
      'resource-manager-endpoint': getInput('resource-manager-endpoint'),
      'api-profile': getInput('api-profile'),
      'client-id': getInput('client-id'),
      'tenant-id': getInput('tenant-id'),
    },
  };
}
