// The machine-readable report: one JSON document. Field names are a public contract
// (`files[].path`, `files[].findings[].ruleId|severity|message|file|line|column`): add, never rename.
import type { CheckReport } from '../engine/types.ts';

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
