// The command line checks each configuration group on its own (one per `.cua-guard.json`), and
// reports them as one run over one link graph: a template that a main template of any group
// reaches is a linked template of the whole run (no CUA001 on it, not a main template), unless
// the user named it, as one run over all the paths would have it. A template two groups found
// counts once, with the first group's result (the most specific configuration).
import { countFindings, templateRoles, uncheckedBicepProblem, unreachedProblem, type WorkspaceCheckReport } from '../check-workspace.ts';
import type { TemplateResult } from '../../engine/types.ts';
import { templateKind, type DiscoveryProblem } from '../../workspace/discover.ts';
import { TOOL_NAME, TOOL_VERSION } from '../../meta.ts';

export interface GroupReport {
  report: WorkspaceCheckReport;
  /** Templates named for the group (a command-line path, an include pattern): main templates whatever links to them. */
  named: ReadonlySet<string>;
}

/** `groups`: most specific configuration first. */
export function mergeGroupReports(groups: readonly GroupReport[]): WorkspaceCheckReport {
  const results = new Map<string, TemplateResult>();
  const named = new Set<string>();
  for (const { report, named: groupNamed } of groups) {
    for (const file of report.files) if (!results.has(file.path)) results.set(file.path, file);
    for (const file of groupNamed) named.add(file);
  }
  const sorted = [...results.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Terraform modules are folders checked on their own, outside the template link graph (as in one group).
  const graph = sorted.filter((file) => templateKind(file.path) !== 'terraform');
  const roles = templateRoles(
    graph.map((file) => ({ path: file.path, by: named.has(file.path) ? ('named' as const) : ('name' as const) })),
    graph.map((file) => ({ file: file.path, linkTargets: file.linkTargets ?? file.linkedFiles })),
  );
  const files = sorted.filter((file) => templateKind(file.path) === 'terraform' || roles.main.has(file.path));
  const mains = new Set(files.map((file) => file.path));
  const reached = new Set(files.flatMap((file) => file.linkedFiles));
  const linked = new Set(groups.flatMap(({ report }) => report.linkedTemplates));
  for (const file of graph) if (!mains.has(file.path)) linked.add(file.path);
  const unreached = new Set(groups.flatMap(({ report }) => report.unreachedTemplates).filter((file) => !mains.has(file)));
  for (const file of unreached) if (reached.has(file)) linked.add(file);
  const stillUnreached = [...unreached].filter((file) => !linked.has(file)).sort();
  // One line for the templates no group reaches (each group's line named those it did not reach).
  const problems = groups.flatMap(({ report }) => report.problems).filter((problem) => problem.kind !== 'unreached' && problem.kind !== 'unchecked-bicep');
  if (stillUnreached.length > 0) problems.push(unreachedProblem(stillUnreached));
  // The same for .bicep files no group took: one line, without those another group checks or reaches.
  const uncheckedBicep = new Set(groups.flatMap(({ report }) => report.problems.filter((p) => p.kind === 'unchecked-bicep').flatMap((p) => p.files ?? [])));
  const stillUnchecked = [...uncheckedBicep].filter((file) => !mains.has(file) && !reached.has(file) && !linked.has(file)).sort();
  if (stillUnchecked.length > 0 && files.length > 0) problems.push(uncheckedBicepProblem(stillUnchecked));
  const inventory: WorkspaceCheckReport['inventory'] = { byExtension: {}, otherJson: 0 };
  for (const { report } of groups) {
    for (const [extension, n] of Object.entries(report.inventory.byExtension)) inventory.byExtension[extension] = (inventory.byExtension[extension] ?? 0) + n;
    inventory.otherJson += report.inventory.otherJson;
  }
  return {
    tool: groups.at(-1)?.report.tool ?? { name: TOOL_NAME, version: TOOL_VERSION },
    files,
    counts: countFindings(files),
    problems: uniqueProblems(problems),
    linkedTemplates: [...linked].filter((file) => !mains.has(file)).sort(),
    unreachedTemplates: stillUnreached,
    inventory,
  };
}

export function uniqueProblems(problems: readonly DiscoveryProblem[]): DiscoveryProblem[] {
  const byMessage = new Map<string, DiscoveryProblem>();
  for (const problem of problems) if (!byMessage.has(problem.message)) byMessage.set(problem.message, problem);
  return [...byMessage.values()];
}
