/** Exact-span entity scoring (conlleval convention: an entity counts only if its type and both boundaries match). */

export interface TypedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  readonly byType: Map<string, Counts>;
  readonly total: Counts;
}

/** Spans of an IOB1 or IOB2 tag sequence (`I-X` after something other than X, or `B-X`, starts an entity). */
export function spansOfTags(tags: readonly string[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i] : 'O';
    const ty = t === 'O' ? '' : t.slice(2);
    const begins = t.startsWith('B-') || (ty !== '' && ty !== type);
    if (start >= 0 && (ty === '' || begins)) {
      out.push({ start, end: i, type });
      start = -1;
      type = '';
    }
    if (ty !== '' && start < 0) {
      start = i;
      type = ty;
    }
  }
  return out;
}

export function newScores(): Scores {
  return { byType: new Map(), total: { tp: 0, fp: 0, fn: 0 } };
}

export function addSpans(scores: Scores, gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  const counts = (type: string): Counts => {
    let c = scores.byType.get(type);
    if (!c) scores.byType.set(type, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const p of predicted) {
    const hit = goldKeys.has(key(p));
    counts(p.type)[hit ? 'tp' : 'fp']++;
    scores.total[hit ? 'tp' : 'fp']++;
  }
  for (const g of gold) {
    if (predKeys.has(key(g))) continue;
    counts(g.type).fn++;
    scores.total.fn++;
  }
}

export function f1(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
