const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);

// src/engine/rule.ts
function renderMessage(template, data, renderData) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key) => {
    const value = data?.[key];
    if (value === void 0) return whole;
    const render = renderData?.[key];
    return render === void 0 ? String(value) : render(value);
  });
}

// src/parse/text-position.ts
var LineIndex = class {
  text;
  /** Offsets where lines start, ascending; complete up to `scanned`. */
  starts = [0];
  /** Every line start at or before this offset is in `starts`. */
  scanned = 0;
  /** The next \r at or after `scanned` (Infinity when there is none), found with indexOf too. */
  nextReturn = -1;
  constructor(text) {
    this.text = text;
  }
  positionAt(offset) {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    this.indexUpTo(clamped);
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
  }
  /**
   * \n, \r\n and a lone \r each end a line. indexOf finds line ends far faster than a character
   * loop, and only as far as asked: a finding near the top of a 50 MB file indexes little of it.
   * In a file without \r (most), the \r search runs once and finds none.
   */
  indexUpTo(offset) {
    const text = this.text;
    while (this.scanned <= offset) {
      if (this.nextReturn !== Number.POSITIVE_INFINITY && this.nextReturn < this.scanned) {
        const found = text.indexOf("\r", this.scanned);
        this.nextReturn = found === -1 ? Number.POSITIVE_INFINITY : found;
      }
      const newline = text.indexOf("\n", this.scanned);
      const end = newline === -1 ? Number.POSITIVE_INFINITY : newline;
      if (this.nextReturn < end && this.nextReturn + 1 !== end) {
        this.starts.push(this.nextReturn + 1);
        this.scanned = this.nextReturn + 1;
      } else if (end !== Number.POSITIVE_INFINITY) {
        this.starts.push(end + 1);
        this.scanned = end + 1;
      } else {
        this.scanned = Number.POSITIVE_INFINITY;
      }
    }
  }
};

// src/azure/locate.ts
function locateInTemplate(text, needles) {
  if (text === void 0) return { line: 1, column: 1 };
  const lower = text.toLowerCase();
  const index = new LineIndex(text);
  for (const needle of needles) {
    if (!needle) continue;
    const forms = [`"${needle}"`, `'${needle}'`, needle].map((f) => f.toLowerCase());
    for (const form of forms) {
      const at = lower.indexOf(form);
      if (at >= 0) return index.positionAt(at);
    }
  }
  return { line: 1, column: 1 };
}

// src/azure/rules/rule.ts
var NOT_FIXABLE = "a finding from Azure is about what ARM did or would do; fix the template or the run as the help says";

