/**
 * NER benchmark: exact-span entity F1 (conlleval convention) per type and overall on CoNLL-2003 valid.txt, on its
 * selection part (three documents in four, used to select models) and on the quarter held back (server/src/training/
 * conllSplit.ts), side by side with the domain sets: those the model is trained on (server/src/training/data), the
 * two it was selected on, and the blind set of 2026-12-03 (test/bench/data, never trained or tuned on); throughput in MB/s against a regex
 * capitalised-sequence tagger measured in the same run, model load time and size.
 * `NER_MODEL=path` measures another model file (a candidate being selected) instead of the shipped one.
 *
 * The text of each CoNLL document is built from its tokens joined with single spaces, one sentence per line;
 * each document is recognised as one text. A predicted entity counts only if it starts and ends exactly on
 * gold token boundaries with the right type.
 *
 *   npx tsx test/bench/ner.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import { createEntityRecognizer } from '../../server/src/core/entities/recognizer';
import { defaultNerModelPath, loadNerModel } from '../../server/src/node/nerModelFile';
import { parseConll } from '../../server/src/training/conll';
import { isHeldBack } from '../../server/src/training/conllSplit';
import { addSpans, f1, newScores, spansOfTags, type TypedSpan } from '../../server/src/training/spanEval';
import type { EntityRecognizer } from '../../server/src/core/entities/recognizer';
import { parseMarkup } from '../../server/src/training/markup';
import { DOMAIN_PASSAGES } from '../../server/src/training/data/ner-domain';
import { DEV2_PASSAGES } from '../../server/src/training/data/ner-domain-dev2';
import { DEV3_PASSAGES } from '../../server/src/training/data/ner-domain-dev3';
import { HELDOUT_PASSAGES } from './data/ner-domain-heldout';
import { UNSEEN_PASSAGES } from './data/ner-domain-unseen';
import { BLIND_DOMAIN_PASSAGES, BLIND_WIRE_PASSAGES } from './data/ner-blind-2026-12-03';
import { BLIND_WIRE_B_PASSAGES } from './data/ner-blind-wire-2026-12-03b';

export type { BenchResult } from './benchResult';
import type { BenchResult } from './benchResult';

const VALID = '/work/shared/data/conll2003/valid.txt';
const TYPE_CODES: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', LOCATION: 'LOC', MISC: 'MISC' };
const TARGET_F1 = 0.88;
const TARGET_MBPS = 2;

interface BenchDoc {
  text: string;
  /** Token index by character offset of token start / end (+1), or undefined. */
  startAt: Map<number, number>;
  endAt: Map<number, number>;
  gold: TypedSpan[];
}

function buildDocs(raw: string): BenchDoc[] {
  return parseConll(raw).map((doc) => {
    const startAt = new Map<number, number>();
    const endAt = new Map<number, number>();
    const gold: TypedSpan[] = [];
    const lines: string[] = [];
    let offset = 0;
    let index = 0;
    for (const s of doc) {
      for (const sp of spansOfTags(s.tags)) gold.push({ start: sp.start + index, end: sp.end + index, type: sp.type });
      s.words.forEach((w, k) => {
        startAt.set(offset, index + k);
        endAt.set(offset + w.length, index + k + 1);
        offset += w.length + 1;
      });
      index += s.words.length;
      lines.push(s.words.join(' '));
    }
    return { text: lines.join('\n'), startAt, endAt, gold };
  });
}

/** The trivial baseline: every run of capitalised words is an entity (typed MISC). */
function baseline(text: string): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  const re = /\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, type: 'MISC' });
  return out;
}

/** Best of `repeats` runs: wall-clock ms and CPU ms of this (single-threaded) process. */
function timeIt(fn: () => void, repeats: number): { wall: number; cpu: number } {
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, Number(process.hrtime.bigint() - t0) / 1e6);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

function loadAverage(): string {
  return os.loadavg()[0].toFixed(1);
}

/** Exact character-span P/R/F1 lines (per type and overall) of the recogniser on marked-up passages. */
export function scorePassages(recognizer: EntityRecognizer, passages: readonly string[]): { lines: string[]; f: number } {
  const scores = newScores();
  for (const p of passages) {
    const { text, gold } = parseMarkup(p);
    addSpans(scores, gold, recognizer.recognize(text).filter((e) => !e.nested).map((e) => ({ start: e.start, end: e.end, type: TYPE_CODES[e.type] })));
  }
  const lines = ['PER', 'ORG', 'LOC', 'MISC'].map((t) => {
    const c = scores.byType.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const r = f1(c);
    return `  ${t} P ${(100 * r.p).toFixed(2)} R ${(100 * r.r).toFixed(2)} F1 ${(100 * r.f).toFixed(2)} (gold ${c.tp + c.fn})`;
  });
  const total = f1(scores.total);
  lines.push(`  overall P ${(100 * total.p).toFixed(2)} R ${(100 * total.r).toFixed(2)} F1 ${(100 * total.f).toFixed(2)}`);
  return { lines, f: total.f };
}

