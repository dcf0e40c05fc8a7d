// Findings from verification in Azure. Rule ids CUA1xx keep them apart from the static rules
// (CUA0xx); they are always errors, located on the template where the resource can be found.
import type { Finding } from '../engine/types.ts';
import { locateInTemplate } from './locate.ts';

export const VERIFY_RULES = {
  CUA100: 'azure-request-failed',
  CUA101: 'deployment-failed',
  CUA102: 'tracking-missing',
  CUA103: 'tracking-not-succeeded',
  CUA104: 'nothing-tracked',
  CUA105: 'preview-missing-tracking',
  CUA106: 'preflight-failed',
  CUA107: 'stopped',
  CUA108: 'template-not-deployable',
  CUA109: 'not-established',
} as const;

/** Findings that report what could not be established rather than a fault. */
const WARNINGS: ReadonlySet<VerifyRuleId> = new Set(['CUA109']);

export type VerifyRuleId = keyof typeof VERIFY_RULES;

/** Where findings for one template go. */
export interface FindingTarget {
  /** Workspace-relative path ('' when no template is involved). */
  file: string;
  text?: string;
}

export function verifyFinding(target: FindingTarget, ruleId: VerifyRuleId, message: string, needles: readonly (string | undefined)[] = []): Finding {
  const { line, column } = locateInTemplate(target.text, needles);
  return { ruleId, severity: WARNINGS.has(ruleId) ? 'warning' : 'error', messageId: 'verification', message, file: target.file, line, column };
}
