import { docsUrl, type Rule } from './rule.ts';

const id = 'CUA017';
const name = 'linked-template-not-checked';

export const cua017: Rule = {
  id,
  name,
  description: 'A linked template could not be checked: it is remote, outside the workspace, missing or not resolvable before deployment',
  defaultSeverity: 'notice',
  docsUrl: docsUrl(id, name),
  check({ model, report }) {
    for (const note of model.linkNotes) {
      if (note.kind === 'unreadable') continue; // CUA013 reports those
      report({
        message: `${note.message}; a tracking resource inside it would not be seen`,
        at: { file: note.from.file, path: [...note.from.path, 'properties', 'templateLink'], at: 'value' },
        // The linking deployment's metadata.cua-guard.ignore can suppress it.
        ...(note.deployment ? { resource: note.deployment } : {}),
      });
    }
  },
};
