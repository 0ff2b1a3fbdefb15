/**
 * Tags on a seed article and an edit of that article made "in another editor" that leaves one tag of each kind:
 * anchored (untouched), moved (text inserted above), fuzzy (lightly reworded) and orphaned with a suggestion
 * (its paragraph deleted while its words remain in a photo caption).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { anchorTag, createTag, type Tag } from '../../server/src/core/index';
import { SEEDS_DIR } from './workspace';

export const ARTICLE_NAME = '003_0e5bd4099b662286.txt';
export const ARTICLE = readFileSync(path.join(SEEDS_DIR, ARTICLE_NAME), 'utf8');

/** The sentences of the article (one line each, 60 to 240 characters), in order. */
function sentences(text: string): string[] {
  return [...text.matchAll(/[A-Z][^.\n]{60,240}\./g)].map((m) => m[0]);
}

export function tagOn(text: string, quote: string, label: string, id: string, extra: Partial<Tag> = {}): Tag {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return { ...createTag(text, { tag: label, start, end: start + quote.length }, id, new Date(Date.UTC(2026, 10, 23, 9, 0, 0))), ...extra };
}

export interface EditedArticle {
  /** The article as it was tagged. */
  readonly original: string;
  /** As it is now. */
  readonly edited: string;
  readonly tags: { anchored: Tag; moved: Tag; fuzzy: Tag; orphaned: Tag };
}

export function editedArticle(): EditedArticle {
  const all = sentences(ARTICLE);
  // Four different sentences on four different lines, far enough apart that one edit does not touch another's context.
  const lines = ARTICLE.split('\n');
  const lineOf = (s: string) => lines.findIndex((l) => l.includes(s));
  const picked: string[] = [];
  for (const s of all) if (picked.every((p) => lineOf(p) !== lineOf(s)) && ARTICLE.indexOf(s) === ARTICLE.lastIndexOf(s)) picked.push(s);
  assert.ok(picked.length >= 4, 'four sentences on four lines');
  const [first, second, third, last] = [picked[0], picked[1], picked[2], picked[picked.length - 1]];

  const moved = tagOn(ARTICLE, first, 'cooperation', 'tmoved', { note: 'praise, "quoted", with a comma' });
  const fuzzy = tagOn(ARTICLE, second, 'training', 'tfuzzy', { author: 'Ana Analyst', updated: '2026-11-24T10:00:00.000Z' });
  const orphaned = tagOn(ARTICLE, third, 'visit', 'torphan', { note: 'line one\nline two' });

  // Fuzzy: two words of the second sentence changed in place.
  const words = second.split(' ');
  words[2] = words[2].toUpperCase() + 'X';
  words[words.length - 3] = 'significantly';
  let edited = ARTICLE.replace(second, words.join(' '));
  // Orphaned: the third sentence's paragraph deleted, its words left in a photo caption at the end.
  const lineStart = edited.lastIndexOf('\n', edited.indexOf(third)) + 1;
  const lineEnd = edited.indexOf('\n', edited.indexOf(third));
  edited = `${edited.slice(0, lineStart)}${edited.slice(lineEnd + 1)}\nPhoto: ${third} (VNA)\n`;
  // Moved: a line inserted above everything.
  edited = 'EDITOR’S NOTE: this article was updated with a new paragraph.\n\n' + edited;
  // Anchored: tagged after the edit (its stored offsets hold), with keys another tool added.
  const anchored = tagOn(edited, last, 'security', 'tanchor', { extra: { reviewer: 'Bo', score: 3 } });
  const result = { original: ARTICLE, edited, tags: { anchored, moved, fuzzy, orphaned } };
  for (const [status, tag] of Object.entries(result.tags)) assert.equal(anchorTag(edited, tag).status, status, `the ${status} tag is ${status}`);
  assert.ok(anchorTag(edited, result.tags.orphaned).suggestion, 'the orphan has a suggestion');
  return result;
}
