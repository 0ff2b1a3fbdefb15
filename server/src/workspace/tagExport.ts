/**
 * A folder's tags, re-anchored against its articles as they are on disk, listed or exported: what `corpus-annotator
 * tags` and `export` print and what the editor's Export Tags command writes, from one function, so both give the same
 * file for the same folder.
 */
import { listTags, tagsCsv, type ListedTag, type TaggedArticle } from '../core/annotations/tagsOutput';
import { webAnnotationJson } from '../core/annotations/webAnnotation';
import { NEVER_CANCELLED, throwIfCancelled, type CancellationToken } from '../core/types';
import type { CorpusFolder } from './corpusFolder';

export type TagExportFormat = 'csv' | 'wadm';
export const TAG_EXPORT_FORMATS: readonly TagExportFormat[] = ['csv', 'wadm'];

/**
 * The tags of the folder's sidecars that parse, of the articles `inScope` selects (all when omitted), re-anchored
 * against the saved articles. An article that cannot be read is as good as gone: its tags are listed as orphans.
 * Stops between articles once `token` is cancelled (CancelledError).
 */
export async function folderTags(
  corpus: CorpusFolder, inScope: (article: string) => boolean = () => true, token: CancellationToken = NEVER_CANCELLED,
): Promise<ListedTag[]> {
  const articles: TaggedArticle[] = [];
  for (const [article, { sidecar }] of corpus.allSidecars()) {
    if (!inScope(article) || !sidecar.tags.length) continue;
    throwIfCancelled(token);
    const text = await corpus.readArticle(article).catch(() => undefined);
    articles.push({ path: corpus.relative(article), text, tags: sidecar.tags });
  }
  return listTags(articles);
}

/** The export file of `tags`: RFC 4180 CSV, or W3C Web Annotations as JSON-LD. */
export function exportedTags(tags: readonly ListedTag[], format: TagExportFormat): string {
  return format === 'csv' ? tagsCsv(tags) : webAnnotationJson(tags);
}
