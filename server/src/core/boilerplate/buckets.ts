/**
 * A compact multimap from 30-bit keys to non-negative integer ids: open addressing with linear
 * probing in two Int32Arrays (8 bytes a slot), so the million band keys of a large corpus take a
 * few tens of megabytes instead of a JS Map's hundred. A key holds at most `cap` ids: beyond that it
 * is too common to say anything and is not extended. Keys that hold `cap` are also kept in a set: a line of page
 * furniture in every article of a large corpus otherwise cost a walk over its `cap` slots for each article added
 * (most of the time of reopening 10,000 articles from the analysis cache).
 */
const EMPTY = -1;
const TOMB = -2;

export class Buckets {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private size = 0;
  private used = 0;
  /** Keys holding `cap` ids. */
  private readonly full = new Set<number>();

  constructor(private readonly cap = 256, initial = 1024) {
    this.keys = new Int32Array(initial).fill(EMPTY);
    this.vals = new Int32Array(initial);
    this.mask = initial - 1;
  }

  add(key: number, id: number): void {
    if (this.full.has(key)) return;
    if ((this.used + 1) * 2 > this.keys.length) this.resize();
    let count = 0;
    let free = -1;
    let i = key & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === EMPTY) break;
      if (k === key) {
        if (this.vals[i] === id) return;
        if (++count >= this.cap) {
          this.full.add(key);
          return;
        }
      } else if (k === TOMB && free < 0) {
        free = i;
      }
      i = (i + 1) & this.mask;
    }
    if (free < 0) { free = i; this.used++; }
    this.keys[free] = key;
    this.vals[free] = id;
    this.size++;
    if (count + 1 >= this.cap) this.full.add(key);
  }

  remove(key: number, id: number): void {
    let i = key & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === EMPTY) return;
      if (k === key && this.vals[i] === id) {
        this.keys[i] = TOMB;
        this.size--;
        this.full.delete(key);
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Calls `fn` with each id of `key`, until it returns `false`. */
  forEach(key: number, fn: (id: number) => unknown): void {
    let i = key & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === EMPTY) return;
      if (k === key && fn(this.vals[i]) === false) return;
      i = (i + 1) & this.mask;
    }
  }

  /**
   * Appends to `out`, from `count`, each id of `key` whose `seen` entry is not `stamp`, and stamps it; stops at `max`
   * ids in `out`. Returns the new count, or `max + 1` when an id not yet seen was left out. `out` must have room for
   * `count` plus `cap` ids. It is `forEach` with the caller's loop in it: a passage of a page of near-identical lines
   * meets hundreds of ids over its keys, and a call of a callback for each was most of the time of finding its copies.
   */
  gather(key: number, seen: Int32Array, stamp: number, out: Int32Array, count: number, max: number): number {
    const keys = this.keys;
    const vals = this.vals;
    const mask = this.mask;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === EMPTY) return count;
      if (k !== key) continue;
      const id = vals[i];
      if (seen[id] === stamp) continue;
      if (count >= max) return max + 1;
      seen[id] = stamp;
      out[count++] = id;
    }
  }

  /** The most ids a key holds. */
  get capacity(): number {
    return this.cap;
  }

  /**
   * Ids of each key holding two or more, one key at a time (nothing is built for the whole table, so a caller can stop
   * between keys). A key is taken at the first slot of its probe sequence that holds it.
   */
  *groups(): IterableIterator<readonly number[]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k < 0) continue;
      let first = true;
      for (let j = k & this.mask; j !== i; j = (j + 1) & this.mask) {
        if (this.keys[j] === k) {
          first = false;
          break;
        }
      }
      if (!first) continue;
      const ids: number[] = [];
      this.forEach(k, (id) => ids.push(id));
      if (ids.length > 1) yield ids;
    }
  }

  /** Ids held. */
  get count(): number {
    return this.size;
  }

  /**
   * Makes room for `entries` ids in all at once (a host loading a corpus knows about how many are coming): each
   * doubling of a table of millions of slots otherwise moves every id again, into memory newly faulted in.
   */
  reserve(entries: number): void {
    let capacity = this.keys.length;
    while (capacity < 2 * entries) capacity *= 2;
    if (capacity > this.keys.length) this.resize(capacity);
  }

  private resize(capacity = this.size * 4 > this.keys.length ? this.keys.length * 2 : this.keys.length): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.vals = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    this.used = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k < 0) continue;
      let j = k & this.mask;
      while (this.keys[j] !== EMPTY) j = (j + 1) & this.mask;
      this.keys[j] = k;
      this.vals[j] = oldVals[i];
      this.size++;
      this.used++;
    }
  }
}
