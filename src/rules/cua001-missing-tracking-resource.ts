import { docsUrl, hasStaticError, type Rule } from './rule.ts';
import { topLevelTrackingDeployments } from './tracking-set.ts';
import { isDeploymentType } from '../model/template-model.ts';
import { knownPrefix } from '../expressions/value.ts';

const id = 'CUA001';
const name = 'missing-tracking-resource';

export const cua001: Rule = {
  id,
  name,
  description: 'The main template deploys no top-level Microsoft.Resources/deployments resource named pid-…',
  defaultSeverity: 'error',
  docsUrl: docsUrl(id, name),
  check({ model, candidates, report }) {
    if (topLevelTrackingDeployments(candidates).length > 0) return;
    const elsewhere = candidates.length > 0 ? ' (a pid- resource exists, but not as a top-level deployment: see the other findings)' : '';
    const unresolved = model.resources.filter(
      (r) => r.placement === 'top-level' && isDeploymentType(r.type) && knownPrefix(r.name) === '' && typeof r.resource['name'] === 'string' && !hasStaticError(r),
    ).length;
    const hint = unresolved > 0 ? `; ${unresolved} top-level deployment name(s) could not be resolved and might be it` : '';
    const hasResources = 'resources' in model.main.root;
    report({
      message: `no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'${elsewhere}${hint}`,
      at: { file: model.main.file, path: hasResources ? ['resources'] : [], at: hasResources ? 'key' : 'value' },
    });
  },
};
