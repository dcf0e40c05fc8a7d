// Child-process entry for the Azure tests: runs the verification step as the action's main step
// would (inputs from INPUT_* variables, state written to GITHUB_STATE) and writes the result as
// JSON to CUA_TEST_RESULT_FILE.
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { runVerifyStep, type VerifyTemplate } from '../../../src/azure/step.ts';

interface StepConfig {
  workspace: string;
  templates: VerifyTemplate[];
  trackingIds: string[];
}

const config = JSON.parse(process.env['CUA_TEST_STEP_CONFIG'] ?? '{}') as StepConfig;
const resultFile = process.env['CUA_TEST_RESULT_FILE'] ?? '';
try {
  const result = await runVerifyStep({ ...config, getInput: (name) => core.getInput(name) });
  writeFileSync(resultFile, JSON.stringify(result, null, 2));
} catch (error) {
  writeFileSync(resultFile, JSON.stringify({ thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
  process.exitCode = 1;
}
