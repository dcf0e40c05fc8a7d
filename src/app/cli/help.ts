import type { RuleMeta } from '../../engine/rule.ts';
import { RULES } from '../../rules/index.ts';

const COMMON_HELP = `      --tracking-id ID[,ID…]      registered tracking ids (GUIDs, with or without pid-); repeatable
                                  or comma-separated; fix inserts the first one
      --rule ID=SEVERITY[,…]      change a rule's severity: error, warning, notice or off; repeatable
                                  or comma-separated
      --strict-names              forbid a suffix after the GUID in tracking names
      --max-tracking-resources N  tracking deployments allowed per main template (default 1)
      --parameters FILE           parameters file, relative to each template
                                  (default: <template>.parameters.json beside it, when present)
      --workspace DIR             nothing outside DIR is read or written (default: the root of the git
                                  repository holding the paths, or the path itself outside git)
      --config FILE               configuration file (default: the nearest .cua-guard.json from each
                                  path up to the workspace root); the flags above override it
      --if-no-templates MODE      error (default: exit 2 and say what was found instead), warn or ignore
      --marketplace-packages MODE check (default: CUA001 is an error in Marketplace packages too) or
                                  partner-center-adds-id (CUA001 there is a notice: Partner Center adds the id on upload)
  -h, --help                      show this text`;

const PATHS_HELP = `Paths are files (checked whatever their name) or folders (searched for mainTemplate.json,
azuredeploy.json, prereq.azuredeploy.json, main.bicep, mainTemplate.bicep, azuredeploy.bicep);
default the current folder. Any path works, also outside the current folder.`;

const EXIT_HELP = `Exit codes: 0 no error-level finding (fix: none left), 1 findings at or above --fail-on or more
warnings than --max-warnings (fix: errors left to fix by hand), 2 usage error, a named path that is
missing, outside the workspace or holds no main template, invalid configuration, or internal error.`;

export const CHECK_HELP = `Usage: cua-guard check [paths...] [options]

Checks customer usage attribution in ARM templates.

${PATHS_HELP}

Options:
  -f, --format FORMAT             text (default), json, sarif (SARIF 2.1.0 for code scanning),
                                  azure-pipelines (##vso logging commands), gitlab (Code Quality JSON)
  -o, --output-file FILE          write the report to FILE instead of standard output
      --fail-on error|warning|never   which findings make the exit code 1 (default error)
      --max-warnings N            exit 1 when there are more than N warnings
      --quiet                     report errors only
      --color, --no-color         colours or none (default: colours on a terminal, unless NO_COLOR is set)
${COMMON_HELP}

${EXIT_HELP}
`;

export const FIX_HELP = `Usage: cua-guard fix [paths...] [options]

Repairs what is certainly wrong: inserts a missing tracking deployment, sets mode Incremental,
fixes a malformed name, … Each file is rewritten in place.

${PATHS_HELP}

Options:
      --dry-run                   print a unified diff (for git apply) instead of writing the files
      --check                     write nothing; exit 1 when fix would change a file (for CI), else 0
${COMMON_HELP}

${EXIT_HELP}
`;

export const NEW_ID_HELP = `Usage: cua-guard new-id [--scope SCOPE]

Prints a fresh tracking GUID and the tracking resource to paste into a main template. For a
Marketplace offer, use the tracking GUID shown on the plan's Technical configuration page in
Partner Center instead; for other uses, register the GUID this prints.

Options:
      --scope resourceGroup|subscription|managementGroup|tenant   shape of the snippet (default resourceGroup)
  -h, --help                      show this text
`;

export const HELP = `cua-guard: checks Azure customer usage attribution (pid- tracking deployments) in ARM templates

Usage:
  cua-guard check [paths...] [options]   check main templates (files, or folders searched for
                                         mainTemplate.json, azuredeploy.json, main.bicep, …)
  cua-guard fix [paths...] [options]     repair what is certainly wrong: insert a missing tracking
                                         deployment, set mode Incremental, fix a malformed name, …
  cua-guard new-id [--scope SCOPE]       print a fresh tracking GUID and the resource to paste
  cua-guard help [command]               show this text, or a command's options
  cua-guard --version

Examples:
  npx cua-guard check .                  every main template in this folder and below
  npx cua-guard check ~/src/offer -f sarif -o cua-guard.sarif
  npx cua-guard fix --tracking-id <GUID> --dry-run | git apply

Run 'cua-guard <command> --help' for the options of a command.

${EXIT_HELP}

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
