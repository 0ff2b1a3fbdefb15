/**
 * A map from 30-bit non-negative integers to non-negative integers in two Int32Arrays (open addressing, linear
 * probing), for tables of hundreds of thousands of entries built and dropped in one pass (the blocks of name
 * variants in clustering): no object per entry and no boxed number, so building one makes little for the garbage
 * collector, unlike a Map of that size, which it copies as it grows.
 */
const EMPTY = -1;

export class IntTable {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private count = 0;

  /** `expected`: about how many entries will be set (the table starts at twice that, and grows past it). */
  constructor(expected = 64) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.vals = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    for (let i = key & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === key) return this.vals[i];
      if (k === EMPTY) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    for (let i = key & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === key) {
        this.vals[i] = value;
        return;
      }
      if (k === EMPTY) {
        this.keys[i] = key;
        this.vals[i] = value;
        this.count++;
        return;
      }
    }
  }

  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.set(keys[i], vals[i]);
  }
}
