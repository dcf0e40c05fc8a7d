import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  DEFAULT_TEMPLATE_PATTERNS,
  checkTemplateText,
  createLinkReader,
  discoverTemplates,
  invalidTemplateResult,
  require_picomatch
} from "./chunk-2YOUWXLX.js";
import {
  ConfigError
} from "./chunk-RNIAQ65H.js";
import {
  UsageError
} from "./chunk-F4RSYQYD.js";
import {
  normalizeTrackingId
} from "./chunk-POAORTRJ.js";
import {
  loadParameterValues,
  readWorkspaceFile
} from "./chunk-2HH2WG4V.js";
import {
  getNodeValue,
  parseTree,
  printParseErrorCode
} from "./chunk-NE42B3TH.js";
import {
  RULES
} from "./chunk-TGSJW3MB.js";
import {
  REPOSITORY_URL,
  TOOL_NAME,
  TOOL_VERSION
} from "./chunk-DTOGA5AF.js";
import {
  LineIndex
} from "./chunk-PGJEXBYH.js";
import {
  __toESM
} from "./chunk-ARP5BQKI.js";

// src/engine/check-workspace.ts
function checkWorkspace(request) {
  const discovery = discoverTemplates(request.workspace, {
    ...request.paths ? { paths: request.paths } : {},
    ...request.patterns ? { patterns: request.patterns } : {},
    ...request.cwd ? { cwd: request.cwd } : {}
  });
  const readLinked = createLinkReader(request.workspace);
  const files = discovery.templates.map((file) => checkOneTemplate(request, file, readLinked));
  return { tool: { name: TOOL_NAME, version: TOOL_VERSION }, files, counts: countFindings(files), problems: discovery.problems };
}
function checkOneTemplate(request, file, readLinked) {
  const settings = request.settingsFor?.(file) ?? request.settings;
  const read = readWorkspaceFile(request.workspace, file);
  if (!read.ok) return invalidTemplateResult(file, "", { message: read.message, offset: 0, length: 0 }, settings);
  const parameters = loadParameterValues(request.workspace, file, request.parametersFile);
  const result = checkTemplateText({ file, text: read.text, parameterValues: parameters.values, readLinked }, settings);
  return parameters.file ? { ...result, parametersFile: parameters.file } : result;
}
function countFindings(files) {
  const counts = { error: 0, warning: 0, notice: 0, suppressed: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.suppressed) counts.suppressed++;
      else counts[finding.severity]++;
    }
  }
  return counts;
}

