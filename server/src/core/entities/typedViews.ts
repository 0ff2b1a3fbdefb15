/**
 * Small typed arrays of one length cut from shared blocks. Making a view of a block costs a fraction of making a typed
 * array of its own (measured in Node 20: 60,000 vectors of 17 u32, 8-23 ms as views, 57-234 ms as their own arrays),
 * and the recogniser makes one per new word form. A vector keeps its block alive: the blocks are small (4,096 vectors).
 */
type ViewOf<T> = new (buffer: ArrayBuffer, byteOffset: number, length: number) => T;

export class TypedViews<T> {
  private block = new ArrayBuffer(0);
  private used = 0;
  private readonly bytes: number;

  constructor(
    private readonly View: ViewOf<T> & { readonly BYTES_PER_ELEMENT: number },
    private readonly length: number,
    private readonly perBlock = 4096,
  ) {
    this.bytes = length * View.BYTES_PER_ELEMENT;
  }

  /** A new zeroed vector of `length` elements. */
  next(): T {
    if (this.used + this.bytes > this.block.byteLength) {
      this.block = new ArrayBuffer(this.bytes * this.perBlock);
      this.used = 0;
    }
    const v = new this.View(this.block, this.used, this.length);
    this.used += this.bytes;
    return v;
  }
}
