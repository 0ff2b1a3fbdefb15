/**
 * The articles that mention each node of the live form graph (incrementalClustering.ts), each once, in the order they
 * came. Most nodes are in one article and hold it alone; a common name is in thousands, held in an array rather than
 * a set: a corpus's articles are added one after another, and adding them to sets was a tenth of the time of building
 * the clustering of 10,000 articles. An article's names are all added at once, so an article that holds a node already
 * is the last one it holds; taking one away searches the node's list (an edit takes away one article's).
 *
 * They are held in a slot of the node itself, which only this class reads and writes: a map from node to articles was
 * 8 MB of the clustering of 10,000 articles.
 */
import { GROWN_FROM, insertedAt } from '../collections/exactArrays';

export interface ArticlesSlot {
  articlesHeld: unknown;
}

export class NodeArticles<N extends ArticlesSlot, A extends object> {
  /** Adds `article` to the node's articles; it must be the article being added now when the node holds it already. */
  add(node: N, article: A): void {
    const had = node.articlesHeld as A | A[] | undefined;
    if (had === undefined) node.articlesHeld = article;
    else if (Array.isArray(had)) {
      if (had[had.length - 1] === article) return;
      // Made again at their length while short: an array grown by a push keeps room for 16 more, and most nodes are in
      // a few articles (that room was 2.2 MB of the clustering of 10,000 articles).
      if (had.length < GROWN_FROM) node.articlesHeld = insertedAt(had, had.length, article);
      else had.push(article);
    } else if (had !== article) node.articlesHeld = [had, article];
  }

  remove(node: N, article: A): void {
    const had = node.articlesHeld as A | A[] | undefined;
    if (had === undefined) return;
    if (!Array.isArray(had)) {
      if (had === article) node.articlesHeld = undefined;
      return;
    }
    const at = had.indexOf(article);
    if (at < 0) return;
    had.splice(at, 1);
    if (had.length === 1) node.articlesHeld = had[0];
  }

  forEach(node: N, each: (article: A) => void): void {
    const had = node.articlesHeld as A | A[] | undefined;
    if (had === undefined) return;
    if (Array.isArray(had)) for (let i = 0; i < had.length; i++) each(had[i]);
    else each(had);
  }
}
