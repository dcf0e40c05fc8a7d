import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  CLEANUP_STATE_KEY,
  parseJournal,
  shouldCleanUp
} from "./chunks/chunk-Z44SWSVA.js";
import {
  getState,
  info,
  setFailed,
  warning
} from "./chunks/chunk-3BYEBUMD.js";
import "./chunks/chunk-ARP5BQKI.js";

// src/action/post.ts
var POST_TIMEOUT_MS = 45 * 6e4;
async function runPost(env = process.env) {
  const raw = getState(CLEANUP_STATE_KEY);
  if (!raw) return;
  let journal;
  try {
    journal = parseJournal(raw);
  } catch (error) {
    warning(`cua-guard: cannot read what the verification created (${error instanceof Error ? error.message : String(error)}); nothing was removed`);
    return;
  }
  if (journal.created.length === 0) return;
  if (!shouldCleanUp(journal)) {
    info(`cua-guard: leaving ${describe(journal)} in place (cleanup: ${journal.cleanup}${journal.cleanup === "on-success" ? `, verification ${journal.outcome ?? "did not finish"}` : ""})`);
    return;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("post-step time-out")), POST_TIMEOUT_MS);
  timer.unref();
  try {
    const { runCleanup } = await import("./chunks/cleanup-DXUQLNBT.js");
    const report = await runCleanup(journal, { env, signal: controller.signal, log: (line) => info(`cua-guard: ${line}`) });
    info(`cua-guard: clean-up finished: ${report.removed.length} removed, ${report.failed.length} failed, ${report.requestCount} Azure request(s)`);
    if (report.failed.length > 0) setFailed(`cua-guard could not remove: ${report.failed.join("; ")}`);
  } catch (error) {
    setFailed(`cua-guard clean-up failed: ${error instanceof Error ? error.message : String(error)}; remove ${describe(journal)} by hand`);
  } finally {
    clearTimeout(timer);
  }
}
function describe(journal) {
  return journal.created.map((item) => item.kind === "resourceGroup" ? `resource group '${item.name}'` : `deployment '${item.name}'`).join(", ");
}

// src/action/post-entry.ts
await runPost();
