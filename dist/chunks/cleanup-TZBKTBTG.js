import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  DEFAULT_POLL_INTERVAL_MS,
  beginDeleteDeployment,
  cancelDeployment,
  createRequestMeter,
  createSession,
  driveLro,
  errorInfo,
  formatError,
  getDeployment,
  idKey,
  listDeployments,
  parseDeploymentId,
  scopeContains,
  sleep
} from "./chunk-C5XMMEMG.js";
import "./chunk-QU64JUSE.js";
import "./chunk-CEHYILGC.js";
import "./chunk-DWR6YSIU.js";
import "./chunk-VVHEVPP5.js";
import "./chunk-Z3KG3SWV.js";
import "./chunk-ARP5BQKI.js";

// src/azure/cleanup.ts
var ACTIVE = /^(running|accepted|canceling|creating|updating|deleting)$/i;
var CANCEL_WAIT_ATTEMPTS = 30;
async function runCleanup(journal, options) {
  const meter = createRequestMeter();
  const { cloud, credential, userAgentPrefix } = journal.connection;
  const session = createSession(cloud, credential, meter, userAgentPrefix, options.env);
  const report = { removed: [], failed: [], requestCount: 0 };
  const groups = journal.created.filter((c) => c.kind === "resourceGroup");
  const groupScopes = groups.map((g) => ({ kind: "resourceGroup", subscriptionId: g.subscriptionId, resourceGroup: g.name }));
  const insideCreatedGroup = (scope) => groupScopes.some((g) => scopeContains(g, scope));
  const attempt = async (what, action) => {
    try {
      if (await action()) {
        report.removed.push(what);
        options.log(`removed ${what}`);
      }
    } catch (error) {
      if (options.signal.aborted) throw error;
      const message = `${what}: ${formatError(errorInfo(error))}`;
      report.failed.push(message);
      options.log(`could not remove ${message}`);
    }
  };
  for (const item of [...journal.created].reverse()) {
    if (item.kind !== "deployment") continue;
    if (insideCreatedGroup(item.scope)) {
      await attempt(`deployment '${item.name}'`, () => removeDeployment(session, item.scope, item.name, true, options.signal));
      continue;
    }
    let main;
    let related;
    try {
      main = await getDeployment(session, item.scope, item.name, options.signal);
      related = item.nested ?? (main ? await relatedDeployments(session, item.scope, main, options.signal) : []);
    } catch (error) {
      if (options.signal.aborted) throw error;
      report.failed.push(`deployment '${item.name}': ${formatError(errorInfo(error))}`);
      continue;
    }
    for (const id of related) {
      const parsed = parseDeploymentId(id);
      if (!parsed) continue;
      await attempt(`deployment ${id}`, () => removeDeployment(session, parsed.scope, parsed.name, insideCreatedGroup(parsed.scope), options.signal));
    }
    if (main) {
      await attempt(`deployment '${item.name}'`, () => removeDeployment(session, item.scope, item.name, insideCreatedGroup(item.scope), options.signal));
    }
  }
  for (const group of [...groups].reverse()) {
    await attempt(`resource group '${group.name}'`, () => removeResourceGroup(session, group.subscriptionId, group.name, options.signal));
  }
  report.requestCount = meter.count;
  return report;
}
async function relatedDeployments(session, scope, main, signal) {
  const correlationId = main.properties?.correlationId;
  if (!correlationId) return [];
  const all = await listDeployments(session, scope, signal);
  return all.filter((d) => d.properties?.correlationId === correlationId && d.id && idKey(d.id) !== idKey(main.id ?? "")).map((d) => d.id ?? "");
}
async function removeDeployment(session, scope, name, groupGoesToo, signal) {
  let deployment = await getDeployment(session, scope, name, signal);
  if (!deployment) return false;
  if (ACTIVE.test(deployment.properties?.provisioningState ?? "")) {
    await cancelDeployment(session, scope, name, signal);
    for (let i = 0; i < CANCEL_WAIT_ATTEMPTS && deployment && ACTIVE.test(deployment.properties?.provisioningState ?? ""); i++) {
      await sleep(session.meter.last?.retryAfterMs ?? DEFAULT_POLL_INTERVAL_MS, signal);
      deployment = await getDeployment(session, scope, name, signal);
    }
  }
  if (groupGoesToo || !deployment) return false;
  const outcome = await driveLro(beginDeleteDeployment(session, scope, name, signal), session.meter, signal);
  if (outcome.status === "failed") throw outcome.error instanceof Error ? outcome.error : new Error(formatError(errorInfo(outcome.error, outcome.body)));
  return outcome.status === "succeeded";
}
async function removeResourceGroup(session, subscriptionId, name, signal) {
  const groups = session.resourceGroups(subscriptionId);
  const exists = await groups.checkExistence(name, { abortSignal: signal });
  if (!exists.body) return false;
  const outcome = await driveLro(groups.delete(name, { abortSignal: signal }), session.meter, signal);
  if (outcome.status === "failed") throw outcome.error instanceof Error ? outcome.error : new Error(formatError(errorInfo(outcome.error, outcome.body)));
  return outcome.status === "succeeded";
}
export {
  runCleanup
};
