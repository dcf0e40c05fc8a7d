// Facts about the tool itself, in one place.
export const TOOL_NAME = 'cua-guard';
export const TOOL_VERSION = '0.1.0';
export const REPOSITORY_URL = 'https://github.com/cua-guard/cua-guard';
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/README.md`;

/** Where a rule is documented: its section of the README. */
export function ruleDocsUrl(rule: { id: string; name: string }): string {
  return `${RULE_DOCS_BASE}#${rule.id.toLowerCase()}-${rule.name}`;
}
