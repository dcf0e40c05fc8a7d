// `npm run docs`: rewrites the README's rule table and sections (between <!-- rules:start --> and
// <!-- rules:end -->) and the configuration schema's rule list from the rule modules' metadata.
// Run it after adding a rule or changing a rule's name, severity, description or help.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/rules/index.ts';
import { VERIFY_RULE_MODULES } from '../src/azure/rules/index.ts';
import { readmeWithRuleDocs, readmeWithVerifyRuleDocs, schemaWithRules } from './lib/rule-docs.ts';

const README = new URL('../README.md', import.meta.url);
const SCHEMA = new URL('../schema/cua-guard.schema.json', import.meta.url);
const metas = RULES.map((rule) => rule.meta);
const verifyMetas = VERIFY_RULE_MODULES.map((rule) => rule.meta);

for (const [file, render] of [
  [README, (text: string) => readmeWithVerifyRuleDocs(readmeWithRuleDocs(text, metas), verifyMetas)],
  [SCHEMA, (text: string) => schemaWithRules(text, metas)],
] as const) {
  const before = readFileSync(file, 'utf8');
  const after = render(before);
  if (after !== before) writeFileSync(file, after);
  console.log(`${after === before ? 'up to date' : 'updated'}: ${basename(fileURLToPath(file))}`);
}