// src/azure/rules/cua100-azure-request-failed.ts
var messages = {
  requestFailed: "an Azure request failed: {{error}}",
  notFound: "deployment '{{name}}' was not found at {{scope}}",
  signIn: "signing in to Azure failed: {{error}}. Run azure/login before this step, or set client-id and tenant-id (with permissions id-token: write)",
  signInCannotWork: "signing in to Azure cannot work: {{problem}}",
  unreachable: "cannot reach Azure: {{error}}",
  apiVersionsUnreadable: "reading the endpoint's Microsoft.Resources api-versions failed: {{error}}",
  noSpokenApiVersion: "the endpoint's Microsoft.Resources api-versions (deployments: {{deployments}}; resourceGroups: {{resourceGroups}}) include none from {{oldest}} to the SDK's ({{sdk}}); set api-profile"
};
var cua100 = {
  meta: {
    id: "CUA100",
    name: "azure-request-failed",
    description: "Verification could not talk to Azure: signing in failed, a request failed, or the deployment to verify does not exist",
    help: [
      "Verification could not get an answer it can judge from Azure Resource Manager. The message carries ARM's error code and message (re-read with GET where a HEAD or a list page lost it). A sign-in failure is reported once, on the run, not on a template line.",
      "",
      "Fix what the message names: run `azure/login` before the step or set `client-id` and `tenant-id` (with `permissions: id-token: write`); give the identity read and deploy rights at the scope; for `verify: existing` name the deployment that ran; for Azure Stack Hub set `resource-manager-endpoint` (and `api-profile` if the provider registration cannot be read).",
      "",
      "Fails: `signing in to Azure failed: \u2026 invalid_client \u2026`, or `an Azure request failed: AuthorizationFailed: The client \u2026 does not have authorization to perform action 'Microsoft.Resources/deployments/write' \u2026`.",
      "Passes: the identity signs in and may deploy at the scope."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua101-deployment-failed.ts
var messages2 = {
  operationFailed: "{{what}} failed in deployment '{{deployment}}': {{error}}",
  stillRunning: "deployment '{{name}}' is still {{state}}; verify it after it finished",
  ended: "deployment '{{name}}' ended {{state}}",
  endedWithError: "deployment '{{name}}' ended {{state}}: {{error}}",
  rejected: "ARM rejected deployment '{{name}}': {{error}}",
  active: "ARM refused deployment '{{name}}': another deployment named '{{name}}' is still running at {{scope}} ({{error}}). It is left untouched; give each run its own deployment-name, or serialise runs with a workflow `concurrency:` group"
};
var cua101 = {
  meta: {
    id: "CUA101",
    name: "deployment-failed",
    description: "The verification deployment (or the deployment verified) failed, was rejected, or did not finish",
    help: [
      "The deployment did not succeed: ARM rejected it before it ran (an invalid template, a missing resource group, or `DeploymentActive`: another run's deployment of the same name is still running), or an operation in it failed. Each failed operation is reported on the failing resource's line with ARM's code and message, kept as ARM sent it when the provider's `statusMessage` is not the usual `{status, error}`.",
      "",
      "Fix the resource the message names, or the parameters. For `DeploymentActive`, never let two runs deploy the same name at the same scope: leave `deployment-name` empty (each run gets its own), and put verification jobs in a `concurrency:` group; cua-guard never cancels or deletes the other run's deployment.",
      "",
      "Fails: `Microsoft.Storage/storageAccounts 'st1' failed in deployment 'cua-guard-\u2026': StorageAccountAlreadyTaken: \u2026`.",
      "Passes: every operation of the deployment succeeded."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages2,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua102-tracking-missing.ts
var base = "no tracking deployment ({{expected}}) ran with deployment '{{name}}' (correlationId {{correlationId}}) at {{scope}} or in its nested deployments";
var stray = "'{{stray}}' exists there but belongs to correlationId {{strayCorrelationId}}: another deployment (or a later run) created it";
var condition = "its condition ({{conditions}}) may have been false with these parameters";
var messages3 = {
  missing: base,
  missingWithStray: `${base}; ${stray}`,
  missingWithCondition: `${base}; ${condition}`,
  missingWithStrayAndCondition: `${base}; ${stray}; ${condition}`,
  otherCorrelation: "tracking deployment '{{name}}' has correlationId {{trackingCorrelationId}}, not the deployment's {{correlationId}}: it was not deployed by this deployment"
};
var cua102 = {
  meta: {
    id: "CUA102",
    name: "tracking-missing",
    description: "No tracking deployment ran under the deployment\u2019s correlationId",
    help: [
      "The deployment ran, but no `pid-\u2026` deployment shares its correlationId, at its scope or in its nested deployments: Partner Center will not attribute it. A `pid-` deployment of another correlationId at the scope was made by another deployment (or a later run replaced the record).",
      "",
      "Fix the template so the tracking deployment is deployed with these parameters (a condition that is false removes it, CUA011), and keep it in the main template (CUA004, CUA005).",
      "",
      "Fails: the deployment's operations list no `Microsoft.Resources/deployments` named `pid-<GUID>`.",
      "Passes: `pid-<GUID>` ran with the deployment and has its correlationId."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "high",
    messages: messages3,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua103-tracking-not-succeeded.ts
var messages4 = {
  notSucceeded: "tracking deployment '{{name}}' is {{state}}, not Succeeded; Partner Center attributes only successful deployments",
  notSucceededWithError: "tracking deployment '{{name}}' is {{state}}, not Succeeded: {{error}}; Partner Center attributes only successful deployments"
};
var cua103 = {
  meta: {
    id: "CUA103",
    name: "tracking-not-succeeded",
    description: "The tracking deployment ran but did not succeed",
    help: [
      "The `pid-\u2026` deployment exists under the deployment\u2019s correlationId but its state is not `Succeeded` (Failed, Canceled, still running). Partner Center attributes only successful deployments.",
      "",
      "Fix the cause in the message: usually a location missing at subscription or higher scope (CUA012), a name that collides with another location\u2019s deployment (CUA015), or a template that is not empty (CUA008).",
      "",
      "Fails: `tracking deployment 'pid-\u2026' is Failed, not Succeeded: InvalidDeployment: \u2026`.",
      "Passes: the tracking deployment is `Succeeded`."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages4,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua104-nothing-tracked.ts
var messages5 = {
  nothingCreated: "no resource was created under correlationId {{correlationId}}: the tracking deployment has nothing to attribute (only deployments ran)",
  nothingPreviewed: "nothing but deployments would be deployed: the tracking deployment would have no resource to attribute"
};
var cua104 = {
  meta: {
    id: "CUA104",
    name: "nothing-tracked",
    description: "Only deployments ran (or would run): there is no resource for the tracking deployment to attribute",
    help: [
      "The deployment succeeded with its tracking deployment, but created no resource other than deployments under its correlationId (or, for `validate` and `what-if`, ARM listed nothing else that would be deployed). Attribution counts the usage of resources deployed with the tracking deployment.",
      "",
      "Fix the parameters so the template deploys something, or verify the template that does. When ARM says it did not expand a nested deployment, the preview reports CUA109 instead, never this.",
      "",
      "Fails: a template whose only resources are `pid-\u2026` and empty nested deployments.",
      "Passes: at least one resource (a storage account, a VM\u2026) is created with the tracking deployment."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "high",
    messages: messages5,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua105-preview-missing-tracking.ts
var messages6 = {
  missing: "preflight validation shows no tracking deployment ({{expected}}): with these parameters ARM would not deploy it (a condition may be false, or it is missing)"
};
var cua105 = {
  meta: {
    id: "CUA105",
    name: "preview-missing-tracking",
    description: "Preflight validation (validate, what-if) lists no tracking deployment",
    help: [
      "ARM validated the template with these parameters and its `validatedResources` hold no `pid-\u2026` deployment: deployed like this, the usage would not be attributed.",
      "",
      "Fix the condition or the parameters that remove the tracking deployment, or add it (`cua-guard fix --tracking-id <GUID>`).",
      "",
      'Fails: `"condition": "[parameters(\'telemetry\')]"` on the tracking deployment with `telemetry` false.',
      "Passes: validatedResources lists `\u2026/Microsoft.Resources/deployments/pid-<GUID>`."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages6,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua106-preflight-failed.ts
var messages7 = {
  validationFailed: "ARM preflight validation failed: {{error}}",
  whatIfFailed: "ARM what-if failed: {{error}}"
};
var cua106 = {
  meta: {
    id: "CUA106",
    name: "preflight-failed",
    description: "ARM preflight validation or what-if failed (also what-if answering status Failed)",
    help: [
      "ARM's preflight validation rejected the template with these parameters, or the what-if operation ended `Failed`: the deployment would fail the same way. The message carries ARM's code, message and innermost details.",
      "",
      "Fix the template or parameters as the details say (an invalid name, a missing parameter, a quota).",
      "",
      "Fails: `ARM preflight validation failed: InvalidTemplateDeployment: \u2026 (AccountNameInvalid: a is not a valid storage account name \u2026)`.",
      "Passes: validation and what-if succeed."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages7,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua107-stopped.ts
var messages8 = {
  stopped: "verification stopped: {{reason}}",
  stoppedBeforeDeploying: "verification of '{{name}}' stopped: {{reason}}; nothing was deployed",
  stoppedVerifying: "verification of '{{name}}' stopped: {{reason}}; the verification was stopped before it finished",
  stoppedCancelled: "verification of '{{name}}' stopped: {{reason}}; deployment '{{name}}' was cancelled",
  stoppedNotRunning: "verification of '{{name}}' stopped: {{reason}}; deployment '{{name}}' was no longer running",
  stoppedCancelFailed: "verification of '{{name}}' stopped: {{reason}}; cancelling deployment '{{name}}' failed: {{error}}"
};
var cua107 = {
  meta: {
    id: "CUA107",
    name: "stopped",
    description: "Verification stopped at timeout-minutes or because the job was cancelled",
    help: [
      "The verification ran out of `timeout-minutes`, or the runner cancelled the job (SIGINT). Every request was aborted, later list pages and retries included; a deployment still running was cancelled, and the post step removes what the run created.",
      "",
      "Raise `timeout-minutes` if deployments need longer, or re-run.",
      "",
      "Fails: `verification of 'cua-guard-\u2026' stopped: timed out after 5 minutes; deployment 'cua-guard-\u2026' was cancelled`.",
      "Passes: the verification finishes within `timeout-minutes`."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages8,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua108-template-not-deployable.ts
var messages9 = {
  cannotDeploy: "cannot deploy {{file}}: {{reason}}",
  scopeMismatch: "{{file}} is a {{schemaScope}}-scope template ($schema) but scope is {{scope}}: set scope to match"
};
var cua108 = {
  meta: {
    id: "CUA108",
    name: "template-not-deployable",
    description: "The template or its parameters cannot be sent to ARM as they are",
    help: [
      "The template cannot be read or parsed, its `$schema` names another scope than the `scope` input, or its parameters file cannot be read. Nothing was sent to ARM.",
      "",
      "Fix the file the message names, or set `scope` (and `parameters`) to match the template.",
      "",
      "Fails: a `subscriptionDeploymentTemplate.json` template verified with `scope: resourcegroup`.",
      "Passes: the template parses and its `$schema` matches `scope`."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages9,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/cua109-not-established.ts
var messages10 = {
  noValidatedResources: "ARM answered the preflight validation with no validatedResources: the preview cannot establish that the tracking deployment would be deployed",
  emptyValidatedResources: "ARM answered the preflight validation with an empty validatedResources: the preview cannot establish that the tracking deployment would be deployed",
  notExpanded: "ARM did not expand nested deployment(s) {{names}} ({{codes}}): what they would deploy, and so whether the tracking deployment would have a resource to attribute, cannot be established before deploying",
  unreadable: "nested deployment {{id}} could not be read ({{error}}): the verdict covers only what could be read; what it created is not counted"
};
var cua109 = {
  meta: {
    id: "CUA109",
    name: "not-established",
    description: "Part of what verification needs could not be established: ARM did not expand nested deployments, listed nothing, or a nested deployment could not be read",
    help: [
      "ARM's answer does not establish the verdict, and cua-guard says so instead of guessing. Validation and what-if do not expand a nested deployment whose parameters hold a `reference()` (diagnostic `NestedDeploymentShortCircuited`), nor beyond their batch and total limits (`NestedDeploymentSkippedFromInternalExpansion`, `NestedDeploymentExpansionLimitReached`): what it would deploy is unknown until it is deployed. Older ARM lists no `validatedResources` at all. A nested deployment in a subscription the identity may not read (403) is left out of the verdict.",
      "",
      "With the tracking deployment seen, a preview stays verified and this is a warning; a preview that lists nothing is not verified. Use `verify: deploy` to establish what is created, or give the identity read access where the nested deployment goes.",
      "",
      'Warns: a nested deployment with `"parameters": { "endpoint": { "value": "[reference(\'st1\').primaryEndpoints.blob]" } }` under `verify: validate`.',
      "Passes: validation expands every nested deployment and lists what they deploy."
    ].join("\n"),
    defaultSeverity: "warning",
    precision: "medium",
    messages: messages10,
    notFixable: NOT_FIXABLE
  }
};

// src/azure/rules/index.ts
var VERIFY_RULE_MODULES = [cua100, cua101, cua102, cua103, cua104, cua105, cua106, cua107, cua108, cua109];

// src/azure/findings.ts
var VERIFY_RULES = Object.fromEntries(VERIFY_RULE_MODULES.map((rule) => [rule.meta.id, rule.meta.name]));
function verifyFinding(target, rule, { messageId, data, needles = [] }) {
  const { line, column } = locateInTemplate(target.text, needles);
  const message = renderMessage(rule.meta.messages[messageId], data, rule.meta.renderData);
  return { ruleId: rule.meta.id, severity: rule.meta.defaultSeverity, messageId, message, file: target.file, line, column };
}
export {
  VERIFY_RULES,
  verifyFinding
};
