import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  appendSummary,
  debug,
  error,
  getInput,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  warning
} from "./chunks/chunk-3BYEBUMD.js";
import {
  DEFAULT_CHECK_SETTINGS,
  applyLayers,
  checkWorkspace,
  countFindings,
  formatJson,
  formatSarif,
  loadConfiguration,
  resolveSettings
} from "./chunks/chunk-QJLXAHTO.js";
import "./chunks/chunk-2YOUWXLX.js";
import "./chunks/chunk-RNIAQ65H.js";
import {
  UsageError,
  parseBoolean,
  parseChoice,
  parsePositiveInteger,
  parseRuleSeverities,
  parseTrackingIds,
  splitLines,
  splitList
} from "./chunks/chunk-F4RSYQYD.js";
import "./chunks/chunk-POAORTRJ.js";
import {
  openWorkspace
} from "./chunks/chunk-2HH2WG4V.js";
import "./chunks/chunk-NE42B3TH.js";
import {
  findRule
} from "./chunks/chunk-TGSJW3MB.js";
import "./chunks/chunk-DTOGA5AF.js";
import {
  describeApiError
} from "./chunks/chunk-USARV7WJ.js";
import "./chunks/chunk-7WF6B6PZ.js";
import "./chunks/chunk-PGJEXBYH.js";
import "./chunks/chunk-ARP5BQKI.js";

// src/action/main.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join as join2, relative, sep } from "node:path";

