// A linked template the check could not follow: a tracking resource inside it would not be seen,
// so the verdict on the main template holds only for what was read.
import type { Rule } from '../engine/rule.ts';
import type { LinkNote } from '../model/linked-templates.ts';

/** Why the link was not followed; the note (from the model) says what was tried. */
const messages = {
  remote: '{{problem}}; a tracking resource inside it would not be seen',
  'outside-workspace': '{{problem}}; a tracking resource inside it would not be seen',
  unresolved: '{{problem}}; a tracking resource inside it would not be seen',
  missing: '{{problem}}; a tracking resource inside it would not be seen',
} as const satisfies Record<Exclude<LinkNote['kind'], 'unreadable'>, string>;

export const cua017: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA017',
    name: 'linked-template-not-checked',
    description: 'A linked template could not be checked: it is remote, outside the workspace, missing or not resolvable before deployment',
    help: [
      'A linked template could not be checked: it is remote (`https://…`), outside the workspace, missing, or its path is not known before deployment. A tracking resource inside it would not be seen.',
      '',
      'Keep linked templates in the repository and link them with `relativePath` so they can be checked, or verify the remote template yourself. Once it is verified, suppress the finding on the linking deployment: `"metadata": { "cua-guard": { "ignore": ["CUA017"], "reason": "…" } }`.',
      '',
      'Fails:',
      '```json',
      '"templateLink": { "uri": "https://example.com/templates/network.json" }',
      '```',
      'Passes, with the file present (or a `uri` built from `_artifactsLocation`, whatever its default, plus a path to a file in the package):',
      '```json',
      '"templateLink": { "relativePath": "nestedtemplates/network.json" }',
      '```',
    ].join('\n'),
    defaultSeverity: 'notice',
    precision: 'medium',
    messages,
    notFixable: 'fix does not read remote templates',
  },
  check({ model, report }) {
    for (const note of model.linkNotes) {
      if (note.kind === 'unreadable') continue; // CUA013 reports those
      report({
        messageId: note.kind,
        data: { problem: note.message },
        at: { file: note.from.file, path: [...note.from.path, 'properties', 'templateLink'], at: 'value' },
        // The linking deployment's metadata.cua-guard.ignore can suppress it.
        ...(note.deployment ? { resource: note.deployment } : {}),
      });
    }
  },
};
