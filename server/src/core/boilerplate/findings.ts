/**
 * Findings of one document: furniture first, then exact and near copies of its passages in this
 * and other documents. Within one article only the later copy is flagged; across articles every
 * copy is, each listing the others. Copies that are furniture where they stand (a teaser in a
 * "Related" block) do not make the article's own text a duplicate.
 */
import type { BoilerplateCopy, BoilerplateFinding, BoilerplateKind, CancellationToken } from '../types';
import { throwIfCancelled } from '../types';
import type { CorpusStats } from './corpusStats';
import { chromeReasons, isOtherHeadlineKey } from './corpusChrome';
import { DocState, lineNumber, Passage, passageHas, passageRegion, passageText } from './docState';
import { PASSAGE_FACTS } from './summary';
import { keptMatchList, type MatchList, type PassageIndex } from './passageIndex';
import { markTemplateEdges } from './templateEdges';

export interface FindingContext {
  readonly stats: CorpusStats;
  readonly passages: PassageIndex;
  readonly threshold: number;
  readonly token?: CancellationToken;
}

const MAX_CHROME_COPIES = 20;

/**
 * The matches of a passage's text (`PassageIndex.matchesOfText`), in the order the index gives them and in the order
 * of the copies listed (by article and line), each with its place in the latter. Those of a text met once are the
 * index's and the memo's scratch lists, valid while its passage is read; those of a text met again are kept.
 */
interface TextMatches {
  /** The matches; `found.more` says passages were left uncompared (`MAX_COMPARED`): the counts are then lower bounds. */
  readonly found: MatchList;
  /** The place in the listed order of each of `found`. */
  readonly rank: Int32Array;
  /** The place of each match listed, by article and line, shared by the findings listing it (copies are read-only). */
  readonly places: readonly BoilerplateCopy[];
}

/**
 * Texts met in the document being read, and the matches of those met twice or more: an article of thousands of
 * distinct lines keeps no list but the one at hand.
 */
interface TextMemo {
  readonly once: Set<string>;
  readonly matches: Map<string, TextMatches>;
  /**
   * The place of a passage, one object per passage shared by every finding listing it (copies are read-only): a page
   * of thousands of near-identical lines lists the same passages as copies of each of them.
   */
  readonly placeOf: (q: Passage) => BoilerplateCopy;
  /**
   * Scratch arrays of this document's reading, reused from passage to passage (valid during one call of `placeOrder`
   * or `duplicateOf`): the order of a passage's matches by place, and which of them are listed as copies.
   */
  readonly scratch: { order: Int32Array; listed: Uint8Array; rank: Int32Array; places: BoilerplateCopy[] };
}

function newMemo(): TextMemo {
  const places = new Map<Passage, BoilerplateCopy>();
  const placeOf = (q: Passage): BoilerplateCopy => {
    let c = places.get(q);
    if (c === undefined) places.set(q, (c = place(q)));
    return c;
  };
  return { once: new Set(), matches: new Map(), placeOf, scratch: { order: new Int32Array(64), listed: new Uint8Array(64), rank: new Int32Array(64), places: [] } };
}

function textMatches(p: Passage, ctx: FindingContext, memo: TextMemo): TextMatches {
  const text = passageText(p);
  const kept = memo.matches.get(text);
  if (kept) return kept;
  // A text met for the second time keeps its matches for the times after; one met once uses the scratch lists.
  const keep = memo.once.has(text);
  if (!keep) memo.once.add(text);
  const listed = ctx.passages.matchesOfText(p, ctx.threshold);
  const found = keep ? keptMatchList(listed) : listed;
  const n = found.count;
  const order = placeOrder(found, memo);
  const { scratch } = memo;
  if (!keep && scratch.rank.length < n) scratch.rank = new Int32Array(Math.max(n, 2 * scratch.rank.length));
  const rank = keep ? new Int32Array(n) : scratch.rank;
  const places = keep ? new Array<BoilerplateCopy>(n) : scratch.places;
  for (let r = 0; r < n; r++) {
    rank[order[r]] = r;
    places[r] = memo.placeOf(found.passages[order[r]]);
  }
  const tm = { found, rank, places };
  if (keep) memo.matches.set(text, tm);
  return tm;
}

/**
 * The indices of `found` by place (`byPlace`, then index): an insertion sort in the memo's scratch array, valid until
 * the next call (one memo per document read: no buffer is shared between two readings). The lists are short (at most
 * `MAX_COMPARED`), and a sort of an array of indices with a comparator made a copy of it, and the array itself, for
 * each of thousands of passages.
 */
