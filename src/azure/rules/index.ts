// The verification rules, in id order (the README lists them in this order; `npm run docs`).
import { cua100 } from './cua100-azure-request-failed.ts';
import { cua101 } from './cua101-deployment-failed.ts';
import { cua102 } from './cua102-tracking-missing.ts';
import { cua103 } from './cua103-tracking-not-succeeded.ts';
import { cua104 } from './cua104-nothing-tracked.ts';
import { cua105 } from './cua105-preview-missing-tracking.ts';
import { cua106 } from './cua106-preflight-failed.ts';
import { cua107 } from './cua107-stopped.ts';
import { cua108 } from './cua108-template-not-deployable.ts';
import { cua109 } from './cua109-not-established.ts';
import type { VerifyRule } from './rule.ts';

export { cua100, cua101, cua102, cua103, cua104, cua105, cua106, cua107, cua108, cua109 };
export type { VerifyRule } from './rule.ts';

export const VERIFY_RULE_MODULES: readonly VerifyRule[] = [cua100, cua101, cua102, cua103, cua104, cua105, cua106, cua107, cua108, cua109];
