// The tracking deployment should deploy nothing: an inline template with no resources tracks
// without side effects and needs no download. The repair adds the empty template where there is
// none; resources in it and a templateLink are left to people (fix never deletes anything).
import type { Fix, Rule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { emptyTemplate } from '../model/tracking-resource.ts';
import type { TrackingCandidate } from '../model/tracking-candidates.ts';
import type { TemplateModel } from '../model/template-model.ts';
import { isRecord } from '../parse/template-source.ts';
import { isFixableHere, NOT_HERE, propertyRef } from './rule.ts';
import { trackingDeployments } from './tracking-set.ts';

const messages = {
  templateLink: "tracking deployment '{{name}}' uses templateLink; use an inline empty template so it deploys nothing and needs no download",
  noTemplate:
    'tracking deployment \'{{name}}\' has no inline properties.template; give it an empty template ({"$schema": …, "contentVersion": "1.0.0.0", "resources": []})',
  hasResources: "tracking deployment '{{name}}' deploys {{count}} resource(s); its template should be empty so it tracks without side effects",
} as const;

export const cua008: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA008',
    name: 'tracking-template-not-empty',
    description: "The tracking deployment's template is not an inline template with no resources",
    help: [
      "The tracking deployment's template is not an inline template with no resources: it has resources, or it uses `templateLink`. The tracking deployment exists only to be seen by Partner Center; an empty inline template deploys nothing and needs no download.",
      '',
      '`cua-guard fix` adds an empty inline template when there is none; it never deletes resources from the template or replaces a `templateLink`.',
      '',
      'Passes: `"template": { "$schema": "…", "contentVersion": "1.0.0.0", "resources": [] }`.',
      'Fails: `"templateLink": { "uri": "https://…/empty.json" }`, or `"resources": [ { "type": "Microsoft.Storage/…" } ]` inside it.',
    ].join('\n'),
    defaultSeverity: 'warning',
    precision: 'very-high',
    messages,
    notFixable: "fix never deletes resources from the tracking deployment's template",
  },
  check({ model, candidates, report }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const properties = isRecord(entry.resource['properties']) ? entry.resource['properties'] : {};
      if (properties['templateLink'] !== undefined) {
        report({
          messageId: 'templateLink',
          data: { name },
          at: propertyRef(entry, 'properties', 'templateLink'),
          resource: entry,
          notFixable: 'fix never replaces a templateLink',
        });
        continue;
      }
      const template = properties['template'];
      if (!isRecord(template)) {
        const fixable = isFixableHere(entry, model);
        const fix = fixable ? addTemplate(candidate, model) : undefined;
        const why = fixable ? 'properties.template is there but is not an object; replace it by hand' : NOT_HERE;
        report({
          messageId: 'noTemplate',
          data: { name },
          at: propertyRef(entry, 'properties', 'template'),
          resource: entry,
          ...(fix ? { fix } : { notFixable: why }),
        });
        continue;
      }
      const count = resourceCount(template['resources']);
      if (count > 0) {
        report({ messageId: 'hasResources', data: { name, count }, at: propertyRef(entry, 'properties', 'template', 'resources'), resource: entry });
      }
    }
  },
};

/** Adds the empty template to the properties, or properties with it when there are none. */
function addTemplate({ entry, name }: TrackingCandidate, model: TemplateModel): Fix | undefined {
  const label = truncate(name.display);
  const properties = entry.resource['properties'];
  const value = emptyTemplate(model.scope);
  if (properties === undefined) {
    return {
      file: entry.source.file,
      operations: [{ kind: 'insert', path: [...entry.path, 'properties'], value: { template: value } }],
      description: `added properties with an empty inline template to '${label}'`,
    };
  }
  // Something that is not a template is there: replacing it is not sure to be right.
  if (!isRecord(properties) || properties['template'] !== undefined) return undefined;
  return {
    file: entry.source.file,
    operations: [{ kind: 'insert', path: [...entry.path, 'properties', 'template'], value }],
    description: `added an empty inline template to '${label}'`,
  };
}

function resourceCount(resources: unknown): number {
  if (Array.isArray(resources)) return resources.length;
  if (isRecord(resources)) return Object.keys(resources).length;
  return 0;
}
