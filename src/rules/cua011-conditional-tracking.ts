import type { Severity } from '../engine/types.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { isExpressionString } from '../expressions/index.ts';
import type { ArmValue } from '../expressions/value.ts';
import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { conditionScopes, describeDependency, evaluateCondition, topLevelTrackingDeployments, truthOf, type ConditionOutcome, type ConditionScopes, type Truth } from './tracking-set.ts';

const id = 'CUA011';
const name = 'conditional-tracking';

export const cua011: Rule = {
  id,
  name,
  description: 'The tracking deployment has a condition (a legitimate opt-out), one that is off by default, or one that is always false',
  defaultSeverity: 'notice',
  docsUrl: docsUrl(id, name),
  check({ model, candidates, report }) {
    let scopes: ConditionScopes | undefined;
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const raw = entry.resource['condition'];
      if (raw === undefined) continue;
      scopes ??= conditionScopes(model);
      const outcome = evaluateCondition(raw, entry, scopes);
      // A literal needs no "whatever the parameters": it is the value.
      const written = typeof raw === 'string' && isExpressionString(raw) ? `${previewValue(raw)}, which is` : undefined;
      const verdict = judge(written ?? `${previewValue(raw)}:`, written === undefined, outcome);
      report({ message: `tracking deployment ${nameOf(candidate)} ${verdict.message}`, at: propertyRef(entry, 'condition'), resource: entry, severity: verdict.severity });
    }
  },
};

interface Verdict {
  message: string;
  severity: Severity;
}

/** Weighs the condition: always off (no parameter changes it), off by default, or an opt-out. `written`: how to quote it. */
function judge(written: string, literal: boolean, { constant, defaults, withFile }: ConditionOutcome): Verdict {
  const always = truthOf(constant);
  if (always === false) return { message: `has condition ${written} ${literal ? '' : 'false whatever the parameters: '}tracking is always off, so no usage is attributed`, severity: 'error' };
  if (always === true) return { message: `has condition ${written} ${literal ? '' : 'always true: '}tracking is always on`, severity: 'notice' };
  if (always === 'not-boolean') return { message: `has condition ${written} ${literal ? 'not a boolean' : describe('not-boolean', constant)}; ARM expects true or false`, severity: 'warning' };
  const byDefault = truthOf(defaults);
  const byFile = truthOf(withFile);
  if (byDefault === byFile) return sameEitherWay(byDefault, defaults);
  const withDefaults = byDefault === 'unknown' ? describe(byDefault, defaults, 'not known from the default values') : `${describe(byDefault, defaults)} with the default parameter values`;
  const message = `has a condition that is ${withDefaults} but ${describe(byFile, withFile)} with the parameters file`;
  if (byDefault === false) return { message: `${message}; customers who keep the template defaults are not tracked`, severity: 'warning' };
  // On by default is what matters; without a usable default, the parameters file decides.
  const onByDefault = byDefault === true || (byDefault === 'unknown' && byFile === true);
  return { message, severity: onByDefault ? 'notice' : 'warning' };
}

/** The parameters file does not change the outcome (or there is none). */
function sameEitherWay(truth: Truth, value: ArmValue): Verdict {
  switch (truth) {
    case true:
      return { message: 'has a condition (an opt-out); it is on by default (with the default parameter values)', severity: 'notice' };
    case false:
      return { message: 'is off by default: its condition is false with the default parameter values; customers who keep the defaults are not tracked', severity: 'warning' };
    case 'not-boolean':
      return { message: `has a condition that evaluates to ${previewValue(value)} with the default parameter values, not a boolean; ARM expects true or false`, severity: 'warning' };
    case 'unknown':
      return { message: `has a condition that is ${describe(truth, value)}`, severity: 'notice' };
  }
}

function describe(truth: Truth, value: ArmValue, unknown = 'known only at deployment'): string {
  if (truth === true) return 'on';
  if (truth === false) return 'off';
  if (truth === 'unknown') return `${unknown} (it depends on ${truncate(describeDependency(value))})`;
  return `${previewValue(value)}, not a boolean`;
}
