// A condition on the tracking deployment is a legitimate opt-out, but one that is always false
// tracks nothing, and one that is off with the template's defaults misses every customer who
// keeps them. The condition is weighed three ways: with no parameter known, with the defaults,
// and with the parameters file over them; the finding's severity follows the outcome.
import type { MessageData, Rule } from '../engine/rule.ts';
import type { Severity } from '../engine/types.ts';
import { isExpressionString } from '../expressions/index.ts';
import type { ArmValue } from '../expressions/value.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { writtenExpression } from '../model/written-as.ts';
import { propertyRef } from './rule.ts';
import {
  conditionScopes,
  describeDependency,
  evaluateCondition,
  topLevelTrackingDeployments,
  truthOf,
  type ConditionOutcome,
  type ConditionScopes,
  type Truth,
} from './tracking-set.ts';

const HAS = "tracking deployment '{{name}}' has";
const NOT_TRACKED = '; customers who keep the template defaults are not tracked';
/** How the condition comes out with the template's default values. */
const WITH_DEFAULTS = {
  on: 'on with the default parameter values',
  off: 'off with the default parameter values',
  'not-boolean': '{{defaultValue}}, not a boolean with the default parameter values',
  unknown: 'not known from the default values (it depends on {{dependency}})',
} as const;
/** How it comes out with the parameters file's values over them. */
const WITH_FILE = {
  on: 'on with the parameters file',
  off: 'off with the parameters file',
  'not-boolean': '{{fileValue}}, not a boolean with the parameters file',
  unknown: 'known only at deployment (it depends on {{dependency}}) with the parameters file',
} as const;

const messages = {
  // The same whatever the parameters: written as an expression, or as a literal value.
  'always-off': `${HAS} condition {{condition}}, which is false whatever the parameters: tracking is always off, so no usage is attributed`,
  'literal-off': `${HAS} condition {{condition}}: tracking is always off, so no usage is attributed`,
  'always-on': `${HAS} condition {{condition}}, which is always true: tracking is always on`,
  'literal-on': `${HAS} condition {{condition}}: tracking is always on`,
  'always-not-boolean': `${HAS} condition {{condition}}, which is {{value}}, not a boolean; ARM expects true or false`,
  'literal-not-boolean': `${HAS} condition {{condition}}: not a boolean; ARM expects true or false`,
  // The parameters file does not change the outcome (or there is none).
  'on-by-default': `${HAS} a condition (an opt-out); it is on by default (with the default parameter values)`,
  'off-by-default':
    "tracking deployment '{{name}}' is off by default: its condition is false with the default parameter values; customers who keep the defaults are not tracked",
  'not-boolean-by-default': `${HAS} a condition that evaluates to {{value}} with the default parameter values, not a boolean; ARM expects true or false`,
  unknown: `${HAS} a condition that is known only at deployment (it depends on {{dependency}})`,
  // The parameters file changes the outcome.
  'defaults-on-file-off': `${HAS} a condition that is ${WITH_DEFAULTS.on} but ${WITH_FILE.off}`,
  'defaults-on-file-not-boolean': `${HAS} a condition that is ${WITH_DEFAULTS.on} but ${WITH_FILE['not-boolean']}`,
  'defaults-on-file-unknown': `${HAS} a condition that is ${WITH_DEFAULTS.on} but ${WITH_FILE.unknown}`,
  'defaults-off-file-on': `${HAS} a condition that is ${WITH_DEFAULTS.off} but ${WITH_FILE.on}${NOT_TRACKED}`,
  'defaults-off-file-not-boolean': `${HAS} a condition that is ${WITH_DEFAULTS.off} but ${WITH_FILE['not-boolean']}${NOT_TRACKED}`,
  'defaults-off-file-unknown': `${HAS} a condition that is ${WITH_DEFAULTS.off} but ${WITH_FILE.unknown}${NOT_TRACKED}`,
  'defaults-not-boolean-file-on': `${HAS} a condition that is ${WITH_DEFAULTS['not-boolean']} but ${WITH_FILE.on}`,
  'defaults-not-boolean-file-off': `${HAS} a condition that is ${WITH_DEFAULTS['not-boolean']} but ${WITH_FILE.off}`,
  'defaults-not-boolean-file-unknown': `${HAS} a condition that is ${WITH_DEFAULTS['not-boolean']} but ${WITH_FILE.unknown}`,
  'defaults-unknown-file-on': `${HAS} a condition that is ${WITH_DEFAULTS.unknown} but ${WITH_FILE.on}`,
  'defaults-unknown-file-off': `${HAS} a condition that is ${WITH_DEFAULTS.unknown} but ${WITH_FILE.off}`,
  'defaults-unknown-file-not-boolean': `${HAS} a condition that is ${WITH_DEFAULTS.unknown} but ${WITH_FILE['not-boolean']}`,
} as const;

type MessageId = keyof typeof messages;
type Outcome = keyof typeof WITH_FILE;

interface Verdict {
  messageId: MessageId;
  data: MessageData;
  severity: Severity;
}

