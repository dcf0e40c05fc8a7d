// What a template is for: a solution template (the tracking deployment belongs in it), or one that
// only defines or only deploys a managed application (Partner Center attributes those through the
// application's own package, so CUA001 does not apply to them).

export type TemplateKind = 'solution' | 'managed-application-definition' | 'managed-application';

const DEFINITION = 'microsoft.solutions/applicationdefinitions';
const APPLICATION = 'microsoft.solutions/applications';
const DEPLOYMENTS = 'microsoft.resources/deployments';

/** The kind, from the template's own top-level resources (tracking deployments aside). */
export function templateKind(root: Record<string, unknown>): TemplateKind {
  const resources = root['resources'];
  const list: unknown[] = Array.isArray(resources) ? resources : resources !== null && typeof resources === 'object' ? Object.values(resources) : [];
  const types = list
    .map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : undefined))
    .filter((r): r is Record<string, unknown> => r !== undefined && r['existing'] !== true)
    .filter((r) => !(String(r['type'] ?? '').toLowerCase() === DEPLOYMENTS && /^pid-/i.test(String(r['name'] ?? ''))))
    .map((r) => String(r['type'] ?? '').toLowerCase());
  if (types.length === 0 || !types.every((t) => t === DEFINITION || t === APPLICATION)) return 'solution';
  return types.includes(DEFINITION) ? 'managed-application-definition' : 'managed-application';
}
