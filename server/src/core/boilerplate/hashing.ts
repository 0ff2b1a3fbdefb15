/**
 * Small, fast string and token hashing for the boilerplate index.
 * All hashes are kept in the 30-bit range so V8 stores them as small integers (no heap numbers),
 * which keeps the maps of a 10,000-article corpus compact. Collisions are rare and every match
 * found through a hash is verified on the text before it is reported.
 */

const MASK30 = 0x3fffffff;

/** Final avalanche (murmur3 fmix32). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combines two 32-bit hashes in an order-dependent way. */
export function combine(a: number, b: number): number {
  return mix32(Math.imul(a, 0x9e3779b1) ^ b);
}

/** Hash of a sequence of token hashes, as a 30-bit non-negative integer. */
export function sequenceKey(tokens: Int32Array): number {
  let h = 0x2545f491;
  for (let i = 0; i < tokens.length; i++) h = combine(h, tokens[i]);
  return mix32(h ^ tokens.length) & MASK30;
}

export function to30(h: number): number {
  return h & MASK30;
}