interface DomainFigures {
  lines: string[];
  tuned: number;
  dev2: number;
  dev3: number;
  heldOut: number;
  unseen: number;
  blindWire: number;
  blindDomain: number;
  blindWireB: number;
}

function domainLines(recognizer: EntityRecognizer): DomainFigures {
  const lines = [`domain set (own, hand-annotated; tuned on and trained on; ${DOMAIN_PASSAGES.length} passages, exact character spans):`];
  const tuned = scorePassages(recognizer, DOMAIN_PASSAGES);
  lines.push(...tuned.lines);
  lines.push(`domain development part 2 (written by a helper on 2026-12-03; tuned on and trained on; ${DEV2_PASSAGES.length} passages):`);
  const dev2 = scorePassages(recognizer, DEV2_PASSAGES);
  lines.push(...dev2.lines);
  lines.push(`domain development part 3 (organisation-rich, written by a helper on 2026-12-03; tuned on and trained on; ${DEV3_PASSAGES.length} passages):`);
  const dev3 = scorePassages(recognizer, DEV3_PASSAGES);
  lines.push(...dev3.lines);
  lines.push(`domain held-out part (own, hand-annotated, not inspected while tuning, never trained on; the model's domain weight was selected on it; ${HELDOUT_PASSAGES.length} passages):`);
  const heldOut = scorePassages(recognizer, HELDOUT_PASSAGES);
  lines.push(...heldOut.lines);
  lines.push(
    `domain unseen part (own, hand-annotated blind by a helper before the NER work of 2026-12-03; never tuned on, but its ` +
      `aggregate was read after each step of that work, and the model's domain weight selected on it; never trained on; ${UNSEEN_PASSAGES.length} passages):`,
  );
  const unseen = scorePassages(recognizer, UNSEEN_PASSAGES);
  lines.push(...unseen.lines);
  // The blind set of the second session of 2026-12-03: committed before anything was measured on it.
  lines.push(`blind wire set (world news, written blind by a helper, committed before any measurement; aggregate only; ${BLIND_WIRE_PASSAGES.length} passages):`);
  const blindWire = scorePassages(recognizer, BLIND_WIRE_PASSAGES);
  lines.push(...blindWire.lines);
  lines.push(`blind domain set (regional defence news, written blind with it; aggregate only; ${BLIND_DOMAIN_PASSAGES.length} passages):`);
  const blindDomain = scorePassages(recognizer, BLIND_DOMAIN_PASSAGES);
  lines.push(...blindDomain.lines);
  lines.push(`second blind wire set (world news, written blind by a helper later that day, committed before any measurement; aggregate only; ${BLIND_WIRE_B_PASSAGES.length} passages):`);
  const blindWireB = scorePassages(recognizer, BLIND_WIRE_B_PASSAGES);
  lines.push(...blindWireB.lines);
  return {
    lines, tuned: tuned.f, dev2: dev2.f, dev3: dev3.f, heldOut: heldOut.f, unseen: unseen.f, blindWire: blindWire.f, blindDomain: blindDomain.f, blindWireB: blindWireB.f,
  };
}

/** Exact token-span P/R/F1 lines (per type and overall) of the recogniser on CoNLL documents. */
function scoreDocs(recognizer: EntityRecognizer, docs: readonly BenchDoc[]): { lines: string[]; f: number } {
  const scores = newScores();
  for (const d of docs) {
    // Flat gold: names nested in another mention (a party inside an event's name) are left out.
    const predicted = recognizer.recognize(d.text).filter((e) => !e.nested).map((e) => {
      const s = d.startAt.get(e.start);
      const t = d.endAt.get(e.end);
      const type = TYPE_CODES[e.type];
      return s === undefined || t === undefined ? { start: -e.start - 1, end: -e.end - 1, type } : { start: s, end: t, type };
    });
    addSpans(scores, d.gold, predicted);
  }
  const lines = ['PER', 'ORG', 'LOC', 'MISC'].map((t) => {
    const c = scores.byType.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const r = f1(c);
    return `  ${t} P ${(100 * r.p).toFixed(2)} R ${(100 * r.r).toFixed(2)} F1 ${(100 * r.f).toFixed(2)}`;
  });
  const total = f1(scores.total);
  lines.push(`  overall P ${(100 * total.p).toFixed(2)} R ${(100 * total.r).toFixed(2)} F1 ${(100 * total.f).toFixed(2)}`);
  return { lines, f: total.f };
}

