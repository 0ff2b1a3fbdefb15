/**
 * The shipped NER model: a hashed weight table, quantised to int16 (uniform steps), stored sparsely.
 * File layout: `NER1`, u32 header length, UTF-8 JSON header, then for each non-zero bucket a varint
 * delta of its index followed by one little-endian int16 weight per label, then (`clusterBytes` long) the word-cluster
 * table the model was trained with (wordClusters.ts). A string argument is read as base64.
 */
import { LABELS, N_LABELS } from './labels';
import type { WeightTable } from './tagger';
import { EMPTY_CLUSTERS, parseWordClusters, type WordClusters } from './wordClusters';

/** Bump when the feature extraction changes, so stale weight files are rejected. */
export const FEATURE_VERSION = 8;

export interface NerModel extends WeightTable {
  /** Weights in units of `scale` (argmax does not need the scale). */
  readonly weights: Int16Array;
  readonly scale: number;
  readonly featureVersion: number;
  /** Words mostly written in lower case in the training text (folded); used to trim Title Case headlines. */
  readonly commonWords: ReadonlySet<string>;
  /** The word clusters the distributional features read (those the weights were trained with). */
  readonly clusters: WordClusters;
}

interface Header {
  format: 'ner-hashed-perceptron';
  featureVersion: number;
  bits: number;
  labels: string[];
  /** Weight = int16 code × scale. */
  scale: number;
  buckets: number;
  commonWords?: string[];
  /** Length of the word-cluster table after the weights (0 or absent: none). */
  clusterBytes?: number;
}

const MAGIC = [0x4e, 0x45, 0x52, 0x31]; // "NER1"

export function parseNerModel(data: string | Uint8Array): NerModel {
  const bytes = typeof data === 'string' ? base64ToBytes(data) : data;
  if (bytes.length < 8 || MAGIC.some((m, i) => bytes[i] !== m)) throw new Error('Not an NER model file');
  const headerLen = bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24);
  const header = JSON.parse(utf8Decode(bytes.subarray(8, 8 + headerLen))) as Header;
  if (header.format !== 'ner-hashed-perceptron' || header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`Unsupported NER model (format ${header.format}, features v${header.featureVersion})`);
  }
  if (header.labels.join() !== LABELS.join()) throw new Error('NER model labels do not match');
  const weights = new Int16Array((1 << header.bits) * N_LABELS);
  let p = 8 + headerLen;
  let bucket = -1;
  for (let n = 0; n < header.buckets; n++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      delta += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    bucket += delta;
    const o = bucket * N_LABELS;
    for (let k = 0; k < N_LABELS; k++, p += 2) weights[o + k] = ((bytes[p] | (bytes[p + 1] << 8)) << 16) >> 16;
  }
  const clusterBytes = header.clusterBytes ?? 0;
  if (p + clusterBytes !== bytes.length) throw new Error('Corrupt NER model file');
  const clusters = clusterBytes > 0 ? parseWordClusters(bytes.subarray(p, p + clusterBytes)) : EMPTY_CLUSTERS;
  return {
    bits: header.bits,
    weights,
    scale: header.scale,
    featureVersion: header.featureVersion,
    commonWords: new Set(header.commonWords ?? []),
    clusters,
  };
}

/** Serialises an int16 table (used by the training script). */
export function encodeNerModel(
  bits: number,
  weights: Int16Array,
  scale: number,
  commonWords: readonly string[] = [],
  clusters: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const body: number[] = [];
  let count = 0;
  let last = -1;
  const nb = 1 << bits;
  for (let b = 0; b < nb; b++) {
    const o = b * N_LABELS;
    let any = false;
    for (let k = 0; k < N_LABELS; k++) if (weights[o + k] !== 0) any = true;
    if (!any) continue;
    let delta = b - last;
    last = b;
    while (delta >= 0x80) {
      body.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    body.push(delta);
    for (let k = 0; k < N_LABELS; k++) body.push(weights[o + k] & 0xff, (weights[o + k] >> 8) & 0xff);
    count++;
  }
  const header: Header = {
    format: 'ner-hashed-perceptron',
    featureVersion: FEATURE_VERSION,
    bits,
    labels: [...LABELS],
    scale,
    buckets: count,
    commonWords: commonWords.filter((w) => /^[\x20-\x7e]+$/.test(w)),
    clusterBytes: clusters.length,
  };
  const h = utf8Encode(JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + body.length + clusters.length);
  out.set(MAGIC, 0);
  out[4] = h.length & 0xff;
  out[5] = (h.length >> 8) & 0xff;
  out[6] = (h.length >> 16) & 0xff;
  out[7] = (h.length >>> 24) & 0xff;
  out.set(h, 8);
  out.set(body, 8 + h.length);
  out.set(clusters, 8 + h.length + body.length);
  return out;
}

/** The header is plain ASCII JSON. */
function utf8Decode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0x7f;
  return out;
}

function base64ToBytes(s: string): Uint8Array {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bitsBuf = 0;
  let nbits = 0;
  let p = 0;
  for (let i = 0; i < clean.length; i++) {
    bitsBuf = (bitsBuf << 6) | A.indexOf(clean[i]);
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out[p++] = (bitsBuf >> nbits) & 0xff;
    }
  }
  return out.subarray(0, p);
}
