/**
 * Word clusters: a table from a folded lower-case word to a leaf of a cluster tree learned offline from word vectors
 * (see server/src/training/deriveClusters.ts). A leaf id holds its path from the root, `levelBits[k]` bits per level,
 * so the cluster of a word at a coarser granularity is a prefix of its leaf id (like Brown-cluster bit prefixes).
 *
 * File layout: `WCL1`, u32 header length, ASCII JSON header, the words as UTF-8 joined by `\n` (`wordBytes` bytes),
 * then one little-endian u16 leaf id per word. The NER model file carries a copy of this table (see model.ts).
 */

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
  wordBytes: number;
  /** Where the vectors came from and how the tree was built (for people reading the file). */
  source?: string;
}

const MAGIC = [0x57, 0x43, 0x4c, 0x31]; // "WCL1"

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
  const wordsAt = 8 + headerLen;
  const idsAt = wordsAt + h.wordBytes;
  if (idsAt + 2 * h.count !== bytes.length) throw new Error('Corrupt word-cluster table');
  const words = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(wordsAt, idsAt)).split('\n');
  if (words.length !== h.count) throw new Error('Corrupt word-cluster table');
  const table = new Map<string, number>();
  for (let i = 0; i < words.length; i++) table.set(words[i], bytes[idsAt + 2 * i] | (bytes[idsAt + 2 * i + 1] << 8));
  return Object.freeze({
    levelBits: Object.freeze([...h.levelBits]),
    size: table.size,
    clusterOf: (lowerText: string): number => table.get(lowerText) ?? NO_CLUSTER,
  });
}

/** Serialises a table (used by the derivation script). */
export function encodeWordClusters(words: readonly string[], leaves: readonly number[], levelBits: readonly number[], source: string): Uint8Array {
  if (words.length !== leaves.length) throw new Error('one leaf per word');
  const text = new TextEncoder().encode(words.join('\n'));
  const header: Header = { format: 'word-clusters', levelBits: [...levelBits], count: words.length, wordBytes: text.length, source };
  const json = JSON.stringify(header);
  if (!/^[\x20-\x7e]*$/.test(json)) throw new Error('the header must be ASCII');
  const out = new Uint8Array(8 + json.length + text.length + 2 * words.length);
  out.set(MAGIC, 0);
  writeU32(out, 4, json.length);
  for (let i = 0; i < json.length; i++) out[8 + i] = json.charCodeAt(i);
  out.set(text, 8 + json.length);
  let p = 8 + json.length + text.length;
  for (const leaf of leaves) {
    out[p++] = leaf & 0xff;
    out[p++] = (leaf >> 8) & 0xff;
  }
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

function readU32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function writeU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >> 8) & 0xff;
  b[at + 2] = (v >> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}
