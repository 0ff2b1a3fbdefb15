/**
 * The timeline's LSP messages, shared by the server and the VS Code client (and usable by any LSP client).
 * Plain like `protocol.ts`: typed message objects from vscode-languageserver-protocol, no vscode, no
 * vscode-languageserver, no Node built-ins.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { LspRange } from './protocol';

export type TimelineGroupName = 'dated' | 'unknown-year' | 'undated';

/** One dated mention on the corpus timeline. */
export interface TimelineItem {
  /** The article's URI, and its path relative to its workspace folder. */
  uri: string;
  document: string;
  /** Where the expression is. */
  range: LspRange;
  /** Where its sentence is. */
  sentenceRange: LspRange;
  /** The expression as written (`April 25`), its TIMEX3 value (`2025-04-25`) and kind (`DATE` or `TIME`). */
  text: string;
  value: string;
  kind: string;
  /** How the value was resolved, for people. */
  resolution: string;
  group: TimelineGroupName;
  /** First and last day (or minute) the value covers, ISO; `XXXX-06-02` when the year is unknown; absent when undated. */
  start?: string;
  end?: string;
  /** `day`, `month`, `year`, `range`, … */
  granularity?: string;
  /** The sentence on one line, cut around the mention when long. */
  sentence: string;
  /** The article's own date, when known. */
  documentDate?: string;
  /** This mention is the article's own date (its dateline). */
  isDocumentDate: boolean;
  /** The mention lies in boilerplate (a repeated lead, page chrome): listed, but not an event of the article. */
  inBoilerplate?: boolean;
  /** Entities named in the sentence. */
  entities: { id: string; name: string; type: string }[];
  /** Tags over the sentence. */
  tags: string[];
}

/** A tagged passage whose sentences hold no dated mention with that tag (so no timeline item carries the tag there). */
export interface TimelineTagWithoutDate {
  uri: string;
  document: string;
  range: LspRange;
  tag: string;
  /** The passage on one line, cut when long. */
  text: string;
  /** The article's own date (TIMEX3 value), where a plot can place the tag; absent when the article has none. */
  documentDate?: string;
}

export interface TimelineParams {
  /** Optional LSP work-done token: the server reports progress on it. */
  workDoneToken?: string | number;
}

export interface TimelineResult {
  /** In timeline order: dated ones by time, then unknown-year ones by month and day, then undated ones. */
  items: TimelineItem[];
  /** Tagged passages without a dated mention in their sentences, in article order. */
  tagsWithoutDate?: TimelineTagWithoutDate[];
  /** Articles looked at, and those skipped for being larger than corpusAnnotator.maxDocumentSize. */
  articles: number;
  skipped: string[];
  /** The timeline's version (as in TimelineOutline). */
  version?: number;
}

/**
 * A bucket of the timeline, as a tree shows it: a month (`2025-04`), a year (`2025`: the mentions that start in it and
 * cover more than a month), `unknown-year` or `undated`.
 */
export interface TimelineBucket {
  key: string;
  /** Mentions in the bucket. */
  count: number;
}

export interface TimelineOutline {
  /** The timeline's version: bumped by every change of its mentions (see `corpusAnnotator/timelineChanged`). */
  version: number;
  /** Every non-empty bucket, in timeline order: years ascending, each before its months, then unknown-year, then undated. */
  buckets: TimelineBucket[];
  articles: number;
  skipped: string[];
}

export interface TimelineItemsParams {
  /** A bucket's key, as the outline gives it. */
  bucket: string;
}

export interface TimelineItemsResult {
  version: number;
  bucket: string;
  /** The bucket's mentions in timeline order (none for a bucket that is empty or unknown). */
  items: TimelineItem[];
}

export interface TimelineChangedParams {
  /** The timeline's version after the change. */
  version?: number;
  /** The buckets whose mentions changed; absent when any may have (refetch everything shown). */
  buckets?: string[];
}

export const TimelineRequests = {
  /** `corpusAnnotator/timeline` — the whole timeline at once (the plot, the CLI's equivalent). params: TimelineParams; result: TimelineResult */
  timeline: new RequestType<TimelineParams, TimelineResult, void>('corpusAnnotator/timeline'),
  /** `corpusAnnotator/timelineOutline` — the buckets and their counts, for a tree's top levels. params: TimelineParams; result: TimelineOutline */
  outline: new RequestType<TimelineParams, TimelineOutline, void>('corpusAnnotator/timelineOutline'),
  /** `corpusAnnotator/timelineItems` — one bucket's mentions, for a tree's expanded node. params: TimelineItemsParams; result: TimelineItemsResult */
  items: new RequestType<TimelineItemsParams, TimelineItemsResult, void>('corpusAnnotator/timelineItems'),
} as const;

export const TimelineNotifications = {
  /**
   * `corpusAnnotator/timelineChanged`, server → client: mentions on the timeline changed (an article's text, tags,
   * the entity registry or clustering, the ignore list, or a new indexing), named by bucket. Sent only when what a
   * client is shown changed (an edit of an article without dates sends none), once the server has built the timeline
   * (a client that never asked for it hears nothing), coalesced. params: TimelineChangedParams
   */
  changed: new NotificationType<TimelineChangedParams>('corpusAnnotator/timelineChanged'),
} as const;
