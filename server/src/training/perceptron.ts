/** Averaged-perceptron training of the greedy tagger over a hashed feature table. */
import { N_HISTORY, N_STATIC } from '../core/entities/features';
import { N_LABELS } from '../core/entities/labels';
import { DocMemory, bestLabel, scoreToken, type WeightTable } from '../core/entities/tagger';

export interface TrainingSentence {
  readonly statics: Uint32Array;
  readonly labels: readonly number[];
  /** Folded lower-case word forms, and whether each is capitalised (recorded in the document memory). */
  readonly keys: readonly string[];
  readonly record: readonly boolean[];
}

export class AveragedPerceptron {
  readonly weights: Float32Array;
  private readonly totals: Float32Array;
  private readonly mask: number;
  private step = 1;

  constructor(readonly bits: number) {
    this.weights = new Float32Array((1 << bits) * N_LABELS);
    this.totals = new Float32Array((1 << bits) * N_LABELS);
    this.mask = (1 << bits) - 1;
  }

  get table(): WeightTable {
    return { bits: this.bits, weights: this.weights };
  }

  /** One online pass over a sentence; returns the number of token errors. */
  trainSentence(s: TrainingSentence, memory: DocMemory): number {
    const hist = new Uint32Array(N_HISTORY);
    const scores = new Float64Array(N_LABELS);
    let p1 = 0;
    let p2 = 0;
    let errors = 0;
    for (let i = 0; i < s.labels.length; i++) {
      scoreToken(this.table, s.statics, i, p1, p2, hist, scores, undefined, 0, memory.feature(s.keys[i]));
      const guess = bestLabel(scores, p1);
      if (s.record[i]) memory.record(s.keys[i], guess);
      const gold = s.labels[i];
      if (guess !== gold) {
        errors++;
        const base = i * N_STATIC;
        for (let j = 0; j < N_STATIC; j++) this.update(s.statics[base + j], gold, guess);
        for (let j = 0; j < N_HISTORY; j++) this.update(hist[j], gold, guess);
      }
      this.step++;
      p2 = p1;
      p1 = guess;
    }
    return errors;
  }

  private update(f: number, gold: number, guess: number): void {
    const b = (f & this.mask) * N_LABELS;
    this.weights[b + gold] += 1;
    this.weights[b + guess] -= 1;
    this.totals[b + gold] += this.step;
    this.totals[b + guess] -= this.step;
  }

  /** Averaged weights (w - totals / step). */
  averaged(): Float32Array {
    const out = new Float32Array(this.weights.length);
    for (let i = 0; i < out.length; i++) out[i] = this.weights[i] - this.totals[i] / this.step;
    return out;
  }
}

/** Uniform int16 quantisation (step = max |w| / 32767); weights under `prune` steps are dropped. */
export function quantise(w: Float32Array, prune = 0): { codes: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const codes = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const q = Math.round(w[i] / scale);
    codes[i] = Math.abs(q) <= prune ? 0 : q;
  }
  return { codes, scale };
}
