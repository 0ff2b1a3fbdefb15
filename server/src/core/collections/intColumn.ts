/**
 * A list of 32-bit integers grown as it is appended to, in one typed array. A JavaScript array of hundreds of thousands
 * of numbers is 8 bytes an element in V8's heap, and each time it grows past what it holds, the array it leaves is in
 * the large-object space, which only a full collection empties: the blocks of name variants of a 10,000-article corpus
 * (clusterGraph.ts) left tens of megabytes there. Here an element is 4 bytes, held outside the heap past the first
 * few, and a grown-out array leaves only its small wrapper in the heap (its memory goes when that is collected).
 */
export class IntColumn {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The `i`th value (`i` below `length`). */
  get(i: number): number {
    return this.data[i];
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** The values, in a typed array of their number. */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
