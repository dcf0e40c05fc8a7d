import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  nameNeedles,
  verifyFinding
} from "./chunk-6T7TXPON.js";
import {
  beginDeploy,
  beginValidate,
  beginWhatIf,
  cancelDeployment,
  createRequestMeter,
  createSession,
  deploymentId,
  describeScope,
  driveLro,
  errorFromBody,
  errorInfo,
  formatError,
  getDeployment,
  idKey,
  info,
  isDeploymentType,
  listDeployments,
  listOperations,
  parseDeploymentId,
  saveState,
  scopeId,
  sleep,
  userAgentPrefixFor
} from "./chunk-Y3IS6D2Q.js";
import {
  createJournalWriter
} from "./chunk-Z44SWSVA.js";
import {
  UsageError,
  parseBoolean,
  parseChoice
} from "./chunk-F4RSYQYD.js";
import "./chunk-POAORTRJ.js";
import "./chunk-VVHEVPP5.js";
import {
  defaultParameterFile,
  openWorkspace,
  parseTemplateText,
  readWorkspaceFile
} from "./chunk-2HH2WG4V.js";
import "./chunk-NE42B3TH.js";
import {
  scopeFromSchema
} from "./chunk-TGSJW3MB.js";
import "./chunk-DTOGA5AF.js";
import "./chunk-7WF6B6PZ.js";
import "./chunk-PGJEXBYH.js";
import "./chunk-ARP5BQKI.js";

// src/azure/cancellation.ts
function startCancellation(timeoutMs, processSignals = ["SIGINT", "SIGTERM"]) {
  const controller = new AbortController();
  let reason;
  const stop = (why) => {
    if (reason !== void 0) return;
    reason = why;
    const error = new Error(why === "timeout" ? `timed out after ${formatMinutes(timeoutMs)}` : "the job was cancelled");
    error.name = "AbortError";
    controller.abort(error);
  };
  const timer = setTimeout(() => stop("timeout"), timeoutMs);
  timer.unref();
  const onSignal = () => stop("cancelled");
  for (const name of processSignals) process.on(name, onSignal);
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    dispose() {
      clearTimeout(timer);
      for (const name of processSignals) process.off(name, onSignal);
    }
  };
}
function formatMinutes(ms) {
  const minutes = ms / 6e4;
  return minutes >= 1 && Number.isInteger(minutes) ? `${minutes} minute${minutes === 1 ? "" : "s"}` : `${Math.round(ms / 1e3)} s`;
}
function graceSignal(ms = 2e4) {
  return AbortSignal.timeout(ms);
}

// src/azure/clouds.ts
var CLOUD_NAMES = ["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"];
var KNOWN_CLOUDS = {
  AzureCloud: {
    resourceManager: "https://management.azure.com",
    authorityHost: "https://login.microsoftonline.com",
    tokenScope: "https://management.azure.com/.default",
    disableInstanceDiscovery: false
  },
  AzureUSGovernment: {
    resourceManager: "https://management.usgovcloudapi.net",
    authorityHost: "https://login.microsoftonline.us",
    tokenScope: "https://management.usgovcloudapi.net/.default",
    disableInstanceDiscovery: false
  },
  AzureChinaCloud: {
    resourceManager: "https://management.chinacloudapi.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    tokenScope: "https://management.chinacloudapi.cn/.default",
    disableInstanceDiscovery: false
  }
};
function trimSlash(url) {
  return url.replace(/\/+$/, "");
}
function scopeForAudience(audience) {
  return `${trimSlash(audience)}/.default`;
}

