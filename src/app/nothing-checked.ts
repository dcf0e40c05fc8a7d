// What a run that checked no template says: what it found instead, so that a required check never
// goes green silently on a repository of Bicep files or under a pattern that matches nothing.
import { describeInventory } from '../workspace/discover.ts';
import type { WorkspaceCheckReport } from './check-workspace.ts';

export function nothingCheckedMessage(report: Pick<WorkspaceCheckReport, 'inventory' | 'linkedTemplates' | 'unreachedTemplates'>): string {
  const found = describeInventory(report.inventory);
  const linked = report.linkedTemplates.length;
  const unreached = report.unreachedTemplates.length;
  const onlyLinked =
    (linked > 0 ? `; ${linked} linked template${linked === 1 ? '' : 's'} and no main template` : '') +
    (unreached > 0
      ? `; ${unreached} template${unreached === 1 ? '' : 's'} not named as a main template (name ${unreached === 1 ? 'it' : 'them'} to check ${unreached === 1 ? 'it' : 'them'})`
      : '');
  return `no ARM template was checked: found ${found}, no ARM template${onlyLinked} (set if-no-templates to warn or ignore to allow this)`;
}
