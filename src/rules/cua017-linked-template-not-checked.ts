// A linked template the check could not follow: a tracking resource inside it would not be seen,
// so the verdict on the main template holds only for what was read.
import type { Rule } from '../engine/rule.ts';
import type { LinkNote } from '../model/linked-templates.ts';

/** Why the link was not followed; the note (from the model) says what was tried. */
const messages = {
  remote: '{{problem}}; a tracking resource inside it would not be seen',
  remoteHost: '{{count}} linked templates on {{host}} are remote and were not fetched ({{urls}}); a tracking resource inside them would not be seen',
  'outside-workspace': '{{problem}}; a tracking resource inside it would not be seen',
  unresolved: '{{problem}}; a tracking resource inside it would not be seen',
  missing: '{{problem}}; a tracking resource inside it would not be seen',
} as const satisfies Record<Exclude<LinkNote['kind'], 'unreadable'>, string> & Record<string, string>;

export const cua017: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA017',
    name: 'linked-template-not-checked',
    description: 'A linked template could not be checked: it is remote, outside the workspace, missing or not resolvable before deployment',
    help: [
      'A linked template could not be checked: it is remote (`https://…`), outside the workspace, missing, or its path is not known before deployment. A tracking resource inside it would not be seen.',
      '',
      'Links into this repository are followed whatever their form: `relativePath`; a `uri` built from the template\'s own location, `_artifactsLocation` or any other base parameter or variable; this repository\'s own GitHub URLs (`raw.githubusercontent.com/<owner>/<repo>/<ref>/…`, `github.com/<owner>/<repo>/raw/<ref>/…`, any ref mapped to the checked-out tree); URL prefixes the configuration maps to folders (`"links": { "https://example.blob.core.windows.net/templates/": "src/templates/" }`); and, when the path is not found beside the template, the one repository file that ends with it. One notice is given per distinct target per main template, remote ones one per host.',
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
    // One notice per distinct target per main template (a shared module reached seven times is
    // one notice), remote ones one per host; each at the first deployment that links there.
    const groups = new Map<string, LinkNote[]>();
    for (const note of model.linkNotes) {
      if (note.kind === 'unreadable') continue; // CUA013 reports those
      const key = note.remote ? `remote ${note.remote.host}` : `${note.kind} ${note.message}`;
      const group = groups.get(key);
      if (group) group.push(note);
      else groups.set(key, [note]);
    }
    for (const notes of groups.values()) {
      const [first] = notes as [LinkNote, ...LinkNote[]];
      const kind = first.kind as keyof typeof messages;
      const at = { file: first.from.file, path: [...first.from.path, 'properties', 'templateLink'], at: 'value' as const };
      // The linking deployment's metadata.cua-guard.ignore can suppress it.
      const resource = first.deployment ? { resource: first.deployment } : {};
      const urls = [...new Set(notes.map((n) => n.remote?.url ?? n.message))];
      if (first.remote && urls.length > 1) {
        const shown = urls.length > 3 ? `${urls.slice(0, 3).join(', ')} and ${urls.length - 3} more` : urls.join(', ');
        report({ messageId: 'remoteHost', data: { count: urls.length, host: first.remote.host, urls: shown }, at, ...resource });
      } else report({ messageId: kind, data: { problem: first.message }, at, ...resource });
    }
  },
};