// src/azure/cloud-metadata.ts
var METADATA_API_VERSION = "2015-01-01";
var ATTEMPTS = 4;
async function resolveCloud(environment, resourceManagerEndpoint, meter, signal) {
  if (resourceManagerEndpoint === void 0) return KNOWN_CLOUDS[environment];
  const metadata = await fetchMetadata(resourceManagerEndpoint, meter, signal);
  const entry = pickEntry(metadata, resourceManagerEndpoint);
  const auth = isRecord(entry?.["authentication"]) ? entry["authentication"] : void 0;
  const loginEndpoint = typeof auth?.["loginEndpoint"] === "string" ? auth["loginEndpoint"] : void 0;
  const audiences = Array.isArray(auth?.["audiences"]) ? auth["audiences"].filter((a) => typeof a === "string") : [];
  if (!loginEndpoint || audiences.length === 0 || audiences[0] === void 0) {
    throw new Error(`the metadata of ${resourceManagerEndpoint} names no login endpoint or token audience`);
  }
  return {
    resourceManager: resourceManagerEndpoint,
    // AD FS publishes https://adfs.<region>.<domain>/adfs/; MSAL wants the host and tenant 'adfs'.
    authorityHost: trimSlash(loginEndpoint).replace(/\/adfs$/i, ""),
    tokenScope: scopeForAudience(audiences[0]),
    disableInstanceDiscovery: true
  };
}
async function fetchMetadata(endpoint, meter, signal) {
  const url = `${endpoint}/metadata/endpoints?api-version=${METADATA_API_VERSION}`;
  for (let attempt = 1; ; attempt++) {
    meter.countExternal();
    let response;
    try {
      response = await fetch(url, { signal, headers: { accept: "application/json" } });
    } catch (error) {
      if (signal.aborted || attempt >= ATTEMPTS) throw new Error(`cannot read ${url}: ${describeFetchError(error)}`);
      await sleep(1e3 * attempt, signal);
      continue;
    }
    if (response.ok) return response.json();
    const transient = response.status === 429 || response.status >= 500;
    if (!transient || attempt >= ATTEMPTS) throw new Error(`cannot read ${url}: HTTP ${response.status}`);
    const retryAfter = Number(response.headers.get("retry-after") ?? "");
    await sleep(Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1e3 : 1e3 * attempt, signal);
  }
}
function describeFetchError(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) return `${error.message} (${"code" in cause ? String(cause.code) : cause.message})`;
  return error.message;
}
function pickEntry(metadata, endpoint) {
  if (isRecord(metadata)) return metadata;
  if (!Array.isArray(metadata)) return void 0;
  const entries = metadata.filter(isRecord);
  const matches = (e) => typeof e["resourceManager"] === "string" && trimSlash(e["resourceManager"]) === endpoint;
  return entries.find(matches) ?? entries[0];
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/azure/credential-plan.ts
var CREDENTIAL_KINDS = ["oidc", "environment", "azure-cli"];
var CREDENTIAL_PIN_VARIABLE = "CUA_GUARD_CREDENTIAL";
function planCredential(login, env) {
  const pinned = (env[CREDENTIAL_PIN_VARIABLE] ?? "").trim().toLowerCase();
  if (pinned !== "" && !CREDENTIAL_KINDS.includes(pinned)) {
    throw new UsageError(`${CREDENTIAL_PIN_VARIABLE} must be one of ${CREDENTIAL_KINDS.join(", ")}, not '${pinned}'`);
  }
  const kind = pinned || void 0;
  const oidcWanted = kind === "oidc" || kind === void 0 && login.clientId !== void 0;
  if (oidcWanted) {
    const clientId = login.clientId ?? env["AZURE_CLIENT_ID"];
    const tenantId = login.tenantId ?? env["AZURE_TENANT_ID"];
    if (!clientId || !tenantId) throw new UsageError("OpenID Connect login needs client-id and tenant-id");
    if (!env["ACTIONS_ID_TOKEN_REQUEST_URL"] || !env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]) {
      throw new UsageError("client-id and tenant-id are set but the job cannot request a GitHub OIDC token: add 'permissions: id-token: write' to the job");
    }
    return { kind: "oidc", clientId, tenantId };
  }
  if (kind === "environment" || kind === void 0 && hasEnvironmentCredential(env)) {
    if (!hasEnvironmentCredential(env)) {
      throw new UsageError("the environment credential needs AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH");
    }
    return { kind: "environment" };
  }
  return { kind: "azure-cli" };
}
function hasEnvironmentCredential(env) {
  return Boolean(env["AZURE_CLIENT_ID"] && env["AZURE_TENANT_ID"] && (env["AZURE_CLIENT_SECRET"] || env["AZURE_CLIENT_CERTIFICATE_PATH"]));
}
function describeCredential(plan) {
  switch (plan.kind) {
    case "oidc":
      return `GitHub OpenID Connect token exchanged for client ${plan.clientId}`;
    case "environment":
      return "service principal from AZURE_* environment variables";
    case "azure-cli":
      return "Azure CLI session (azure/login)";
  }
}

