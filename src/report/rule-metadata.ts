// What reporters know about rules: the metadata their caller hands them (the application passes
// the registry's RULES). Reporters never import the rule registry, so they sit above the rules in
// the import graph only through this type.
import type { RuleMeta } from '../engine/rule.ts';

/** The rules a report's findings come from, in registry order (SARIF's ruleIndex follows it). */
export type ReportedRules = readonly { readonly meta: RuleMeta }[];

/** An annotation's title: the rule id and its short name ("CUA011 conditional-tracking"). */
export function ruleTitle(rules: ReportedRules, id: string): string {
  const rule = findMeta(rules, id);
  return rule ? `${id} ${rule.name}` : id;
}

export function findMeta(rules: ReportedRules, id: string): RuleMeta | undefined {
  const wanted = id.toUpperCase();
  return rules.find((rule) => rule.meta.id === wanted)?.meta;
}
