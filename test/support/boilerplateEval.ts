/**
 * Scores boilerplate findings against the generated corpus's true labels, line by line, per kind;
 * and a baseline that hashes exact lines only, for comparison in the benchmark.
 */
import type { BoilerplateFinding, BoilerplateKind } from '../../server/src/core/types';
import type { GeneratedDoc, TrueKind } from './corpusGenerator';

export const KINDS: readonly BoilerplateKind[] = ['duplicate', 'near-duplicate', 'chrome'];

export interface KindScore { tp: number; fp: number; fn: number; precision: number; recall: number }
export type Scores = Record<BoilerplateKind, KindScore>;

/** Predicted kind of each line of `doc` from its findings. */
export function predictedLines(doc: GeneratedDoc, findings: readonly BoilerplateFinding[]): (TrueKind | undefined)[] {
  const starts = [0];
  for (let i = 0; i < doc.text.length; i++) if (doc.text.charCodeAt(i) === 10) starts.push(i + 1);
  const out: (TrueKind | undefined)[] = new Array(starts.length).fill(undefined);
  for (const f of findings) {
    let lo = 0; let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= f.start) lo = mid; else hi = mid - 1; }
    out[lo] = f.kind;
  }
  return out;
}

export class Scorer {
  private readonly counts = new Map<BoilerplateKind, { tp: number; fp: number; fn: number }>(
    KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  readonly errors: { uri: string; line: number; truth: TrueKind; predicted: TrueKind; text: string }[] = [];

  add(doc: GeneratedDoc, predicted: readonly (TrueKind | undefined)[]): void {
    const lines = doc.text.split('\n');
    doc.labels.forEach((truth, i) => {
      if (!truth) return;
      const p = predicted[i] ?? 'content';
      for (const k of KINDS) {
        const c = this.counts.get(k)!;
        if (p === k && truth === k) c.tp++;
        else if (p === k) c.fp++;
        else if (truth === k) c.fn++;
      }
      if (p !== truth) this.errors.push({ uri: doc.uri, line: i + 1, truth, predicted: p, text: lines[i] });
    });
  }

  scores(): Scores {
    const out = {} as Scores;
    for (const k of KINDS) {
      const c = this.counts.get(k)!;
      out[k] = { ...c, precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1, recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1 };
    }
    return out;
  }
}

/**
 * Baseline: exact-line hashing. A line seen before in the same article, or in another article,
 * is a duplicate if long (≥ 40 characters) and furniture if short and in three or more articles.
 */
export function baselinePredictions(docs: readonly GeneratedDoc[]): (TrueKind | undefined)[][] {
  const where = new Map<string, Set<number>>();
  const split = docs.map((d) => d.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()));
  split.forEach((lines, di) => lines.forEach((l) => {
    if (!l) return;
    let s = where.get(l);
    if (!s) where.set(l, (s = new Set()));
    s.add(di);
  }));
  return split.map((lines) => {
    const seen = new Set<string>();
    return lines.map((l): TrueKind | undefined => {
      if (!l) return undefined;
      const docsWith = where.get(l)!.size;
      const again = seen.has(l);
      seen.add(l);
      if (l.length < 40) return docsWith >= 3 ? 'chrome' : undefined;
      return docsWith >= 2 || again ? 'duplicate' : undefined;
    });
  });
}

export function formatScores(name: string, s: Scores): string[] {
  return KINDS.map((k) => `${name.padEnd(10)} ${k.padEnd(15)} precision ${s[k].precision.toFixed(3)}  recall ${s[k].recall.toFixed(3)}  (tp ${s[k].tp}, fp ${s[k].fp}, fn ${s[k].fn})`);
}
