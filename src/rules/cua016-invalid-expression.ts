// ARM expressions the check evaluates that ARM rejects whatever the parameter values, and those
// too large or too costly to evaluate within the evaluation budget (a hostile template must not
// hang the check or pass unchecked). The other rules' findings at such a value are dropped by the
// engine (`reportsInvalidExpressions`): "known only at deployment" would be wrong there.
// What is wrong travels as data (the expression catalog's codes and parameters, with positions),
// which is what fingerprints hash; the words come from the catalog when the message is rendered.
import type { Rule } from '../engine/rule.ts';
import { decodeDiagnostics, describeDiagnostic, encodeDiagnostics, type LocatedDiagnostic, type StaticExpressionError } from '../expressions/index.ts';
import { previewValue, truncate } from '../model/preview.ts';
import { redactQuery } from '../model/linked-templates.ts';
import { writtenExpression } from '../model/written-as.ts';

const messages = {
  invalid: '{{where}} {{value}}: {{problems}}',
  tooLarge:
    "{{where}} {{value}} cannot be checked: it builds a value larger than cua-guard's evaluation budget keeps (over 4 MB as JSON, past ARM's limit for a whole template)",
  tooCostly: "{{where}} {{value}} cannot be checked: evaluating it takes more steps than cua-guard's evaluation budget allows",
} as const;

export const cua016: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA016',
    name: 'invalid-expression',
    description:
      'An ARM expression the check evaluates (a name, a tracking condition, location or copy count, a templateLink, or a variable or parameter value they use) does not parse, calls an unknown function, has the wrong number of arguments or names an undefined parameter or variable; or it is too large or too costly to evaluate within the evaluation budget',
    help: [
      "An ARM expression the check evaluates is one ARM rejects whatever the parameter values: it does not parse (ARM's grammar has strings, 32-bit integers and function calls: a bare `true`, `null` or `1.5` is a syntax error, write `true()`, `null()`, `json('1.5')`), calls an unknown function, has the wrong number of arguments, calls a scope function at a scope that has none (`resourceGroup()` in a subscription-scope template, `subscription()` at management-group or tenant scope) or names a parameter or variable the template does not define.",
      '',
      'The values checked are the ones the rules read: resource names, a tracking deployment\'s `condition`, `location` and `copy.count`, `templateLink.relativePath`/`uri`, and the variables, parameter defaults and values passed to nested or linked templates that those use. Each mistake is reported once, where it is written (a broken variable used by three names is one finding, at the variable), with the position inside the string in the message; the other rules say nothing about a value ARM rejects (no "depends on …" for a broken condition, no CUA017 for a broken link).',
      '',
      "An expression whose value would be larger than 4 MB as JSON, ARM's limit for a whole template (variables that each hold the previous one twice describe 2^40 elements in a few lines), or that takes more steps than the evaluation budget allows, is not evaluated: it is reported here, at the value the check evaluated, and the rest of the template is checked as usual.",
      '',
      'Fix the ARM expression so that it parses and calls only known functions, and builds values of a deployable size.',
      '',
      'Fails:',
      '```json',
      '"name": "[concat(\'pid-\', )]", "condition": "[equals(parameters(\'telemetry\'), \'on)]", "location": "[foo()]"',
      '```',
      'Passes:',
      '```json',
      '"name": "[concat(\'pid-\', variables(\'cuaId\'))]"',
      '```',
    ].join('\n'),
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
    renderData: { problems: renderProblems },
    notFixable: 'fix does not rewrite expressions',
    reportsInvalidExpressions: true,
  },
  check({ model, report }) {
    // Only mistakes ARM rejects whatever the parameter values, once each, where they are written:
    // an error that depends on a default value may not happen with the real ones.
    for (const problem of model.expressionErrors.problems) {
      // In a template lowered from Bicep, the value as written there: offsets into the ARM text it
      // was lowered to would point nowhere the author can see.
      const written = writtenExpression(model.main, problem.text);
      // A link's query string may be a SAS token: never show it.
      const redact = (text: string): string => (problem.label.startsWith('templateLink') ? redactQuery(text) : text);
      const value = written === undefined ? previewValue(redact(problem.text)) : truncate(redact(written));
      const resource = problem.resource ? { resource: problem.resource } : {};
      if (problem.overBudget !== undefined) {
        report({ messageId: problem.overBudget === 'size' ? 'tooLarge' : 'tooCostly', data: { where: problem.label, value }, at: problem.at, ...resource });
        continue;
      }
      // Positions in ARM text a Bicep author never wrote are left out.
      const problems = encodeDiagnostics(problem.errors.map((e) => (written === undefined ? located(e) : e.diagnostic)));
      report({ messageId: 'invalid', data: { where: problem.label, value, problems }, at: problem.at, ...resource });
    }
  },
};

/** The diagnostic with the 1-based position of its error in the string, as the message shows it. */
function located(error: StaticExpressionError): LocatedDiagnostic {
  return { ...error.diagnostic, character: (error.offset ?? 0) + 1 };
}

/**
 * The `problems` data (codes and their parameters, encoded by the expression catalog) in the
 * catalog's words, each with its position: "unknown function 'foo' (character 2); …".
 */
function renderProblems(value: string | number): string {
  const diagnostics = typeof value === 'string' ? decodeDiagnostics(value) : undefined;
  if (diagnostics === undefined) return String(value);
  return diagnostics.map((d) => (d.character === undefined ? describeDiagnostic(d) : `${describeDiagnostic(d)} (character ${d.character})`)).join('; ');
}