// src/azure/settings.ts
var VERIFY_MODES = ["validate", "what-if", "deploy", "existing"];
var CLEANUP_POLICIES = ["always", "on-success", "never"];
var SCOPE_KINDS = ["resourcegroup", "subscription", "managementgroup", "tenant"];
var DEPLOYMENT_NAME = /^[A-Za-z0-9\-._()]{1,64}$/;
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var DEFAULT_TIMEOUT_MINUTES = 60;
function parseVerifySettings(getInput) {
  const read = (name) => getInput(name).trim();
  const rawMode = read("verify");
  if (rawMode.toLowerCase() === "none" || rawMode === "") throw new UsageError("verify is none: there is nothing to verify in Azure");
  const mode = parseChoice(rawMode, "verify", VERIFY_MODES, "deploy");
  const scope = parseScope(read);
  const region = read("region") || void 0;
  const deploymentName = read("deployment-name") || void 0;
  const createResourceGroup = parseBoolean(read("create-resource-group"), "create-resource-group", false);
  if (deploymentName !== void 0 && !DEPLOYMENT_NAME.test(deploymentName)) {
    throw new UsageError(`deployment-name '${deploymentName}' is not a valid deployment name (1-64 letters, digits and -._())`);
  }
  if (mode === "existing" && deploymentName === void 0) {
    throw new UsageError("verify: existing needs deployment-name: the name of the deployment that already ran (for azure/arm-deploy, its deploymentName)");
  }
  if (mode === "existing" && createResourceGroup) {
    throw new UsageError("create-resource-group cannot be used with verify: existing, which only reads a deployment that already ran");
  }
  if (createResourceGroup && scope.kind !== "resourceGroup") {
    throw new UsageError("create-resource-group is only for scope: resourcegroup");
  }
  if (createResourceGroup && region === void 0) {
    throw new UsageError("create-resource-group needs region: the location of the new resource group");
  }
  if (mode !== "existing" && scope.kind !== "resourceGroup" && region === void 0) {
    throw new UsageError(`scope: ${scopeInputName(scope)} needs region: ARM stores deployments above resource-group scope in a location`);
  }
  const clientId = read("client-id") || void 0;
  const tenantId = read("tenant-id") || void 0;
  if (clientId === void 0 !== (tenantId === void 0)) {
    throw new UsageError("client-id and tenant-id go together: give both for OpenID Connect login, or neither to use azure/login or AZURE_* variables");
  }
  if (clientId !== void 0 && !GUID.test(clientId)) throw new UsageError(`client-id '${clientId}' is not a GUID`);
  return {
    mode,
    scope,
    ...region !== void 0 ? { region } : {},
    ...deploymentName !== void 0 ? { deploymentName } : {},
    parameters: parseParametersInput(getInput("parameters")),
    createResourceGroup,
    cleanup: parseChoice(read("cleanup"), "cleanup", CLEANUP_POLICIES, "always"),
    timeoutMs: parseTimeoutMinutes(read("timeout-minutes")) * 6e4,
    environment: parseEnvironment(read("environment")),
    ...parseEndpoint(read("resource-manager-endpoint")),
    ...clientId !== void 0 ? { clientId } : {},
    ...tenantId !== void 0 ? { tenantId } : {}
  };
}
function parseScope(read) {
  const kind = parseChoice(read("scope"), "scope", SCOPE_KINDS, "resourcegroup");
  const subscriptionId = read("subscription-id");
  const resourceGroup = read("resource-group");
  const managementGroupId = read("management-group-id");
  const refuse = (input, value) => {
    if (value !== "") throw new UsageError(`${input} is not used with scope: ${kind}; remove it or change scope`);
  };
  const needSubscription = () => {
    if (subscriptionId === "") throw new UsageError(`scope: ${kind} needs subscription-id`);
    if (!GUID.test(subscriptionId)) throw new UsageError(`subscription-id '${subscriptionId}' is not a GUID`);
    return subscriptionId;
  };
  switch (kind) {
    case "resourcegroup": {
      refuse("management-group-id", managementGroupId);
      const sub = needSubscription();
      if (resourceGroup === "") throw new UsageError("scope: resourcegroup needs resource-group");
      if (!/^[-\w._()]{1,90}$/u.test(resourceGroup) || resourceGroup.endsWith(".")) {
        throw new UsageError(`resource-group '${resourceGroup}' is not a valid resource group name`);
      }
      return { kind: "resourceGroup", subscriptionId: sub, resourceGroup };
    }
    case "subscription":
      refuse("resource-group", resourceGroup);
      refuse("management-group-id", managementGroupId);
      return { kind: "subscription", subscriptionId: needSubscription() };
    case "managementgroup":
      refuse("resource-group", resourceGroup);
      refuse("subscription-id", subscriptionId);
      if (managementGroupId === "") throw new UsageError("scope: managementgroup needs management-group-id");
      return { kind: "managementGroup", managementGroupId };
    case "tenant":
      refuse("resource-group", resourceGroup);
      refuse("subscription-id", subscriptionId);
      refuse("management-group-id", managementGroupId);
      return { kind: "tenant" };
  }
}
function scopeInputName(scope) {
  return scope.kind.toLowerCase();
}
function parseTimeoutMinutes(raw) {
  if (raw === "") return DEFAULT_TIMEOUT_MINUTES;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0) || value > 24 * 60) {
    throw new UsageError(`timeout-minutes must be a number of minutes above 0 and at most 1440, not '${raw}'`);
  }
  return value;
}
function parseEnvironment(raw) {
  if (raw === "") return "AzureCloud";
  const match = CLOUD_NAMES.find((name) => name.toLowerCase() === raw.toLowerCase());
  if (match) return match;
  if (raw.toLowerCase() === "azurestack") {
    throw new UsageError("environment: AzureStack needs resource-manager-endpoint (your Azure Stack Hub ARM endpoint) instead");
  }
  throw new UsageError(`environment must be one of ${CLOUD_NAMES.join(", ")}, not '${raw}' (for Azure Stack Hub set resource-manager-endpoint)`);
}
function parseEndpoint(raw) {
  if (raw === "") return {};
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`resource-manager-endpoint '${raw}' is not a URL`);
  }
  if (url.protocol !== "https:") throw new UsageError("resource-manager-endpoint must be an https URL (trust a private CA with NODE_EXTRA_CA_CERTS)");
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new UsageError("resource-manager-endpoint must be a plain https URL without query, fragment or credentials");
  }
  return { resourceManagerEndpoint: url.href.replace(/\/+$/, "") };
}
function parseParametersInput(raw) {
  const text = raw.trim();
  if (text === "") return { kind: "none" };
  if (!text.startsWith("{")) return { kind: "file", path: text };
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`parameters looks like inline JSON but does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { kind: "inline", values: normalizeParameters(value, "the parameters input") };
}
function normalizeParameters(value, source) {
  if (!isPlainObject(value)) throw new UsageError(`${source} must be a JSON object`);
  const body = isPlainObject(value["parameters"]) && ("$schema" in value || "contentVersion" in value || Object.keys(value).length === 1) ? value["parameters"] : value;
  const result = {};
  for (const [name, entry] of Object.entries(body)) {
    if (name === "$schema" || name === "contentVersion") continue;
    result[name] = isWrapped(entry) ? entry : { value: entry };
  }
  return result;
}
var WRAPPER_KEYS = /* @__PURE__ */ new Set(["value", "reference", "expression", "metadata"]);
function isWrapped(entry) {
  if (!isPlainObject(entry)) return false;
  const keys = Object.keys(entry);
  return keys.length > 0 && keys.every((k) => WRAPPER_KEYS.has(k)) && ("value" in entry || "reference" in entry || "expression" in entry);
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/azure/summary.ts
var MAX_LISTED_RESOURCES = 50;
function formatVerifySummary(runs, scope, requestCount, credential, problems = []) {
  const verified = runs.length > 0 && runs.every((r) => r.verified);
  const lines = [`### ${verified ? "\u2705" : "\u274C"} Customer usage attribution ${verified ? "proven" : "not proven"} in Azure`, ""];
  if (runs.length > 0) {
    lines.push(`Scope: ${escape(describeScope(scope))}.`, "");
    lines.push("| Template | Mode | Deployment | Result | Tracking deployment | correlationId | Created resources |", "|---|---|---|---|---|---|---|");
    for (const run of runs) {
      lines.push(
        `| \`${escape(run.template.path)}\` | ${run.mode} | \`${escape(run.deploymentName)}\` | ${run.verified ? "\u2705 verified" : "\u274C not verified"} | ${run.tracking.map((t) => `\`${escape(t)}\``).join(", ") || "\u2014"} | ${run.correlationId ? `\`${run.correlationId}\`` : "\u2014"} | ${run.mode === "deploy" || run.mode === "existing" ? run.trackedResources.length : "\u2014"} |`
      );
    }
    lines.push("");
  }
  for (const run of runs) {
    if (run.trackedResources.length > 0) {
      const shown = run.trackedResources.slice(0, MAX_LISTED_RESOURCES);
      const what = run.verified ? "Resources attributed with" : "Resources created (not attributed) by";
      lines.push(`<details><summary>${what} <code>${escape(run.template.path)}</code> (${run.trackedResources.length})</summary>`, "");
      for (const id of shown) lines.push(`- \`${escape(id)}\``);
      if (run.trackedResources.length > shown.length) lines.push(`- \u2026 and ${run.trackedResources.length - shown.length} more`);
      lines.push("", "</details>", "");
    }
    if (run.findings.length > 0) {
      for (const f of run.findings) lines.push(`- **${f.ruleId}** \`${escape(f.file)}:${f.line}\` ${escape(f.message)}`);
      lines.push("");
    }
    for (const note of run.notes) lines.push(`- ${escape(note)}`);
    if (run.notes.length > 0) lines.push("");
  }
  for (const problem of problems) lines.push(`- ${escape(problem)}`);
  if (problems.length > 0) lines.push("");
  lines.push(`_${requestCount} Azure request(s); signed in with ${escape(credential)}._`, "");
  return lines.join("\n");
}
function escape(text) {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");
}