export const cua011: Rule<MessageId> = {
  meta: {
    id: 'CUA011',
    name: 'conditional-tracking',
    description: 'The tracking deployment has a condition (a legitimate opt-out), one that is off by default, or one that is always false',
    help: [
      "The tracking deployment has a `condition`. It is evaluated three ways: with every parameter unknown, with the template's default values, and with the parameters file's values over them.",
      '- **error** when it is false whatever the parameters: `false`, `"false"`, `"False"`, `0`, `[false()]`, `[bool(0)]`, `[equals(1, 2)]`, a variable that is constant false. Tracking is always off.',
      '- **warning** when it is off with the default values (customers who keep the defaults are not tracked), whatever the parameters file says; the message says when the parameters file turns it on. Also when it is not a boolean.',
      '- **notice** otherwise (an opt-out is legitimate): on by default, on by default but off with the parameters file (the message says exactly that), or known only at deployment (it names what it depends on).',
      '',
      'An opt-out condition is legitimate; make sure tracking is on with the default parameter values, and never use a literal false.',
      '',
      'Fails:',
      '```json',
      '"condition": "[equals(1, 2)]"',
      '```',
      "Passes (a notice), with the parameter's default `No`:",
      '```json',
      '"condition": "[equals(parameters(\'telemetryOptOut\'), \'No\')]"',
      '```',
    ].join('\n'),
    defaultSeverity: 'notice',
    precision: 'very-high',
    messages,
    notFixable: 'a condition may be a deliberate opt-out; fix does not remove or change it',
  },
  check({ model, candidates, report }) {
    let scopes: ConditionScopes | undefined;
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const raw = entry.resource['condition'];
      if (raw === undefined) continue;
      scopes ??= conditionScopes(model);
      const shown = truncate(writtenExpression(entry.source, raw) ?? previewValue(raw));
      const verdict = judge(raw, shown, evaluateCondition(raw, entry, scopes));
      report({
        messageId: verdict.messageId,
        data: { name: truncate(candidate.name.display), ...verdict.data },
        at: propertyRef(entry, 'condition'),
        resource: entry,
        severity: verdict.severity,
      });
    }
  },
};

/** Weighs the condition: always off (no parameter changes it), off by default, or an opt-out. */
/** `condition`: the condition as written, for messages. */
function judge(raw: unknown, condition: string, outcome: ConditionOutcome): Verdict {
  const { constant, defaults, withFile } = outcome;
  // A literal needs no "whatever the parameters": it is the value.
  const literal = !(typeof raw === 'string' && isExpressionString(raw));
  const always = truthOf(constant);
  if (always === false) return { messageId: literal ? 'literal-off' : 'always-off', data: { condition }, severity: 'error' };
  if (always === true) return { messageId: literal ? 'literal-on' : 'always-on', data: { condition }, severity: 'notice' };
  if (always === 'not-boolean') {
    return literal
      ? { messageId: 'literal-not-boolean', data: { condition }, severity: 'warning' }
      : { messageId: 'always-not-boolean', data: { condition, value: previewValue(constant) }, severity: 'warning' };
  }
  const byDefault = truthOf(defaults);
  const byFile = truthOf(withFile);
  if (byDefault === byFile) return sameEitherWay(byDefault, defaults);
  const data = {
    ...(byDefault === 'unknown' ? { dependency: dependencyOf(defaults) } : {}),
    ...(byFile === 'unknown' ? { dependency: dependencyOf(withFile) } : {}),
    ...(byDefault === 'not-boolean' ? { defaultValue: previewValue(defaults) } : {}),
    ...(byFile === 'not-boolean' ? { fileValue: previewValue(withFile) } : {}),
  };
  // The two outcomes differ, so this is one of the `defaults-…-file-…` messages.
  const messageId = `defaults-${outcomeOf(byDefault)}-file-${outcomeOf(byFile)}` as MessageId;
  if (byDefault === false) return { messageId, data, severity: 'warning' };
  // On by default is what matters; without a usable default, the parameters file decides.
  const onByDefault = byDefault === true || (byDefault === 'unknown' && byFile === true);
  return { messageId, data, severity: onByDefault ? 'notice' : 'warning' };
}

/** The parameters file does not change the outcome (or there is none). */
function sameEitherWay(truth: Truth, value: ArmValue): Verdict {
  switch (truth) {
    case true:
      return { messageId: 'on-by-default', data: {}, severity: 'notice' };
    case false:
      return { messageId: 'off-by-default', data: {}, severity: 'warning' };
    case 'not-boolean':
      return { messageId: 'not-boolean-by-default', data: { value: previewValue(value) }, severity: 'warning' };
    case 'unknown':
      return { messageId: 'unknown', data: { dependency: dependencyOf(value) }, severity: 'notice' };
  }
}

function outcomeOf(truth: Truth): Outcome {
  if (truth === true) return 'on';
  if (truth === false) return 'off';
  return truth;
}

function dependencyOf(value: ArmValue): string {
  return truncate(describeDependency(value));
}
