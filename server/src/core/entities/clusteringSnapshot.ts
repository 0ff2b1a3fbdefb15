/**
 * A corpus-wide clustering as plain data, so that it can be computed away from the thread that answers requests (a
 * worker) and handed back: compact (numbers and strings, one array per field), rebuilt into an `EntityClustering`
 * that answers exactly as the original did.
 */
import { type CancellationToken, type EntityMention, type EntityType, type RecognizedEntity } from '../types';
import { groupEntities, placedNames, withExtras, type DocumentEntities, type EntityCluster, type EntityClustering } from './aliases';
import { searchOf } from './clusterFind';
import { OneSpelling } from './oneSpelling';
import { moveClusterMentions, movedPlaces } from './mentionMoves';
import { lookAlikeColumns, lookAlikeEntity, type LookAlikeColumns, type LookAlikeEntity } from './lookAlikes';
import type { EntityRegistry } from './registry';
import { runToEnd } from '../slices';
import { StringIds } from '../collections/stringIds';
import { IntColumn } from '../collections/intColumn';

/**
 * One document's mentions in order, as a rebuilt clustering holds them: start, end, entity (index into its entities)
 * and text (index into the clustering's table of texts) of each in one Int32Array (a view into the snapshot's), and
 * the recogniser's other facts only where the document has any.
 */
interface HeldDocument {
  readonly uri: string;
  readonly places: Int32Array;
  /** Number of mentions. */
  readonly count: number;
  /** Per mention, its title's or owner country's index in the table of texts, or -1; views into the snapshot's. */
  readonly title?: Int32Array;
  readonly country?: Int32Array;
  readonly nested?: Uint8Array;
}

/** Numbers per mention in `HeldDocument.places` and the snapshot's `documents.places`. */
const PLACE = 4;

/**
 * A corpus-wide clustering as columns of numbers, with every string once in one table: what a worker sends (typed
 * arrays are copied as they are, where half a million small arrays and objects were each cloned) and what the
 * analysis cache keeps (V8's serialisation; a reopened workspace reads it without making an object per mention).
 */
export interface ClusteringSnapshot {
  /**
   * Every distinct string, once: the texts of mentions, the entities' names, types, spellings and titles, and the
   * mentions' titles and countries. Everything else names them by index.
   */
  readonly texts: readonly string[];
  readonly entities: {
    readonly ids: readonly string[];
    /** Per entity: its canonical name and its type, as indexes into `texts`. */
    readonly canonical: Int32Array;
    readonly type: Int32Array;
    /** (text, count) pairs of every entity's spellings, entity after entity; entity i's are pairs spellingsAt[i] to spellingsAt[i + 1]. */
    readonly spellings: Int32Array;
    readonly spellingsAt: Int32Array;
    /** The same for the titles seen with each. */
    readonly titles: Int32Array;
    readonly titlesAt: Int32Array;
    /** (entity, notes) of the few entities with notes from the registry. */
    readonly notes: readonly (readonly [number, string])[];
    /** Entities each may be (lookAlikes.ts), as entity indexes, best first; when computed with the snapshot. */
    readonly lookAlikes?: Int32Array;
    readonly lookAlikesAt?: Int32Array;
    /**
     * The look-alikes are being found, and come apart (`LookAlikeColumns`, given to the clustering made from this
     * snapshot by `attachLookAlikes`): until then the clustering offers none, rather than searching every name.
     */
    readonly lookAlikesLater?: true;
  };
  /** Every document's mentions in order. */
  readonly documents: {
    readonly uris: readonly string[];
    /** Document i's mentions are at[i] to at[i + 1]. */
    readonly at: Int32Array;
    /** Start, end, entity (-1: none) and text of each mention. */
    readonly places: Int32Array;
    /** Per mention, its title's and its owner country's (`Laos’ Ministry of …`) text, or -1; only when any has one. */
    readonly title?: Int32Array;
    readonly country?: Int32Array;
    /** Per mention, 1 when it is nested in a longer name; only when any is. */
    readonly nested?: Uint8Array;
  };
}

/**
 * The clustering as plain data. With `lookAlikes`, each entity also carries the entities it may be (a search over every
 * name: done where the clustering is made, in the clustering worker, so the thread answering requests never builds it).
 */
