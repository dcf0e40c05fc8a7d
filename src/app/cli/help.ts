import type { RuleMeta } from '../../engine/rule.ts';
import { RULES } from '../../rules/index.ts';

export const HELP = `cua-guard: checks Azure customer usage attribution (pid- tracking deployments) in ARM templates

Usage:
  cua-guard check [paths...] [options]   check main templates (files, or folders searched for
                                         mainTemplate.json, azuredeploy.json, prereq.azuredeploy.json)
  cua-guard fix [paths...] [options]     repair what is certainly wrong: insert a missing tracking
                                         deployment, set mode Incremental, fix a malformed name, …
  cua-guard new-id [--scope SCOPE]       print a fresh tracking GUID and the resource to paste
  cua-guard help                         show this text
  cua-guard --version

Options for check and fix:
      --tracking-id ID[,ID…]      registered tracking ids (GUIDs, with or without pid-); repeatable
                                  or comma-separated; fix inserts the first one
      --rule ID=SEVERITY[,…]      change a rule's severity: error, warning, notice or off; repeatable
                                  or comma-separated
      --strict-names              forbid a suffix after the GUID in tracking names
      --max-tracking-resources N  tracking deployments allowed per main template (default 1)
      --parameters FILE           parameters file, relative to each template
                                  (default: <template>.parameters.json beside it, when present)
      --workspace DIR             nothing outside DIR is read or written (default: the current folder)
      --if-no-templates MODE      error (default: exit 2 and say what was found instead), warn or ignore
      --marketplace-packages MODE check (default: CUA001 is an error in Marketplace packages too) or
                                  partner-center-adds-id (CUA001 there is a notice: Partner Center adds the id on upload)
      --config FILE               configuration file (default: .cua-guard.json in the workspace, if any);
                                  the flags above override it
Options for check:
  -f, --format text|json|sarif    output format (default text); sarif is SARIF 2.1.0 for code scanning
      --fail-on error|warning|never   which findings make the exit code 1 (default error)
Options for fix:
      --dry-run                   print a unified diff (for git apply) instead of writing the files
      --check                     write nothing; exit 1 when fix would change a file (for CI), else 0
Options for new-id:
      --scope resourceGroup|subscription|managementGroup|tenant   shape of the snippet (default resourceGroup)
Options for every command:
  -h, --help                      show this text (also after a command: cua-guard check --help)

Exit codes: 0 no error-level finding (fix: none left), 1 findings at or above --fail-on (fix: errors
left to fix by hand), 2 usage error, a named path that is missing, outside the workspace or holds
no main template, invalid configuration, or internal error.

${rulesHelp(RULES.map((rule) => rule.meta))}`;

/** Every rule from its own metadata: id, name and default severity, then its description wrapped. */
export function rulesHelp(rules: readonly RuleMeta[]): string {
  // Constants inside: HELP is built while this module loads, before module-level ones exist.
  const width = 100;
  const indent = '        ';
  const nameWidth = Math.max(...rules.map((rule) => rule.name.length));
  const lines = ['Rules (default severity; change it with --rule ID=SEVERITY or "rules" in .cua-guard.json):'];
  for (const rule of rules) {
    lines.push(`  ${rule.id}  ${rule.name.padEnd(nameWidth)}  ${rule.defaultSeverity}`);
    lines.push(...wrap(rule.description, width - indent.length).map((line) => `${indent}${line}`));
  }
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
