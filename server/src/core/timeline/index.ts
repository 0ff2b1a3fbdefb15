/** The corpus timeline: dated mentions in time order, with their sentences, entities and tags. Pure. */
export { boilerplateMarks, buildTimeline, comparePlaced, entitiesIn, sortedByStart, timelineOfDocument, timelineSource } from './build';
export type { AnalysedForTimeline, PlacedEntry, TimelineEntity, TimelineEntry, TimelineOptions, TimelineSource, TimelineTag } from './build';
export { bucketOf, compareBuckets, TimelineStore } from './store';
export type { ArticleEntries, StoredEntry } from './store';
export { hash64, SharedPassages } from './sharedPassages';
export { tagsWithoutDate } from './tagsWithoutDate';
export type { TagWithoutDate } from './tagsWithoutDate';
export { compareIntervals, intervalOf } from './interval';
export type { DateInterval, Granularity, TimelineGroup } from './interval';
export { excerpt, sentenceAt, splitSentences } from './sentences';
export type { SentenceSpan } from './sentences';
