if (typeof process.getBuiltinModule !== 'function') { process.stdout.write('::error::' + 'cua-guard needs Node.js 20.16, 22.3 or later (for process.getBuiltinModule); this is ' + process.version + '\n'); process.exit(1); }
const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);

// builtin:node:fs
var m = process.getBuiltinModule("node:fs");

// builtin:node:os
var m2 = process.getBuiltinModule("node:os");
var EOL = /* @__PURE__ */ (() => m2.EOL)();

// src/github/runner.ts
function getState(name, env = process.env) {
  return env[`STATE_${name}`] ?? "";
}
function error(message, properties = {}) {
  issue("error", message, annotationProperties(properties));
}
function warning(message, properties = {}) {
  issue("warning", message, annotationProperties(properties));
}
function info(message) {
  process.stdout.write(`${message}${EOL}`);
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}
function annotationProperties(p) {
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}
function issue(command, message, properties = {}) {
  const pairs = Object.entries(properties).filter(([, value]) => value !== void 0 && value !== "" && value !== 0).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  process.stdout.write(`::${command}${pairs.length ? ` ${pairs.join(",")}` : ""}::${escapeData(message)}${EOL}`);
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/azure/journal.ts
var CLEANUP_STATE_KEY = "cua-guard-created";
function parseJournal(raw) {
  const value = JSON.parse(raw);
  if (typeof value !== "object" || value === null || value.version !== 1) {
    throw new Error(`unrecognised ${CLEANUP_STATE_KEY} state`);
  }
  const journal = value;
  if (!Array.isArray(journal.created) || typeof journal.connection !== "object" || journal.connection === null)
    throw new Error(`incomplete ${CLEANUP_STATE_KEY} state`);
  const bad = journal.created.findIndex((item) => !isCreatedItem(item));
  if (bad !== -1) throw new Error(`${CLEANUP_STATE_KEY} state: item ${bad} is not a created resource group or deployment`);
  return journal;
}
function isCreatedItem(item) {
  if (typeof item !== "object" || item === null) return false;
  const { kind, name } = item;
  if (typeof name !== "string") return false;
  if (kind === "resourceGroup") return typeof item.subscriptionId === "string";
  return kind === "deployment" && typeof item.scope === "object" && item.scope !== null;
}
function shouldCleanUp(journal) {
  if (journal.created.length === 0) return false;
  if (journal.cleanup === "never") return false;
  if (journal.cleanup === "on-success") return journal.outcome === "verified";
  return true;
}

// src/app/action/post.ts
var POST_TIMEOUT_MS = 45 * 6e4;
async function runPost(env = process.env) {
  const raw = getState(CLEANUP_STATE_KEY);
  if (!raw) return;
  let journal;
  try {
    journal = parseJournal(raw);
  } catch (error2) {
    warning(`cua-guard: cannot read what the verification created (${error2 instanceof Error ? error2.message : String(error2)}); nothing was removed`);
    return;
  }
  if (journal.created.length === 0) return;
  if (!shouldCleanUp(journal)) {
    info(
      `cua-guard: leaving ${describe(journal)} in place (cleanup: ${journal.cleanup}${journal.cleanup === "on-success" ? `, verification ${journal.outcome ?? "did not finish"}` : ""})`
    );
    return;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("post-step time-out")), POST_TIMEOUT_MS);
  timer.unref();
  try {
    const { runCleanup } = await import("./lazy-azure-cleanup.js");
    const report = await runCleanup(journal, {
      env,
      signal: controller.signal,
      log: (line) => info(`cua-guard: ${line}`),
      warn: (line) => warning(`cua-guard: ${line}`)
    });
    info(`cua-guard: clean-up finished: ${report.removed.length} removed, ${report.failed.length} failed, ${report.requestCount} Azure request(s)`);
    if (report.failed.length > 0) setFailed(`cua-guard could not remove: ${report.failed.join("; ")}`);
  } catch (error2) {
    setFailed(`cua-guard clean-up failed: ${error2 instanceof Error ? error2.message : String(error2)}; remove ${describe(journal)} by hand`);
  } finally {
    clearTimeout(timer);
  }
}
function describe(journal) {
  return journal.created.map((item) => item.kind === "resourceGroup" ? `resource group '${item.name}'` : `deployment '${item.name}'`).join(", ");
}

// src/app/action/post-entry.ts
await runPost();
