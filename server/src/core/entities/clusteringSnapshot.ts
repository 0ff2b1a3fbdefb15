/**
 * A corpus-wide clustering as plain data, so that it can be computed away from the thread that answers requests (a
 * worker) and handed back: compact (numbers and strings, one array per field), rebuilt into an `EntityClustering`
 * that answers exactly as the original did.
 */
import { ENTITY_TYPES, type EntityMention, type EntityType, type RecognizedEntity } from '../types';
import { mentionCountOf, withExtras, type EntityCluster, type EntityClustering } from './aliases';
import { createFinder } from './clusterFind';
import { OneSpelling } from './oneSpelling';
import { moveClusterMentions, movedPlaces } from './mentionMoves';
import { allLookAlikes, lookAlikeEntity, STORED_LOOK_ALIKES } from './lookAlikes';
import type { EntityRegistry } from './registry';
import { runToEnd } from '../slices';

/**
 * One document's mentions in order, as a rebuilt clustering holds them: start, end, entity (index into its entities)
 * and text (index into the clustering's table of texts) of each in one Int32Array, and the recogniser's other facts
 * only where the document has any.
 */
interface HeldDocument {
  readonly uri: string;
  readonly places: Int32Array;
  /** Number of mentions. */
  readonly count: number;
  readonly title?: readonly (string | null)[];
  readonly country?: readonly (string | null)[];
  readonly nested?: readonly boolean[];
}

/** Numbers per mention in `HeldDocument.places`. */
const PLACE = 4;

export interface ClusteringSnapshot {
  /**
   * Every distinct text of a mention, once: documents name their mentions' texts by index (a string per occurrence
   * made the snapshot of 10,000 articles half a million strings, in JSON, in every message from the worker, and in
   * the analysis cache, each then looked up to be shared).
   */
  readonly texts: readonly string[];
  readonly clusters: readonly {
    readonly entityId: string;
    readonly canonical: string;
    readonly type: EntityType;
    readonly notes?: string;
    readonly spellings: readonly (readonly [string, number])[];
    readonly titles: readonly (readonly [string, number])[];
    /** Entities it may be (lookAlikes.ts), as indexes into `clusters`, best first; when computed with the snapshot. */
    readonly lookAlikes?: readonly number[];
  }[];
  /** Each document's mentions in order: parallel arrays. */
  readonly documents: readonly {
    readonly uri: string;
    readonly start: readonly number[];
    readonly end: readonly number[];
    /** Index into `clusters`. */
    readonly cluster: readonly number[];
    /** Index into `texts`. */
    readonly text: readonly number[];
    /** Title per mention, only for documents where a mention has one (most have none). */
    readonly title?: readonly (string | null)[];
    /** Owner country (`Laos’ Ministry of …`) and nested flag per mention, only for documents that have any. */
    readonly country?: readonly (string | null)[];
    readonly nested?: readonly boolean[];
  }[];
}

/**
 * The clustering as plain data. With `lookAlikes`, each entity also carries the entities it may be (a search over every
 * name: done where the clustering is made, in the clustering worker, so the thread answering requests never builds it).
 */
export function snapshotOfClustering(clustering: EntityClustering, uris: readonly string[], options: { lookAlikes?: boolean } = {}): ClusteringSnapshot {
  const clusters = clustering.clusters();
  const index = new Map(clusters.map((c, i) => [c.entityId, i]));
  const lists = options.lookAlikes ? lookAlikeLists(clustering) : undefined;
  const lookAlikesOf = (c: EntityCluster) => lists![index.get(c.entityId)!];
  const texts: string[] = [];
  const textIds = new Map<string, number>();
  const textId = (t: string): number => {
    let id = textIds.get(t);
    if (id === undefined) textIds.set(t, (id = texts.push(t) - 1));
    return id;
  };
  return {
    texts,
    clusters: clusters.map((c) => ({
      entityId: c.entityId,
      canonical: c.canonical,
      type: c.type,
      ...(c.notes ? { notes: c.notes } : {}),
      spellings: [...c.spellings],
      titles: [...c.titles],
      ...(options.lookAlikes ? { lookAlikes: lookAlikesOf(c) } : {}),
    })),
    documents: uris.map((uri) => {
      const ms = clustering.mentionsOf(uri);
      return {
        uri,
        start: ms.map((m) => m.start),
        end: ms.map((m) => m.end),
        cluster: ms.map((m) => index.get(m.entityId) ?? -1),
        text: ms.map((m) => textId(m.text)),
        ...(ms.some((m) => m.title !== undefined) ? { title: ms.map((m) => m.title ?? null) } : {}),
        ...(ms.some((m) => m.country !== undefined) ? { country: ms.map((m) => m.country ?? null) } : {}),
        ...(ms.some((m) => m.nested) ? { nested: ms.map((m) => m.nested === true) } : {}),
      };
    }),
  };
}