// src/reporters/json.ts
function formatJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/reporters/sarif.ts
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
var SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
var SRCROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "cuaGuardFindingHash/v1";
function sarifLevel(severity) {
  return severity === "notice" ? "note" : severity;
}
function formatSarif(report, options = {}) {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}
`;
}
function buildSarif(report, options = {}) {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const seen = /* @__PURE__ */ new Map();
  const results = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const index = ruleIndex.get(finding.ruleId);
      if (index === void 0) continue;
      results.push(toResult(finding, index, seen));
    }
  }
  const problems = report.problems ?? [];
  const run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: TOOL_VERSION,
        semanticVersion: TOOL_VERSION,
        informationUri: REPOSITORY_URL,
        rules: RULES.map(toRule)
      }
    },
    ...options.workspaceRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.workspaceRoot) } } } : {},
    columnKind: "utf16CodeUnits",
    invocations: [
      {
        executionSuccessful: true,
        ...problems.length > 0 ? { toolExecutionNotifications: problems.map((p) => ({ level: "warning", message: { text: p.message } })) } : {}
      }
    ],
    results
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}
function toRule(rule) {
  const level = sarifLevel(rule.defaultSeverity);
  const how = RULE_HELP[rule.id] ?? "";
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}. ${how}`.trim() },
    help: {
      text: `${rule.id} ${rule.name}: ${rule.description}.

${how}

Documentation: ${rule.docsUrl}`,
      markdown: `**${rule.id} ${rule.name}**: ${rule.description}.

${how}

[Documentation](${rule.docsUrl})`
    },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level },
    properties: {
      tags: ["azure", "arm-template", "customer-usage-attribution"],
      precision: rule.id === "CUA010" || rule.id === "CUA017" ? "medium" : "very-high",
      "problem.severity": level === "note" ? "recommendation" : level
    }
  };
}
function toResult(finding, ruleIndex, seen) {
  const region = { startLine: finding.line, startColumn: finding.column };
  if (finding.endLine !== void 0 && finding.endColumn !== void 0 && isAfterStart(finding)) {
    region.endLine = finding.endLine;
    region.endColumn = finding.endColumn;
  }
  const base = findingHash(finding);
  const occurrence = (seen.get(base) ?? 0) + 1;
  seen.set(base, occurrence);
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(finding.file), uriBaseId: SRCROOT }, region } }],
    // Identical findings (same rule, node and message) are told apart by their order, as
    // GitHub does for its own line hashes.
    partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${occurrence}` },
    ...finding.suppressed ? { suppressions: [{ kind: "inSource", justification: finding.suppressed.reason }] } : {}
  };
}
function isAfterStart(finding) {
  const endLine = finding.endLine ?? finding.line;
  const endColumn = finding.endColumn ?? finding.column;
  return endLine > finding.line || endLine === finding.line && endColumn >= finding.column;
}
function findingHash(finding) {
  const input = [finding.ruleId, finding.file, finding.jsonPointer ?? "", normalizeMessage(finding.message)].join("\0");
  return createHash("sha256").update(input).digest("hex").slice(0, 32);
}
function normalizeMessage(message) {
  return message.replace(/\(line \d+, column \d+\)/gi, "").replace(/\b(line|column|character|offset) \d+/gi, "$1").replace(/:\d+:\d+\b/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}
function fileUri(file) {
  return file.split("/").map(encodeURIComponent).join("/");
}
function directoryUri(path) {
  const url = pathToFileURL(path).href;
  return url.endsWith("/") ? url : `${url}/`;
}
var RULE_HELP = {
  CUA001: "Add a Microsoft.Resources/deployments resource named 'pid-<your GUID>' with mode Incremental and an empty inline template to the main template's top-level resources (`cua-guard fix --tracking-id <GUID>` inserts it).",
  CUA002: "Keep exactly one tracking deployment per main template (or raise max-tracking-resources for landing zones with several offers), outside any copy loop.",
  CUA003: "Name it 'pid-' followed by the GUID from Partner Center (8-4-4-4-12 hex digits, no braces), or 'pid-<id>-partnercenter'; a suffix after the GUID must start with '-'.",
  CUA004: "Move the tracking deployment out of the nested template or child resources into the main template's top-level resources.",
  CUA005: "Move the tracking deployment from the linked template into the main template's top-level resources.",
  CUA006: "Give the pid- resource the type Microsoft.Resources/deployments, or rename it if it is not meant to be the tracking resource.",
  CUA007: "Set properties.mode to 'Incremental'; 'Complete' would delete every other resource in the resource group.",
  CUA008: 'Use an inline template with no resources: {"$schema": "\u2026/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}.',
  CUA009: "Use one of the tracking ids registered for your offer in Partner Center (input tracking-ids / --tracking-id).",
  CUA010: "Give the tracking id a literal value (or a variable or parameter default) so it can be checked before deployment.",
  CUA011: "An opt-out condition is legitimate; make sure tracking is on with the default parameter values, and never use a literal false.",
  CUA012: 'Add "location": "[deployment().location]" to the tracking deployment.',
  CUA013: "Fix the JSON syntax error at the position given, or exclude the file if it is not a deployment template.",
  CUA014: 'Set apiVersion to a date-form version such as "2021-04-01".',
  CUA015: `Make the name unique per location, e.g. "[format('pid-<GUID>-{0}', uniqueString(deployment().location))]".`,
  CUA016: "Fix the ARM expression so that it parses and calls only known functions.",
  CUA017: "Keep linked templates in the repository and link them with relativePath so they can be checked, or verify the remote template yourself."
};

// src/config/load.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

// src/config/types.ts
var CONFIG_FILE_NAME = ".cua-guard.json";

// src/config/load.ts
function findConfigFile(location) {
  if (location.explicit !== void 0 && location.explicit.trim() !== "") {
    const path2 = resolve(location.baseDir ?? location.workspaceRoot, location.explicit.trim());
    if (!existsSync(path2) || !statSync(path2).isFile()) throw new UsageError(`configuration file '${location.explicit.trim()}' does not exist`);
    return path2;
  }
  const path = join(location.workspaceRoot, CONFIG_FILE_NAME);
  return existsSync(path) && statSync(path).isFile() ? path : void 0;
}
async function loadConfiguration(location) {
  const path = findConfigFile(location);
  if (path === void 0) return void 0;
  const displayPath = displayPathOf(location.workspaceRoot, path);
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const { validateConfiguration } = await import("./validate-V6FRD2FD.js");
  return { path, displayPath, config: validateConfiguration(parseConfigText(text, displayPath), text, displayPath) };
}
function parseConfigText(text, displayPath) {
  const errors = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length > 0 || tree === void 0) {
    const lines = new LineIndex(text);
    const problems = (errors.length > 0 ? errors : [{ error: 0, offset: 0, length: 0 }]).slice(0, 5).map((e) => {
      const at = lines.positionAt(e.offset);
      const words = errors.length > 0 ? printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() : "the file is empty";
      return { ...at, message: `not valid JSON: ${words}` };
    });
    throw new ConfigError(displayPath, problems);
  }
  return { tree, value: getNodeValue(tree) };
}
function displayPathOf(workspaceRoot, path) {
  const rel = relative(workspaceRoot, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : path;
}

// src/config/resolve.ts
var import_picomatch = __toESM(require_picomatch(), 1);

// src/engine/settings.ts
var DEFAULT_CHECK_SETTINGS = {
  severities: {},
  trackingIds: [],
  strictNames: false,
  maxTrackingResources: 1,
  followLinks: true,
  nameResolution: "evaluate"
};

// src/config/resolve.ts
function resolveSettings(config, explicit = {}) {
  const fromConfig = config ? configLayer(config) : {};
  const base = applyLayers(DEFAULT_CHECK_SETTINGS, [fromConfig, explicit]);
  const overrides = (config?.overrides ?? []).map((o) => ({ matches: globMatcher(o.files), layer: configLayer(o) }));
  const cache = /* @__PURE__ */ new Map();
  return {
    base,
    settingsFor(file) {
      const matching = overrides.filter((o) => o.matches(file));
      if (matching.length === 0) return base;
      let settings = cache.get(file);
      if (!settings) {
        settings = applyLayers(DEFAULT_CHECK_SETTINGS, [fromConfig, ...matching.map((o) => o.layer), explicit]);
        cache.set(file, settings);
      }
      return settings;
    },
    patterns(templates = []) {
      const include = templates.length > 0 ? [...templates] : config?.include?.length ? [...config.include] : [];
      const exclude = (config?.exclude ?? []).map((glob) => `!${glob.replace(/^!/, "")}`);
      if (include.length === 0 && exclude.length === 0) return [];
      return [...include.length > 0 ? include : DEFAULT_TEMPLATE_PATTERNS, ...exclude];
    }
  };
}
function applyLayers(start, layers) {
  let settings = start;
  for (const layer of layers) {
    settings = {
      ...settings,
      ...layer.severities ? { severities: { ...settings.severities, ...layer.severities } } : {},
      ...layer.trackingIds ? { trackingIds: [...layer.trackingIds] } : {},
      ...layer.strictNames !== void 0 ? { strictNames: layer.strictNames } : {},
      ...layer.maxTrackingResources !== void 0 ? { maxTrackingResources: layer.maxTrackingResources } : {}
    };
  }
  return settings;
}
function configLayer(source) {
  return {
    ...source.rules ? { severities: source.rules } : {},
    // The schema already checked each id; normalizing makes `pid-` and case not matter.
    ...source.trackingIds ? { trackingIds: source.trackingIds.map((id) => normalizeTrackingId(id) ?? id) } : {},
    ...source.strictNames !== void 0 ? { strictNames: source.strictNames } : {},
    ...source.maxTrackingResources !== void 0 ? { maxTrackingResources: source.maxTrackingResources } : {}
  };
}
function globMatcher(globs) {
  const normalized = globs.map((g) => {
    const body = g.trim().replace(/\\/g, "/").replace(/^\.\//, "");
    return body.includes("/") ? body : `**/${body}`;
  });
  return normalized.length > 0 ? (0, import_picomatch.default)(normalized, { nocase: true, dot: true }) : () => false;
}

export {
  checkWorkspace,
  countFindings,
  formatJson,
  formatSarif,
  loadConfiguration,
  DEFAULT_CHECK_SETTINGS,
  resolveSettings,
  applyLayers
};