export async function run(): Promise<BenchResult> {
  const name = 'ner';
  const lines: string[] = [];
  const modelPath = process.env.NER_MODEL || defaultNerModelPath();
  const size = fs.statSync(modelPath).size;
  let t0 = process.hrtime.bigint();
  const model = loadNerModel(modelPath);
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  lines.push(`model ${modelPath}: ${(size / 1e6).toFixed(2)} MB (word clusters: ${model.clusters.size} words), loaded in ${loadMs.toFixed(0)} ms`);
  if (!fs.existsSync(VALID)) {
    lines.push(`skipped: data not found (${VALID})`);
    lines.push(...domainLines(createEntityRecognizer(model)).lines);
    return { name, lines, ok: size <= 10e6 && loadMs <= 300 };
  }
  const docs = buildDocs(fs.readFileSync(VALID, 'utf8'));
  const recognizer = createEntityRecognizer(model);
  let bytes = 0;
  for (const d of docs) bytes += Buffer.byteLength(d.text, 'utf8');
  t0 = process.hrtime.bigint();
  const all = scoreDocs(recognizer, docs);
  const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const selection = scoreDocs(recognizer, docs.filter((_, i) => !isHeldBack(i)));
  const heldBack = scoreDocs(recognizer, docs.filter((_, i) => isHeldBack(i)));
  lines.push(`CoNLL-2003 valid (${docs.length} docs, tokens joined by single spaces, one sentence per line):`);
  lines.push(...all.lines.slice(0, -1), `${all.lines[all.lines.length - 1]} (target ${100 * TARGET_F1})`);
  lines.push(`CoNLL-2003 valid, selection part (3 documents in 4: models are selected on it):`, ...selection.lines);
  lines.push(`CoNLL-2003 valid, held-back part (every 4th document: measured only, never tuned on):`, ...heldBack.lines);
  const total = { f: all.f };

  const t = timeIt(() => docs.forEach((d) => recognizer.recognize(d.text)), 7);
  const bt = timeIt(() => docs.forEach((d) => baseline(d.text)), 7);
  const ms = t.wall;
  const mbps = bytes / 1e6 / (ms / 1000);
  const cpuMbps = bytes / 1e6 / (t.cpu / 1000);
  const baseMbps = bytes / 1e6 / (bt.wall / 1000);
  const bScores = newScores();
  for (const d of docs) {
    const pred = baseline(d.text).map((e) => ({ start: d.startAt.get(e.start) ?? -1, end: d.endAt.get(e.end) ?? -1, type: 'X' }));
    addSpans(bScores, d.gold.map((g) => ({ ...g, type: 'X' })), pred);
  }
  lines.push(
    `throughput ${mbps.toFixed(2)} MB/s wall-clock, ${cpuMbps.toFixed(2)} MB per CPU-second, single thread ` +
      `(${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms wall / ${t.cpu.toFixed(0)} ms CPU, best of 7; ` +
      `first cold pass ${firstMs.toFixed(0)} ms; target ${TARGET_MBPS}; load average ${loadAverage()})`,
  );
  lines.push(`baseline regex capitalised-sequence tagger: ${baseMbps.toFixed(1)} MB/s, untyped span F1 ${(100 * f1(bScores.total).f).toFixed(2)}; recogniser/baseline speed ratio ${(mbps / baseMbps).toFixed(3)}`);
  const domain = domainLines(recognizer);
  lines.push(...domain.lines);
  const pct = (f: number): string => (100 * f).toFixed(2);
  lines.push(
    `side by side, F1 tuned on | not tuned on: CoNLL valid selection part ${pct(selection.f)} | held-back part ${pct(heldBack.f)}; ` +
      `domain set ${pct(domain.tuned)}, development parts 2 and 3 ${pct(domain.dev2)}, ${pct(domain.dev3)} | held-out part ${pct(domain.heldOut)}, unseen part ${pct(domain.unseen)}, ` +
      `blind wire ${pct(domain.blindWire)}, blind domain ${pct(domain.blindDomain)}, second blind wire ${pct(domain.blindWireB)}`,
  );
  // The entity target is on news not tuned on: CoNLL's held-back quarter and the blind sets.
  const missed = [
    heldBack.f < TARGET_F1 ? `CoNLL held-back F1 ${pct(heldBack.f)} < ${100 * TARGET_F1}` : '',
    domain.unseen < TARGET_F1 ? `unseen domain part F1 ${pct(domain.unseen)} < ${100 * TARGET_F1}` : '',
    domain.blindWire < TARGET_F1 ? `blind wire F1 ${pct(domain.blindWire)} < ${100 * TARGET_F1}` : '',
    domain.blindDomain < TARGET_F1 ? `blind domain F1 ${pct(domain.blindDomain)} < ${100 * TARGET_F1}` : '',
    domain.blindWireB < TARGET_F1 ? `second blind wire F1 ${pct(domain.blindWireB)} < ${100 * TARGET_F1}` : '',
    mbps < TARGET_MBPS ? `throughput ${mbps.toFixed(2)} MB/s < ${TARGET_MBPS}` : '',
  ].filter((m) => m);
  if (missed.length) lines.push(`targets not met: ${missed.join('; ')}`);
  const ok = total.f >= TARGET_F1 && missed.length === 0 && loadMs <= 300 && size <= 10e6;
  return { name, lines, ok };
}

if (require.main === module) {
  void run().then((r) => {
    for (const l of r.lines) console.log(l);
    console.log(r.ok ? 'OK: targets met' : 'FAIL: targets not met');
    process.exitCode = r.ok ? 0 : 1;
  });
}
