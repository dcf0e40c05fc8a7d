// The machine-readable report: one JSON document. Field names are a public contract
// (`files[].path`, `files[].findings[].ruleId|severity|message|file|line|column`): add, never rename.
import type { CheckReport, Finding } from '../engine/types.ts';

/**
 * A finding as the public document shows it. `messageId` names what was found independently of the
 * wording (a stable id to match on); `internalError` says the check of that template is incomplete.
 * Left out: `fix` (operations for the fixer, an internal format that may change) and `data`
 * (message parameters whose keys are not a contract yet, and which can hold a value taken from the
 * template or its parameters file; the rendered `message` already shows what a reader needs).
 */
export type PublicFinding = Omit<Finding, 'data' | 'fix'>;

export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => ({ ...file, findings: file.findings.map(publicFinding) }));
  return `${JSON.stringify({ ...report, files }, null, 2)}\n`;
}

/** Named fields only, in a fixed order, so nothing internal slips in. */
export function publicFinding(finding: Finding): PublicFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    messageId: finding.messageId,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
    ...(finding.endColumn !== undefined ? { endColumn: finding.endColumn } : {}),
    ...(finding.jsonPointer !== undefined ? { jsonPointer: finding.jsonPointer } : {}),
    ...(finding.suppressed ? { suppressed: finding.suppressed } : {}),
    ...(finding.internalError ? { internalError: true as const } : {}),
  };
}
