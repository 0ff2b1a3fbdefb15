/**
 * Findings of one document: furniture first, then exact and near copies of its passages in this
 * and other documents. Within one article only the later copy is flagged; across articles every
 * copy is, each listing the others. Copies that are furniture where they stand (a teaser in a
 * "Related" block) do not make the article's own text a duplicate.
 */
import type { BoilerplateCopy, BoilerplateFinding, BoilerplateKind, CancellationToken } from '../types';
import { throwIfCancelled } from '../types';
import type { CorpusStats } from './corpusStats';
import { chromeReasons, isOtherHeadline } from './corpusChrome';
import { DocState, lineNumber, Passage } from './docState';
import type { Match, PassageIndex } from './passageIndex';
import { markTemplateEdges } from './templateEdges';

export interface FindingContext {
  readonly stats: CorpusStats;
  readonly passages: PassageIndex;
  readonly threshold: number;
  readonly token?: CancellationToken;
}

const MAX_CHROME_COPIES = 20;

export function computeFindings(doc: DocState, ctx: FindingContext): BoilerplateFinding[] {
  const reasons = chromeReasons(doc, ctx.stats);
  markTemplateEdges(doc, ctx.stats, ctx.passages, reasons);
  const out: BoilerplateFinding[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    if ((i & 63) === 0) throwIfCancelled(ctx.token);
    const span = doc.lines[i].span;
    const p = doc.passages[i];
    const reason = reasons[i];
    if (reason) {
      const copies = p ? ctx.passages.exactCopies(p, MAX_CHROME_COPIES) : [];
      out.push(finding(span, 'chrome', copies.map(place), reason));
      continue;
    }
    if (!p) continue;
    const dup = duplicateOf(p, ctx);
    if (dup) out.push(finding(span, dup.kind, dup.copies, dup.reason));
  }
  return out;
}

function duplicateOf(
  p: Passage, ctx: FindingContext,
): { kind: BoilerplateKind; copies: BoilerplateCopy[]; reason: string } | undefined {
  const isHeadline = p.doc.lines[p.idx].region === 'headline';
  const listed: Match[] = [];
  let exactEarlier: Passage | undefined;
  let nearEarlier: Match | undefined;
  const exactDocs = new Set<string>();
  const nearDocs = new Set<string>();
  let bestCross = 0;
  for (const m of ctx.passages.matches(p, ctx.threshold)) {
    const q = m.passage;
    if (q.doc.lines[q.idx].chrome) continue;
    const sameDoc = q.doc === p.doc;
    if (!sameDoc) {
      const qHeadline = q.doc.lines[q.idx].region === 'headline';
      if (isHeadline !== qHeadline) continue;
      if (isTeaser(q, ctx)) continue;
    }
    listed.push(m);
    if (sameDoc) {
      if (q.idx > p.idx) continue;
      if (m.exact) exactEarlier ??= q;
      else if (!nearEarlier || m.similarity > nearEarlier.similarity) nearEarlier = m;
    } else if (m.exact) {
      exactDocs.add(q.doc.uri);
    } else {
      nearDocs.add(q.doc.uri);
      bestCross = Math.max(bestCross, m.similarity);
    }
  }
  const parts: string[] = [];
  let kind: BoilerplateKind;
  if (exactEarlier || exactDocs.size > 0) {
    kind = 'duplicate';
    if (exactEarlier) parts.push(`same paragraph as line ${lineNumber(p.doc, exactEarlier.idx)} of this article`);
    if (exactDocs.size > 0) parts.push(`also in ${articles(exactDocs.size)}`);
    const nearOnly = [...nearDocs].filter((u) => !exactDocs.has(u)).length;
    if (nearOnly > 0) parts.push(`nearly the same in ${articles(nearOnly)}`);
  } else if (nearEarlier || nearDocs.size > 0) {
    kind = 'near-duplicate';
    if (nearEarlier) {
      parts.push(`nearly the same as line ${lineNumber(p.doc, nearEarlier.passage.idx)} of this article (${pct(nearEarlier.similarity)} similar)`);
    }
    if (nearDocs.size > 0) parts.push(`nearly the same in ${articles(nearDocs.size)} (up to ${pct(bestCross)} similar)`);
  } else {
    return undefined;
  }
  listed.sort((a, b) => (a.passage.doc.uri === b.passage.doc.uri
    ? a.passage.idx - b.passage.idx
    : a.passage.doc.uri < b.passage.doc.uri ? -1 : 1));
  return { kind, copies: listed.map((m) => place(m.passage)), reason: parts.join('; ') };
}

/** A paragraph printed under another article's headline is a teaser, furniture of its page. */
function isTeaser(q: Passage, ctx: FindingContext): boolean {
  return q.idx > 0 && q.doc.lines[q.idx].prose && isOtherHeadline(q.doc, ctx.stats, q.idx - 1);
}

function finding(
  span: { start: number; end: number; text: string }, kind: BoilerplateKind,
  copies: BoilerplateCopy[], reason: string,
): BoilerplateFinding {
  return { start: span.start, end: span.end, text: span.text, kind, copies, reason };
}

function place(q: Passage): BoilerplateCopy {
  const s = q.doc.lines[q.idx].span;
  return { uri: q.doc.uri, start: s.start, end: s.end };
}

function articles(n: number): string {
  return n === 1 ? '1 other article' : `${n} other articles`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
