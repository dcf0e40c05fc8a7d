import { isRecord } from '../parse/template-source.ts';
import { docsUrl, nameOf, propertyRef, type Rule } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const id = 'CUA008';
const name = 'tracking-template-not-empty';

export const cua008: Rule = {
  id,
  name,
  description: "The tracking deployment's template is not an inline template with no resources",
  defaultSeverity: 'warning',
  docsUrl: docsUrl(id, name),
  check({ candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const properties = isRecord(entry.resource['properties']) ? entry.resource['properties'] : {};
      if (properties['templateLink'] !== undefined) {
        report({ message: `tracking deployment ${nameOf(candidate)} uses templateLink; use an inline empty template so it deploys nothing and needs no download`, at: propertyRef(entry, 'properties', 'templateLink'), resource: entry });
        continue;
      }
      const template = properties['template'];
      if (!isRecord(template)) {
        report({ message: `tracking deployment ${nameOf(candidate)} has no inline properties.template; give it an empty template ({"$schema": …, "contentVersion": "1.0.0.0", "resources": []})`, at: propertyRef(entry, 'properties', 'template'), resource: entry });
        continue;
      }
      const count = resourceCount(template['resources']);
      if (count > 0) {
        report({ message: `tracking deployment ${nameOf(candidate)} deploys ${count} resource(s); its template should be empty so it tracks without side effects`, at: propertyRef(entry, 'properties', 'template', 'resources'), resource: entry });
      }
    }
  },
};

function resourceCount(resources: unknown): number {
  if (Array.isArray(resources)) return resources.length;
  if (isRecord(resources)) return Object.keys(resources).length;
  return 0;
}
