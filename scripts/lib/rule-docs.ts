// The rule documentation that derives from the rule modules: the README's rule table and sections
// (between marker comments) and the configuration schema's rule list. `npm run docs` writes them;
// __tests__/docs/rule-docs.test.ts fails when the committed files differ from what this renders.
import type { RuleMeta } from '../../src/engine/rule.ts';
import { ruleDocsUrl } from '../../src/meta.ts';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';
/** The verification rules (src/azure/rules) have their own block in the README's verification section. */
export const VERIFY_RULES_START = '<!-- verify-rules:start -->';
export const VERIFY_RULES_END = '<!-- verify-rules:end -->';
const SEVERITY_SETTINGS = ['error', 'warning', 'notice', 'off'] as const;

/** The README anchor of a rule's section (`cua007-tracking-mode-not-incremental`), as ruleDocsUrl links it. */
export function ruleAnchor(rule: RuleMeta): string {
  return new URL(ruleDocsUrl(rule)).hash.slice(1);
}

/** The table of every rule, then one section per rule: heading, default severity, its help. */
export function renderRuleDocs(rules: readonly RuleMeta[]): string {
  const table = [
    '| Rule | Name | Default | What it reports |',
    '|---|---|---|---|',
    ...rules.map((rule) => `| [${rule.id}](#${ruleAnchor(rule)}) | ${rule.name} | ${rule.defaultSeverity} | ${cell(rule.description)} |`),
  ];
  const sections = rules.map((rule) => [`### ${rule.id} ${rule.name}`, '', `Default severity: **${rule.defaultSeverity}**.`, '', rule.help.trim()].join('\n'));
  return [
    "<!-- Generated from each rule module's meta by `npm run docs` (scripts/rule-docs.ts): edit the rule, not this text. -->",
    '',
    table.join('\n'),
    '',
    sections.join('\n\n'),
  ].join('\n');
}

/** The README with the text between the markers replaced; everything outside them is kept. */
export function readmeWithRuleDocs(readme: string, rules: readonly RuleMeta[], [startMarker, endMarker] = [RULES_START, RULES_END]): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${startMarker} and ${endMarker}, in that order`);
  return `${readme.slice(0, start + startMarker.length)}\n${renderRuleDocs(rules)}\n${readme.slice(end)}`;
}

/** The README with the verification rules' block rendered from their modules. */
export function readmeWithVerifyRuleDocs(readme: string, rules: readonly RuleMeta[]): string {
  return readmeWithRuleDocs(readme, rules, [VERIFY_RULES_START, VERIFY_RULES_END]);
}

interface Schema {
  definitions: { rules: { properties: Record<string, unknown> } };
}

/** The schema text with `definitions.rules.properties` listing every rule, in registry order. */
export function schemaWithRules(schemaText: string, rules: readonly RuleMeta[]): string {
  const schema = JSON.parse(schemaText) as Schema;
  schema.definitions.rules.properties = Object.fromEntries(
    rules.map((rule) => [rule.id, { enum: [...SEVERITY_SETTINGS], description: `${rule.name} (default ${rule.defaultSeverity}): ${rule.description}` }]),
  );
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
