// Inline suppression in HCL, mirroring `metadata.cua-guard` in JSON templates: a comment
// `# cua-guard-ignore CUA201 CUA203: why` (or `//`, `/* … */`) directly above a block, or inside
// it, suppresses those rules' findings about that block; `*` names every rule. Without a reason
// the finding is still suppressed, as in JSON, and says "no reason given".
import type { HclComment, HclFile, HclSpan } from '../../parse/hcl/types.ts';

const DIRECTIVE = /^cua-guard-ignore\s+([A-Za-z0-9*,\s]*?)\s*(?::\s*([\s\S]*))?$/;

export interface HclSuppression {
  ruleIds: readonly string[];
  reason?: string;
}

export function parseSuppressionComment(comment: string): HclSuppression | undefined {
  const body = comment
    .replace(/^(#|\/\/)\s*/, '')
    .replace(/^\/\*\s*([\s\S]*?)\s*\*\/$/, '$1')
    .trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const ruleIds = (match[1] ?? '').split(/[\s,]+/).filter((id) => id !== '');
  if (ruleIds.length === 0) return undefined;
  const reason = match[2]?.trim();
  return { ruleIds: ruleIds.map((id) => id.toUpperCase()), ...(reason ? { reason } : {}) };
}

/** The comments that speak for a block: the run of comments right above it, and those inside it. */
function commentsFor(file: HclFile, block: HclSpan): HclComment[] {
  const inside = file.comments.filter((c) => c.span.offset >= block.offset && c.span.end <= block.end);
  const above: HclComment[] = [];
  let boundary = block.offset;
  for (let i = file.comments.length - 1; i >= 0; i--) {
    const comment = file.comments[i] as HclComment;
    if (comment.span.end > boundary) continue;
    if (file.text.slice(comment.span.end, boundary).trim() !== '') break;
    above.push(comment);
    boundary = comment.span.offset;
  }
  return [...above, ...inside];
}

export function hclSuppressionFor(file: HclFile, block: HclSpan, ruleId: string): { reason: string } | undefined {
  for (const comment of commentsFor(file, block)) {
    const directive = parseSuppressionComment(comment.text);
    if (directive && directive.ruleIds.some((id) => id === ruleId || id === '*')) return { reason: directive.reason ?? 'no reason given' };
  }
  return undefined;
}
