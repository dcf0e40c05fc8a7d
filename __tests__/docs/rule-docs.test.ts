// What derives from the rule modules stays derived: the README's rule table and sections, the
// configuration schema's rule list and `cua-guard --help` say what each rule's meta says.
// When this fails after a change to a rule, run `npm run docs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES } from '../../src/rules/index.ts';
import { ruleDocsUrl } from '../../src/meta.ts';
import { HELP } from '../../src/app/cli/help.ts';
import {
  readmeWithRuleDocs,
  readmeWithVerifyRuleDocs,
  RULES_END,
  RULES_START,
  schemaWithRules,
  VERIFY_RULES_END,
  VERIFY_RULES_START,
} from '../../scripts/lib/rule-docs.ts';
import { VERIFY_RULE_MODULES } from '../../src/azure/rules/index.ts';
import { REPO_ROOT } from '../support/run-dist.ts';

const metas = RULES.map((rule) => rule.meta);
const readme = readFileSync(`${REPO_ROOT}/README.md`, 'utf8');

test('the README rule table and sections are what the rule modules render (npm run docs)', () => {
  assert.equal(readme, readmeWithRuleDocs(readme, metas), 'README.md differs from the rule modules: run `npm run docs`');
  // Prose outside the markers is the README's own; exactly one generated block.
  assert.equal(readme.split(RULES_START).length, 2);
  assert.equal(readme.split(RULES_END).length, 2);
});

test('the README documents every verification rule (CUA1xx) as its module renders it (npm run docs)', () => {
  const verifyMetas = VERIFY_RULE_MODULES.map((rule) => rule.meta);
  assert.equal(readme, readmeWithVerifyRuleDocs(readme, verifyMetas), 'README.md differs from src/azure/rules: run `npm run docs`');
  assert.equal(readme.split(VERIFY_RULES_START).length, 2);
  assert.equal(readme.split(VERIFY_RULES_END).length, 2);
  for (const rule of verifyMetas) assert.ok(readme.includes(`### ${rule.id} ${rule.name}`), `${rule.id} has a section`);
});

test('each rule section heading gets the anchor its documentation links point to', () => {
  const headings = readme.split('\n').filter((line) => line.startsWith('### CUA'));
  // GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces as '-'.
  const anchors = new Set(
    headings.map((h) =>
      h
        .slice(4)
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
  for (const rule of metas) assert.ok(anchors.has(new URL(ruleDocsUrl(rule)).hash.slice(1)), `${rule.id} has a section at ${ruleDocsUrl(rule)}`);
});

test('the configuration schema lists every rule with its name, default severity and description', () => {
  const schema = readFileSync(`${REPO_ROOT}/schema/cua-guard.schema.json`, 'utf8');
  assert.equal(schema, schemaWithRules(schema, metas), 'schema/cua-guard.schema.json differs from the rule modules: run `npm run docs`');
});

test('--help lists every rule from its meta: id, name, default severity and description', () => {
  const flat = HELP.replace(/\s+/g, ' ');
  for (const rule of metas) {
    assert.match(HELP, new RegExp(`^ {2}${rule.id} {2}${rule.name} +${rule.defaultSeverity}$`, 'm'), rule.id);
    assert.ok(flat.includes(rule.description.replace(/\s+/g, ' ')), `${rule.id}'s description`);
  }
});