/** The look-alikes of every entity of `clustering` (lookAlikes.ts), as indexes into its `clusters()`, best first. */
function lookAlikeLists(clustering: EntityClustering): number[][] {
  const entities = clustering.clusters().map(lookAlikeEntity);
  const found = allLookAlikes(entities, STORED_LOOK_ALIKES);
  return entities.map((_, i) => found.get(i) ?? []);
}

/**
 * Where the mentions of a snapshot's entities are, until their lists are made: every document's arrays, and per entity
 * a run of (document, mention) pairs (`counts` are the runs' bounds, two numbers a pair).
 */
class MentionRuns {
  readonly docs: HeldDocument[] = [];
  /** Every distinct text of a mention, once. */
  readonly texts: string[] = [];
  counts = new Int32Array(1);
  pairs = new Int32Array(0);

  mentionsOf(c: number): EntityCluster['mentions'] {
    const list: EntityCluster['mentions'] = [];
    for (let k = 2 * this.counts[c]; k < 2 * this.counts[c + 1]; k += 2) {
      const d = this.docs[this.pairs[k]];
      const i = this.pairs[k + 1];
      list.push({ uri: d.uri, start: d.places[PLACE * i], end: d.places[PLACE * i + 1], text: this.texts[d.places[PLACE * i + 3]] });
    }
    return list;
  }

  articlesOf(c: number): number {
    let n = 0;
    const first = 2 * this.counts[c];
    for (let k = first; k < 2 * this.counts[c + 1]; k += 2) if (k === first || this.pairs[k] !== this.pairs[k - 2]) n++;
    return n;
  }
}

/** An entity of a rebuilt clustering: its list of mentions is made on first use (most are never listed). */
class SnapshotCluster implements EntityCluster {
  private list: EntityCluster['mentions'] | undefined;

  constructor(
    readonly entityId: string,
    readonly canonical: string,
    readonly type: EntityType,
    readonly spellings: ReadonlyMap<string, number>,
    readonly titles: ReadonlyMap<string, number>,
    readonly notes: string | undefined,
    private readonly source: MentionRuns,
    private readonly index: number,
  ) {}

  get mentionCount(): number {
    return this.source.counts[this.index + 1] - this.source.counts[this.index];
  }

  get articleCount(): number {
    return this.source.articlesOf(this.index);
  }

  get mentions(): EntityCluster['mentions'] {
    return (this.list ??= this.source.mentionsOf(this.index));
  }

  set mentions(list: EntityCluster['mentions']) {
    this.list = list;
  }

  /** Whether its list was made (an edit's moves go to it; a list made later is made from the moved arrays). */
  get listed(): boolean {
    return this.list !== undefined;
  }
}

/** The clustering a snapshot describes; `registry` gives the analysts' aliases to search by, as the original did. */
export function clusteringFromSnapshot(snapshot: ClusteringSnapshot, registry: EntityRegistry): EntityClustering {
  return runToEnd(clusteringFromSnapshotInSlices(snapshot, registry));
}

/** The titles of the many entities seen with none: one empty map for all of them. */
const NO_TITLES: ReadonlyMap<string, number> = new Map();

/** Documents rebuilt per slice: about ten milliseconds of work at 60 names an article. */
const DOCUMENTS_PER_SLICE = 150;

/**
 * `clusteringFromSnapshot` in slices of `perSlice` documents: each `next()` does one, the last returns the clustering.
 * A host runs one slice per turn of its event loop, so that rebuilding the clustering of 10,000 articles (most of a
 * second) never keeps a request waiting.
 */
