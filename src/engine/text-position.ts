// Converts offsets to 1-based line and column. The line index is built lazily and only as far
// as the offsets asked for: findings near the top of a 50 MB file never index the rest of it.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly text: string;
  /** Offsets where lines start, ascending; complete up to `scanned`. */
  private readonly starts: number[] = [0];
  /** Every line start at or before this offset is in `starts`. */
  private scanned = 0;
  /** undefined until first use; true when the text has a \r not followed by \n (slow path). */
  private loneCarriageReturns: boolean | undefined;

  constructor(text: string) {
    this.text = text;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    this.indexUpTo(clamped);
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
  }

  private indexUpTo(offset: number): void {
    if (this.scanned > offset) return;
    const text = this.text;
    this.loneCarriageReturns ??= hasLoneCarriageReturn(text);
    if (this.loneCarriageReturns) {
      // \r, \n and \r\n each end a line: one pass over the whole text, once.
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) this.starts.push(i + 1);
        else if (c === 0x0d) {
          if (text.charCodeAt(i + 1) === 0x0a) i++;
          this.starts.push(i + 1);
        }
      }
      this.scanned = Number.POSITIVE_INFINITY;
      return;
    }
    // \n and \r\n (nearly every file): indexOf finds line ends far faster than a character loop.
    while (this.scanned <= offset) {
      const newline = text.indexOf('\n', this.scanned);
      if (newline === -1) {
        this.scanned = Number.POSITIVE_INFINITY;
        return;
      }
      this.starts.push(newline + 1);
      this.scanned = newline + 1;
    }
  }
}

/** True when some \r is not followed by \n (an old Mac line end, which starts a line of its own). */
function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 0x0a) return true;
  }
  return false;
}
