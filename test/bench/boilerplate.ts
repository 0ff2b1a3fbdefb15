/**
 * Boilerplate benchmark on the synthetic corpus (test/support/corpusGenerator.ts):
 * - accuracy: precision and recall per kind, line by line, on 2,000 generated articles, against a
 *   baseline that hashes exact lines only, measured in the same run;
 * - false alarms on real text: share of CoNLL-2003 Reuters lines flagged (when /work/shared is present);
 * - speed and memory: indexing 10,000 articles (about 40 MB), then computing every article's
 *   findings; CPU time is reported next to wall time because the machine is shared.
 * Run: `npx tsx test/bench/boilerplate.ts` (add `--expose-gc` through NODE_OPTIONS for heap after GC:
 * `NODE_OPTIONS=--expose-gc npx tsx test/bench/boilerplate.ts`). Sizes: BOILERPLATE_BENCH_ARTICLES.
 */
import * as fs from 'node:fs';
import { createBoilerplateIndex } from '../../server/src/core/boilerplate';
import { compileIgnores, filterClusters } from '../../server/src/core/boilerplate/ignoreRules';
import { conllArticles } from '../support/conllDocs';
import { baselinePredictions, formatScores, KINDS, predictedLines, Scorer } from '../support/boilerplateEval';
import { generateCorpus } from '../support/corpusGenerator';

export type { BenchResult } from './benchResult';
import type { BenchResult } from './benchResult';

const TARGET_PR = 0.95;
const TARGET_INDEX_SECONDS = 10;
const TARGET_HEAP_MB = 500;

