/**
 * The corpus timeline: every dated mention of every article in time order, with its sentence, the entities named in
 * that sentence and the tags over it.
 *
 * Ordering: dated mentions first, by the start of the interval they cover; at the same start the longer (coarser)
 * interval comes first, so `2025` precedes `April 2025`, which precedes `2025-04-25`, which precedes `2025-04-25T09:00`;
 * equal intervals by article, then by offset. Mentions without a year (`June 2` in an undated article) follow, by
 * month and day; mentions that cannot be placed at all come last, by article and offset.
 * Durations and recurring sets (`four-day`, `annual`) are not points in time and are left out.
 */
import type { CancellationToken, DateKind, DateMention, DocumentDate, EntityMention, EntityType } from '../types';
import { throwIfCancelled } from '../types';
import { compareIntervals, intervalOf, type DateInterval, type Granularity, type TimelineGroup } from './interval';
import { sentenceIndexAt, splitSentences, TextExcerpts, type SentenceSpan } from './sentences';

export interface TimelineSource {
  /** Document key (a path in the server and CLI). */
  readonly uri: string;
  readonly text: string;
  readonly dates: readonly DateMention[];
  readonly documentDate?: DocumentDate;
  /** Clustered entity mentions of the document, for "who is in the sentence". */
  readonly entities?: readonly EntityMention[];
  /** Passages found to be boilerplate (repeated leads, page chrome): their dates are marked `inBoilerplate`. */
  readonly boilerplate?: readonly { readonly start: number; readonly end: number }[];
}

/** What the timeline reads of an article's analysis. */
export interface AnalysedForTimeline {
  readonly dates: readonly DateMention[];
  readonly documentDate?: DocumentDate;
  readonly entities?: readonly EntityMention[];
  readonly boilerplate?: readonly { readonly start: number; readonly end: number }[];
}

/**
 * An analysed article as a timeline source, the same for the server's timeline and the CLI's: its dates, its own
 * date, its entities, and its boilerplate (whose dates are marked, not events of the article).
 */
export function timelineSource(uri: string, text: string, a: AnalysedForTimeline): TimelineSource {
  return {
    uri,
    text,
    dates: a.dates,
    ...(a.documentDate ? { documentDate: a.documentDate } : {}),
    ...(a.entities ? { entities: a.entities } : {}),
    ...(a.boilerplate ? { boilerplate: a.boilerplate } : {}),
  };
}

/** A tagged passage, as plain offsets. */
export interface TimelineTag {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly tag: string;
}

export interface TimelineOptions {
  readonly tags?: readonly TimelineTag[];
  /** Keep the mention that is the article's own date (its dateline). Default true. */
  readonly includeDocumentDates?: boolean;
  /** Longest sentence text, in characters, before it is cut around the mention. Default 280. */
  readonly maxSentenceLength?: number;
  readonly token?: CancellationToken;
}

export interface TimelineEntity {
  readonly entityId: string;
  readonly canonical: string;
  readonly type: EntityType;
}

export interface TimelineEntry {
  readonly uri: string;
  /** The expression's offsets and text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: string;
  readonly kind: DateKind;
  readonly resolution: string;
  readonly group: TimelineGroup;
  readonly granularity?: Granularity;
  /** Start of the covered interval (`2025-04-24`, `2026-01-14T11:29`, `XXXX-06-02`); absent when undated. */
  readonly sortKey?: string;
  /** Last day (or minute) of the covered interval, inclusive; absent when undated. */
  readonly endKey?: string;
  /** The sentence around the mention, on one line, cut to a sensible length. */
  readonly sentence: string;
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  /** The article's own date, when known. */
  readonly documentDate?: string;
  /** True for the mention that gives the article's own date (dateline, date line). */
  readonly isDocumentDate: boolean;
  /**
   * The mention lies in a passage found to be boilerplate (a repeated lead, page chrome): not an event of the article.
   * Never the article's own date, which a timestamp line flagged as page chrome still gives.
   */
  readonly inBoilerplate: boolean;
  /** Entities named in the sentence, in order of first mention, each once. */
  readonly entities: readonly TimelineEntity[];
  /** Tags whose passage overlaps the sentence, each once. */
  readonly tags: readonly string[];
}

/** A timeline entry with what places it: its interval, and the stretch of text whose entities and tags it lists. */
export interface PlacedEntry {
  readonly entry: TimelineEntry;
  readonly interval: DateInterval;
  /** The sentence, or the part of a long one around the mention, whose entities and tags the entry lists. */
  readonly near: SentenceSpan;
}

type Sortable = PlacedEntry;

/** Whether mentions are in order of their start, so those of a sentence can be found by binary search. */
export function sortedByStart(entities: readonly EntityMention[]): boolean {
  for (let i = 1; i < entities.length; i++) if (entities[i].start < entities[i - 1].start) return false;
  return true;
}

