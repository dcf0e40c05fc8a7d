import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  parameterValuesFromText,
  parseTemplateText,
  readWorkspaceFile
} from "./chunk-2HH2WG4V.js";
import {
  parse
} from "./chunk-NE42B3TH.js";
import "./chunk-7WF6B6PZ.js";
import "./chunk-PGJEXBYH.js";
import "./chunk-ARP5BQKI.js";

// src/secrets/find-secrets.ts
var MIN_SECRET_LENGTH = 3;
var SECURE_TYPES = /* @__PURE__ */ new Set(["securestring", "secureobject"]);
var QUERY_END = /* @__PURE__ */ new Set([" ", "	", "\r", "\n", '"', "'", "#", "?", "`"]);
var SAS_PARAMETER_NAME = /sas(?:token|key|url|uri)?$|sastoken|sasurl/i;
var MAX_DEPTH = 256;
function findSecrets(root, parameterValues = {}, linkedSecureParameters = /* @__PURE__ */ new Set()) {
  const found = /* @__PURE__ */ new Set();
  if (isRecord(root)) collectTemplate(root, parameterValues, linkedSecureParameters, found, 0);
  return finish(found);
}
function secretsInParameterValues(values, secureNames) {
  const found = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(values)) {
    if (secureNames.has(name.toLowerCase())) addValue(value, found, 0);
    else if (SAS_PARAMETER_NAME.test(name)) addSasTokens(value, found, 0, true);
  }
  return finish(found);
}
function secureParameterNames(template) {
  const names = /* @__PURE__ */ new Set();
  if (!isRecord(template) || !isRecord(template["parameters"])) return names;
  for (const [name, declaration] of Object.entries(template["parameters"])) {
    if (isSecureDeclaration(declaration)) names.add(name.toLowerCase());
  }
  return names;
}
function collectTemplate(template, values, linkedSecure, found, depth) {
  if (depth > MAX_DEPTH) return;
  const declared = isRecord(template["parameters"]) ? template["parameters"] : {};
  const lowerValues = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, declaration] of Object.entries(declared)) {
    const secure = isSecureDeclaration(declaration);
    const sas = SAS_PARAMETER_NAME.test(name);
    if (!secure && !sas) continue;
    const given = lowerValues.get(name.toLowerCase());
    for (const value of [isRecord(declaration) ? declaration["defaultValue"] : void 0, given]) {
      if (secure) addValue(value, found, 0);
      addSasTokens(value, found, 0, !secure);
    }
  }
  for (const resource of resourceList(template["resources"])) collectResource(resource, linkedSecure, found, depth + 1);
}
function collectResource(resource, linkedSecure, found, depth) {
  if (depth > MAX_DEPTH) return;
  const properties = resource["properties"];
  if (isRecord(properties)) {
    const link = properties["templateLink"];
    if (isRecord(link)) {
      addSasTokens(link["uri"], found, 0, false);
      addSasTokens(link["relativePath"], found, 0, false);
    }
    const passed = isRecord(properties["parameters"]) ? properties["parameters"] : {};
    const passedValues = {};
    for (const [name, entry] of Object.entries(passed)) {
      if (isRecord(entry) && "value" in entry) passedValues[name] = entry["value"];
    }
    const inline = properties["template"];
    if (isRecord(inline)) {
      collectTemplate(inline, passedValues, linkedSecure, found, depth + 1);
    } else if (isRecord(link)) {
      for (const [name, value] of Object.entries(passedValues)) {
        if (linkedSecure.has(name.toLowerCase())) addValue(value, found, 0);
        else if (SAS_PARAMETER_NAME.test(name)) addSasTokens(value, found, 0, true);
      }
    }
  }
  for (const child of resourceList(resource["resources"])) collectResource(child, linkedSecure, found, depth + 1);
}
function addValue(value, found, depth) {
  if (depth > MAX_DEPTH || value === void 0 || value === null) return false;
  if (typeof value === "string") return !isExpression(value) && add(value, found);
  if (typeof value !== "object") return false;
  let any = false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) any = addValue(item, found, depth + 1) || any;
  if (any && depth === 0) add(safeStringify(value), found);
  return any;
}
function isExpression(value) {
  const trimmed = value.trim();
  return trimmed.startsWith("[") && !trimmed.startsWith("[[") && trimmed.endsWith("]");
}
function addSasTokens(value, found, depth, wholeValue) {
  if (depth > MAX_DEPTH || value === void 0 || value === null) return;
  if (typeof value === "string") {
    if (wholeValue && !value.startsWith("[")) add(value, found);
    for (const token of sasQueries(value)) {
      add(token, found);
      add(`?${token}`, found);
      const sig = /(?:^|&)sig=([^&]+)/i.exec(token)?.[1];
      if (sig !== void 0) {
        add(sig, found);
        const decoded = safeDecode(sig);
        if (decoded !== sig) add(decoded, found);
      }
    }
    return;
  }
  if (typeof value !== "object") return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) addSasTokens(item, found, depth + 1, wholeValue);
}
function sasQueries(text) {
  const lower = text.toLowerCase();
  const out = [];
  let from = 0;
  for (; ; ) {
    const at = lower.indexOf("sig=", from);
    if (at === -1) return out;
    const before = at === 0 ? "?" : text.charAt(at - 1);
    if (before !== "?" && before !== "&" && !QUERY_END.has(before)) {
      from = at + 4;
      continue;
    }
    let start = at;
    while (start > 0 && !QUERY_END.has(text.charAt(start - 1))) start--;
    let end = at + 4;
    while (end < text.length && !QUERY_END.has(text.charAt(end))) end++;
    out.push(text.slice(start, end).replace(/^&+/, ""));
    from = end;
  }
}
function add(value, found) {
  let added = false;
  if (value.trim().length >= MIN_SECRET_LENGTH) {
    found.add(value);
    added = true;
  }
  if (value.includes("\n")) {
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_SECRET_LENGTH) found.add(line);
    }
  }
  return added;
}
function finish(found) {
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
function isSecureDeclaration(declaration) {
  return isRecord(declaration) && typeof declaration["type"] === "string" && SECURE_TYPES.has(declaration["type"].toLowerCase());
}
function resourceList(resources) {
  if (Array.isArray(resources)) return resources.filter(isRecord);
  if (isRecord(resources)) return Object.values(resources).filter(isRecord);
  return [];
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function safeStringify(value) {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// src/secrets/report-secrets.ts
var MAY_HOLD_SECRET = /secure(?:string|object)|sig=|sas/i;
function secretsOfReport(workspace, report) {
  const found = /* @__PURE__ */ new Set();
  const roots = /* @__PURE__ */ new Map();
  const rootOf = (file) => {
    if (!roots.has(file)) roots.set(file, readRoot(workspace, file));
    return roots.get(file);
  };
  for (const file of report.files) {
    try {
      collectFile(file, rootOf, workspace, found);
    } catch {
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}
function collectFile(file, rootOf, workspace, found) {
  const linkedSecure = /* @__PURE__ */ new Set();
  for (const linked of file.linkedFiles) for (const name of secureParameterNames(rootOf(linked))) linkedSecure.add(name);
  const main = rootOf(file.path);
  let values = {};
  if (file.parametersFile) {
    const read = readWorkspaceFile(workspace, file.parametersFile);
    if (read.ok) {
      values = parameterValuesFromText(read.text, file.parametersFile).values;
      for (const s of secretsInParameterValues(values, secureParameterNames(main))) found.add(s);
      for (const s of sasQueries(read.text)) found.add(s);
    }
  }
  for (const s of findSecrets(main, values, linkedSecure)) found.add(s);
  for (const linked of file.linkedFiles) for (const s of findSecrets(rootOf(linked), {}, linkedSecure)) found.add(s);
}
function readRoot(workspace, file) {
  const read = readWorkspaceFile(workspace, file);
  if (!read.ok || !MAY_HOLD_SECRET.test(read.text)) return void 0;
  const parsed = parseTemplateText(read.text);
  if (parsed.ok) return parsed.value;
  try {
    return parse(parsed.text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    return void 0;
  }
}
export {
  secretsOfReport
};
