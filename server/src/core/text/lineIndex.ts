/** Converts between UTF-16 offsets and 0-based line/character positions of one text. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * Calls `line(start, end)` for each line of `text` as `text.split(/\r?\n|\r/)` gives them (`end` is where its line
 * break starts), without making a string for each. Line breaks are found by indexOf (native), not by a loop over every
 * code unit: each kind's next one is kept until passed.
 */
export function forEachLine(text: string, line: (start: number, end: number) => void): void {
  const n = text.length;
  let newline = text.indexOf('\n');
  let ret = text.indexOf('\r');
  let start = 0;
  while (newline >= 0 || ret >= 0) {
    const end = ret >= 0 && (newline < 0 || ret < newline) ? ret : newline;
    line(start, end);
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    if (newline >= 0 && newline < start) newline = text.indexOf('\n', start);
    if (ret >= 0 && ret < start) ret = text.indexOf('\r', start);
  }
  line(start, n);
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts: number[] = [];
    forEachLine(text, (start) => starts.push(start));
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }
}
