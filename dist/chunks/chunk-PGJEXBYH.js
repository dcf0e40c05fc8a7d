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

export {
  LineIndex
};
