/**
 * The `corpusAnnotator/boilerplateClusters` answer: the core's clusters (ignored ones left out) with LSP ranges, each
 * with its first places; and the `corpusAnnotator/boilerplateClusterPlaces` answer, all places of one of them.
 */
import { LineIndex, sortedUpdate, type BoilerplateCluster, type CancellationToken } from '../core/index';
import { PLACES_LISTED, type BoilerplateClusterItem, type BoilerplateClustersResult, type BoilerplatePlace } from '../protocolBoilerplate';
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

export type ClusterList = (problems: BoilerplateClustersResult['problems'], token: CancellationToken, since?: number) => Promise<BoilerplateClustersResult>;
/** Every place of the cluster listed as `id`, or null when the corpus has none such now. */
export type ClusterPlaces = (id: string, token: CancellationToken) => Promise<BoilerplatePlace[] | null>;

/** The lister of one server's clusters, and of the places of one. */
export function clusterList(ctx: ServerContext): { list: ClusterList; placesOf: ClusterPlaces } {
  /**
   * Each cluster's item as last sent: a cluster is the same object until one of its articles changes (the core keeps
   * the others from one listing to the next), and so are its places' line positions. After an edit only the clusters
   * made again are converted again, instead of 2,000 clusters and the line index of every article they are in.
   */
  const items = new WeakMap<BoilerplateCluster, BoilerplateClusterItem>();
  /**
   * The clusters of the last listing, in the view's order (brought up to date, not sorted again, at the next); the
   * items it sent, by id, and its version.
   */
  const last: Last = { sorted: [], sent: new Map(), version: 0 };
  // The client waits on them, and they wait on no background pass: they all stand aside meanwhile.
  const { waitingRequests, independentRequests } = ctx.indexer;
  const waitedOn = <T>(work: () => Promise<T>): Promise<T> => waitingRequests.during(() => independentRequests.during(work));
  /**
   * The places of the clusters whose "more places" were asked for, while the cluster lasts: the client keeps the row
   * expanded and asks again at each listing (after every pause in typing).
   */
  const allPlaces = new WeakMap<BoilerplateCluster, BoilerplatePlace[]>();
  return {
    list: (problems, token, since) => waitedOn(() => listClusters(ctx, { items, last }, problems, token, since)),
    placesOf: (id, token) => waitedOn(() => clusterPlaces(ctx, allPlaces, id, token)),
  };
}

/** The core's clusters now, in slices (one a turn of the event loop), stopped by a shutdown too. */
async function currentClusters(ctx: ServerContext, token: CancellationToken): Promise<BoilerplateCluster[]> {
  // A first listing of a large corpus takes seconds, during which the open articles' diagnostics and hovers are
  // answered; a shutdown stops it, so that the analysis cache's last write has the thread.
  const stopped: CancellationToken = { get isCancellationRequested() { return token.isCancellationRequested || ctx.shutdown.isCancellationRequested; } };
  return runInTurns(ctx.service.boilerplateClustersInSlices(stopped));
}

async function clusterPlaces(ctx: ServerContext, kept: WeakMap<BoilerplateCluster, BoilerplatePlace[]>, id: string, token: CancellationToken): Promise<BoilerplatePlace[] | null> {
  const cluster = (await currentClusters(ctx, token)).find((c) => c.id === id);
  if (!cluster) return null;
  let places = kept.get(cluster);
  if (!places) kept.set(cluster, (places = placesOfCluster(ctx, cluster)));
  return places;
}

function placesOfCluster(ctx: ServerContext, cluster: BoilerplateCluster): BoilerplatePlace[] {
  const articleOf = articlesOf(ctx);
  const places: BoilerplatePlace[] = [];
  for (const p of cluster.places) {
    const place = placeOf(p, articleOf);
    if (place) places.push(place);
  }
  return places;
}

interface Last {
  sorted: BoilerplateCluster[];
  /** The core's list `sorted` was made from. */
  from?: readonly BoilerplateCluster[];
  sent: Map<string, BoilerplateClusterItem>;
  version: number;
}

interface Kept {
  readonly items: WeakMap<BoilerplateCluster, BoilerplateClusterItem>;
  readonly last: Last;
}

async function listClusters(
  ctx: ServerContext, { items, last }: Kept, problems: BoilerplateClustersResult['problems'], token: CancellationToken, since?: number,
): Promise<BoilerplateClustersResult> {
  const current = await currentClusters(ctx, token);
  // The core's list is the same array until the corpus or the ignore list changes: then the order is too (comparing
  // the two through a set of 26,000 clusters made two arrays of V8's large-object space at each listing).
  if (current !== last.from) {
    last.sorted = sortedUpdate(last.sorted, current, byListing);
    last.from = current;
  }
  const clusters = last.sorted;
  const articleOf = articlesOf(ctx);
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
    if (!item) items.set(c, (item = toItem(ctx, c, articleOf)));
    listed.push(item);
  }
  const before = last.sent;
  const version = ++last.version;
  last.sent = new Map(listed.map((item) => [item.id, item]));
  const rest = { omitted: clusters.length - listed.length, omittedByKind, problems };
  // The client holds the last listing: what changed since (an item is the same object while its cluster is).
  if (since !== undefined && since === version - 1) {
    const changed = listed.filter((item) => before.get(item.id) !== item);
    const removed = [...before.keys()].filter((id) => !last.sent.has(id));
    return { version, since, removed, order: listed.map((item) => item.id), clusters: changed, ...rest };
  }
  return { version, clusters: listed, ...rest };
}

interface Article {
  readonly lines: LineIndex;
  readonly uri: string;
  readonly document: string;
}

/** Each article's line index, URI and label, made once (the places of a listing share them). */
function articlesOf(ctx: ServerContext): (key: string) => Article | undefined {
  const articles = new Map<string, Article | undefined>();
  return (key) => {
    if (!articles.has(key)) {
      const text = ctx.service.getText(key);
      articles.set(key, text === undefined ? undefined : { lines: new LineIndex(text), uri: ctx.workspace.uriOf(key), document: ctx.workspace.label(key) });
    }
    return articles.get(key);
  };
}

function placeOf(p: BoilerplateCluster['places'][number], articleOf: (key: string) => Article | undefined): BoilerplatePlace | undefined {
  const article = articleOf(p.uri);
  if (!article) return undefined;
  return { uri: article.uri, document: article.document, range: { start: article.lines.positionAt(p.start), end: article.lines.positionAt(p.end) } };
}

function toItem(ctx: ServerContext, c: BoilerplateCluster, articleOf: (key: string) => Article | undefined): BoilerplateClusterItem {
  const places: BoilerplatePlace[] = [];
  let count = 0;
  let articles = 0;
  let lastUri: string | undefined;
  // The core's places are in article order: an article's places follow one another. Those past the first few are only
  // counted (their articles are not laid out).
  for (const p of c.places) {
    if (places.length < PLACES_LISTED) {
      const place = placeOf(p, articleOf);
      if (!place) continue;
      places.push(place);
    } else if (ctx.service.getText(p.uri) === undefined) continue;
    count++;
    if (p.uri !== lastUri) articles++;
    lastUri = p.uri;
  }
  const one = c.text.replace(/\s+/g, ' ').trim();
  return {
    id: c.id,
    kind: c.kind,
    text: one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one,
    count,
    articles,
    places,
  };
}
