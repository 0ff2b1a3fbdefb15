/**
 * Tagged passages that no dated mention speaks for: no mention of the timeline that is dated (its year known) and
 * outside boilerplate lies in a sentence over the passage and carries its tag. A plot by tag places them at their
 * article's own date, marked as such, so that every tag appears on it.
 */
import { throwIfCancelled, type CancellationToken } from '../types';
import type { TimelineEntry, TimelineSource, TimelineTag } from './build';

export interface TagWithoutDate extends TimelineTag {
  /** The article's own date (TIMEX3 value), when it has one. */
  readonly documentDate?: string;
}

export function tagsWithoutDate(
  sources: readonly TimelineSource[],
  tags: readonly TimelineTag[],
  entries: readonly TimelineEntry[],
  token?: CancellationToken,
): TagWithoutDate[] {
  const dated = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    if (e.group !== 'dated' || e.inBoilerplate || !e.tags.length) continue;
    let list = dated.get(e.uri);
    if (!list) dated.set(e.uri, (list = []));
    list.push(e);
  }
  const documentDates = new Map<string, string | undefined>(sources.map((s) => [s.uri, s.documentDate?.value]));
  const out: TagWithoutDate[] = [];
  for (const t of tags) {
    throwIfCancelled(token);
    if (t.start < 0) continue;
    const covered = dated.get(t.uri)?.some((e) => e.sentenceStart < Math.max(t.end, t.start + 1) && e.sentenceEnd > t.start && e.tags.includes(t.tag));
    if (covered) continue;
    const documentDate = documentDates.get(t.uri);
    out.push({ ...t, ...(documentDate ? { documentDate } : {}) });
  }
  return out;
}