// src/azure/verify-template.ts
import { createHash } from "node:crypto";
import { posix as posix2 } from "node:path";

// src/azure/attribution.ts
async function collectAttribution(session, scope, entryName, isTracking, signal) {
  const listed = (await listDeployments(session, scope, signal)).map((d) => toRef(d, scope));
  let entry = listed.find((d) => d.name.toLowerCase() === entryName.toLowerCase());
  if (!entry) {
    const fetched = await getDeployment(session, scope, entryName, signal);
    if (fetched) entry = toRef(fetched, scope);
  }
  const facts = { entry, tracking: [], trackedResources: [], failures: [], strayTracking: [], visited: [] };
  if (!entry) return facts;
  const correlationId = entry.correlationId;
  if (correlationId !== void 0) facts.correlationId = correlationId;
  const related = correlationId === void 0 ? [entry] : listed.filter((d) => d.correlationId === correlationId);
  if (!related.some((d) => idKey(d.id) === idKey(entry.id))) related.unshift(entry);
  facts.strayTracking = listed.filter((d) => isTracking(d.name) && d.correlationId !== correlationId);
  const seen = new Set(related.map((d) => idKey(d.id)));
  const queue = [...related];
  const createdKeys = /* @__PURE__ */ new Set();
  const failedNested = [];
  for (let next = queue.shift(); next !== void 0; next = queue.shift()) {
    const deployment = next;
    facts.visited.push(deployment);
    if (isTracking(deployment.name)) {
      facts.tracking.push(deployment);
      continue;
    }
    const operations = await listOperations(session, deployment.scope, deployment.name, signal);
    for (const operation of operations) {
      const target = operation.properties?.targetResource;
      const state = operation.properties?.provisioningState;
      if (isDeploymentType(target?.resourceType)) {
        const nested = target?.id ? parseDeploymentId(target.id) : void 0;
        if (state?.toLowerCase() === "failed") failedNested.push(failure(deployment, operation));
        if (!nested || seen.has(idKey(target?.id ?? ""))) continue;
        seen.add(idKey(target?.id ?? ""));
        const ref = { id: target?.id ?? "", name: nested.name, scope: nested.scope, ...state ? { provisioningState: state } : {} };
        queue.push(isTracking(ref.name) ? await readTracking(session, ref, signal) : ref);
        continue;
      }
      if (state?.toLowerCase() === "failed" && (target || operation.properties?.statusMessage?.error)) facts.failures.push(failure(deployment, operation));
      const id = target?.id;
      if (id && operation.properties?.provisioningOperation === "Create" && state?.toLowerCase() !== "failed" && !createdKeys.has(idKey(id))) {
        createdKeys.add(idKey(id));
        facts.trackedResources.push(id);
      }
    }
  }
  for (const nested of failedNested) {
    const nestedId = idKey(nested.resourceId ?? "");
    if (!facts.failures.some((f) => idKey(f.deployment.id) === nestedId)) facts.failures.push(nested);
  }
  return facts;
}
async function readTracking(session, ref, signal) {
  const fetched = await getDeployment(session, ref.scope, ref.name, signal);
  return fetched ? toRef(fetched, ref.scope) : ref;
}
function toRef(deployment, scope) {
  const name = deployment.name ?? "";
  const properties = deployment.properties;
  const error = errorFromBody(properties?.error);
  return {
    id: deployment.id ?? deploymentId(scope, name),
    name,
    scope,
    ...properties?.provisioningState ? { provisioningState: properties.provisioningState } : {},
    ...properties?.correlationId ? { correlationId: properties.correlationId } : {},
    ...error ? { error } : {}
  };
}
function failure(deployment, operation) {
  const properties = operation.properties;
  const target = properties?.targetResource;
  const status = properties?.statusMessage;
  const error = errorFromBody(status?.error) ?? errorFromBody(status) ?? {
    message: `the operation failed${properties?.statusCode ? ` with status ${properties.statusCode}` : ""}`,
    details: []
  };
  return {
    deployment,
    ...target?.resourceType ? { resourceType: target.resourceType } : {},
    ...target?.resourceName ? { resourceName: target.resourceName } : {},
    ...target?.id ? { resourceId: target.id } : {},
    error
  };
}