export function* clusteringFromSnapshotInSlices(
  snapshot: ClusteringSnapshot,
  registry: EntityRegistry,
  perSlice = DOCUMENTS_PER_SLICE,
): Generator<void, EntityClustering, void> {
  // Texts are interned (one string per spelling, shared by the entities' spellings and every mention of it): the
  // snapshot's table of texts, to which the entities' spellings are matched. Mentions hold their text's index in it.
  const source = new MentionRuns();
  const textTable = source.texts;
  const spelling = new Map<string, number>();
  const textId = (t: string): number => {
    let id = spelling.get(t);
    if (id === undefined) spelling.set(t, (id = textTable.push(t) - 1));
    return id;
  };
  for (const t of snapshot.texts) {
    if (typeof t !== 'string') throw new Error('a text of the clustering snapshot is not a string');
    textId(t);
  }
  const textsGiven = snapshot.texts.length;
  if (textTable.length !== textsGiven) throw new Error('the clustering snapshot lists a text twice');
  const intern = (t: string): string => textTable[textId(t)];
  const clusters: SnapshotCluster[] = [];
  for (const c of snapshot.clusters) {
    if (clusters.length % (20 * perSlice) === 20 * perSlice - 1) yield;
    const spellings = c.spellings.length === 1 ? new OneSpelling(intern(c.spellings[0][0]), c.spellings[0][1]) : new Map(c.spellings.map(([t, n]) => [intern(t), n]));
    // The canonical name is most often one of the spellings, and the type one of four: one string each.
    const canonical = spelling.has(c.canonical) ? intern(c.canonical) : c.canonical;
    const type = ENTITY_TYPES.find((t) => t === c.type) ?? c.type;
    clusters.push(new SnapshotCluster(c.entityId, canonical, type, spellings, c.titles.length ? new Map(c.titles) : NO_TITLES, c.notes, source, clusters.length));
  }
  // Each document's mentions stay as the snapshot's parallel arrays, made into objects only when asked for: at 10,000
  // articles, half a million objects fewer for the server's life. Each entity's list of mentions is likewise made on
  // its first use (most are never listed): until then it is a run of (article, mention) pairs in one array.
  const docList = source.docs;
  const byUri = new Map<string, number>();
  const counts = new Int32Array(clusters.length + 1);
  let done = 0;
  for (const d of snapshot.documents) {
    if (++done % perSlice === 0) yield;
    const n = d.start.length;
    if (!n) continue;
    byUri.set(d.uri, docList.length);
    const places = new Int32Array(PLACE * n);
    for (let i = 0; i < n; i++) {
      places[PLACE * i] = d.start[i];
      places[PLACE * i + 1] = d.end[i];
      places[PLACE * i + 2] = d.cluster[i];
      const text = d.text[i];
      if (!(text >= 0 && text < textsGiven)) throw new Error(`a mention of ${d.uri} names no text of the clustering snapshot`);
      places[PLACE * i + 3] = text;
    }
    docList.push({
      uri: d.uri, places, count: n,
      ...(d.title?.some((t) => t !== null) ? { title: d.title } : {}),
      ...(d.country ? { country: d.country } : {}),
      ...(d.nested ? { nested: d.nested } : {}),
    });
    for (const c of d.cluster) if (clusters[c]) counts[c + 1]++;
  }
  spelling.clear(); // every text is in the table: the map is not kept with the clustering
  for (let c = 0; c < clusters.length; c++) counts[c + 1] += counts[c];
  const pairs = new Int32Array(2 * counts[clusters.length]);
  const filled = counts.slice(0, clusters.length);
  docList.forEach((d, di) => {
    for (let i = 0; i < d.count; i++) {
      const c = d.places[PLACE * i + 2];
      if (!clusters[c]) continue;
      const at = 2 * filled[c]++;
      pairs[at] = di;
      pairs[at + 1] = i;
    }
  });
  source.counts = counts;
  source.pairs = pairs;
  const mentionsOf = (uri: string): EntityMention[] => {
    const d = docList[byUri.get(uri) ?? -1];
    const list: EntityMention[] = [];
    if (!d) return list;
    for (let i = 0; i < d.count; i++) {
      const c = clusters[d.places[PLACE * i + 2]];
      if (!c) continue;
      const mention: EntityMention = {
        start: d.places[PLACE * i], end: d.places[PLACE * i + 1], text: textTable[d.places[PLACE * i + 3]], type: c.type, entityId: c.entityId, canonical: c.canonical,
      };
      list.push(withExtras(mention, { title: d.title?.[i] ?? undefined, country: d.country?.[i] ?? undefined, nested: d.nested?.[i] }));
    }
    return list;
  };
  /** An edit that kept the article's names (mentionMoves.ts): its arrays are replaced by ones at the new offsets. */
  const moveMentions = (uri: string, from: readonly RecognizedEntity[], to: readonly RecognizedEntity[]): void => {
    const at = byUri.get(uri) ?? -1;
    const d = docList[at];
    if (!d) return;
    const place = movedPlaces(from, to);
    const places = d.places.slice();
    const entities = new Set<SnapshotCluster | undefined>();
    for (let k = 0; k < places.length; k += PLACE) {
      const p = place(places[k], places[k + 1]);
      if (p) [places[k], places[k + 1]] = [p.start, p.end];
      entities.add(clusters[places[k + 2]]);
    }
    docList[at] = { ...d, places };
    moveClusterMentions([...entities].filter((c) => c?.listed), uri, place);
  };
  yield;
  const byId = new Map(clusters.map((c) => [c.entityId, c]));
  const aliases = new Map(registry.entities.filter((e) => e.id).map((e) => [e.id, e.aliases]));
  let finder: ((query: string) => { c: EntityCluster }[]) | undefined;
  const carried = snapshot.clusters.every((c) => c.lookAlikes !== undefined);
  const lookAlikes = carried ? new Map(snapshot.clusters.map((c, i) => [clusters[i].entityId, c.lookAlikes!.map((j) => clusters[j])])) : undefined;
  return Object.freeze({
    ...(lookAlikes ? { lookAlikesOf: (entityId: string) => lookAlikes.get(entityId) ?? [] } : {}),
    mentionsOf,
    clusters: () => clusters,
    cluster: (entityId: string) => byId.get(entityId),
    moveMentions,
    find(query: string): EntityCluster[] {
      finder ??= createFinder(
        clusters.map((c) => ({ c, mentionCount: mentionCountOf(c), canonical: c.canonical })),
        (x) => [x.c.canonical, ...x.c.spellings.keys(), ...(aliases.get(x.c.entityId) ?? [])],
      );
      return finder(query).map((x) => x.c);
    },
  });
}