function placeOrder(found: MatchList, memo: TextMemo): Int32Array {
  const n = found.count;
  const { passages } = found;
  const { scratch } = memo;
  if (scratch.order.length < n) scratch.order = new Int32Array(Math.max(n, 2 * scratch.order.length));
  const order = scratch.order;
  for (let k = 0; k < n; k++) {
    let j = k;
    while (j > 0 && byPlace(passages[order[j - 1]], passages[k]) > 0) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
  return order;
}

function byPlace(a: Passage, b: Passage): number {
  return a.doc.uri === b.doc.uri ? a.idx - b.idx : a.doc.uri < b.doc.uri ? -1 : 1;
}

export function computeFindings(doc: DocState, ctx: FindingContext): BoilerplateFinding[] {
  // Passages of one text share their matches (lines repeated in the article are matched once).
  const memo = newMemo();
  const reasons = chromeReasons(doc, ctx.stats);
  markTemplateEdges(doc, ctx.stats, ctx.passages, reasons);
  const out: BoilerplateFinding[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    if ((i & 63) === 0) throwIfCancelled(ctx.token);
    const span = doc.lines[i].span;
    const p = doc.passageAt(i);
    const reason = reasons[i];
    if (reason) {
      const copies = p ? ctx.passages.exactCopies(p, MAX_CHROME_COPIES + 1) : [];
      const more = copies.length > MAX_CHROME_COPIES;
      out.push(finding(span, 'chrome', (more ? copies.slice(0, MAX_CHROME_COPIES) : copies).map(memo.placeOf), reason, more));
      continue;
    }
    if (!p) continue;
    const dup = duplicateOf(p, ctx, memo);
    if (dup) out.push(finding(span, dup.kind, dup.copies, dup.reason, dup.more));
  }
  return out;
}

function duplicateOf(
  p: Passage, ctx: FindingContext, memo: TextMemo,
): { kind: BoilerplateKind; copies: BoilerplateCopy[]; reason: string; more: boolean } | undefined {
  const isHeadline = passageRegion(p) === 'headline';
  const { found, rank, places } = textMatches(p, ctx, memo);
  const { more } = found;
  const articles = (n: number): string => `${more ? 'at least ' : ''}${n === 1 ? '1 other article' : `${n} other articles`}`;
  /** Which matches (by their rank in `places`) are listed as copies: the memo's scratch array. */
  const { scratch } = memo;
  if (scratch.listed.length < found.count) scratch.listed = new Uint8Array(Math.max(found.count, 2 * scratch.listed.length));
  const listed = scratch.listed;
  listed.fill(0, 0, found.count);
  let exactEarlier: Passage | undefined;
  let nearEarlier: Passage | undefined;
  let nearEarlierSimilarity = 0;
  // The other articles with an exact or a near copy (made when one is met: most passages have none).
  let exactDocs: Set<string> | undefined;
  let nearDocs: Set<string> | undefined;
  /** Other articles where the passage is page chrome: not what makes it a copy, but where the analyst finds it too. */
  let chromeDocs: Set<string> | undefined;
  let bestCross = 0;
  for (let k = 0; k < found.count; k++) {
    const q = found.passages[k];
    const exact = found.exact[k] === 1;
    const similarity = found.similarity[k];
    if (q === p) continue;
    const sameDoc = q.doc === p.doc;
    // Another article's passage is read from its summary: finding this article's copies lays out no other article.
    if (passageHas(q, PASSAGE_FACTS.chrome)) {
      if (!sameDoc && exact) {
        listed[rank[k]] = 1;
        (chromeDocs ??= new Set()).add(q.doc.uri);
      }
      continue;
    }
    if (!sameDoc) {
      const qHeadline = passageRegion(q) === 'headline';
      if (isHeadline !== qHeadline) continue;
      if (isTeaser(q, ctx)) continue;
    }
    listed[rank[k]] = 1;
    if (sameDoc) {
      if (q.idx > p.idx) continue;
      if (exact) exactEarlier ??= q;
      else if (!nearEarlier || similarity > nearEarlierSimilarity) (nearEarlier = q), (nearEarlierSimilarity = similarity);
    } else if (exact) {
      (exactDocs ??= new Set()).add(q.doc.uri);
    } else {
      (nearDocs ??= new Set()).add(q.doc.uri);
      bestCross = Math.max(bestCross, similarity);
    }
  }
  const parts: string[] = [];
  let kind: BoilerplateKind;
  if (exactEarlier || exactDocs) {
    kind = 'duplicate';
    if (exactEarlier) parts.push(`same paragraph as line ${lineNumber(p.doc, exactEarlier.idx)} of this article`);
    if (exactDocs) parts.push(`also in ${articles(exactDocs.size)}`);
    const nearOnly = nearDocs ? [...nearDocs].filter((u) => !exactDocs?.has(u)).length : 0;
    if (nearOnly > 0) parts.push(`nearly the same in ${articles(nearOnly)}`);
  } else if (nearEarlier || nearDocs) {
    kind = 'near-duplicate';
    if (nearEarlier) {
      parts.push(`nearly the same as line ${lineNumber(p.doc, nearEarlier.idx)} of this article (${pct(nearEarlierSimilarity)} similar)`);
    }
    if (nearDocs) parts.push(`nearly the same in ${articles(nearDocs.size)} (up to ${pct(bestCross)} similar)`);
  } else {
    return undefined;
  }
  const chromeOnly = chromeDocs ? [...chromeDocs].filter((u) => !exactDocs?.has(u) && !nearDocs?.has(u)).length : 0;
  if (chromeOnly > 0) parts.push(`page chrome in ${articles(chromeOnly)}`);
  const copies: BoilerplateCopy[] = [];
  for (let r = 0; r < found.count; r++) if (listed[r]) copies.push(places[r]);
  return { kind, copies, reason: parts.join('; '), more };
}

/** A paragraph printed under another article's headline is a teaser, furniture of its page. */
function isTeaser(q: Passage, ctx: FindingContext): boolean {
  return q.idx > 0 && passageHas(q, PASSAGE_FACTS.prose) && passageHas(q, PASSAGE_FACTS.afterShortLine) && isOtherHeadlineKey(q.doc, ctx.stats, q.idx - 1);
}

function finding(
  span: { start: number; end: number; text: string }, kind: BoilerplateKind,
  copies: BoilerplateCopy[], reason: string, more: boolean,
): BoilerplateFinding {
  const f = { start: span.start, end: span.end, text: span.text, kind, copies, reason };
  return more ? { ...f, moreCopies: true } : f;
}

function place(q: Passage): BoilerplateCopy {
  return { uri: q.doc.uri, start: q.start, end: q.end };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
