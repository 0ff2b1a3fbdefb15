/** 32-bit hashing for the hashed feature space (FNV-1a for strings, a multiplicative mix for pairs). */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** `hashString(s.slice(from, to))` without making the slice. */
export function hashRange(s: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export function mix(a: number, b: number): number {
  return mixBits(a, b) >>> 0;
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/**
 * `mix`'s 32 bits as a signed integer, for a caller that stores them in a typed array: a result past 2^31 returned as
 * an unsigned number is a heap number when the call is not inlined (the feature functions call it dozens of times a
 * token, past V8's inlining budget), and a signed one never is.
 */
export function mixBits(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** `mix3`'s 32 bits as a signed integer (see `mixBits`). */
export function mix3Bits(a: number, b: number, c: number): number {
  return mixBits(mixBits(a, b), c);
}
