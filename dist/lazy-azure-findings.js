import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);

// src/engine/text-position.ts
var LineIndex = class {
  text;
  /** Offsets where lines start, ascending; complete up to `scanned`. */
  starts = [0];
  /** Every line start at or before this offset is in `starts`. */
  scanned = 0;
  /** undefined until first use; true when the text has a \r not followed by \n (slow path). */
  loneCarriageReturns;
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
  indexUpTo(offset) {
    if (this.scanned > offset) return;
    const text = this.text;
    this.loneCarriageReturns ??= hasLoneCarriageReturn(text);
    if (this.loneCarriageReturns) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) this.starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          this.starts.push(i + 1);
        }
      }
      this.scanned = Number.POSITIVE_INFINITY;
      return;
    }
    while (this.scanned <= offset) {
      const newline = text.indexOf("\n", this.scanned);
      if (newline === -1) {
        this.scanned = Number.POSITIVE_INFINITY;
        return;
      }
      this.starts.push(newline + 1);
      this.scanned = newline + 1;
    }
  }
};
function hasLoneCarriageReturn(text) {
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

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
  VERIFY_RULES,
  verifyFinding
};
