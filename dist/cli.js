#!/usr/bin/env node
import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  trackingResource
} from "./chunks/chunk-GU4IXQC6.js";
import {
  checkWorkspace,
  formatJson,
  formatSarif,
  loadConfiguration,
  resolveSettings
} from "./chunks/chunk-QJLXAHTO.js";
import "./chunks/chunk-2YOUWXLX.js";
import "./chunks/chunk-RNIAQ65H.js";
import {
  UsageError,
  parseChoice,
  parsePositiveInteger,
  parseRuleSeverities,
  parseTrackingIds
} from "./chunks/chunk-F4RSYQYD.js";
import "./chunks/chunk-POAORTRJ.js";
import {
  openWorkspace
} from "./chunks/chunk-2HH2WG4V.js";
import "./chunks/chunk-NE42B3TH.js";
import "./chunks/chunk-TGSJW3MB.js";
import {
  TOOL_VERSION
} from "./chunks/chunk-DTOGA5AF.js";
import "./chunks/chunk-7WF6B6PZ.js";
import "./chunks/chunk-PGJEXBYH.js";
import "./chunks/chunk-ARP5BQKI.js";

// src/cli/cli.ts
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

// src/reporters/text.ts
function formatFindingLine(finding) {
  const suppressed = finding.suppressed ? ` (suppressed: ${finding.suppressed.reason})` : "";
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}${suppressed}`;
}
function formatText(report) {
  const lines = [];
  for (const problem of report.problems ?? []) lines.push(`cua-guard: ${problem.message}`);
  for (const file of report.files) {
    for (const finding of file.findings) lines.push(formatFindingLine(finding));
  }
  const failed = report.files.filter((f) => f.verdict === "fail").length;
  const { error, warning, notice, suppressed } = report.counts;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    `${plural(report.files.length, "template")} checked, ${failed} failed: ${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(notice, "notice")}` + (suppressed > 0 ? `, ${suppressed} suppressed` : "")
  );
  return `${lines.join("\n")}
`;
}

// src/cli/help.ts
var HELP = `cua-guard: checks Azure customer usage attribution (pid- tracking deployments) in ARM templates

Usage:
  cua-guard check [paths...] [options]   check main templates (files, or folders searched for
                                         mainTemplate.json, azuredeploy.json, prereq.azuredeploy.json)
  cua-guard fix [paths...] [options]     repair what is certainly wrong: insert a missing tracking
                                         deployment, set mode Incremental, fix a malformed name, \u2026
  cua-guard new-id [--scope SCOPE]       print a fresh tracking GUID and the resource to paste
  cua-guard help                         show this text
  cua-guard --version

Options for check and fix:
      --tracking-id ID            a registered tracking id (GUID, with or without pid-); repeatable;
                                  fix inserts the first one
      --rule ID=SEVERITY          change a rule's severity: error, warning, notice or off; repeatable
      --strict-names              forbid a suffix after the GUID in tracking names
      --max-tracking-resources N  tracking deployments allowed per main template (default 1)
      --parameters FILE           parameters file, relative to each template
                                  (default: <template>.parameters.json beside it, when present)
      --workspace DIR             nothing outside DIR is read or written (default: the current folder)
      --config FILE               configuration file (default: .cua-guard.json in the workspace, if any);
                                  the flags above override it
Options for check:
  -f, --format text|json|sarif    output format (default text); sarif is SARIF 2.1.0 for code scanning
      --fail-on error|warning|never   which findings make the exit code 1 (default error)
Options for fix:
      --dry-run                   print a unified diff (for git apply) instead of writing the files
Options for new-id:
      --scope resourceGroup|subscription|managementGroup|tenant   shape of the snippet (default resourceGroup)