export function snapshotOfClustering(clustering: EntityClustering, uris: readonly string[], options: { lookAlikes?: boolean } = {}): ClusteringSnapshot {
  const clusters = clustering.clusters();
  const index = new Map(clusters.map((c, i) => [c.entityId, i]));
  const strings = new StringIds();
  const entities = entityColumns(clusters, strings);
  const lookAlikes = options.lookAlikes ? lookAlikeColumns(clusters.map(lookAlikeEntity)) : undefined;
  const mentions = new MentionColumns(uris.length, strings);
  uris.forEach((uri, d) => {
    for (const m of clustering.mentionsOf(uri)) mentions.push(m, index.get(m.entityId) ?? -1);
    mentions.endDocument(d);
  });
  return { texts: strings.texts, entities: { ...entities, ...lookAlikes }, documents: mentions.done(uris) };
}

/**
 * The snapshot of the clustering of `docs` (`snapshotOfClustering(clusterEntities(docs, registry), uris)` of their
 * uris), written from the grouped entities without making the clustering's objects first: an object per mention for
 * the clustering and another for its list of each article's mentions, half a million of each at 10,000 articles, that
 * the clustering worker made only to read them back into columns.
 */
export function clusterEntitiesAsSnapshot(docs: readonly DocumentEntities[], registry?: EntityRegistry, token?: CancellationToken): ClusteringSnapshot {
  const { docs: sorted, perDoc, entities: grouped, entityOf } = groupEntities(docs, registry, token);
  const strings = new StringIds();
  const entities = entityColumns(grouped, strings);
  // The grouped articles of each uri (one, unless the same uri was given twice), whose mentions are listed together.
  const ofUri = new Map<string, number[]>();
  sorted.forEach((d, k) => {
    const list = ofUri.get(d.uri);
    if (list) list.push(k);
    else ofUri.set(d.uri, [k]);
  });
  const uris = docs.map((d) => d.uri);
  const mentions = new MentionColumns(uris.length, strings);
  uris.forEach((uri, d) => {
    const at = ofUri.get(uri) ?? [];
    // Each article's names read again here (they are not held by the grouping: see aliases.ts's `placedNames`).
    if (at.length === 1) {
      // One article of this uri (as a rule): its mentions are in place order already, written as they come (an object
      // for each, to sort those of a uri given twice, was half a million objects at 10,000 articles).
      const grouped = perDoc[at[0]];
      const names = grouped.length ? placedNames(sorted[at[0]]) : [];
      for (let i = 0; i < grouped.length; i++) mentions.push(names[grouped.place(i)], entityOf[grouped.root(i)]!.index);
      mentions.endDocument(d);
      return;
    }
    const placed = at.map((k) => {
      const mentions = perDoc[k];
      const names = mentions.length ? placedNames(sorted[k]) : [];
      return Array.from({ length: mentions.length }, (_, i) => ({ entity: names[mentions.place(i)], root: mentions.root(i) }));
    });
    // None, or a uri given twice: its articles' mentions listed together, in place order.
    for (const m of placed.flat().sort((a, b) => a.entity.start - b.entity.start)) mentions.push(m.entity, entityOf[m.root]!.index);
    mentions.endDocument(d);
  });
  return { texts: strings.texts, entities, documents: mentions.done(uris) };
}

/** The entity columns of a snapshot of `list` (its entities in order), their strings numbered by `strings`. */
function entityColumns(
  list: readonly (Pick<EntityCluster, 'entityId' | 'canonical' | 'type' | 'spellings' | 'notes'> & { readonly titles: ReadonlyMap<string, number> | undefined })[],
  strings: StringIds,
): Omit<ClusteringSnapshot['entities'], 'lookAlikes' | 'lookAlikesAt' | 'lookAlikesLater'> {
  const n = list.length;
  const canonical = new Int32Array(n);
  const type = new Int32Array(n);
  const spellings = new IntColumn();
  const spellingsAt = new Int32Array(n + 1);
  const titles = new IntColumn();
  const titlesAt = new Int32Array(n + 1);
  const notes: [number, string][] = [];
  list.forEach((c, i) => {
    canonical[i] = strings.of(c.canonical);
    type[i] = strings.of(c.type);
    for (const [t, count] of c.spellings) spellings.push(strings.of(t)), spellings.push(count);
    spellingsAt[i + 1] = spellings.length / 2;
    if (c.titles) for (const [t, count] of c.titles) titles.push(strings.of(t)), titles.push(count);
    titlesAt[i + 1] = titles.length / 2;
    if (c.notes) notes.push([i, c.notes]);
  });
  return { ids: list.map((c) => c.entityId), canonical, type, spellings: spellings.done(), spellingsAt, titles: titles.done(), titlesAt, notes };
}

/** The document columns of a snapshot, appended to mention after mention and document after document. */
class MentionColumns {
  private readonly at: Int32Array;
  private readonly places = new IntColumn();
  private readonly title = new IntColumn();
  private readonly country = new IntColumn();
  private readonly nested = new IntColumn();
  private anyTitle = false;
  private anyCountry = false;
  private anyNested = false;

