// Findings from verification in Azure: each is reported by its rule module (src/azure/rules), with a
// message id and the variable parts as data, located on the template where the resource can be
// found. Rule ids CUA1xx keep them apart from the static rules (CUA0xx).
import { renderMessage, type MessageData } from '../engine/rule.ts';
import type { Finding } from '../engine/types.ts';
import { locateInTemplate } from './locate.ts';
import { VERIFY_RULE_MODULES, type VerifyRule } from './rules/index.ts';

/** Rule id → name, for annotation titles (`CUA101 deployment-failed`). */
export const VERIFY_RULES: Readonly<Record<string, string>> = Object.fromEntries(VERIFY_RULE_MODULES.map((rule) => [rule.meta.id, rule.meta.name]));

/** Where findings for one template go. */
export interface FindingTarget {
  /** Workspace-relative path ('' when no template is involved: the finding is on the run). */
  file: string;
  text?: string;
}

export interface VerifyReport<M extends string> {
  messageId: M;
  data?: MessageData;
  /** Texts to look for in the template, in order, to place the finding. */
  needles?: readonly (string | undefined)[];
}

export function verifyFinding<M extends string>(target: FindingTarget, rule: VerifyRule<M>, { messageId, data, needles = [] }: VerifyReport<M>): Finding {
  const { line, column } = locateInTemplate(target.text, needles);
  const message = renderMessage(rule.meta.messages[messageId], data, rule.meta.renderData);
  return { ruleId: rule.meta.id, severity: rule.meta.defaultSeverity, messageId, message, file: target.file, line, column };
}
