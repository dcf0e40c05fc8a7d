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
  /** The next \r at or after `scanned` (Infinity when there is none), found with indexOf too. */
  private nextReturn = -1;

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

  /**
   * \n, \r\n and a lone \r each end a line. indexOf finds line ends far faster than a character
   * loop, and only as far as asked: a finding near the top of a 50 MB file indexes little of it.
   * In a file without \r (most), the \r search runs once and finds none.
   */
  private indexUpTo(offset: number): void {
    const text = this.text;
    while (this.scanned <= offset) {
      if (this.nextReturn !== Number.POSITIVE_INFINITY && this.nextReturn < this.scanned) {
        const found = text.indexOf('\r', this.scanned);
        this.nextReturn = found === -1 ? Number.POSITIVE_INFINITY : found;
      }
      const newline = text.indexOf('\n', this.scanned);
      const end = newline === -1 ? Number.POSITIVE_INFINITY : newline;
      if (this.nextReturn < end && this.nextReturn + 1 !== end) {
        // A lone \r (old Mac line end) starts a line of its own.
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
}
