/**
 * The timeline's LSP messages, shared by the server and the VS Code client (and usable by any LSP client).
 * Plain like `protocol.ts`: typed message objects from vscode-languageserver-protocol, no vscode, no
 * vscode-languageserver, no Node built-ins.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { EmptyParams, LspRange } from './protocol';

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
}

export const TimelineRequests = {
  /** `corpusAnnotator/timeline` — params: TimelineParams; result: TimelineResult */
  timeline: new RequestType<TimelineParams, TimelineResult, void>('corpusAnnotator/timeline'),
} as const;

export const TimelineNotifications = {
  /**
   * `corpusAnnotator/timelineChanged`, server → client: the timeline's inputs changed (article text, tags, the entity
   * registry, or indexing finished), so a timeline fetched before is out of date. At most one per ~300 ms. params: {}
   */
  changed: new NotificationType<EmptyParams>('corpusAnnotator/timelineChanged'),
} as const;
