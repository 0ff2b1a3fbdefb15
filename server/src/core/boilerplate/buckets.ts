/**
 * A compact multimap from 30-bit keys to non-negative integer ids: open addressing with linear
 * probing in two Int32Arrays (8 bytes a slot), so the million band keys of a large corpus take a
 * few tens of megabytes instead of a JS Map's hundred. A key holds at most `cap` ids: beyond that it
 * is too common to say anything and is not extended. Keys that hold `cap` are also kept in a set: a line of page
 * furniture in every article of a large corpus otherwise cost a walk over its `cap` slots for each article added
 * (most of the time of reopening 10,000 articles from the analysis cache).
 *
 * The table is sized for its entries, not to a power of two (a key's first slot is its hash scaled to the table's
 * length): a table that doubled at half full was a quarter to a half full, and the band table of 10,000 articles
 * (1.5 million ids) took 4.2 million slots, 34 MB, where 2.6 million do.
 */
const EMPTY = -1;
const TOMB = -2;
/** A table is made larger past this share of its slots in use (ids and slots freed by a removal). */
const MOST_LOAD = 0.7;
/** The share of its slots a table made larger has in use. */
const LOAD_WHEN_GROWN = 0.45;
/** The share a table made for a number of ids to come (`reserve`) has in use once they have come. */
const LOAD_WHEN_RESERVED = 0.6;

/**
 * The first slot of `key`'s probe sequence in a table of `capacity` slots: the key mixed (a test's keys may be small
 * numbers), its top 24 bits scaled to the table (exactly, in a double, for tables of up to 2^29 slots).
 */
function homeOf(key: number, capacity: number): number {
  return Math.floor(((Math.imul(key, 0x9e3779b1) >>> 8) * capacity) / 16777216);
}

export class Buckets {
  private keys: Int32Array;
  private vals: Int32Array;
  private size = 0;
  private used = 0;
  /** Keys holding `cap` ids. */
  private readonly full = new Set<number>();

  constructor(
    private readonly cap = 256,
    private readonly initial = 1024,
  ) {
    this.keys = new Int32Array(initial).fill(EMPTY);
    this.vals = new Int32Array(initial);
  }

  add(key: number, id: number): void {
    if (this.full.has(key)) return;
    if (this.used + 1 > this.keys.length * MOST_LOAD) this.resize();
    const length = this.keys.length;
    let count = 0;
    let free = -1;
    let i = homeOf(key, length);
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
      if (++i === length) i = 0;
    }
    if (free < 0) { free = i; this.used++; }
    this.keys[free] = key;
    this.vals[free] = id;
    this.size++;
    if (count + 1 >= this.cap) this.full.add(key);
  }

  remove(key: number, id: number): void {
    const length = this.keys.length;
    let i = homeOf(key, length);
    for (;;) {
      const k = this.keys[i];
      if (k === EMPTY) return;
      if (k === key && this.vals[i] === id) {
        this.keys[i] = TOMB;
        this.size--;
        this.full.delete(key);
        return;
      }
      if (++i === length) i = 0;
    }
  }

  /** Calls `fn` with each id of `key`, until it returns `false`. */
  forEach(key: number, fn: (id: number) => unknown): void {
    const length = this.keys.length;
    for (let i = homeOf(key, length); ; ) {
      const k = this.keys[i];
      if (k === EMPTY) return;
      if (k === key && fn(this.vals[i]) === false) return;
      if (++i === length) i = 0;
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
    const length = keys.length;
    for (let i = homeOf(key, length); ; i = i + 1 === length ? 0 : i + 1) {
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
    const length = this.keys.length;
    for (let i = 0; i < length; i++) {
      const k = this.keys[i];
      if (k < 0) continue;
      let first = true;
      for (let j = homeOf(k, length); j !== i; j = j + 1 === length ? 0 : j + 1) {
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
    const capacity = Math.ceil(entries / LOAD_WHEN_RESERVED);
    if (capacity > this.keys.length) this.resize(capacity);
  }

  /**
   * Puts the ids in a table of `capacity` slots: by default one they fill to LOAD_WHEN_GROWN (larger when ids were
   * added, smaller when many were removed: the slots they held are freed).
   */
  private resize(capacity = Math.max(this.initial, Math.ceil((this.size + 1) / LOAD_WHEN_GROWN))): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.vals = new Int32Array(capacity);
    this.size = 0;
    this.used = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k < 0) continue;
      let j = homeOf(k, capacity);
      while (this.keys[j] !== EMPTY) if (++j === capacity) j = 0;
      this.keys[j] = k;
      this.vals[j] = oldVals[i];
      this.size++;
      this.used++;
    }
  }
}