// src/azure/tracking-match.ts
var UNKNOWN_PART = /\{[^{}]*\}/g;
var PID_PREFIX = /^pid-/i;
function trackingMatcher(resolvedNames) {
  const patterns = resolvedNames.filter((n) => PID_PREFIX.test(n)).map(toPattern);
  if (patterns.length === 0) return (name) => PID_PREFIX.test(name);
  return (name) => patterns.some((p) => p.test(name));
}
function toPattern(resolved) {
  const parts = resolved.split(UNKNOWN_PART).map(escapeRegExp);
  return new RegExp(`^${parts.join(".+")}$`, "i");
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function describeExpectedNames(resolvedNames) {
  const names = resolvedNames.filter((n) => PID_PREFIX.test(n));
  return names.length > 0 ? names.map((n) => `'${n}'`).join(" or ") : "a 'pid-\u2026' deployment";
}

// src/azure/judge.ts
function judgeAttribution(facts, target, scope, expectedNames, template) {
  const findings = [];
  const notes = [];
  const entry = facts.entry;
  if (!entry) return { verified: false, findings, notes };
  const entryState = entry.provisioningState ?? "unknown";
  const entrySucceeded = isSucceeded(entry);
  for (const failure2 of facts.failures) {
    const what = failure2.resourceType ? `${failure2.resourceType} '${failure2.resourceName ?? failure2.resourceId ?? "?"}'` : "an operation";
    findings.push(
      verifyFinding(target, "CUA101", `${what} failed in deployment '${failure2.deployment.name}': ${formatError(failure2.error)}`, [
        ...nameNeedles(failure2.resourceName),
        failure2.resourceType
      ])
    );
  }
  if (!entrySucceeded && facts.failures.length === 0) {
    const detail = entry.error ? `: ${formatError(entry.error)}` : "";
    const running = /^(running|accepted|creating|updating)$/i.test(entryState);
    findings.push(
      verifyFinding(target, "CUA101", running ? `deployment '${entry.name}' is still ${entryState}; verify it after it finished` : `deployment '${entry.name}' ended ${entryState}${detail}`)
    );
  }
  if (facts.tracking.length === 0) {
    findings.push(verifyFinding(target, "CUA102", missingTrackingMessage(facts, entry, scope, expectedNames, template), ["pid-"]));
  }
  for (const tracking of facts.tracking) {
    if (!isSucceeded(tracking)) {
      const detail = tracking.error ? `: ${formatError(tracking.error)}` : "";
      findings.push(verifyFinding(target, "CUA103", `tracking deployment '${tracking.name}' is ${tracking.provisioningState ?? "in an unknown state"}, not Succeeded${detail}; Partner Center attributes only successful deployments`, ["pid-"]));
    }
    if (tracking.correlationId && facts.correlationId && tracking.correlationId !== facts.correlationId) {
      findings.push(verifyFinding(target, "CUA102", `tracking deployment '${tracking.name}' has correlationId ${tracking.correlationId}, not the deployment's ${facts.correlationId}: it was not deployed by this deployment`, ["pid-"]));
    }
  }
  if (facts.trackedResources.length === 0 && facts.failures.length === 0 && entrySucceeded) {
    findings.push(
      verifyFinding(target, "CUA104", `no resource was created under correlationId ${facts.correlationId ?? "?"}: the tracking deployment has nothing to attribute (only deployments ran)`)
    );
  }
  notes.push(`correlationId ${facts.correlationId ?? "unknown"}: ${facts.visited.length} deployment(s), ${facts.trackedResources.length} created resource(s)`);
  const verified = entrySucceeded && facts.tracking.length > 0 && findings.length === 0;
  return { verified, findings, notes };
}
function missingTrackingMessage(facts, entry, scope, expectedNames, template) {
  const parts = [
    `no tracking deployment (${describeExpectedNames(expectedNames)}) ran with deployment '${entry.name}' (correlationId ${facts.correlationId ?? "?"}) at ${describeScope(scope)} or in its nested deployments`
  ];
  const stray = facts.strayTracking[0];
  if (stray) {
    parts.push(`'${stray.name}' exists there but belongs to correlationId ${stray.correlationId ?? "?"}: another deployment (or a later run) created it`);
  }
  const conditions = trackingConditions(template);
  if (conditions.length > 0) parts.push(`its condition (${conditions.join(", ")}) may have been false with these parameters`);
  return parts.join("; ");
}
function trackingConditions(template) {
  const resources = template?.["resources"];
  const list = Array.isArray(resources) ? resources : resources && typeof resources === "object" ? Object.values(resources) : [];
  const conditions = [];
  for (const resource of list) {
    if (typeof resource !== "object" || resource === null) continue;
    const r = resource;
    const name = typeof r["name"] === "string" ? r["name"] : "";
    if (!/pid-/i.test(name) || !("condition" in r)) continue;
    const condition = r["condition"];
    conditions.push(typeof condition === "string" ? condition : JSON.stringify(condition));
  }
  return conditions;
}
function isSucceeded(deployment) {
  return deployment.provisioningState?.toLowerCase() === "succeeded";
}

// src/azure/deploy.ts
async function runDeploy(ctx, job, target, request, template) {
  const { session, settings, cancellation, journal } = ctx;
  const scope = settings.scope;
  journal.record({ kind: "deployment", scope, name: job.deploymentName });
  const poller = beginDeploy(session, scope, job.deploymentName, request, cancellation.signal);
  let outcome;
  try {
    outcome = await driveLro(poller, session.meter, cancellation.signal);
  } catch (error) {
    if (!cancellation.signal.aborted) throw error;
    return stopped(ctx, job, target, await cancelAfterStop(ctx, job.deploymentName));
  }
  const notes = [`deployment '${job.deploymentName}' ${outcome.status}`];
  if (outcome.status === "failed" && poller.operationState === void 0) {
    const message = `ARM rejected deployment '${job.deploymentName}': ${formatError(errorInfo(outcome.error, outcome.body))}`;
    return { verified: false, trackedResources: [], tracking: [], notes, findings: [verifyFinding(target, "CUA101", message)] };
  }
  const result = await verify(ctx, job, target, template);
  if (result.facts) {
    const entryId = result.facts.entry ? idKey(result.facts.entry.id) : "";
    journal.addNested(scope, job.deploymentName, result.facts.visited.filter((d) => idKey(d.id) !== entryId).map((d) => d.id));
  }
  return { ...result.run, notes: [...notes, ...result.run.notes] };
}
async function runExisting(ctx, job, target, template) {
  return (await verify(ctx, job, target, template)).run;
}
async function verify(ctx, job, target, template) {
  const { session, settings, cancellation } = ctx;
  let facts;
  try {
    facts = await collectAttribution(session, settings.scope, job.deploymentName, job.matcher, cancellation.signal);
  } catch (error) {
    if (!cancellation.signal.aborted) throw error;
    return { run: stopped(ctx, job, target, "the verification was stopped before it finished") };
  }
  if (!facts.entry) {
    const finding = verifyFinding(target, "CUA100", `deployment '${job.deploymentName}' was not found at ${describeScope(settings.scope)}`);
    return { run: { verified: false, trackedResources: [], tracking: [], notes: [], findings: [finding] }, facts };
  }
  const verdict = judgeAttribution(facts, target, settings.scope, job.template.trackingNames, template);
  return {
    facts,
    run: {
      verified: verdict.verified,
      ...facts.correlationId !== void 0 ? { correlationId: facts.correlationId } : {},
      trackedResources: facts.trackedResources,
      tracking: facts.tracking.map((t) => t.name),
      findings: verdict.findings,
      notes: verdict.notes
    }
  };
}
async function cancelAfterStop(ctx, name) {
  try {
    const cancelled = await cancelDeployment(ctx.session, ctx.settings.scope, name, graceSignal(5e3));
    return cancelled ? `deployment '${name}' was cancelled` : `deployment '${name}' was no longer running`;
  } catch (error) {
    return `cancelling deployment '${name}' failed: ${formatError(errorInfo(error))}`;
  }
}
function stopped(ctx, job, target, what) {
  const why = ctx.cancellation.signal.reason instanceof Error ? ctx.cancellation.signal.reason.message : "stopped";
  const message = `verification of '${job.deploymentName}' stopped: ${why}; ${what}`;
  return { verified: false, trackedResources: [], tracking: [], notes: [message], findings: [verifyFinding(target, "CUA107", message)] };
}

// src/azure/preview.ts
var DEPLOYED_CHANGES = /* @__PURE__ */ new Set(["create", "deploy", "nochange", "modify", "unsupported"]);
async function runValidate(ctx, job, target, request) {
  const { session, cancellation, settings } = ctx;
  const poller = beginValidate(session, settings.scope, job.deploymentName, request, cancellation.signal);
  const outcome = await driveLro(poller, session.meter, cancellation.signal);
  if (outcome.status !== "succeeded") {
    const error2 = outcome.status === "failed" ? formatError(errorInfo(outcome.error, outcome.body)) : "the validation was canceled";
    return failed([verifyFinding(target, "CUA106", `ARM preflight validation failed: ${error2}`)]);
  }
  const result = outcome.result;
  const error = errorFromBody(result?.error);
  if (error) return failed([verifyFinding(target, "CUA106", `ARM preflight validation failed: ${formatError(error)}`)]);
  const validated = (result?.properties?.validatedResources ?? []).map((r) => r.id ?? "").filter((id) => id !== "");
  const tracking = trackingIn(validated, job);
  const notes = [`preflight validation passed (${validated.length} resource(s) validated)`];
  if (validated.length > 0 && tracking.length === 0) {
    return { verified: false, tracking, notes, findings: [missing(target, job, "validation")] };
  }
  if (validated.length === 0) notes.push("ARM listed no validated resources, so the tracking deployment could not be confirmed by validation");
  return { verified: true, tracking, notes, findings: [] };
}
async function runWhatIf(ctx, job, target, request) {
  const { session, cancellation, settings } = ctx;
  const whatIfRequest = {
    ...request.location !== void 0 ? { location: request.location } : {},
    properties: { ...request.properties, whatIfSettings: { resultFormat: "ResourceIdOnly" } }
  };
  const poller = beginWhatIf(session, settings.scope, job.deploymentName, whatIfRequest, cancellation.signal);
  const outcome = await driveLro(poller, session.meter, cancellation.signal);
  if (outcome.status !== "succeeded") {
    const error2 = outcome.status === "failed" ? formatError(errorInfo(outcome.error, outcome.body)) : "the what-if operation was canceled";
    return failed([verifyFinding(target, "CUA106", `ARM what-if failed: ${error2}`)]);
  }
  const result = outcome.result;
  const error = errorFromBody(result?.error);
  if (error) return failed([verifyFinding(target, "CUA106", `ARM what-if failed: ${formatError(error)}`)]);
  const changes = result?.changes ?? [];
  const deployed = changes.filter((c) => DEPLOYED_CHANGES.has(c.changeType.toLowerCase())).map((c) => c.resourceId ?? "");
  const tracking = trackingIn(deployed, job);
  const notes = [`what-if: ${changes.length} change(s)`];
  if (tracking.length === 0) return { verified: false, tracking, notes, findings: [missing(target, job, "what-if")] };
  return { verified: true, tracking, notes, findings: [] };
}
function trackingIn(resourceIds, job) {
  const names = [];
  for (const id of resourceIds) {
    const parsed = parseDeploymentId(id);
    if (parsed && job.matcher(parsed.name)) names.push(parsed.name);
  }
  return names;
}
function missing(target, job, what) {
  return verifyFinding(
    target,
    "CUA105",
    `${what} shows no tracking deployment (${describeExpectedNames(job.template.trackingNames)}): with these parameters ARM would not deploy it (a condition may be false, or it is missing)`,
    ["pid-"]
  );
}
function failed(findings) {
  return { verified: false, tracking: [], findings, notes: [] };
}

// src/azure/resource-group.ts
async function ensureResourceGroup(ctx) {
  const { settings, session, journal, cancellation } = ctx;
  const scope = settings.scope;
  if (scope.kind !== "resourceGroup" || !settings.createResourceGroup) return void 0;
  const key = idKey(scopeId(scope));
  if (ctx.ensuredGroups.has(key)) return void 0;
  const groups = session.resourceGroups(scope.subscriptionId);
  const exists = await groups.checkExistence(scope.resourceGroup, { abortSignal: cancellation.signal });
  if (exists.body) {
    ctx.ensuredGroups.set(key, "existed");
    return `resource group '${scope.resourceGroup}' already existed: it is left in place (only the deployment records cua-guard made are removed)`;
  }
  journal.record({ kind: "resourceGroup", subscriptionId: scope.subscriptionId, name: scope.resourceGroup });
  await groups.createOrUpdate(
    scope.resourceGroup,
    { location: settings.region ?? "", tags: { "created-by": "cua-guard" } },
    { abortSignal: cancellation.signal }
  );
  ctx.ensuredGroups.set(key, "created");
  return `created resource group '${scope.resourceGroup}' in ${settings.region ?? "?"} (removed by the post step, cleanup: ${settings.cleanup})`;
}

// src/azure/template-input.ts
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
function loadTemplate(workspace, path) {
  const read = readWorkspaceFile(workspace, path);
  if (!read.ok) return { ok: false, message: read.message };
  const parsed = parseTemplateText(read.text);
  if (!parsed.ok) return { ok: false, message: `${path} does not parse: ${parsed.error.message}` };
  if (!isRecord2(parsed.value)) return { ok: false, message: `${path} is not a JSON object` };
  const schemaScope = scopeFromSchema(parsed.value["$schema"]);
  return { ok: true, value: { text: read.text, template: parsed.value, ...schemaScope ? { schemaScope } : {} } };
}
function resolveParameters(workspace, source, templatePath, checkedFile) {
  if (source.kind === "inline") return { ok: true, value: { values: source.values } };
  const candidates = [];
  if (source.kind === "file") {
    if (/[*?[{]/.test(source.path)) {
      if (checkedFile) candidates.push(checkedFile);
      else return { ok: false, message: `parameters '${source.path}' is a pattern that matched no file for ${templatePath}` };
    } else {
      candidates.push(posix.normalize(source.path), posix.normalize(posix.join(posix.dirname(templatePath), source.path)));
    }
  } else {
    const fallback = checkedFile ?? defaultParameterFile(templatePath);
    if (!existsSync(join(workspace.root, fallback))) return { ok: true, value: { values: {} } };
    candidates.push(fallback);
  }
  const file = candidates.find((c) => existsSync(join(workspace.root, c))) ?? candidates[0] ?? "";
  const read = readWorkspaceFile(workspace, file);
  if (!read.ok) return { ok: false, message: `parameters: ${read.message}` };
  const parsed = parseTemplateText(read.text);
  if (!parsed.ok) return { ok: false, message: `parameters file ${file} does not parse: ${parsed.error.message}` };
  try {
    return { ok: true, value: { values: normalizeParameters(parsed.value, `parameters file ${file}`), file } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/azure/verify-template.ts
var MAX_NAME = 64;
async function runTemplate(ctx, template, index, count) {
  const { settings, session } = ctx;
  const before = session.meter.count;
  const deploymentName = deploymentNameFor(settings, template.path, index, count, process.env);
  const loaded = loadTemplate(ctx.workspace, template.path);
  const target = { file: template.path, ...loaded.ok ? { text: loaded.value.text } : {} };
  const job = { template, deploymentName, matcher: trackingMatcher(template.trackingNames) };
  let result;
  try {
    if (settings.mode === "existing") {
      result = await runExisting(ctx, job, target, loaded.ok ? loaded.value.template : void 0);
    } else if (!loaded.ok) {
      result = failedWith(verifyFinding(target, "CUA108", `cannot deploy ${template.path}: ${loaded.message}`));
    } else {
      result = await runDeploying(ctx, job, target, loaded.value.template, loaded.value.schemaScope);
    }
  } catch (error) {
    result = failedWith(unexpected(ctx, target, error));
  }
  return { template, mode: settings.mode, deploymentName, ...result, requestCount: session.meter.count - before };
}
async function runDeploying(ctx, job, target, template, schemaScope) {
  const { settings } = ctx;
  if (schemaScope !== void 0 && schemaScope !== settings.scope.kind) {
    return failedWith(verifyFinding(target, "CUA108", `${job.template.path} is a ${schemaScope}-scope template ($schema) but scope is ${settings.scope.kind.toLowerCase()}: set scope to match`, ["$schema"]));
  }
  const parameters = resolveParameters(ctx.workspace, settings.parameters, job.template.path, job.template.parametersFile);
  if (!parameters.ok) return failedWith(verifyFinding(target, "CUA108", `cannot deploy ${job.template.path}: ${parameters.message}`));
  const request = {
    properties: { template, parameters: parameters.value.values, mode: "Incremental" },
    ...settings.scope.kind !== "resourceGroup" ? { location: settings.region ?? "" } : {}
  };
  const groupNote = await ensureResourceGroup(ctx);
  const notes = [
    ...groupNote ? [groupNote] : [],
    parameters.value.file ? `parameters from ${parameters.value.file}` : settings.parameters.kind === "inline" ? "inline parameters" : "no parameters file"
  ];
  const result = settings.mode === "validate" ? await runValidate(ctx, job, target, request) : settings.mode === "what-if" ? await runWhatIf(ctx, job, target, request) : await runDeploy(ctx, job, target, request, template);
  return { trackedResources: [], ...result, notes: [...notes, ...result.notes] };
}
function unexpected(ctx, target, error) {
  if (ctx.cancellation.signal.aborted) {
    const why = ctx.cancellation.signal.reason instanceof Error ? ctx.cancellation.signal.reason.message : "stopped";
    return verifyFinding(target, "CUA107", `verification stopped: ${why}`);
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "CredentialUnavailableError" || name === "AuthenticationError" || name === "AggregateAuthenticationError") {
    return verifyFinding(
      target,
      "CUA100",
      `signing in to Azure failed: ${formatError(errorInfo(error))}. Run azure/login before this step, or set client-id and tenant-id (with permissions id-token: write)`
    );
  }
  return verifyFinding(target, "CUA100", `an Azure request failed: ${formatError(errorInfo(error))}`);
}
function failedWith(finding) {
  return { verified: false, trackedResources: [], tracking: [], findings: [finding], notes: [] };
}
function deploymentNameFor(settings, path, index, count, env) {
  const suffix = count > 1 && settings.mode !== "existing" ? `-${index + 1}` : "";
  if (settings.deploymentName !== void 0) return `${settings.deploymentName.slice(0, MAX_NAME - suffix.length)}${suffix}`;
  const run = env["GITHUB_RUN_ID"] ? `${env["GITHUB_RUN_ID"]}-${env["GITHUB_RUN_ATTEMPT"] ?? "1"}` : Date.now().toString(36);
  const stem = posix2.basename(path).replace(/\.json$/i, "").replace(/[^A-Za-z0-9\-._()]/g, "-");
  const hash = createHash("sha256").update(path).digest("hex").slice(0, 6);
  const head = `cua-guard-${run}-`;
  const tail = `-${hash}${suffix}`;
  return `${head}${stem.slice(0, Math.max(0, MAX_NAME - head.length - tail.length))}${tail}`.replace(/-{2,}/g, "-");
}

// src/azure/step.ts
async function runVerifyStep(input, env = process.env) {
  const settings = parseVerifySettings(input.getInput);
  const plan = planCredential({ ...settings.clientId ? { clientId: settings.clientId } : {}, ...settings.tenantId ? { tenantId: settings.tenantId } : {} }, env);
  const meter = createRequestMeter();
  const cancellation = startCancellation(settings.timeoutMs);
  const credential = describeCredential(plan);
  try {
    let cloud;
    try {
      cloud = await resolveCloud(settings.environment, settings.resourceManagerEndpoint, meter, cancellation.signal);
    } catch (error) {
      const message = cancellation.signal.aborted ? `verification stopped: ${reasonText(cancellation.signal)}` : `cannot reach Azure: ${formatError(errorInfo(error))}`;
      const finding = { ruleId: cancellation.signal.aborted ? "CUA107" : "CUA100", severity: "error", message, file: input.templates[0]?.path ?? "", line: 1, column: 1 };
      return { verified: false, trackedResources: [], findings: [finding], requestCount: meter.count, summaryMarkdown: formatVerifySummary([], settings.scope, meter.count, credential, [finding.message]) };
    }
    const userAgentPrefix = userAgentPrefixFor(input.trackingIds);
    const session = createSession(cloud, plan, meter, userAgentPrefix, env);
    const journal = createJournalWriter((key, value) => saveState(key, value), { cleanup: settings.cleanup, connection: { cloud, credential: plan, userAgentPrefix } });
    const ctx = { settings, session, journal, cancellation, workspace: openWorkspace(input.workspace), ensuredGroups: /* @__PURE__ */ new Map() };
    info(`cua-guard: verify ${settings.mode} in Azure (${cloud.resourceManager}) with ${credential}`);
    const templates = settings.mode === "existing" ? mergeForExisting(input.templates, input.workspace) : input.templates;
    const runs = [];
    const problems = [];
    for (const [index, template] of templates.entries()) {
      if (cancellation.signal.aborted) {
        problems.push(`${templates.length - index} template(s) not verified: ${reasonText(cancellation.signal)}`);
        break;
      }
      runs.push(await runTemplate(ctx, template, index, templates.length));
    }
    if (templates.length === 0) problems.push("no main templates to verify: verification needs at least one");
    const verified = runs.length > 0 && runs.every((r) => r.verified) && problems.length === 0;
    journal.finish(verified ? "verified" : "failed");
    const tracked = runs.filter((r) => r.tracking.length > 0);
    const correlationIds = [...new Set(tracked.map((r) => r.correlationId).filter((c) => c !== void 0))];
    return {
      verified,
      ...correlationIds.length > 0 ? { correlationId: correlationIds.join(",") } : {},
      trackedResources: dedupe(tracked.flatMap((r) => r.trackedResources)),
      findings: runs.flatMap((r) => r.findings),
      requestCount: meter.count,
      summaryMarkdown: formatVerifySummary(runs, settings.scope, meter.count, credential, problems)
    };
  } finally {
    cancellation.dispose();
  }
}
function mergeForExisting(templates, workspace) {
  const first = templates[0];
  if (!first) return [{ path: "", absolutePath: workspace, trackingNames: [] }];
  return [{ ...first, trackingNames: [...new Set(templates.flatMap((t) => t.trackingNames))] }];
}
function dedupe(ids) {
  const seen = /* @__PURE__ */ new Set();
  return ids.filter((id) => !seen.has(idKey(id)) && seen.add(idKey(id)) !== void 0);
}
function reasonText(signal) {
  return signal.reason instanceof Error ? signal.reason.message : "stopped";
}
export {
  runVerifyStep
};
