// Every rule, in id order. Adding a rule means adding its module here (and `npm run docs`).
import type { AnyRule } from '../engine/rule.ts';
import { cua001 } from './cua001-missing-tracking-resource.ts';
import { cua002 } from './cua002-duplicate-tracking-resource.ts';
import { cua003 } from './cua003-invalid-tracking-name.ts';
import { cua004 } from './cua004-tracking-in-nested-template.ts';
import { cua005 } from './cua005-tracking-in-linked-template.ts';
import { cua006 } from './cua006-tracking-name-wrong-type.ts';
import { cua007 } from './cua007-tracking-mode.ts';
import { cua008 } from './cua008-tracking-template-not-empty.ts';
import { cua009 } from './cua009-unregistered-tracking-id.ts';
import { cua010 } from './cua010-unresolved-tracking-name.ts';
import { cua011 } from './cua011-conditional-tracking.ts';
import { cua012 } from './cua012-tracking-location.ts';
import { cua013 } from './cua013-invalid-template.ts';
import { cua014 } from './cua014-tracking-api-version.ts';
import { cua015 } from './cua015-fixed-name-at-higher-scope.ts';
import { cua016 } from './cua016-invalid-expression.ts';
import { cua017 } from './cua017-linked-template-not-checked.ts';
import { cua201 } from './cua201-missing-partner-id.ts';
import { cua202 } from './cua202-invalid-partner-id.ts';
import { cua203 } from './cua203-unregistered-partner-id.ts';
import { cua204 } from './cua204-unresolved-partner-id.ts';
import { cua205 } from './cua205-unreadable-terraform.ts';

// ARM rules (CUA0xx) and Terraform rules (CUA2xx): each says in its meta which source it checks.
export const RULES: readonly AnyRule[] = [
  cua001,
  cua002,
  cua003,
  cua004,
  cua005,
  cua006,
  cua007,
  cua008,
  cua009,
  cua010,
  cua011,
  cua012,
  cua013,
  cua014,
  cua015,
  cua016,
  cua017,
  cua201,
  cua202,
  cua203,
  cua204,
  cua205,
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): AnyRule | undefined {
  return BY_ID.get(id.toUpperCase());
}

/** An annotation's title: the rule id and its short name ("CUA011 conditional-tracking"). */
export function ruleTitle(id: string): string {
  const rule = findRule(id);
  return rule ? `${id} ${rule.meta.name}` : id;
}
