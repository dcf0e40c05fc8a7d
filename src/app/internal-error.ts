// A file whose check failed outside any rule gets an error result that says so, never a pass.
import type { TemplateResult } from '../engine/types.ts';

/** The result for `file`: one internal-error finding with `detail` as its data and `message` as its text. */
export function internalErrorResult(file: string, detail: string, message: string): TemplateResult {
  return {
    path: file,
    verdict: 'fail',
    findings: [
      {
        ruleId: 'internal-error',
        severity: 'error',
        messageId: 'internal-error',
        data: { error: detail },
        message,
        file,
        line: 1,
        column: 1,
        internalError: true,
      },
    ],
    tracking: [],
    linkedFiles: [],
  };
}