/** Index of the first mention starting at or after `start` (mentions sorted by start). */
function firstFrom(entities: readonly EntityMention[], start: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The entities named in [start, end), in order of first mention. With mentions sorted by start only those of the
 * sentence are looked at (a corpus with many dates in one long sentence stays linear); otherwise all of them.
 */
export function entitiesIn(entities: readonly EntityMention[] | undefined, sorted: boolean, start: number, end: number): TimelineEntity[] {
  const out: TimelineEntity[] = [];
  // The entities listed so far, once they are many (a sentence names a few: a search of the list costs less than a set).
  let seen: Set<string> | undefined;
  const list = entities ?? [];
  for (let i = sorted ? firstFrom(list, start) : 0; i < list.length; i++) {
    const e = list[i];
    if (sorted && e.start > end) break;
    if (e.start < start || e.end > end) continue;
    if (seen !== undefined) {
      if (seen.has(e.entityId)) continue;
      seen.add(e.entityId);
    } else {
      if (listed(out, e.entityId)) continue;
      if (out.length === FEW_ENTITIES) seen = new Set([...out.map((t) => t.entityId), e.entityId]);
    }
    out.push({ entityId: e.entityId, canonical: e.canonical, type: e.type });
  }
  return out;
}

/** How many entities `entitiesIn` finds by searching its list before it keeps a set of them. */
const FEW_ENTITIES = 8;

function listed(entities: readonly TimelineEntity[], entityId: string): boolean {
  for (let i = 0; i < entities.length; i++) if (entities[i].entityId === entityId) return true;
  return false;
}

function tagsOver(tags: readonly TimelineTag[], start: number, end: number): string[] {
  const out: string[] = [];
  for (const t of tags) if (t.start < end && t.end > start && t.start >= 0 && !out.includes(t.tag)) out.push(t.tag);
  return out;
}

/** Separators that end a dateline: `VIENTIANE —`, `(VNA)`, `Hanoi:`. */
const DATELINE_END = /^[^.!?\n]{0,60}?(?:\s[—–-]\s|\)\s|:\s)/;

/** Starts a sentence after the article's dateline when the dateline opens it (`date 2025-04-25 VIENTIANE — Lao …`). */
function afterDateline(text: string, s: SentenceSpan, dct: DocumentDate | undefined, mention: number): SentenceSpan {
  if (!dct || dct.start < s.start || dct.end > s.end || dct.start - s.start > 40 || mention < dct.end) return s;
  const m = DATELINE_END.exec(text.slice(dct.end, mention));
  if (!m) return s;
  let start = dct.end + m[0].length;
  while (start < mention && /\s/.test(text[start])) start++;
  return { start, end: s.end };
}

/** Timeline order (see the module comment): by time, then by article, then by offset. */
export function comparePlaced(a: PlacedEntry, b: PlacedEntry): number {
  const byTime = compareIntervals(a.interval, b.interval);
  if (byTime) return byTime;
  const ea = a.entry, eb = b.entry;
  return ea.uri < eb.uri ? -1 : ea.uri > eb.uri ? 1 : ea.start - eb.start;
}

/**
 * Longest sentence whose entities and tags are all listed with each of its dates. In a longer one (a page without
 * full stops, 1 MB on one line) only those within half of this on either side of the mention are: otherwise every
 * date of the page would list every name of the page, and the timeline would grow with the square of the text.
 */
const LONG_SENTENCE = 2000;

function nearMention(s: SentenceSpan, d: { start: number; end: number }): SentenceSpan {
  if (s.end - s.start <= LONG_SENTENCE) return s;
  return { start: Math.max(s.start, d.start - LONG_SENTENCE / 2), end: Math.min(s.end, d.end + LONG_SENTENCE / 2) };
}

/**
 * Whether a mention overlaps any of `spans`: the spans by start, with the furthest end among each prefix, so each
 * question is one binary search (a page of short lines has as many boilerplate lines as dates).
 */
function overlapTest(spans: readonly { readonly start: number; readonly end: number }[] | undefined): (start: number, end: number) => boolean {
  if (!spans?.length) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = new Float64Array(sorted.length);
  const maxEnd = new Float64Array(sorted.length);
  let furthest = -Infinity;
  sorted.forEach((b, k) => {
    starts[k] = b.start;
    maxEnd[k] = furthest = Math.max(furthest, b.end);
  });
  return (start, end) => {
    // Spans starting before `end`: the first `lo` of them.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > start;
  };
}

/**
 * Whether each entry's date is inside one of the passages found to be boilerplate, by the rule timelineOfDocument
 * applies (never the article's own date): for a host that has an article's entries and is given its findings later.
 */
export function boilerplateMarks(entries: readonly TimelineEntry[], boilerplate: readonly { readonly start: number; readonly end: number }[] | undefined): boolean[] {
  const inBoilerplate = overlapTest(boilerplate);
  return entries.map((e) => !e.isDocumentDate && inBoilerplate(e.start, e.end));
}

