import type { Tag } from './model';

export type AnchorMethod = 'position' | 'quote' | 'orphan';

export interface AnchoredTag {
  readonly tag: Tag;
  readonly start: number;
  readonly end: number;
  readonly method: AnchorMethod;
}

/**
 * Finds where a tag's passage is in the current text: first at its stored position, then by an exact search
 * for its quote, choosing the occurrence whose context matches best (and then the nearest to the old position).
 * Tags that cannot be placed are orphans (start = end = -1): they are never silently attached to other text.
 */
export function anchorTag(text: string, tag: Tag): AnchoredTag {
  if (tag.quote && text.slice(tag.start, tag.end) === tag.quote) {
    return { tag, start: tag.start, end: tag.end, method: 'position' };
  }
  if (!tag.quote) return { tag, start: -1, end: -1, method: 'orphan' };
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let i = text.indexOf(tag.quote); i >= 0; i = text.indexOf(tag.quote, i + 1)) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, i - tag.prefix.length), i), tag.prefix) +
      commonPrefixLength(text.slice(i + tag.quote.length, i + tag.quote.length + tag.suffix.length), tag.suffix);
    const distance = Math.abs(i - tag.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = i;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (best < 0) return { tag, start: -1, end: -1, method: 'orphan' };
  return { tag, start: best, end: best + tag.quote.length, method: 'quote' };
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
