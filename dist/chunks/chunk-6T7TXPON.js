import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  LineIndex
} from "./chunk-PGJEXBYH.js";

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
function nameNeedles(resourceName) {
  if (!resourceName) return [];
  const last = resourceName.split("/").pop();
  return last && last !== resourceName ? [resourceName, last] : [resourceName];
}

// src/azure/findings.ts
var VERIFY_RULES = {
  CUA100: "azure-request-failed",
  CUA101: "deployment-failed",
  CUA102: "tracking-missing",
  CUA103: "tracking-not-succeeded",
  CUA104: "nothing-tracked",
  CUA105: "preview-missing-tracking",
  CUA106: "preflight-failed",
  CUA107: "stopped",
  CUA108: "template-not-deployable"
};
function verifyFinding(target, ruleId, message, needles = []) {
  const { line, column } = locateInTemplate(target.text, needles);
  return { ruleId, severity: "error", message, file: target.file, line, column };
}

export {
  nameNeedles,
  VERIFY_RULES,
  verifyFinding
};
