// The JSON report's findings: the documented fields plus messageId; internal fields stay inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson } from '../../src/report/json.ts';
import type { CheckReport, Finding } from '../../src/engine/types.ts';

test('a finding in the JSON report carries its message id, never its fix or its data', () => {
  const finding: Finding = {
    ruleId: 'CUA007',
    severity: 'error',
    messageId: 'complete',
    data: { name: 'pid-x', mode: 'Complete' },
    message: "tracking deployment 'pid-x' has mode 'Complete'",
    file: 'a.json',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 15,
    jsonPointer: '/resources/0/properties/mode',
    fix: { file: 'a.json', operations: [{ kind: 'replace', path: ['resources', 0, 'properties', 'mode'], value: 'Incremental' }], description: 'set mode' },
  };
  const report: CheckReport & { problems: { message: string }[] } = {
    tool: { name: 'cua-guard', version: '0' },
    files: [
      { path: 'a.json', verdict: 'fail', findings: [finding, { ...finding, internalError: true, suppressed: { reason: 'r' } }], tracking: [], linkedFiles: [] },
    ],
    counts: { error: 1, warning: 0, notice: 0, suppressed: 1 },
    problems: [{ message: 'p' }],
  };
  const json = JSON.parse(formatJson(report)) as { files: { findings: Record<string, unknown>[] }[]; problems: unknown[] };
  const [plain, other] = json.files[0]?.findings ?? [];
  assert.deepEqual(Object.keys(plain ?? {}), ['ruleId', 'severity', 'messageId', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'jsonPointer']);
  assert.equal(plain?.['messageId'], 'complete');
  assert.deepEqual(other?.['suppressed'], { reason: 'r' });
  assert.equal(other?.['internalError'], true);
  assert.deepEqual(json.problems, [{ message: 'p' }], 'what else the report holds is kept');
});
