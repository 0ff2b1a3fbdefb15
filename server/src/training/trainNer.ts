/**
 * Trains the named-entity tagger shipped in server/models/ner-model.bin.
 *
 *   npx tsx server/src/training/trainNer.ts [--train path] [--valid path] [--out server/models/ner-model.bin]
 *                                           [--epochs N (14)] [--bits B (18)] [--prune N (0)]
 *
 * Data origin: CoNLL-2003 English shared-task data (Tjong Kim Sang & De Meulder 2003), text from the
 * Reuters RCV1 corpus, distributed for research use under Reuters' usage agreement. The data is read from
 * /work/shared/data/conll2003 (never copied into this repository); only the derived, hashed and quantised
 * feature weights are shipped.
 *
 * Model: greedy left-to-right tagger, averaged perceptron over hashed features (see core/entities/features.ts),
 * IOB2 labels. Training adds Title-Case copies of some sentences so that headline casing is seen.
 */
import * as fs from 'fs';
import * as path from 'path';
import { collectDocCues, staticFeatures, wordInfo, type FeatureSentence } from '../core/entities/features';
import { LABELS } from '../core/entities/labels';
import { encodeNerModel, parseNerModel } from '../core/entities/model';
import { DocMemory, tagSentence, type WeightTable } from '../core/entities/tagger';
import { CaseClass } from '../core/entities/normalize';
import { LineCase, lineCaseOf } from '../core/entities/tokenize';
import { parseConll, type ConllDocument } from './conll';
import { AveragedPerceptron, quantise, type TrainingSentence } from './perceptron';
import { addSpans, f1, newScores, spansOfTags } from './spanEval';

const DEFAULT_TRAIN = '/work/shared/data/conll2003/train.txt';
const DEFAULT_VALID = '/work/shared/data/conll2003/valid.txt';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as']);

function titleCase(words: readonly string[]): string[] {
  return words.map((w, i) =>
    (i > 0 && SMALL.has(w)) || !/^\p{Ll}/u.test(w) ? w : w[0].toUpperCase() + w.slice(1),
  );
}

function memoryKeys(words: readonly string[]): { keys: string[]; record: boolean[] } {
  const infos = words.map(wordInfo);
  return { keys: infos.map((w) => w.lowerText), record: infos.map((w) => w.cc !== CaseClass.Lower && w.cc !== CaseClass.Other) };
}

/** Training documents (sentences in order); Title-Case copies of some sentences become one-sentence documents. */
function featurise(docs: ConllDocument[], augment: boolean, random: () => number): TrainingSentence[][] {
  const out: TrainingSentence[][] = [];
  for (const doc of docs) {
    const sentences: FeatureSentence[] = doc.map((s) => ({ words: s.words, lineCase: s.lineCase }));
    const cues = collectDocCues(sentences);
    const current: TrainingSentence[] = [];
    doc.forEach((s, k) => {
      current.push({ statics: staticFeatures(sentences[k], cues), labels: s.labels, ...memoryKeys(s.words) });
      if (augment && s.lineCase === LineCase.Normal && s.words.length >= 3 && random() < 0.15) {
        const words = titleCase(s.words);
        const lineCase = lineCaseOf(words.map((text) => ({ text })));
        out.push([{ statics: staticFeatures({ words, lineCase }, cues), labels: s.labels, ...memoryKeys(words) }]);
      }
    });
    out.push(current);
  }
  return out;
}

function evaluate(table: WeightTable, docs: ConllDocument[]): string {
  const scores = newScores();
  for (const doc of docs) {
    const sentences: FeatureSentence[] = doc.map((s) => ({ words: s.words, lineCase: s.lineCase }));
    const cues = collectDocCues(sentences);
    const memory = new DocMemory();
    doc.forEach((s, k) => {
      const { keys, record } = memoryKeys(s.words);
      const pred = tagSentence(table, staticFeatures(sentences[k], cues), s.words.length, memory, keys, record);
      addSpans(scores, spansOfTags(s.tags), spansOfTags([...pred].map((y) => LABELS[y])));
    });
  }
  const parts = [...scores.byType.entries()].sort().map(([t, c]) => `${t} ${(f1(c).f * 100).toFixed(2)}`);
  return `F1 ${(f1(scores.total).f * 100).toFixed(2)} (${parts.join(', ')})`;
}

/** Words seen lower-case at least 5 times and at least 4 times as often as capitalised inside a sentence. */
function commonWords(docs: ConllDocument[]): string[] {
  const lower = new Map<string, number>();
  const capital = new Map<string, number>();
  for (const doc of docs) {
    for (const s of doc) {
      if (s.lineCase !== LineCase.Normal) continue;
      s.words.forEach((w, i) => {
        const info = wordInfo(w);
        if (info.lowerText.length < 2) return;
        if (info.cc === CaseClass.Lower) lower.set(info.lowerText, (lower.get(info.lowerText) ?? 0) + 1);
        else if (i > 0 && info.cc !== CaseClass.Other) capital.set(info.lowerText, (capital.get(info.lowerText) ?? 0) + 1);
      });
    }
  }
  return [...lower.entries()]
    .filter(([w, n]) => n >= 5 && n >= 4 * (capital.get(w) ?? 0))
    .map(([w]) => w)
    .sort();
}

function main(): void {
  const trainPath = arg('train', DEFAULT_TRAIN);
  const validPath = arg('valid', DEFAULT_VALID);
  const outPath = arg('out', path.join(__dirname, '..', '..', 'models', 'ner-model.bin'));
  const epochs = Number(arg('epochs', '14'));
  const bits = Number(arg('bits', '18'));
  const random = rng(20030601);
  const t0 = Date.now();
  const trainDocs = parseConll(fs.readFileSync(trainPath, 'utf8'));
  const common = commonWords(trainDocs);
  const train = featurise(trainDocs, true, random);
  const valid = fs.existsSync(validPath) ? parseConll(fs.readFileSync(validPath, 'utf8')) : [];
  console.log(`${train.length} training documents featurised in ${Date.now() - t0} ms`);
  const model = new AveragedPerceptron(bits);
  for (let e = 1; e <= epochs; e++) {
    for (let i = train.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [train[i], train[j]] = [train[j], train[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const doc of train) {
      const memory = new DocMemory();
      for (const s of doc) {
        errors += model.trainSentence(s, memory);
        tokens += s.labels.length;
      }
    }
    const report = valid.length > 0 && (e % 4 === 0 || e === epochs) ? ` valid ${evaluate({ bits, weights: model.averaged() }, valid)}` : '';
    console.log(`epoch ${e}: train error ${((100 * errors) / tokens).toFixed(2)}%${report} (${Date.now() - t0} ms)`);
  }
  const averaged = model.averaged();
  const dump = arg('dump-float', '');
  if (dump) fs.writeFileSync(dump, new Uint8Array(averaged.buffer));
  const { codes, scale } = quantise(averaged, Number(arg('prune', '0')));
  const bytes = encodeNerModel(bits, codes, scale, common);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, bytes);
  const reloaded = parseNerModel(fs.readFileSync(outPath));
  if (valid.length > 0) console.log(`quantised model: valid ${evaluate(reloaded, valid)}`);
  console.log(`${common.length} common lower-case words stored for headline trimming`);
  console.log(`wrote ${outPath} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