Exit codes: 0 no error-level finding (fix: none left), 1 findings at or above --fail-on (fix: errors
left to fix by hand), 2 usage error, invalid configuration or internal error.
`;

// src/cli/cli.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_USAGE = 2;
async function runCli(argv, io) {
  try {
    const [command, ...rest] = argv;
    if (command === void 0 || command === "help" || command === "--help" || command === "-h") {
      io.stdout(HELP);
      return command === void 0 ? EXIT_USAGE : EXIT_OK;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${TOOL_VERSION}
`);
      return EXIT_OK;
    }
    if (command === "check") return await runCheck(rest, io);
    if (command === "fix") return await runFix(rest, io);
    if (command === "new-id") return runNewId(rest, io);
    throw new UsageError(`unknown command '${command}' (try 'cua-guard help')`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cua-guard: ${error.message}
`);
    } else {
      io.stderr(`cua-guard: internal error: ${error instanceof Error ? error.message : String(error)}
`);
    }
    return EXIT_USAGE;
  }
}
var COMMON_OPTIONS = {
  "tracking-id": { type: "string", multiple: true, default: [] },
  rule: { type: "string", multiple: true, default: [] },
  "strict-names": { type: "boolean" },
  "max-tracking-resources": { type: "string", default: "" },
  parameters: { type: "string" },
  workspace: { type: "string" },
  config: { type: "string" }
};
var CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: "string", short: "f", default: "text" },
  "fail-on": { type: "string", default: "error" }
};
var FIX_OPTIONS = {
  ...COMMON_OPTIONS,
  "dry-run": { type: "boolean", default: false }
};
var NEW_ID_OPTIONS = {
  scope: { type: "string", default: "resourceGroup" }
};
async function prepare(values, io) {
  const explicit = {
    ...values.rule.length > 0 ? { severities: parseRuleSeverities(values.rule) } : {},
    ...values["tracking-id"].length > 0 ? { trackingIds: parseTrackingIds(values["tracking-id"]) } : {},
    ...values["strict-names"] !== void 0 ? { strictNames: values["strict-names"] } : {},
    ...values["max-tracking-resources"].trim() !== "" ? { maxTrackingResources: parsePositiveInteger(values["max-tracking-resources"], "--max-tracking-resources", 1) } : {}
  };
  const workspace = openWorkspaceOrFail(values.workspace ?? io.cwd, io.cwd);
  const config = await loadConfiguration({ workspaceRoot: workspace.root, ...values.config ? { explicit: values.config, baseDir: io.cwd } : {} });
  return { workspace, resolved: resolveSettings(config?.config, explicit) };
}
async function runCheck(args, io) {
  const { values, positionals } = parseCliArgs(args, CHECK_OPTIONS);
  const format = parseChoice(values.format, "--format", ["text", "json", "sarif"], "text");
  const failOn = parseChoice(values["fail-on"], "--fail-on", ["error", "warning", "never"], "error");
  const { workspace, resolved } = await prepare(values, io);
  const patterns = resolved.patterns();
  const report = checkWorkspace({
    workspace,
    settings: resolved.base,
    settingsFor: resolved.settingsFor,
    paths: positionals.length > 0 ? positionals : [io.cwd],
    cwd: io.cwd,
    ...patterns.length > 0 ? { patterns } : {},
    ...values.parameters ? { parametersFile: values.parameters } : {}
  });
  io.stdout(format === "json" ? formatJson(report) : format === "sarif" ? formatSarif(report, { workspaceRoot: workspace.root }) : formatText(report));
  if (report.problems.length > 0 && report.files.length === 0) return EXIT_USAGE;
  if (failOn === "never") return EXIT_OK;
  if (report.counts.error > 0) return EXIT_FINDINGS;
  return failOn === "warning" && report.counts.warning > 0 ? EXIT_FINDINGS : EXIT_OK;
}
async function runFix(args, io) {
  const { values, positionals } = parseCliArgs(args, FIX_OPTIONS);
  const { workspace, resolved } = await prepare(values, io);
  const { fixWorkspace, unifiedDiff } = await import("./chunks/fix-5OBN2D4R.js");
  const patterns = resolved.patterns();
  const dryRun = values["dry-run"];
  const report = fixWorkspace({
    workspace,
    paths: positionals.length > 0 ? positionals : [io.cwd],
    cwd: io.cwd,
    ...patterns.length > 0 ? { patterns } : {},
    settingsFor: resolved.settingsFor,
    ...values.parameters ? { parametersFile: values.parameters } : {},
    write: !dryRun
  });
  const say = dryRun ? io.stderr : io.stdout;
  for (const problem of report.problems) io.stderr(`cua-guard: ${problem.message}
`);
  for (const file of report.files) {
    for (const change of file.changes) say(`${file.file}:${change.line}: ${dryRun ? "would have " : ""}${change.message}
`);
    for (const note of file.notes) say(`${file.file}: ${note}
`);
  }
  if (dryRun) io.stdout(await unifiedDiff(report.files));
  const changed = report.files.filter((f) => f.fixed !== f.original).length;
  const remaining = report.files.filter((f) => f.remainingErrors.length > 0 || f.skipped !== void 0).length;
  say(
    `${report.files.length} template(s): ${changed} ${dryRun ? "would change" : "changed"}, ${report.files.length - changed} unchanged` + (remaining > 0 ? `; ${remaining} still ha${remaining === 1 ? "s" : "ve"} errors to fix by hand
` : "\n")
  );
  if (report.problems.length > 0 && report.files.length === 0) return EXIT_USAGE;
  return remaining > 0 ? EXIT_FINDINGS : EXIT_OK;
}
var SCOPES = ["resourceGroup", "subscription", "managementGroup", "tenant"];
function runNewId(args, io) {
  const { values, positionals } = parseCliArgs(args, NEW_ID_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`new-id takes no arguments (got '${positionals[0]}')`);
  const scope = parseChoice(values.scope, "--scope", SCOPES, "resourceGroup");
  const id = randomUUID();
  const resource = JSON.stringify(trackingResource(id, scope), null, 2);
  io.stdout(
    `${id}

Register this GUID for your offer in Partner Center, then add this resource as the first element of the main template's "resources"
(or run: cua-guard fix --tracking-id ${id}):

${resource}
`
  );
  return EXIT_OK;
}
function parseCliArgs(args, options) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
function openWorkspaceOrFail(path, cwd) {
  try {
    return openWorkspace(path.startsWith("/") ? path : `${cwd}/${path}`);
  } catch {
    throw new UsageError(`workspace '${path}' does not exist`);
  }
}

// src/cli/cli-entry.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
});
