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
  isDeploymentType,
  listDeployments,
  listOperations,
  parseDeploymentId,
  scopeContains,
  sleep
} from "./chunk-Y3IS6D2Q.js";
import "./chunk-VVHEVPP5.js";
import "./chunk-DTOGA5AF.js";
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
      await attempt(`deployment '${item.name}'`, async () => {
        const found = await getDeployment(session, item.scope, item.name, options.signal);
        if (found) await settle(session, item.scope, item.name, found, options.signal);
        return false;
      });
      continue;
    }
    let main;
    let related;
    try {
      main = await getDeployment(session, item.scope, item.name, options.signal);
      if (main) main = await settle(session, item.scope, item.name, main, options.signal);
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
      const known = main;
      await attempt(`deployment '${item.name}'`, () => removeDeployment(session, item.scope, item.name, false, options.signal, known));
    }
  }
  for (const group of [...groups].reverse()) {
    await attempt(`resource group '${group.name}'`, () => removeResourceGroup(session, group.subscriptionId, group.name, options.signal));
  }
  report.requestCount = meter.count;
  return report;
}
async function relatedDeployments(session, scope, main, signal) {
  const ids = /* @__PURE__ */ new Map();
  const correlationId = main.properties?.correlationId;
  if (correlationId) {
    for (const d of await listDeployments(session, scope, signal)) {
      if (d.id && d.properties?.correlationId === correlationId && idKey(d.id) !== idKey(main.id ?? "")) ids.set(idKey(d.id), d.id);
    }
  }
  for (const operation of await listOperations(session, scope, main.name ?? "", signal)) {
    const target = operation.properties?.targetResource;
    if (target?.id && isDeploymentType(target.resourceType)) ids.set(idKey(target.id), target.id);
  }
  return [...ids.values()];
}
async function settle(session, scope, name, deployment, signal) {
  let current = deployment;
  if (!ACTIVE.test(current.properties?.provisioningState ?? "")) return current;
  await cancelDeployment(session, scope, name, signal);
  for (let i = 0; i < CANCEL_WAIT_ATTEMPTS && current && ACTIVE.test(current.properties?.provisioningState ?? ""); i++) {
    current = await getDeployment(session, scope, name, signal);
    if (current && ACTIVE.test(current.properties?.provisioningState ?? "")) await sleep(session.meter.last?.retryAfterMs ?? DEFAULT_POLL_INTERVAL_MS, signal);
  }
  return current;
}
async function removeDeployment(session, scope, name, groupGoesToo, signal, known) {
  const found = known ?? await getDeployment(session, scope, name, signal);
  const deployment = found ? await settle(session, scope, name, found, signal) : void 0;
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
