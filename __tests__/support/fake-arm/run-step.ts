// Child-process entry for the Azure tests: runs the verification step as the action's main step
// would (inputs from INPUT_* variables read by the action's input helper into the run's settings,
// state written to GITHUB_STATE) and writes the result as JSON to CUA_TEST_RESULT_FILE.
import { writeFileSync } from 'node:fs';
import * as core from '../../../src/github/runner.ts';
import { readActionInputs } from '../../../src/app/action/input-helper.ts';
import { parseVerifySettings } from '../../../src/settings/verify-settings.ts';
import { runVerifyStep, type VerifyTemplate } from '../../../src/azure/step.ts';

interface StepConfig {
  workspace: string;
  templates: VerifyTemplate[];
  trackingIds: string[];
}

const config = JSON.parse(process.env['CUA_TEST_STEP_CONFIG'] ?? '{}') as StepConfig;
const resultFile = process.env['CUA_TEST_RESULT_FILE'] ?? '';
try {
  const settings = parseVerifySettings(readActionInputs((name) => core.getInput(name)).verify ?? {});
  const result = await runVerifyStep({ ...config, settings });
  writeFileSync(resultFile, JSON.stringify(result, null, 2));
} catch (error) {
  writeFileSync(resultFile, JSON.stringify({ thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
  process.exitCode = 1;
}
