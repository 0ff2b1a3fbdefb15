/**
 * Word clusters: a table from a folded lower-case word to a leaf of a cluster tree learned offline from word vectors
 * (see server/src/training/deriveClusters.ts). A leaf id holds its path from the root, `levelBits[k]` bits per level,
 * so the cluster of a word at a coarser granularity is a prefix of its leaf id (like Brown-cluster bit prefixes).
 *
 * Words are stored as their 32-bit FNV-1a hash (hashing.ts, the hash the word features use), sorted, so that loading
 * is two array copies and a lookup a binary search. Of two words with one hash the more frequent was kept; an unknown
 * word takes a known word's cluster only if its hash collides with one (about 1 in 86,000 for 50,000 words).
 *
 * File layout: `WCL2`, u32 header length, ASCII JSON header, then `count` little-endian u32 hashes in ascending order,
 * then one little-endian u16 leaf id per hash. The NER model file carries a copy of this table (see model.ts).
 */
import * as hashing from './hashing';

const { hashString } = hashing;

/** Leaf id of a word the table does not hold. */
export const NO_CLUSTER = 0xffff;

export interface WordClusters {
  /** Bits of the leaf id per level, coarsest first. */
  readonly levelBits: readonly number[];
  readonly size: number;
  /** Leaf id of a folded lower-case word, or `NO_CLUSTER`. */
  clusterOf(lowerText: string): number;
}

interface Header {
  format: 'word-clusters';
  levelBits: number[];
  count: number;
  /** Where the vectors came from and how the tree was built (for people reading the file). */
  source?: string;
}

const MAGIC = [0x57, 0x43, 0x4c, 0x32]; // "WCL2"

/** A table with no words: every word is `NO_CLUSTER`. */
export const EMPTY_CLUSTERS: WordClusters = Object.freeze({
  levelBits: Object.freeze([]) as readonly number[],
  size: 0,
  clusterOf: (): number => NO_CLUSTER,
});

export function parseWordClusters(bytes: Uint8Array): WordClusters {
  if (bytes.length < 8 || MAGIC.some((m, i) => bytes[i] !== m)) throw new Error('Not a word-cluster table');
  const headerLen = readU32(bytes, 4);
  let header = '';
  for (let i = 8; i < 8 + headerLen; i++) header += String.fromCharCode(bytes[i]);
  const h = JSON.parse(header) as Header;
  if (h.format !== 'word-clusters') throw new Error(`Unsupported word-cluster table (${h.format})`);
  const n = h.count;
  const hashesAt = 8 + headerLen;
  const leavesAt = hashesAt + 4 * n;
  if (leavesAt + 2 * n !== bytes.length) throw new Error('Corrupt word-cluster table');
  const hashes = new Uint32Array(n);
  const leaves = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = readU32(bytes, hashesAt + 4 * i);
    leaves[i] = bytes[leavesAt + 2 * i] | (bytes[leavesAt + 2 * i + 1] << 8);
    if (i > 0 && hashes[i] <= hashes[i - 1]) throw new Error('Corrupt word-cluster table (hashes out of order)');
  }
  return Object.freeze({
    levelBits: Object.freeze([...h.levelBits]),
    size: n,
    clusterOf(lowerText: string): number {
      const key = hashString(lowerText);
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = hashes[mid];
        if (v === key) return leaves[mid];
        if (v < key) lo = mid + 1;
        else hi = mid - 1;
      }
      return NO_CLUSTER;
    },
  });
}

/**
 * Serialises a table (used by the derivation script): `words` in order of frequency, most frequent first, so that of
 * two words with one hash the first is kept. Returns the file.
 */
export function encodeWordClusters(
  words: readonly string[],
  leaves: readonly number[],
  levelBits: readonly number[],
  source: string,
): Uint8Array {
  if (words.length !== leaves.length) throw new Error('one leaf per word');
  const byHash = new Map<number, number>();
  words.forEach((w, i) => {
    const key = hashString(w);
    if (!byHash.has(key)) byHash.set(key, leaves[i]);
  });
  const keys = [...byHash.keys()].sort((a, b) => a - b);
  const header: Header = { format: 'word-clusters', levelBits: [...levelBits], count: keys.length, source };
  const json = JSON.stringify(header);
  if (!/^[\x20-\x7e]*$/.test(json)) throw new Error('the header must be ASCII');
  const out = new Uint8Array(8 + json.length + 6 * keys.length);
  out.set(MAGIC, 0);
  writeU32(out, 4, json.length);
  for (let i = 0; i < json.length; i++) out[8 + i] = json.charCodeAt(i);
  const hashesAt = 8 + json.length;
  const leavesAt = hashesAt + 4 * keys.length;
  keys.forEach((key, i) => {
    writeU32(out, hashesAt + 4 * i, key);
    const leaf = byHash.get(key) ?? NO_CLUSTER;
    out[leavesAt + 2 * i] = leaf & 0xff;
    out[leavesAt + 2 * i + 1] = (leaf >> 8) & 0xff;
  });
  return out;
}

/**
 * The cluster ids of a leaf at each level, coarsest first, each tagged with its level so that ids of different
 * levels never coincide (`NO_CLUSTER` gives the same "unknown" id at every level).
 */
export function clusterPath(clusters: WordClusters, leaf: number): number[] {
  const bits = clusters.levelBits;
  const total = bits.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let used = 0;
  for (let k = 0; k < bits.length; k++) {
    used += bits[k];
    out.push(leaf === NO_CLUSTER ? NO_CLUSTER : ((k + 1) << 16) | (leaf >>> (total - used)));
  }
  return out;
}

/** `clusterPath(clusters, leaf)[level]`, without making the path. */
export function clusterAtLevel(clusters: WordClusters, leaf: number, level: number): number {
  if (leaf === NO_CLUSTER) return NO_CLUSTER;
  const bits = clusters.levelBits;
  let total = 0;
  for (let k = 0; k < bits.length; k++) total += bits[k];
  let used = 0;
  for (let k = 0; k <= level; k++) used += bits[k];
  return ((level + 1) << 16) | (leaf >>> (total - used));
}

function readU32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function writeU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >> 8) & 0xff;
  b[at + 2] = (v >> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}
