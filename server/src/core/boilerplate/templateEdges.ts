/**
 * The template of a site, seen from the corpus: the run of lines at the top of an article and the run
 * at its end that recur in other articles (the same line, or the same shape with other figures), down
 * to the article's own headline and up to its own last paragraph. Local layout can misjudge where a
 * page's body starts and ends (a site name of many words taken for the headline, a footer written as
 * a sentence taken for the last paragraph); the corpus shows which lines are the site's, not the
 * article's. A line is taken only inside such a run, so recurring text inside a body is never touched.
 */
import type { CorpusStats } from './corpusStats';
import { passageRegion, type DocState } from './docState';
import type { PassageIndex } from './passageIndex';
import { MIN_RECURRENCE } from './corpusChrome';
import { labelKey } from './text';

/** Lines that break a run at the end of the page but are kept when a recurring line is next to them. */
const MAX_GAP = 2;

/** Completes `reasons` (furniture reason of each line of `doc`) with the site template's runs at both edges. */
export function markTemplateEdges(
  doc: DocState, stats: CorpusStats, passages: PassageIndex, reasons: (string | undefined)[],
): void {
  const n = doc.lines.length;
  // Top: down to the first line the corpus does not show above other articles' bodies.
  for (let i = 0; i < n; i++) {
    if (reasons[i]) continue;
    const where = recursAtTop(doc, stats, passages, i);
    if (!where) break;
    reasons[i] = where;
  }
  // End: up to the first paragraph, data row or sentence that is the article's own. A paragraph closing
  // several articles is furniture (a footer) only next to other furniture: alone, it is a syndicated text.
  const run: number[] = [];
  const found: [number, string][] = [];
  let confirmed = false;
  let gap = 0;
  for (let i = n - 1; i >= 0; i--) {
    const l = doc.lines[i];
    const where = reasons[i] ? 'furniture' : recursAtEnd(doc, stats, passages, i);
    if (where) {
      if (!doc.passageAt(i) || reasons[i]) confirmed = true;
      if (!reasons[i]) found.push([i, where]);
      for (const j of run) found.push([j, 'stands among the recurring chrome at the end of the page']);
      run.length = 0;
      gap = 0;
      continue;
    }
    if (l.prose || l.data || l.sentence || /\d/.test(l.span.text) || ++gap > MAX_GAP) break;
    run.push(i);
  }
  if (confirmed) for (const [i, why] of found) reasons[i] ??= why;
}

function recursAtTop(doc: DocState, stats: CorpusStats, passages: PassageIndex, i: number): string | undefined {
  const shape = doc.shapeAt(i);
  if (shape) {
    const e = stats.shapes.get(shape);
    if (e && e.top >= MIN_RECURRENCE && e.top > e.body) return `line recurs at the top of ${e.top} articles (site template)`;
    const l = recurringLabel(doc, stats, i);
    return l && l.top >= MIN_RECURRENCE && l.top > l.body ? `label recurs at the top of ${l.top} articles (site template)` : undefined;
  }
  const p = doc.passageAt(i);
  if (!p || doc.lines[i].prose) return undefined;
  const copies = passages.exactCopies(p, MIN_RECURRENCE).filter((q) => q.doc !== doc && passageRegion(q) !== 'body');
  return copies.length >= MIN_RECURRENCE - 1 ? `line recurs at the top of ${copies.length + 1} articles (site template)` : undefined;
}

function recursAtEnd(doc: DocState, stats: CorpusStats, passages: PassageIndex, i: number): string | undefined {
  const l = doc.lines[i];
  const shape = doc.shapeAt(i);
  if (shape && !l.data && !l.sentence && !/\d/.test(l.span.text)) {
    const e = stats.shapes.get(shape);
    if (e && e.docs >= MIN_RECURRENCE) return `line recurs in ${e.docs} articles (site template)`;
    const lab = recurringLabel(doc, stats, i);
    if (lab && lab.docs >= MIN_RECURRENCE && lab.body < lab.docs) return `label recurs in ${lab.docs} articles (site template)`;
    const h = l.wordCount >= 3 ? stats.heads.get(doc.hkeyAt(i)!) : undefined;
    const ownTop = l.region === 'top' || l.region === 'headline' ? 1 : 0;
    if (h && h.top - ownTop > 0) return 'headline of another article (site template)';
    return undefined;
  }
  const p = doc.passageAt(i);
  if (!p) return undefined;
  // A footer sentence closes every page it is on; a paragraph syndicated to other articles stands anywhere.
  const others = new Set(passages.exactCopies(p, 2 * MIN_RECURRENCE)
    .filter((q) => q.doc !== doc && q.idx >= lastProse(q.doc)).map((q) => q.doc));
  return others.size >= MIN_RECURRENCE - 1 ? `line recurs at the end of ${others.size + 1} articles (site template)` : undefined;
}

/**
 * Corpus entry of the line's label (`Distribution:`), if it has one and a short value: a headline with a kicker
 * (`Analysis: …`, `Vietnam: …`) is the article's own, not a labelled field of the page.
 */
function recurringLabel(doc: DocState, stats: CorpusStats, i: number): { docs: number; body: number; top: number } | undefined {
  const l = doc.lines[i];
  if (l.region === 'headline') return undefined;
  const key = labelKey(l.span.text);
  if (!key) return undefined;
  const value = l.span.text.slice(l.span.text.indexOf(':') + 1);
  return value.split(/\s+/).filter((w) => w.length > 0).length <= MAX_LABEL_VALUE_WORDS ? stats.shapes.get(key) : undefined;
}

const MAX_LABEL_VALUE_WORDS = 6;

const lastProseOf = new WeakMap<DocState, number>();

/** Index of the last line of running text of `doc` (-1 if none). */
function lastProse(doc: DocState): number {
  let k = lastProseOf.get(doc);
  if (k === undefined) {
    k = doc.lines.length - 1;
    while (k >= 0 && !doc.lines[k].prose) k--;
    lastProseOf.set(doc, k);
  }
  return k;
}
