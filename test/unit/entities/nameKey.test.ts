import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { boundedEditDistance, deletionVariantHashes, deletionVariants, nameTokens, tokenKey } from '../../../server/src/core/entities/nameKey';
import { IntTable } from '../../../server/src/core/collections/intTable';

/** Optimal-string-alignment distance, the plain way (the reference for the bounded, row-reusing one). */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ă', 'k', 'h'), minLength: 0, maxLength: 44 });

describe('name keys: variants and edit distance', () => {
  it('splits an ASCII name into the words the token pattern finds, lower-cased, apostrophes inside words dropped', () => {
    // The character-by-character reading of ASCII names against the pattern that defines the tokens.
    const pattern = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
    const byPattern = (t: string) => (t.toLowerCase().match(pattern) ?? []).map((w) => w.replace(/'/g, ''));
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', 'q', '0', '9', ' ', "'", '`', '-', '.', ',', '\t', '"'), maxLength: 16 });
    fc.assert(fc.property(ascii, (t) => assert.deepEqual(nameTokens(t), byPattern(t))), { numRuns: 20_000 });
    assert.deepEqual(nameTokens("O'Brien's Lt.-Gen. X2 'quoted'"), ['obriens', 'lt', 'gen', 'x2', 'quoted']);
    assert.deepEqual(nameTokens('Việt Nam'), ['viet', 'nam']);
  });

  it('gives a word the same key however often it is asked (the memo of keys)', () => {
    const words = ['khamlieng', 'khamliang', 'lakhamphong', 'phouthone', 'nguyen', 'vietnam', '2024'];
    const first = words.map(tokenKey);
    for (let k = 0; k < 60_000; k++) tokenKey(`w${k}`); // past the memo's size: it is cleared and filled again
    assert.deepEqual(words.map(tokenKey), first);
    assert.deepEqual(first.slice(0, 3), ['khamliang', 'khamliang', 'lakhamfong']);
  });

  it('hashes a key and its one-deletion variants as it hashes those strings, one hash per distinct variant', () => {
    /** The hash of a string itself: the first that deletionVariantHashes writes. */
    const hashOf = (s: string): number => {
      const out: number[] = [];
      deletionVariantHashes(s, out);
      return out[0];
    };
    fc.assert(
      fc.property(key, (k) => {
        const out: number[] = [];
        const n = deletionVariantHashes(k, out);
        const variants = deletionVariants(k);
        assert.equal(n, variants.length);
        assert.deepEqual(new Set(out.slice(0, n)), new Set(variants.map(hashOf)));
        for (const h of out.slice(0, n)) assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 30);
      }),
      { numRuns: 1000 },
    );
  });

  it('bounds the edit distance as the plain computation does, call after call', () => {
    fc.assert(
      fc.property(key, key, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const d = osa(a, b);
        const got = boundedEditDistance(a, b, max);
        // Within the bound, the distance itself; past it, any number past it.
        if (d <= max) assert.equal(got, d);
        else assert.ok(got > max, `${got} for distance ${d}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps integers by integer keys, growing past its first size', () => {
    const t = new IntTable(4);
    const want = new Map<number, number>();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 30 - 1 }), fc.nat()), { maxLength: 200 }), (pairs) => {
        for (const [k, v] of pairs) {
          t.set(k, v);
          want.set(k, v);
        }
        assert.equal(t.size, want.size);
        for (const [k, v] of want) assert.equal(t.get(k), v);
        assert.equal(t.get(2 ** 30 - 1) === -1, !want.has(2 ** 30 - 1));
      }),
      { numRuns: 100 },
    );
  });
});
