const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);

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
  return { ruleId, severity: "error", messageId: "verification", message, file: target.file, line, column };
}
export {
  VERIFY_RULES,
  verifyFinding
};