// src/reporters/markdown-summary.ts
var ICON = { error: "\u274C", warning: "\u26A0\uFE0F", notice: "\u2139\uFE0F" };
function formatMarkdownSummary(report, options = {}) {
  const failed = report.files.filter((f) => f.verdict === "fail");
  const { error: error2, warning: warning2, notice: notice2, suppressed } = report.counts;
  const out = [];
  out.push(`## ${options.title ?? "cua-guard: customer usage attribution"}`, "");
  out.push(
    failed.length === 0 ? `\u2705 **${report.files.length} template(s) checked, all pass.**` : `\u274C **${failed.length} of ${report.files.length} template(s) fail.**`
  );
  out.push("", `${error2} error(s), ${warning2} warning(s), ${notice2} notice(s)${suppressed ? `, ${suppressed} suppressed` : ""}.`);
  if (options.notAnnotated) out.push("", `> ${options.notAnnotated} finding(s) are not shown as annotations (GitHub shows at most 10 per severity per step); all are listed below.`);
  for (const note of options.notes ?? []) out.push("", `> ${note}`);
  for (const problem of report.problems ?? []) out.push("", `> \u26A0\uFE0F ${escapeCell(problem.message)}`);
  for (const file of report.files) out.push("", ...templateSection(file, options));
  return `${out.join("\n")}
`;
}
function templateSection(file, options) {
  const verdict = file.verdict === "pass" ? "\u2705 pass" : "\u274C fail";
  const ids = [...new Set(file.tracking.filter((t) => t.placement === "top-level" && t.trackingId !== void 0).map((t) => t.trackingId ?? t.resolvedName))];
  const lines = [`### ${verdict}: \`${file.path}\``, ""];
  lines.push(`Tracking id: ${ids.length ? ids.map((id) => `\`${id}\``).join(", ") : "_none found_"}${file.scope ? ` \xB7 scope: ${file.scope}` : ""}${file.parametersFile ? ` \xB7 parameters: \`${file.parametersFile}\`` : ""}`);
  if (file.linkedFiles.length) lines.push("", `Linked templates checked: ${file.linkedFiles.map((f) => `\`${f}\``).join(", ")}`);
  if (file.findings.length === 0) return lines;
  lines.push("", "| | Rule | Location | Message |", "|---|---|---|---|");
  for (const finding of file.findings) {
    const rule = findRule(finding.ruleId);
    const ruleCell = rule ? `[${finding.ruleId}](${rule.docsUrl}) ${rule.name}` : finding.ruleId;
    const where = `${finding.file}:${finding.line}:${finding.column}`;
    const link = options.linkTo?.(finding.file, finding.line);
    const location = link ? `[${escapeCell(where)}](${link})` : escapeCell(where);
    const message = finding.suppressed ? `~~${escapeCell(finding.message)}~~ suppressed: ${escapeCell(finding.suppressed.reason)}` : escapeCell(finding.message);
    lines.push(`| ${ICON[finding.severity]} | ${ruleCell} | ${location} | ${message} |`);
  }
  return lines;
}
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}

// src/reporters/annotations.ts
var ANNOTATIONS_PER_SEVERITY = 10;
var ANNOTATIONS_PER_JOB = 50;
var SEVERITIES = ["error", "warning", "notice"];
function planAnnotations(findings, options = {}) {
  const perSeverity = options.perSeverity ?? ANNOTATIONS_PER_SEVERITY;
  const reservedTotal = SEVERITIES.reduce((sum, s) => sum + (options.reserved?.[s] ?? 0), 0);
  let remaining = Math.max(0, (options.total ?? ANNOTATIONS_PER_JOB) - reservedTotal);
  const annotations = [];
  const omitted = [];
  for (const severity of SEVERITIES) {
    const ranked = rankForAnnotation(
      findings.filter((f) => f.severity === severity && !f.suppressed),
      options.changedFiles
    );
    const budget = Math.min(remaining, Math.max(0, perSeverity - (options.reserved?.[severity] ?? 0)));
    ranked.forEach((finding, i) => i < budget ? annotations.push(toAnnotation(finding)) : omitted.push(finding));
    remaining -= Math.min(budget, ranked.length);
  }
  return { annotations, omitted };
}
function rankForAnnotation(findings, changedFiles) {
  const changed = findings.filter((f) => changedFiles?.has(f.file));
  const unchanged = findings.filter((f) => !changedFiles?.has(f.file));
  return [...roundRobinByFile(changed), ...roundRobinByFile(unchanged)];
}
function roundRobinByFile(findings) {
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of findings) byFile.set(finding.file, [...byFile.get(finding.file) ?? [], finding]);
  const queues = [...byFile.keys()].sort(compareTreeOrder).map((file) => byFile.get(file) ?? []);
  const out = [];
  for (let round = 0; out.length < findings.length; round++) {
    for (const queue of queues) {
      const next = queue[round];
      if (next) out.push(next);
    }
  }
  return out;
}
function compareTreeOrder(a, b) {
  const sa = a.split("/");
  const sb = b.split("/");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i] ?? "";
    const y = sb[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}
function toAnnotation(finding) {
  const rule = findRule(finding.ruleId);
  return {
    severity: finding.severity,
    message: finding.message,
    title: rule ? `${finding.ruleId} ${rule.name}` : finding.ruleId,
    file: finding.file,
    startLine: finding.line,
    startColumn: finding.column,
    ...finding.endLine === finding.line && finding.endColumn !== void 0 ? { endLine: finding.endLine, endColumn: finding.endColumn } : {}
  };
}

// src/github/changed-files.ts
var PULL_REQUEST_FILES_LIMIT = 3e3;
async function changedFilesOf(context, api) {
  if (!context.pullRequest) {
    const reason = context.eventName ? `the '${context.eventName}' event is not a pull request` : "GITHUB_EVENT_NAME is not set (not running in GitHub Actions?)";
    return { kind: "not-a-pull-request", reason };
  }
  if (!context.owner || !context.repo) return { kind: "unavailable", reason: "GITHUB_REPOSITORY is not set" };
  try {
    const listed = await (await api()).listPullRequestFiles({ owner: context.owner, repo: context.repo, pullNumber: context.pullRequest.number });
    if (listed.length >= PULL_REQUEST_FILES_LIMIT) {
      return { kind: "unavailable", reason: `pull request #${context.pullRequest.number} changes ${PULL_REQUEST_FILES_LIMIT} files or more, more than the API lists` };
    }
    const files = /* @__PURE__ */ new Set();
    for (const file of listed) {
      files.add(file.filename);
      if (file.previousFilename) files.add(file.previousFilename);
    }
    return { kind: "pull-request", number: context.pullRequest.number, files };
  } catch (error2) {
    const failure = describeApiError(error2);
    return { kind: "unavailable", reason: `could not list the files of pull request #${context.pullRequest.number} (${failure.status ?? "no response"}: ${failure.message})` };
  }
}

