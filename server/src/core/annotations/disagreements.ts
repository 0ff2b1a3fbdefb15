/**
 * Disagreements between two analysts' tags on one article, and adjudicating them (issue 10). Pure.
 *
 * Tags both analysts put on the same passage with the same label agree and are left alone. The others are grouped
 * by overlap: each group of passages that share text (a chain of overlapping tags, from either side) is one
 * disagreement, holding A's tags and B's tags there. Adjudicating one keeps A's tags, B's, both or neither, in the
 * article's current tag list (after a merge it holds both), and leaves every other tag as it is.
 */
import type { Tag } from './model';

export interface Disagreement {
  /** Stable while the two sides do not change: the passage and the tags of each side. */
  readonly key: string;
  /** The passage the group covers (UTF-16 offsets of the article). */
  readonly start: number;
  readonly end: number;
  /** A's tags in the group, and B's, by position. One of the two may be empty (only one analyst tagged there). */
  readonly a: readonly Tag[];
  readonly b: readonly Tag[];
}

export type AdjudicationChoice = 'a' | 'b' | 'both' | 'neither';
export const ADJUDICATION_CHOICES: readonly AdjudicationChoice[] = ['a', 'b', 'both', 'neither'];

const spanKey = (t: Pick<Tag, 'tag' | 'start' | 'end'>): string => `${t.tag}\n${t.start}\n${t.end}`;
const byPosition = (x: Tag, y: Tag): number => x.start - y.start || x.end - y.end || (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0);

/** The disagreements between A's and B's tags of one article, in text order. */
export function disagreementsOf(a: readonly Tag[], b: readonly Tag[]): Disagreement[] {
  const keysA = new Set(a.map(spanKey));
  const keysB = new Set(b.map(spanKey));
  const loose = [
    ...a.filter((t) => !keysB.has(spanKey(t))).map((tag) => ({ side: 'a' as const, tag })),
    ...b.filter((t) => !keysA.has(spanKey(t))).map((tag) => ({ side: 'b' as const, tag })),
  ].sort((x, y) => byPosition(x.tag, y.tag));
  const out: Disagreement[] = [];
  let group: typeof loose = [];
  let end = -1;
  const flush = () => {
    if (!group.length) return;
    const sideA = uniqueBySpan(group.filter((g) => g.side === 'a').map((g) => g.tag));
    const sideB = uniqueBySpan(group.filter((g) => g.side === 'b').map((g) => g.tag));
    const start = Math.min(...group.map((g) => g.tag.start));
    const stop = Math.max(...group.map((g) => g.tag.end));
    const labels = (xs: readonly Tag[]) => xs.map((t) => `${t.tag}@${t.start}-${t.end}`).join(',');
    out.push({ key: `${start}-${stop}|${labels(sideA)}|${labels(sideB)}`, start, end: stop, a: sideA, b: sideB });
    group = [];
  };
  for (const g of loose) {
    // A zero-length tag joins a group only when it lies strictly inside it.
    if (group.length && g.tag.start < end) {
      group.push(g);
      end = Math.max(end, g.tag.end);
    } else {
      flush();
      group.push(g);
      end = g.tag.end;
    }
  }
  flush();
  return out;
}

/** The same label on the same passage twice on one side counts once. */
function uniqueBySpan(tags: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(spanKey(t)) && (seen.add(spanKey(t)), true));
}

export interface AdjudicationResult {
  /** The article's tags after the choice. */
  readonly tags: readonly Tag[];
  /** Tags taken out of the article's list, and tags put in (the chosen side's, with their authors and notes). */
  readonly removed: readonly Tag[];
  readonly added: readonly Tag[];
}

/**
 * Applies a choice to the article's current tags: the tags of the disagreement (matched by id, or by label and
 * passage) are replaced by the chosen side's. Tags outside the disagreement are kept as they are. `newId` gives an
 * id to a chosen tag whose id another kept tag has already (both sides changed one tag differently).
 */
export function adjudicate(current: readonly Tag[], d: Disagreement, choice: AdjudicationChoice, newId: () => string): AdjudicationResult {
  const involved = [...d.a, ...d.b];
  const ids = new Set(involved.map((t) => t.id));
  const spans = new Set(involved.map(spanKey));
  const inGroup = (t: Tag): boolean => ids.has(t.id) || spans.has(spanKey(t));
  const kept = current.filter((t) => !inGroup(t));
  const chosen = choice === 'a' ? d.a : choice === 'b' ? d.b : choice === 'both' ? [...d.a, ...d.b] : [];
  const result = [...kept];
  const keptSpans = new Set(kept.map(spanKey));
  const usedIds = new Set(kept.map((t) => t.id));
  const added: Tag[] = [];
  for (const side of chosen) {
    // A tag the article has already (same id, same passage) stays as it is now (a note added since is kept).
    const t = current.find((c) => c.id === side.id && spanKey(c) === spanKey(side)) ?? side;
    if (keptSpans.has(spanKey(t))) continue;
    const tag = usedIds.has(t.id) ? { ...t, id: newId() } : t;
    keptSpans.add(spanKey(tag));
    usedIds.add(tag.id);
    result.push(tag);
    added.push(tag);
  }
  const removed = current.filter(inGroup);
  // Tags present before and chosen again are neither removed nor added.
  const same = (x: Tag, y: Tag) => x.id === y.id && spanKey(x) === spanKey(y);
  return {
    tags: result.sort(byPosition),
    removed: removed.filter((r) => !added.some((t) => same(t, r))),
    added: added.filter((t) => !removed.some((r) => same(t, r))),
  };
}

export type DisagreementState = AdjudicationChoice | 'other';

/**
 * Which choice the article's current tags amount to at a disagreement (`other`: edited since): its tags there are those
 * with the id, or the label and passage, of a tag of either side.
 */
export function stateOf(current: readonly Tag[], d: Disagreement): { state: DisagreementState; tags: Tag[] } {
  const ids = new Set([...d.a, ...d.b].map((t) => t.id));
  const spans = new Set([...d.a, ...d.b].map(spanKey));
  const here = current.filter((t) => ids.has(t.id) || spans.has(spanKey(t)));
  const set = (xs: readonly Tag[]) => [...new Set(xs.map(spanKey))].sort().join('\n');
  const now = set(here);
  const state: DisagreementState =
    d.a.length && now === set(d.a) ? 'a' : d.b.length && now === set(d.b) ? 'b' : d.a.length && d.b.length && now === set([...d.a, ...d.b]) ? 'both' : !here.length ? 'neither' : 'other';
  return { state, tags: here.sort(byPosition) };
}