/**
 * Entries of one document, unsorted: what an incremental timeline keeps per article. `intervals` caches the intervals
 * of values across calls (a corpus names the same dates again and again).
 */
export function timelineOfDocument(source: TimelineSource, options: TimelineOptions = {}, intervals = new Map<string, DateInterval>()): PlacedEntry[] {
  const out: Sortable[] = [];
  const points = source.dates.filter((d) => d.kind !== 'DURATION' && d.kind !== 'SET');
  if (!points.length) return out;
  const text = source.text;
  // The sentences up to the last mention only: those after it hold none.
  let last = 0;
  for (const d of points) if (d.start > last) last = d.start;
  const sentences = splitSentences(text, last);
  const excerpts = new TextExcerpts(text, sentences, options.maxSentenceLength);
  const tags = (options.tags ?? []).filter((t) => t.uri === source.uri);
  const dct = source.documentDate;
  const sorted = sortedByStart(source.entities ?? []);
  const inBoilerplate = overlapTest(source.boilerplate);
  for (const d of points) {
    const isDocumentDate = !!dct && d.start === dct.start && d.end === dct.end;
    if (isDocumentDate && options.includeDocumentDates === false) continue;
    const k = sentenceIndexAt(sentences, d.start);
    const s = afterDateline(text, k >= 0 ? sentences[k] : { start: d.start, end: d.end }, dct, d.start);
    const near = nearMention(s, d);
    let interval = intervals.get(d.value);
    if (interval === undefined) intervals.set(d.value, (interval = intervalOf(d.value)));
    const entry = entryOf(
      source.uri, d, interval, excerpts.of(s, k, d.start, d.end), s, dct, isDocumentDate,
      !isDocumentDate && inBoilerplate(d.start, d.end),
      entitiesIn(source.entities, sorted, near.start, near.end),
      tagsOver(tags, near.start, near.end),
    );
    out.push({ entry, interval, near });
  }
  return out;
}

/**
 * A timeline entry, its fields in the order of TimelineEntry (optional ones only when present), made as one object
 * literal for each set of them: an entry built property by property took its last twelve in a separate store, grown
 * four times.
 */
function entryOf(
  uri: string, d: DateMention, interval: DateInterval, sentence: string, s: SentenceSpan, dct: DocumentDate | undefined,
  isDocumentDate: boolean, inBoilerplate: boolean, entities: readonly TimelineEntity[], tags: readonly string[],
): TimelineEntry {
  const { granularity, start: sortKey, end: endKey } = interval;
  if (granularity && sortKey) {
    if (dct) {
      return {
        uri, start: d.start, end: d.end, text: d.text, value: d.value, kind: d.kind, resolution: d.resolution, group: interval.group,
        granularity, sortKey, endKey, sentence, sentenceStart: s.start, sentenceEnd: s.end, documentDate: dct.value,
        isDocumentDate, inBoilerplate, entities, tags,
      };
    }
    return {
      uri, start: d.start, end: d.end, text: d.text, value: d.value, kind: d.kind, resolution: d.resolution, group: interval.group,
      granularity, sortKey, endKey, sentence, sentenceStart: s.start, sentenceEnd: s.end,
      isDocumentDate, inBoilerplate, entities, tags,
    };
  }
  if (!granularity && !sortKey) {
    if (dct) {
      return {
        uri, start: d.start, end: d.end, text: d.text, value: d.value, kind: d.kind, resolution: d.resolution, group: interval.group,
        sentence, sentenceStart: s.start, sentenceEnd: s.end, documentDate: dct.value, isDocumentDate, inBoilerplate, entities, tags,
      };
    }
    return {
      uri, start: d.start, end: d.end, text: d.text, value: d.value, kind: d.kind, resolution: d.resolution, group: interval.group,
      sentence, sentenceStart: s.start, sentenceEnd: s.end, isDocumentDate, inBoilerplate, entities, tags,
    };
  }
  // Not made by intervalOf (which gives both or neither).
  return {
    uri, start: d.start, end: d.end, text: d.text, value: d.value, kind: d.kind, resolution: d.resolution, group: interval.group,
    ...(granularity ? { granularity } : {}),
    ...(sortKey ? { sortKey, endKey } : {}),
    sentence, sentenceStart: s.start, sentenceEnd: s.end,
    ...(dct ? { documentDate: dct.value } : {}),
    isDocumentDate, inBoilerplate, entities, tags,
  };
}

/** Every point-in-time mention of the corpus, in timeline order (see the module comment). */
export function buildTimeline(sources: readonly TimelineSource[], options: TimelineOptions = {}): TimelineEntry[] {
  const all: Sortable[] = [];
  // Intervals by value: a corpus names the same dates again and again.
  const intervals = new Map<string, DateInterval>();
  for (const source of sources) {
    throwIfCancelled(options.token);
    for (const s of timelineOfDocument(source, options, intervals)) all.push(s);
  }
  throwIfCancelled(options.token);
  return all.sort(comparePlaced).map((s) => s.entry);
}
