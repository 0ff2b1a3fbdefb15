/**
 * Which articles name their entities otherwise in one clustering than in another: what a host must show again when a
 * clustering made another way is put in use (the one kept up to date article by article, in place of the one made
 * whole). The two give the same entities for articles that did not change, so this is usually the articles that
 * changed, not the corpus: the views and the other open articles' diagnostics are not all made again for it.
 */
import type { EntityMention } from '../types';
import type { EntityClustering } from './aliases';

/** The articles of `uris` whose mentions differ between `before` and `after` (every one without `before`). */
export function articlesNamedOtherwise(before: EntityClustering | undefined, after: EntityClustering, uris: Iterable<string>): string[] {
  const out: string[] = [];
  for (const uri of uris) if (isNamedOtherwise(before, after, uri)) out.push(uri);
  return out;
}

/** Whether the article's mentions differ between `before` and `after` (always without `before`). */
export function isNamedOtherwise(before: EntityClustering | undefined, after: EntityClustering, uri: string): boolean {
  return !before || !sameMentions(before.mentionsOf(uri), after.mentionsOf(uri));
}

function sameMentions(a: readonly EntityMention[], b: readonly EntityMention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.start !== y.start || x.end !== y.end || x.text !== y.text || x.type !== y.type || x.entityId !== y.entityId ||
      x.canonical !== y.canonical || x.title !== y.title || x.country !== y.country || !x.nested !== !y.nested
    ) {
      return false;
    }
  }
  return true;
}
