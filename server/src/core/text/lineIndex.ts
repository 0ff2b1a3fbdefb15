/** Converts between UTF-16 offsets and 0-based line/character positions of one text. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    // Line breaks found by indexOf (native), not by a loop over every code unit: each kind's next one is kept until
    // passed (`\r\n` is one break).
    const starts = [0];
    let newline = text.indexOf('\n');
    let ret = text.indexOf('\r');
    while (newline >= 0 || ret >= 0) {
      let i = newline;
      if (ret >= 0 && (newline < 0 || ret < newline)) i = text.charCodeAt(ret + 1) === 10 ? ret + 1 : ret;
      starts.push(i + 1);
      if (newline >= 0 && newline <= i) newline = text.indexOf('\n', i + 1);
      if (ret >= 0 && ret <= i) ret = text.indexOf('\r', i + 1);
    }
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
