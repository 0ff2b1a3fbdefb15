/**
 * The analysts' tags on passages, as stored in sidecar YAML files (one per article).
 * A tag is anchored Hypothesis-style: by position (start/end), by its exact quote, and by context on each side,
 * so that it can be found again after the text changes.
 */
import type { RecordConflict } from './conflicts';

export interface Tag {
  /** Stable id, unique within its sidecar. */
  readonly id: string;
  /** The analyst's label, e.g. `cooperation`. */
  readonly tag: string;
  readonly note?: string;
  /** The exact text tagged. */
  readonly quote: string;
  /** Up to CONTEXT_CHARS characters before the quote. */
  readonly prefix: string;
  /** Up to CONTEXT_CHARS characters after the quote. */
  readonly suffix: string;
  /** UTF-16 offsets of the quote in the article when it was tagged. */
  readonly start: number;
  readonly end: number;
  /** ISO timestamp of creation. */
  readonly created: string;
  /** ISO timestamp of the last change (note, place), if any. */
  readonly updated?: string;
  readonly author?: string;
  /** Keys the analyst (or a newer version) added that we do not know: kept as they are when the file is rewritten. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface Sidecar {
  readonly version: 1;
  /** The article's path relative to the workspace folder, with `/` separators. */
  readonly document: string;
  readonly tags: readonly Tag[];
  /** Top-level keys we do not know, kept on rewrite. */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Merge conflicts kept in the file until an analyst resolves them (conflicts.ts). */
  readonly conflicts?: readonly RecordConflict[];
}

export const CONTEXT_CHARS = 32;

export interface NewTagInput {
  readonly tag: string;
  readonly note?: string;
  readonly start: number;
  readonly end: number;
  readonly author?: string;
}

/** Builds a tag for `text[start, end)`, with quote and context taken from the text. */
export function createTag(text: string, input: NewTagInput, id: string, now: Date): Tag {
  const start = Math.max(0, Math.min(input.start, input.end));
  const end = Math.min(text.length, Math.max(input.start, input.end));
  const label = input.tag.trim();
  const note = input.note?.trim();
  return {
    id,
    tag: label,
    ...(note ? { note } : {}),
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
    created: now.toISOString(),
    ...(input.author ? { author: input.author } : {}),
  };
}

/** Why a tag label is not acceptable, or undefined when it is. */
export function validateTagLabel(label: string): string | undefined {
  const t = label.trim();
  if (!t) return 'A tag needs a name.';
  if (t.length > 80) return 'A tag name has at most 80 characters.';
  if (/[\r\n]/.test(t)) return 'A tag name is one line.';
  return undefined;
}

/** A short, sortable, collision-resistant id from a clock and a random source. */
export function newTagId(now: Date, random: () => number): string {
  const time = now.getTime().toString(36);
  let rand = '';
  for (let i = 0; i < 6; i++) rand += Math.floor(random() * 36).toString(36);
  return `t${time}${rand}`;
}