  constructor(documents: number, private readonly strings: StringIds) {
    this.at = new Int32Array(documents + 1);
  }

  /** Appends a mention of the entity at `entity` (-1: none). */
  push(m: Pick<EntityMention, 'start' | 'end' | 'text' | 'title' | 'country' | 'nested'>, entity: number): void {
    const { places, strings } = this;
    places.push(m.start);
    places.push(m.end);
    places.push(entity);
    places.push(strings.of(m.text));
    this.title.push(m.title !== undefined ? strings.of(m.title) : -1);
    this.country.push(m.country !== undefined ? strings.of(m.country) : -1);
    this.nested.push(m.nested ? 1 : 0);
    this.anyTitle ||= m.title !== undefined;
    this.anyCountry ||= m.country !== undefined;
    this.anyNested ||= m.nested === true;
  }

  /** Ends document `d`'s mentions. */
  endDocument(d: number): void {
    this.at[d + 1] = this.places.length / PLACE;
  }

  done(uris: readonly string[]): ClusteringSnapshot['documents'] {
    return {
      uris: [...uris], at: this.at, places: this.places.done(),
      ...(this.anyTitle ? { title: this.title.done() } : {}),
      ...(this.anyCountry ? { country: this.country.done() } : {}),
      ...(this.anyNested ? { nested: Uint8Array.from(this.nested.done()) } : {}),
    };
  }
}

/**
 * What finding look-alikes needs of each entity of `snapshot` (lookAlikes.ts), read from its columns: the same as
 * `lookAlikeEntity` of each entity of the clustering it was made from, without making that clustering again.
 */
export function lookAlikeEntitiesOf(snapshot: ClusteringSnapshot): LookAlikeEntity[] {
  const { texts, entities: e, documents: d } = snapshot;
  const mentions = new Int32Array(e.ids.length);
  for (let k = 2; k < d.places.length; k += PLACE) if (d.places[k] >= 0) mentions[d.places[k]]++;
  return e.ids.map((entityId, i) => ({
    entityId,
    canonical: texts[e.canonical[i]],
    type: texts[e.type[i]] as EntityType,
    spellings: pairsMap(texts, e.spellings, e.spellingsAt[i], e.spellingsAt[i + 1]),
    mentionCount: mentions[i],
  }));
}

/** `snapshot` (made without its look-alikes) with `columns`, as if made with them. */
export function withLookAlikes(snapshot: ClusteringSnapshot, columns: LookAlikeColumns): ClusteringSnapshot {
  const { lookAlikesLater: _, ...entities } = snapshot.entities;
  return { ...snapshot, entities: { ...entities, ...columns } };
}

/**
 * Where the mentions of a snapshot's entities are, until their lists are made: every document's arrays, and per entity
 * a run of (document, mention) pairs (`counts` are the runs' bounds, two numbers a pair).
 */
class MentionRuns {
  readonly docs: HeldDocument[] = [];
  counts = new Int32Array(1);
  pairs = new Int32Array(0);

