/** The `corpusAnnotator/boilerplateClusters` answer: the core's clusters (ignored ones left out) with LSP ranges. */
import { LineIndex, sortedUpdate, type BoilerplateCluster, type CancellationToken } from '../core/index';
import type { BoilerplateClusterItem, BoilerplateClustersResult } from '../protocolBoilerplate';
import type { ServerContext } from './context';
import { runInTurns } from './eventLoopTurns';

/**
 * At most this many clusters of each kind are sent (those with the most copies); the rest are counted in `omitted`. One
 * cap for all made a corpus of 10,000 articles list 2,000 exact duplicates, and no near duplicate or chrome at all.
 */
export const MAX_CLUSTERS_PER_KIND = 1000;
const MAX_TEXT = 200;
const KIND_ORDER = { duplicate: 0, 'near-duplicate': 1, chrome: 2 } as const;
const byText = new Intl.Collator().compare;
/** The view's order: exact duplicates, near ones, then chrome; the most copies first; then by text. */
const byListing = (a: BoilerplateCluster, b: BoilerplateCluster): number =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.places.length - a.places.length || byText(a.text, b.text);

export type ClusterList = (problems: BoilerplateClustersResult['problems'], token: CancellationToken) => Promise<BoilerplateClustersResult>;

/** The lister of one server's clusters. */
export function clusterList(ctx: ServerContext): ClusterList {
  /**
   * Each cluster's item as last sent: a cluster is the same object until one of its articles changes (the core keeps
   * the others from one listing to the next), and so are its places' line positions. After an edit only the clusters
   * made again are converted again, instead of 2,000 clusters and the line index of every article they are in.
   */
  const items = new WeakMap<BoilerplateCluster, BoilerplateClusterItem>();
  /** The clusters of the last listing, in the view's order (brought up to date, not sorted again, at the next). */
  const last = { sorted: [] as BoilerplateCluster[] };
  // The client waits on it: background passes (the timeline's boilerplate pass, the preparation for edits) stand aside.
  return (problems, token) => ctx.indexer.waitingRequests.during(() => listClusters(ctx, { items, last }, problems, token));
}

interface Kept {
  readonly items: WeakMap<BoilerplateCluster, BoilerplateClusterItem>;
  readonly last: { sorted: BoilerplateCluster[] };
}

async function listClusters(ctx: ServerContext, { items, last }: Kept, problems: BoilerplateClustersResult['problems'], token: CancellationToken): Promise<BoilerplateClustersResult> {
  // In slices, one a turn of the event loop: the first listing of a large corpus takes seconds, during which the open
  // articles' diagnostics and hovers are answered.
  // Stopped by a shutdown too: the analysis cache's last write then has the thread.
  const stopped: CancellationToken = { get isCancellationRequested() { return token.isCancellationRequested || ctx.shutdown.isCancellationRequested; } };
  const clusters = (last.sorted = sortedUpdate(last.sorted, await runInTurns(ctx.service.boilerplateClustersInSlices(stopped)), byListing));
  // Per article, once a listing: its line index, its URI and its label (a listing of 10,000 articles has a hundred
  // thousand places; their items share these strings).
  const articles = new Map<string, Article | undefined>();
  const articleOf = (key: string): Article | undefined => {
    if (!articles.has(key)) {
      const text = ctx.service.getText(key);
      articles.set(key, text === undefined ? undefined : { lines: new LineIndex(text), uri: ctx.workspace.uriOf(key), document: ctx.workspace.label(key) });
    }
    return articles.get(key);
  };
  const listed: BoilerplateClusterItem[] = [];
  const ofKind: Partial<Record<BoilerplateCluster['kind'], number>> = {};
  const omittedByKind: BoilerplateClustersResult['omittedByKind'] = {};
  for (const c of clusters) {
    // In the view's order: a kind's clusters with the most copies first.
    const n = (ofKind[c.kind] = (ofKind[c.kind] ?? 0) + 1);
    if (n > MAX_CLUSTERS_PER_KIND) {
      omittedByKind[c.kind] = (omittedByKind[c.kind] ?? 0) + 1;
      continue;
    }
    let item = items.get(c);
    if (!item) items.set(c, (item = toItem(c, articleOf)));
    listed.push(item);
  }
  return { clusters: listed, omitted: clusters.length - listed.length, omittedByKind, problems };
}

interface Article {
  readonly lines: LineIndex;
  readonly uri: string;
  readonly document: string;
}

function toItem(c: BoilerplateCluster, articleOf: (key: string) => Article | undefined): BoilerplateClusterItem {
  const places: BoilerplateClusterItem['places'] = [];
  for (const p of c.places) {
    const article = articleOf(p.uri);
    if (!article) continue;
    places.push({
      uri: article.uri,
      document: article.document,
      range: { start: article.lines.positionAt(p.start), end: article.lines.positionAt(p.end) },
    });
  }
  const one = c.text.replace(/\s+/g, ' ').trim();
  return {
    id: c.id,
    kind: c.kind,
    text: one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one,
    count: places.length,
    places,
  };
}