// src/github/event.ts
import { readFileSync } from "node:fs";
var PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];
function readRunContext(env) {
  const eventName = env["GITHUB_EVENT_NAME"] ?? "";
  const [owner, repo] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  const context = {
    eventName,
    ...owner && repo ? { owner, repo } : {},
    ...env["GITHUB_SHA"] ? { sha: env["GITHUB_SHA"] } : {}
  };
  if (!PULL_REQUEST_EVENTS.includes(eventName)) return context;
  const payload = readPayload(env["GITHUB_EVENT_PATH"]);
  const pr = isRecord(payload) && isRecord(payload["pull_request"]) ? payload["pull_request"] : void 0;
  const number = pr?.["number"] ?? (isRecord(payload) ? payload["number"] : void 0);
  if (typeof number !== "number") return context;
  const head = isRecord(pr?.["head"]) ? pr["head"] : void 0;
  const headSha = typeof head?.["sha"] === "string" ? head["sha"] : void 0;
  return { ...context, pullRequest: { number, ...headSha ? { headSha } : {} } };
}
function readPayload(path) {
  if (!path) return void 0;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return void 0;
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/github/only-changed.ts
function filterReportToChanges(report, changed, alwaysAffecting = []) {
  if (alwaysAffecting.some((file) => changed.has(file))) return { report, skipped: [] };
  const files = report.files.filter((f) => isAffected(f, changed));
  const skipped = report.files.filter((f) => !files.includes(f)).map((f) => f.path);
  return { report: { ...report, files, counts: countFindings(files) }, skipped };
}
function isAffected(result, changed) {
  return changed.has(result.path) || result.linkedFiles.some((f) => changed.has(f)) || result.parametersFile !== void 0 && changed.has(result.parametersFile) || result.findings.some((f) => changed.has(f.file));
}

// src/action/input-helper.ts
import { join, resolve } from "node:path";
var VERIFY_MODES = ["none", "validate", "what-if", "deploy", "existing"];
var FIX_MODES = ["none", "suggest"];
function readActionSettings(getInput2, env = process.env) {
  const workspace = env["GITHUB_WORKSPACE"];
  if (!workspace) throw new UsageError("GITHUB_WORKSPACE is not set: run cua-guard as a step of a GitHub Actions job, or use the CLI");
  const parametersFile = getInput2("parameters").trim();
  const verify = parseChoice(getInput2("verify"), "verify", VERIFY_MODES, "none");
  const explicit = readExplicitLayer(getInput2);
  const configPath = getInput2("config").trim();
  const sarifPath = getInput2("sarif-file").trim();
  return {
    workspace: resolve(workspace),
    patterns: splitLines(getInput2("templates")),
    check: applyLayers(DEFAULT_CHECK_SETTINGS, [explicit]),
    explicit,
    failOn: parseChoice(getInput2("fail-on"), "fail-on", ["error", "warning", "never"], "error"),
    // Inline JSON parameters are for verification deployments; the static check reads files only.
    ...parametersFile && !parametersFile.startsWith("{") ? { parametersFile } : {},
    reportPath: resolve(workspace, getInput2("report").trim() || join(env["RUNNER_TEMP"] ?? workspace, "cua-guard-report.json")),
    verify,
    ...configPath ? { configPath } : {},
    ...sarifPath ? { sarifPath: resolve(workspace, sarifPath) } : {},
    checks: parseBoolean(getInput2("checks"), "checks", false),
    token: getInput2("token").trim(),
    onlyChanged: parseBoolean(getInput2("only-changed"), "only-changed", false),
    fix: parseChoice(getInput2("fix"), "fix", FIX_MODES, "none")
  };
}
function readExplicitLayer(getInput2) {
  const rules = splitList(getInput2("rules"));
  const trackingIds = splitList(getInput2("tracking-ids"));
  const strictNames = getInput2("strict-names").trim();
  const maxTracking = getInput2("max-tracking-resources").trim();
  return {
    ...rules.length > 0 ? { severities: parseRuleSeverities(rules) } : {},
    ...trackingIds.length > 0 ? { trackingIds: parseTrackingIds(trackingIds) } : {},
    ...strictNames !== "" ? { strictNames: parseBoolean(strictNames, "strict-names", false) } : {},
    ...maxTracking !== "" ? { maxTrackingResources: parsePositiveInteger(maxTracking, "max-tracking-resources", 1) } : {}
  };
}

// src/action/github-links.ts
function lineLinker(env) {
  const server = env["GITHUB_SERVER_URL"];
  const repository = env["GITHUB_REPOSITORY"];
  const sha = env["GITHUB_SHA"];
  if (!server || !repository || !sha) return void 0;
  return (file, line) => `${server}/${repository}/blob/${sha}/${file.split("/").map(encodeURIComponent).join("/")}#L${line}`;
}

// src/action/main.ts
var CHECK_RUN_NAME = "cua-guard";
var MAX_SUMMARY_DIFF = 256 * 1024;
async function run() {
  try {
    const settings = readActionSettings((name) => getInput(name));
    const config = await loadConfiguration({ workspaceRoot: settings.workspace, ...settings.configPath ? { explicit: settings.configPath } : {} });
    if (config) info(`configuration: ${config.displayPath}`);
    const resolved = resolveSettings(config?.config, settings.explicit);
    const effective = { ...settings, check: resolved.base };
    const workspace = openWorkspace(effective.workspace);
    const fullReport = checkWorkspace({
      workspace,
      settings: resolved.base,
      settingsFor: resolved.settingsFor,
      patterns: resolved.patterns(effective.patterns),
      ...effective.parametersFile ? { parametersFile: effective.parametersFile } : {}
    });
    for (const secret of (await import("./chunks/report-secrets-6KBY27FT.js")).secretsOfReport(workspace, fullReport)) setSecret(secret);
    const context = readRunContext(process.env);
    const api = lazyApi(effective.token);
    const notes = [];
    const warnings = fullReport.problems.map((p) => p.message);
    const scoped = await applyOnlyChanged(effective, fullReport, context, api, config, notes, warnings);
    const report = scoped.report;
    if (report.files.length === 0 && fullReport.files.length === 0) warnings.push("no main templates matched the templates patterns; nothing was checked");
    publishOutputs(effective, report);
    if (effective.sarifPath) writeReport(effective.sarifPath, formatSarif(fullReport, { workspaceRoot: effective.workspace }));
    const failure = verdictFailure(effective, report);
    const fixMarkdown = effective.fix === "suggest" ? await suggestFix(effective, workspace, resolved, report) : "";
    const findings = report.files.flatMap((f) => f.findings);
    const published = effective.checks ? await publishThroughChecks(effective, context, api, report, failure, notes, warnings) : false;
    for (const warning2 of warnings) warning(warning2);
    let notAnnotated = 0;
    if (!published) notAnnotated = publishAnnotations(findings, scoped.changedFiles, failure !== void 0, warnings.length);
    const summary = formatMarkdownSummary(report, { linkTo: lineLinker(process.env), notAnnotated, notes });
    appendSummary(`${summary}${fixMarkdown}
`);
    if (effective.verify !== "none") await runVerification(effective, report);
    if (failure) setFailed(failure);
  } catch (error2) {
    const message = error2 instanceof UsageError ? error2.message : `internal error: ${error2 instanceof Error ? error2.message : String(error2)}`;
    setFailed(message);
    if (!(error2 instanceof UsageError) && error2 instanceof Error && error2.stack) debug(error2.stack);
  }
}
function lazyApi(token) {
  let api;
  return () => {
    if (!token) return Promise.reject(new Error("the token input is empty"));
    api ??= import("./chunks/api-U5RY72XZ.js").then((m) => m.createGitHubApi(token));
    return api;
  };
}
async function applyOnlyChanged(settings, full, context, api, config, notes, warnings) {
  if (!settings.onlyChanged) return { report: full };
  const changed = await changedFilesOf(context, api);
  if (changed.kind === "pull-request") {
    const configFile = config ? workspaceRelative(settings.workspace, config.path) : void 0;
    const filtered = filterReportToChanges(full, changed.files, configFile ? [configFile] : []);
    info(
      `only-changed: pull request #${changed.number} changes ${changed.files.size} file(s); ${filtered.report.files.length} of ${full.files.length} main template(s) are affected by them`
    );
    if (filtered.skipped.length > 0) {
      notes.push(
        `only-changed: ${filtered.report.files.length} of ${full.files.length} main template(s) are affected by pull request #${changed.number} (the template, a linked template or its parameters file changed) and reported below; the other ${filtered.skipped.length} were checked but are not reported.`
      );
    }
    return { report: filtered.report, changedFiles: changed.files };
  }
  if (changed.kind === "not-a-pull-request") {
    info(`only-changed: ${changed.reason}; every main template is checked and reported`);
    notes.push(`only-changed: ${changed.reason}, so every main template is checked and reported.`);
  } else {
    warnings.push(`only-changed: ${changed.reason}; every main template is checked and reported`);
    notes.push(`only-changed: ${changed.reason}, so every main template is checked and reported.`);
  }
  return { report: full };
}
function workspaceRelative(root, path) {
  return relative(root, path).split(sep).join("/");
}
function publishAnnotations(findings, changedFiles, willFail, warningCount) {
  const plan = planAnnotations(findings, {
    ...changedFiles ? { changedFiles } : {},
    // The failure message is an error annotation and each warning above is a warning one.
    reserved: { error: willFail ? 1 : 0, warning: warningCount }
  });
  for (const annotation of plan.annotations) annotate(annotation);
  if (plan.omitted.length > 0) info(`${plan.omitted.length} more finding(s) are listed in the job summary (GitHub shows at most 10 annotations per severity per step).`);
  return plan.omitted.length;
}
function annotate(annotation) {
  const { severity, message, ...properties } = annotation;
  if (severity === "error") error(message, properties);
  else if (severity === "warning") warning(message, properties);
  else notice(message, properties);
}
async function publishThroughChecks(settings, context, api, report, failure, notes, warnings) {
  const headSha = context.pullRequest?.headSha ?? context.sha;
  const fallback = (why) => {
    warnings.push(`checks: ${why}; findings are shown as annotations instead (at most 10 per severity; the job summary lists all of them)`);
    notes.push(`The check run could not be published (${why}); findings are shown as annotations instead.`);
    return false;
  };
  if (!context.owner || !context.repo || !headSha) return fallback("GITHUB_REPOSITORY or GITHUB_SHA is not set");
  let client;
  try {
    client = await api();
  } catch (error3) {
    return fallback(error3 instanceof Error ? error3.message : String(error3));
  }
  const { publishCheckRun } = await import("./chunks/check-run-M45TFMUY.js");
  const { error: error2, warning: warning2, notice: notice2 } = report.counts;
  const result = await publishCheckRun(client, {
    owner: context.owner,
    repo: context.repo,
    headSha,
    name: CHECK_RUN_NAME,
    title: `${error2} error(s), ${warning2} warning(s), ${notice2} notice(s)`,
    summary: formatMarkdownSummary(report, { linkTo: lineLinker(process.env) }),
    findings: report.files.flatMap((f) => f.findings),
    conclusion: failure ? "failure" : "success"
  });
  if (result.ok) {
    info(`checks: ${result.annotations} finding(s) published as annotations of check run '${CHECK_RUN_NAME}'${result.url ? ` (${result.url})` : ""} in ${result.requests} request(s)`);
    notes.push(`Every finding (${result.annotations}) is an annotation of the check run [${CHECK_RUN_NAME}](${result.url ?? "#"}).`);
    return true;
  }
  const status = result.failure.status !== void 0 ? `${result.failure.status}: ` : "";
  return fallback(
    result.permission ? `the token cannot write check runs (${status}${result.failure.message}); pull requests from forks get a read-only token, and the job needs \`permissions: checks: write\`` : `publishing the check run failed (${status}${result.failure.message})`
  );
}
async function suggestFix(settings, workspace, resolved, report) {
  const { fixWorkspace, unifiedDiff } = await import("./chunks/fix-5OBN2D4R.js");
  const fixed = fixWorkspace({
    workspace,
    patterns: resolved.patterns(settings.patterns),
    settingsFor: resolved.settingsFor,
    only: new Set(report.files.map((f) => f.path)),
    ...settings.parametersFile ? { parametersFile: settings.parametersFile } : {},
    write: false
  });
  const diff = await unifiedDiff(fixed.files);
  const out = ["", "### Suggested fix (`cua-guard fix`)", ""];
  if (diff === "") {
    out.push("cua-guard fix has nothing to change.");
  } else {
    const patchPath = join2(process.env["RUNNER_TEMP"] ?? settings.workspace, "cua-guard-fix.patch");
    writeReport(patchPath, diff);
    setOutput("fix-patch", patchPath);
    info(`fix: suggested changes written to ${patchPath} (apply with git apply)`);
    for (const file of fixed.files) for (const change of file.changes) out.push(`- \`${file.file}:${change.line}\` ${change.message}`);
    const shown = diff.length > MAX_SUMMARY_DIFF ? `${diff.slice(0, MAX_SUMMARY_DIFF)}
\u2026 (truncated; the whole patch is the fix-patch output)
` : diff;
    const fence = "`".repeat(Math.max(3, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    out.push("", "Apply it with `git apply`, or run `npx cua-guard fix` locally:", "", `${fence}diff`, shown.trimEnd(), fence);
  }
  const leftAlone = fixed.files.flatMap((f) => f.notes.filter((n) => !n.startsWith("still reported")).map((n) => `- \`${f.file}\`: ${n}`));
  if (leftAlone.length > 0) out.push("", "Not changed by the fix:", "", ...leftAlone);
  return `${out.join("\n")}
`;
}
function publishOutputs(settings, report) {
  writeReport(settings.reportPath, formatJson(report));
  setOutput("result", report.counts.error > 0 ? "fail" : "pass");
  setOutput("error-count", report.counts.error);
  setOutput("warning-count", report.counts.warning);
  setOutput("notice-count", report.counts.notice);
  setOutput("report", settings.reportPath);
  setOutput("templates", JSON.stringify(report.files.map((f) => f.path)));
  if (settings.sarifPath) setOutput("sarif-file", settings.sarifPath);
}
function writeReport(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
function verdictFailure(settings, report) {
  const { error: error2, warning: warning2 } = report.counts;
  if (settings.failOn === "never") return void 0;
  if (error2 > 0) return `customer usage attribution check failed: ${error2} error(s) in ${report.files.filter((f) => f.verdict === "fail").length} template(s)`;
  if (settings.failOn === "warning" && warning2 > 0) return `customer usage attribution check failed: ${warning2} warning(s) (fail-on: warning)`;
  return void 0;
}
async function runVerification(settings, report) {
  const [{ runVerifyStep }, { VERIFY_RULES }] = await Promise.all([import("./chunks/step-UFSW455J.js"), import("./chunks/findings-7JNIT6UF.js")]);
  const result = await runVerifyStep({
    workspace: settings.workspace,
    templates: report.files.map((file) => ({
      path: file.path,
      absolutePath: `${settings.workspace}/${file.path}`,
      trackingNames: file.tracking.filter((t) => t.placement === "top-level").map((t) => t.resolvedName),
      ...file.parametersFile ? { parametersFile: file.parametersFile } : {}
    })),
    trackingIds: [...settings.check.trackingIds],
    getInput: (name) => getInput(name)
  });
  const names = VERIFY_RULES;
  for (const finding of result.findings) {
    const title = names[finding.ruleId] ? `${finding.ruleId} ${names[finding.ruleId]}` : finding.ruleId;
    const properties = { title, file: finding.file, startLine: finding.line, startColumn: finding.column };
    if (finding.severity === "error") error(finding.message, properties);
    else if (finding.severity === "warning") warning(finding.message, properties);
    else notice(finding.message, properties);
  }
  setOutput("verified", String(result.verified));
  setOutput("correlation-id", result.correlationId ?? "");
  setOutput("tracked-resources", JSON.stringify(result.trackedResources));
  appendSummary(`${result.summaryMarkdown}
`);
  if (!result.verified) setFailed("attribution verification failed: see the job summary");
}

// src/action/main-entry.ts
await run();