export async function run(): Promise<BenchResult> {
  const lines: string[] = [];
  let ok = true;
  const accuracyN = Number(process.env.BOILERPLATE_BENCH_ACCURACY ?? 2000);
  const speedN = Number(process.env.BOILERPLATE_BENCH_ARTICLES ?? 10000);

  const accuracy = measureAccuracy(accuracyN);
  lines.push(...accuracy.lines);
  ok &&= accuracy.ok;

  lines.push(...realTextFlags());

  // Speed and memory.
  const big = generateCorpus({ articles: speedN, seed: 7 });
  const mb = big.reduce((a, d) => a + d.text.length, 0) / 1e6;
  const heap0 = heapAfterGc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const idx = createBoilerplateIndex();
  for (const d of big) idx.update(d.uri, d.text);
  const t1 = performance.now();
  const cpu1 = process.cpuUsage(cpu0);
  const heap1 = heapAfterGc();
  let findings = 0;
  const cpu2a = process.cpuUsage();
  for (const d of big) findings += idx.findings(d.uri).length;
  const t2 = performance.now();
  const cpu2 = process.cpuUsage(cpu2a);
  const heap2 = heapAfterGc();
  const cpuIndex = (cpu1.user + cpu1.system) / 1e6;
  const cpuFind = (cpu2.user + cpu2.system) / 1e6;

  // Baseline speed: exact-line hashing of the same corpus.
  const tb0 = performance.now();
  baselinePredictions(big);
  const tb1 = performance.now();

  // Incremental: re-index one article.
  const one = big[Math.floor(big.length / 2)];
  const tu0 = performance.now();
  idx.update(one.uri, one.text + '\nAn added closing line for the incremental test.');
  idx.findings(one.uri);
  const tu1 = performance.now();

  // Clusters for the tree view: computed once per corpus change, then cached; filtered by an ignore list.
  const tc0 = performance.now();
  const clusters = idx.clusters();
  const tc1 = performance.now();
  idx.clusters();
  const tc2 = performance.now();
  idx.update(one.uri, one.text + '\nAn added closing line for the incremental test.\nAnd one more.');
  const tc3 = performance.now();
  idx.clusters();
  const tc4 = performance.now();
  idx.update(one.uri, one.text + '\nAn added closing line for the incremental test.');
  const texts = new Map(big.map((d) => [d.uri, d.text]));
  texts.set(one.uri, one.text + '\nAn added closing line for the incremental test.');
  const ignores = compileIgnores({
    everywhere: clusters.slice(0, 100).map((c) => ({ text: c.text, kind: c.kind })),
    here: clusters.slice(100, 200).map((c) => {
      const p = c.places[0];
      const t = texts.get(p.uri)!;
      return { uri: p.uri, quote: t.slice(p.start, p.end), prefix: t.slice(Math.max(0, p.start - 32), p.start), suffix: t.slice(p.end, p.end + 32), start: p.start, end: p.end };
    }),
  });
  const tf0 = performance.now();
  const kept = filterClusters(clusters, (u) => texts.get(u), ignores).length;
  const tf1 = performance.now();

  const gcNote = heap0 === undefined ? ' (run with NODE_OPTIONS=--expose-gc for heap after GC)' : '';
  lines.push(`speed on ${speedN} generated articles, ${mb.toFixed(1)} MB:`);
  lines.push(`  index: ${((t1 - t0) / 1000).toFixed(2)} s wall, ${cpuIndex.toFixed(2)} s CPU, ${(mb / cpuIndex).toFixed(1)} MB/s CPU`);
  lines.push(`  findings of every article: ${((t2 - t1) / 1000).toFixed(2)} s wall, ${cpuFind.toFixed(2)} s CPU, ${findings} findings`);
  lines.push(`  baseline (exact-line hashing): ${((tb1 - tb0) / 1000).toFixed(2)} s wall; index/baseline = ${((t1 - t0) / (tb1 - tb0)).toFixed(1)}x`);
  lines.push(`  one article re-indexed with its findings: ${(tu1 - tu0).toFixed(1)} ms`);
  lines.push(`  clusters for the tree: ${clusters.length} in ${((tc1 - tc0) / 1000).toFixed(2)} s the first time, ${(tc4 - tc3).toFixed(0)} ms after one article changed, ${(tc2 - tc1).toFixed(1)} ms cached; filtered by 200 ignore entries in ${(tf1 - tf0).toFixed(0)} ms (${kept} kept)`);
  if (heap0 !== undefined && heap1 !== undefined && heap2 !== undefined) {
    lines.push(`  heap after GC: corpus strings ${(heap0 / 1e6).toFixed(0)} MB; +index ${((heap1 - heap0) / 1e6).toFixed(0)} MB; +findings cache ${((heap2 - heap1) / 1e6).toFixed(0)} MB; total ${(heap2 / 1e6).toFixed(0)} MB`);
    if (heap2 / 1e6 > TARGET_HEAP_MB) ok = false;
  } else {
    lines.push(`  heap used now ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB${gcNote}`);
  }
  lines.push(`  rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  if (speedN >= 10000 && cpuIndex > TARGET_INDEX_SECONDS) ok = false;
  lines.push(`targets: P and R >= ${TARGET_PR} per kind, index <= ${TARGET_INDEX_SECONDS} s CPU, heap <= ${TARGET_HEAP_MB} MB: ${ok ? 'met' : 'NOT met'}`);
  return { name: 'boilerplate', lines, ok };
}

function measureAccuracy(accuracyN: number): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  const docs = generateCorpus({ articles: accuracyN, seed: 2026 });
  const index = createBoilerplateIndex();
  for (const d of docs) index.update(d.uri, d.text);
  const scorer = new Scorer();
  for (const d of docs) scorer.add(d, predictedLines(d, index.findings(d.uri)));
  const baseline = new Scorer();
  baselinePredictions(docs).forEach((p, i) => baseline.add(docs[i], p));
  const s = scorer.scores();
  lines.push(`accuracy on ${accuracyN} generated articles (seed 2026), line level:`);
  lines.push(...formatScores('index', s), ...formatScores('baseline', baseline.scores()));
  for (const k of KINDS) if (s[k].precision < TARGET_PR || s[k].recall < TARGET_PR) ok = false;

  return { lines, ok };
}

const CONLL = '/work/shared/data/conll2003/train.txt';

/**
 * Real news text has no furniture labels here, but the CoNLL-2003 Reuters articles (one sentence a
 * line) show how much running text, headlines and sports tables get flagged: an upper bound on
 * false alarms, since a few lines there are real furniture or real copies.
 */
function realTextFlags(): string[] {
  if (!fs.existsSync(CONLL)) return ['real text (CoNLL-2003): skipped: data not found'];
  const docs = conllArticles(fs.readFileSync(CONLL, 'utf8'));
  const index = createBoilerplateIndex();
  docs.forEach((d, i) => index.update(`conll/${i}`, d));
  const counts: Record<string, number> = { chrome: 0, duplicate: 0, 'near-duplicate': 0 };
  let total = 0;
  docs.forEach((d, i) => {
    total += d.split('\n').filter((l) => l.trim()).length;
    for (const f of index.findings(`conll/${i}`)) counts[f.kind]++;
  });
  const pct = (n: number): string => `${n} (${((100 * n) / total).toFixed(1)}%)`;
  return [`real text (CoNLL-2003 train, ${docs.length} Reuters articles, ${total} lines, unlabelled): flagged chrome ${pct(counts.chrome)}, duplicate ${pct(counts.duplicate)}, near-duplicate ${pct(counts['near-duplicate'])}`];
}

function heapAfterGc(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

if (require.main === module) {
  run().then((r) => {
    for (const l of r.lines) console.log(l);
    process.exitCode = r.ok ? 0 : 1;
  }).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
