// A verification rule: a module holding everything about the findings verification in Azure
// reports (id, name, description, help, default severity, messages by id), like the static rules
// in src/rules, but checked by the Azure adapter rather than run by the engine over a template
// model, so only the rule contract's meta applies. The static registry (src/rules/index.ts) never
// imports these; `npm run docs` renders both into the README.
import type { RuleMeta } from '../../engine/rule.ts';

export interface VerifyRule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
}

/** Verification findings cannot be repaired by `cua-guard fix`: they are about what ARM did. */
export const NOT_FIXABLE = 'a finding from Azure is about what ARM did or would do; fix the template or the run as the help says';