  /** `texts`: the snapshot's table of texts. */
  constructor(readonly texts: readonly string[]) {}

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
    /** Its place among the snapshot's entities. */
    readonly index: number,
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

/** Entries `from` to `to` of (text, count) `pairs` as a map. */
function pairsMap(texts: readonly string[], pairs: Int32Array, from: number, to: number): Map<string, number> {
  const map = new Map<string, number>();
  for (let k = from; k < to; k++) map.set(texts[pairs[2 * k]], pairs[2 * k + 1]);
  return map;
}

/** Throws unless `columns` are look-alikes of `n` entities: bounds in order, and every index an entity's. */
function checkLookAlikes(columns: Partial<LookAlikeColumns>, n: number): void {
  const { lookAlikes: list, lookAlikesAt: at } = columns;
  const usable =
    list instanceof Int32Array && at instanceof Int32Array && at.length === n + 1 && at[0] === 0 && at[n] === list.length &&
    at.every((x, k) => k === 0 || x >= at[k - 1]) && list.every((j) => j >= 0 && j < n);
  if (!usable) throw new Error('the clustering snapshot is not usable (look-alikes)');
}

/**
 * Throws unless `snapshot` is one this module made: every column of the right kind and length, and every index in
 * range (a snapshot read back from a cache file of another version or a damaged one must not be half adopted).
 */
function checkSnapshot(snapshot: ClusteringSnapshot): void {
  const fail = (what: string): never => {
    throw new Error(`the clustering snapshot is not usable (${what})`);
  };
  const { texts, entities: e, documents: d } = snapshot ?? {};
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) fail('texts');
  if (!e || !Array.isArray(e.ids) || !e.ids.every((t) => typeof t === 'string')) fail('entity ids');
  const n = e.ids.length;
  const ints = (a: unknown, length: number | undefined, what: string): Int32Array => {
    if (!(a instanceof Int32Array) || (length !== undefined && a.length !== length)) fail(what);
    return a as Int32Array;
  };
  const within = (a: Int32Array, from: number, to: number, what: string, step = 1, at = 0) => {
    for (let k = at; k < a.length; k += step) if (!(a[k] >= from && a[k] < to)) fail(what);
  };
  const bounds = (a: Int32Array, last: number, what: string) => {
    if (a[0] !== 0 || a[a.length - 1] !== last) fail(what);
    for (let k = 1; k < a.length; k++) if (a[k] < a[k - 1]) fail(what);
  };
  within(ints(e.canonical, n, 'names'), 0, texts.length, 'names');
  within(ints(e.type, n, 'types'), 0, texts.length, 'types');
  for (const [list, at, what] of [[e.spellings, e.spellingsAt, 'spellings'], [e.titles, e.titlesAt, 'titles']] as const) {
    ints(list, undefined, what);
    bounds(ints(at, n + 1, what), list.length / 2, what);
    within(list, 0, texts.length, what, 2);
  }
  if (e.spellings.length % 2 || e.titles.length % 2) fail('pairs');
  if (!Array.isArray(e.notes) || !e.notes.every((x) => Array.isArray(x) && x[0] >= 0 && x[0] < n && typeof x[1] === 'string')) fail('notes');
  if (e.lookAlikes !== undefined || e.lookAlikesAt !== undefined) checkLookAlikes(e as Partial<LookAlikeColumns>, n);
  if (!d || !Array.isArray(d.uris) || !d.uris.every((u) => typeof u === 'string')) fail('documents');
  const at = ints(d.at, d.uris.length + 1, 'documents');
  const mentions = at[at.length - 1];
  bounds(at, mentions, 'documents');
  const places = ints(d.places, PLACE * mentions, 'mentions');
  within(places, -1, n, 'a mention names no entity', PLACE, 2);
  within(places, 0, texts.length, 'a mention names no text', PLACE, 3);
  for (const [a, what] of [[d.title, 'titles of mentions'], [d.country, 'countries of mentions']] as const) {
    if (a !== undefined) within(ints(a, mentions, what), -1, texts.length, what);
  }
  if (d.nested !== undefined && !(d.nested instanceof Uint8Array && d.nested.length === mentions)) fail('nested mentions');
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
  // Strings are the snapshot's table's, each once: an entity's spellings and every mention of it share one string.
  const { texts: textTable, entities: e, documents: ds } = snapshot;
  const source = new MentionRuns(textTable);
  checkSnapshot(snapshot);
  const clusters: SnapshotCluster[] = [];
  const n = e.ids.length;
  const notes = new Map(e.notes);
  for (let i = 0; i < n; i++) {
    if (i % (20 * perSlice) === 20 * perSlice - 1) yield;
    const s0 = e.spellingsAt[i];
    const s1 = e.spellingsAt[i + 1];
    const spellings: ReadonlyMap<string, number> =
      s1 - s0 === 1 ? new OneSpelling(textTable[e.spellings[2 * s0]], e.spellings[2 * s0 + 1]) : pairsMap(textTable, e.spellings, s0, s1);
    const t0 = e.titlesAt[i];
    const t1 = e.titlesAt[i + 1];
    const titles = t1 > t0 ? pairsMap(textTable, e.titles, t0, t1) : NO_TITLES;
    clusters.push(new SnapshotCluster(e.ids[i], textTable[e.canonical[i]], textTable[e.type[i]] as EntityType, spellings, titles, notes.get(i), source, i));
  }
  // Each document's mentions stay as a view of the snapshot's array, made into objects only when asked for: at
  // 10,000 articles, half a million objects fewer for the server's life. Each entity's list of mentions is likewise
  // made on its first use (most are never listed): until then it is a run of (article, mention) pairs in one array.
  const docList = source.docs;
  const byUri = new Map<string, number>();
  const counts = new Int32Array(n + 1);
  for (let d = 0; d < ds.uris.length; d++) {
    if ((d + 1) % perSlice === 0) yield;
    const from = ds.at[d];
    const count = ds.at[d + 1] - from;
    if (!count) continue;
    byUri.set(ds.uris[d], docList.length);
    const view = <T extends Int32Array | Uint8Array>(a: T | undefined, width = 1) => a?.subarray(width * from, width * (from + count)) as T | undefined;
    const title = view(ds.title);
    const country = view(ds.country);
    const nested = view(ds.nested);
    docList.push({
      uri: ds.uris[d], places: view(ds.places, PLACE)!, count,
      ...(title?.some((t) => t >= 0) ? { title } : {}),
      ...(country?.some((t) => t >= 0) ? { country } : {}),
      ...(nested?.some((x) => x !== 0) ? { nested } : {}),
    });
    for (let k = PLACE * from + 2; k < PLACE * (from + count); k += PLACE) if (ds.places[k] >= 0) counts[ds.places[k] + 1]++;
  }
  for (let c = 0; c < n; c++) counts[c + 1] += counts[c];
  const pairs = new Int32Array(2 * counts[n]);
  const filled = counts.slice(0, n);
  docList.forEach((d, di) => {
    for (let i = 0; i < d.count; i++) {
      const c = d.places[PLACE * i + 2];
      if (c < 0) continue;
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
    const { places, title: titles, country: countries, nested } = d;
    for (let i = 0; i < d.count; i++) {
      const c = clusters[places[PLACE * i + 2]];
      if (!c) continue;
      const mention: EntityMention = {
        start: places[PLACE * i], end: places[PLACE * i + 1], text: textTable[places[PLACE * i + 3]], type: c.type, entityId: c.entityId, canonical: c.canonical,
      };
      const title = titles?.[i] ?? -1;
      const country = countries?.[i] ?? -1;
      const isNested = nested?.[i] === 1;
      // Most mentions have no extras: no object made for them.
      if (title < 0 && country < 0 && !isNested) list.push(mention);
      else list.push(withExtras(mention, { title: title >= 0 ? textTable[title] : undefined, country: country >= 0 ? textTable[country] : undefined, nested: isNested }));
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
  let finder: ((query: string) => EntityCluster[]) | undefined;
  let alike = e.lookAlikes;
  let alikeAt = e.lookAlikesAt;
  const lookAlikesOf = (entityId: string): EntityCluster[] => {
    const i = byId.get(entityId)?.index ?? -1;
    return i < 0 || !alike || !alikeAt ? [] : [...alike.subarray(alikeAt[i], alikeAt[i + 1])].map((j) => clusters[j]);
  };
  const attachLookAlikes = (columns: LookAlikeColumns): void => {
    checkLookAlikes(columns, n);
    alike = columns.lookAlikes;
    alikeAt = columns.lookAlikesAt;
  };
  return Object.freeze({
    ...((alike && alikeAt) || e.lookAlikesLater ? { lookAlikesOf } : {}),
    ...(e.lookAlikesLater ? { attachLookAlikes } : {}),
    mentionsOf,
    clusters: () => clusters,
    cluster: (entityId: string) => byId.get(entityId),
    moveMentions,
    find(query: string): EntityCluster[] {
      if (!finder) {
        const aliases = registryAliases(clusters, registry);
        finder = searchOf(clusters, (c) => [c.canonical, ...c.spellings.keys(), ...(aliases.get(c.entityId) ?? [])]);
      }
      return finder(query);
    },
  });
}

/**
 * The analysts' aliases of each entity the registry names, by entity id, to search by (as the clustering the snapshot
 * was made from did, through each entity's owner). An entry with an id gave its entity that id; one without gave its
 * entity its canonical name and type (a name written as an entry's canonical name is read as that entry's: formReader.ts).
 */
function registryAliases(clusters: readonly EntityCluster[], registry: EntityRegistry): Map<string, readonly string[]> {
  const aliases = new Map<string, readonly string[]>();
  const add = (entityId: string, more: readonly string[]) => aliases.set(entityId, [...(aliases.get(entityId) ?? []), ...more]);
  const key = (type: EntityType, canonical: string) => `${type}\u0000${canonical}`;
  // Made when an entry without an id is met.
  let byName: Map<string, EntityCluster[]> | undefined;
  for (const e of registry.entities) {
    if (!e.aliases.length) continue;
    if (e.id) {
      add(e.id, e.aliases);
      continue;
    }
    if (!byName) {
      byName = new Map();
      for (const c of clusters) {
        const list = byName.get(key(c.type, c.canonical));
        if (list) list.push(c);
        else byName.set(key(c.type, c.canonical), [c]);
      }
    }
    for (const c of byName.get(key(e.type, e.canonical)) ?? []) add(c.entityId, e.aliases);
  }
  return aliases;
}
