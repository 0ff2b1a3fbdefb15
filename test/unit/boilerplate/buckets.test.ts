import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Buckets } from '../../../server/src/core/boilerplate/buckets';

/** What a Buckets holds, kept the plain way: each key's ids, and the keys that hold `cap`. */
class Reference {
  readonly ids = new Map<number, Set<number>>();
  readonly full = new Set<number>();
  constructor(private readonly cap: number) {}

  add(key: number, id: number): void {
    if (this.full.has(key)) return;
    const ids = this.ids.get(key) ?? new Set<number>();
    if (ids.has(id)) return;
    if (ids.size >= this.cap) {
      this.full.add(key);
      return;
    }
    ids.add(id);
    this.ids.set(key, ids);
    if (ids.size >= this.cap) this.full.add(key);
  }

  remove(key: number, id: number): void {
    if (this.ids.get(key)?.delete(id)) this.full.delete(key);
  }

  get count(): number {
    let n = 0;
    for (const s of this.ids.values()) n += s.size;
    return n;
  }
}

type Op = { add: [number, number] } | { remove: [number, number] } | { reserve: number };

const sorted = (xs: Iterable<number>): number[] => [...xs].sort((a, b) => a - b);

describe('Buckets', () => {
  it('holds what a plain map of sets holds through adds, removals and reservations, whatever its size', () => {
    // Keys: a few 30-bit hashes (the index's) and small numbers (which share first slots when not mixed).
    const key = fc.oneof(fc.integer({ min: 0, max: 2 ** 30 - 1 }), fc.integer({ min: 0, max: 12 }));
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(key, fc.nat(20)).map((add) => ({ add })) },
      { weight: 3, arbitrary: fc.tuple(key, fc.nat(20)).map((remove) => ({ remove })) },
      { weight: 1, arbitrary: fc.nat(3000).map((reserve) => ({ reserve })) },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(1, 8, 1024), fc.array(op, { maxLength: 600, size: 'max' }), (cap, initial, ops) => {
        const b = new Buckets(cap, initial);
        const ref = new Reference(cap);
        const keys = new Set<number>();
        for (const o of ops) {
          if ('add' in o) {
            b.add(...o.add);
            ref.add(...o.add);
            keys.add(o.add[0]);
          } else if ('remove' in o) {
            b.remove(...o.remove);
            ref.remove(...o.remove);
          } else b.reserve(o.reserve);
        }
        assert.equal(b.count, ref.count);
        const seen = new Int32Array(21);
        let stamp = 0;
        for (const k of keys) {
          const got: number[] = [];
          b.forEach(k, (id) => void got.push(id));
          const want = sorted(ref.ids.get(k) ?? []);
          assert.deepEqual(sorted(got), want, `key ${k}`);
          const out = new Int32Array(cap + 1);
          const n = b.gather(k, seen, ++stamp, out, 0, cap);
          assert.deepEqual(sorted(out.subarray(0, n)), want, `gather of key ${k}`);
        }
        const groups = [...b.groups()].map((g) => sorted(g).join(',')).sort();
        const want = [...ref.ids.values()].filter((s) => s.size > 1).map((s) => sorted(s).join(',')).sort();
        assert.deepEqual(groups, want);
      }),
      { numRuns: 300 },
    );
  });

  it('is sized for its ids, not to a power of two', () => {
    const b = new Buckets(64, 8);
    b.reserve(1_000_000);
    for (let i = 0; i < 1_000_000; i++) b.add(Math.imul(i, 0x2545f491) >>> 2, i);
    assert.equal(b.count, 1_000_000);
    // Reserved for a million ids at 60 % of its slots (two million slots at the doubling at half full of before).
    assert.equal((b as unknown as { keys: Int32Array }).keys.length, Math.ceil(1_000_000 / 0.6));
  });
});
