/**
 * Corpus-level alias clustering: every recognised mention gets the `entityId` and `canonical` name of the real-world
 * entity it names, across diacritics (`Việt Nam` = `Vietnam`), transliterations (`Lakhamphong`/`Lakhamfong`), titles
 * (`Lt Gen Vilay`) and partial names (`Chinh` → Pham Minh Chinh), with the analysts' registry overriding the model.
 *
 * Work is proportional to the number of mentions: name forms are deduplicated, fuzzy candidates come from blocking
 * keys, partial names look only at their own document and a token index of the corpus.
 * The result does not depend on the order of the documents (they are processed in uri order).
 */
import type { CancellationToken, EntityMention, EntityType, RecognizedEntity } from '../types';
import { throwIfCancelled } from '../types';
import { mergeFullForms, UnionFind, type FormNode } from './clusterGraph';
import { mergeAcronyms } from './acronyms';
import { searchOf } from './clusterFind';
import { moveMentions } from './mentionMoves';
import { assignIds } from './clusterNames';
import { NameVotes } from './nameVotes';
import { nameFormOf, type NameForm } from './nameForm';
import { FormReader } from './formReader';
import type { LookAlikeColumns } from './lookAlikes';
import { corpusPersonIndex, resolveDocumentPartials, type PlacedMention } from './partialNames';
import type { EntityRegistry, RegistryEntity } from './registry';

export interface DocumentEntities {
  uri: string;
  entities: readonly RecognizedEntity[];
}

export interface EntityCluster {
  entityId: string;
  canonical: string;
  type: EntityType;
  /** Surface form (as written) → count, corpus-wide. */
  readonly spellings: ReadonlyMap<string, number>;
  /** Titles/roles seen with it (from RecognizedEntity.title, else a title word stripped from the name) → count. */
  titles: ReadonlyMap<string, number>;
  /** Every mention, in article order (made on first use where `mentionCount` is set: read that for the count). */
  mentions: { uri: string; start: number; end: number; text: string }[];
  /** How many mentions, where the list is made only when first used (clusteringSnapshot.ts); see `mentionCountOf`. */
  readonly mentionCount?: number;
  /** How many articles mention it, where the list of mentions is made only when first used. */
  readonly articleCount?: number;
  /** From the registry. */
  notes?: string;
}

/** How many mentions an entity has, without making its mention list where that is made on first use. */
export function mentionCountOf(c: EntityCluster): number {
  return c.mentionCount ?? c.mentions.length;
}

export interface EntityClustering {
  /** Sorted by start; empty if the uri is unknown. */
  mentionsOf(uri: string): EntityMention[];
  clusters(): readonly EntityCluster[];
  cluster(entityId: string): EntityCluster | undefined;
  /** Search by any spelling, case/diacritic-insensitive and fuzzy-tolerant (`khamlieng` finds Khamliang Outhakaysone). */
  find(query: string): EntityCluster[];
  /**
   * The corpus-wide clustering this one is a view of (provisional.ts: edited articles seen through the last
   * clustering), if it is one. Indexes over every cluster are built for the base, once, not for each view.
   */
  readonly base?: EntityClustering;
  /**
   * On a view of a clustering that is not itself a view (provisional.ts): the clusters it lists past its base's
   * (`clusters()` is the base's, then these), so that a host ranking the base's once (entityRanking.ts) adds only
   * these, rather than copying every cluster of the corpus at each keystroke's view.
   */
  ownClusters?(): readonly EntityCluster[];
  /**
   * Shared by the clusterings one clusterer gives one after another (incrementalClustering.ts): the entities an update
   * did not touch are the same objects in both, and both list them in entity-id order, so what a host derived from the
   * last can be brought up to date (clusterSpellings.ts, entityListing.ts).
   */
  readonly lineage?: object;
  /**
   * Entities this one may be (lookAlikes.ts), best first: found when the clustering was made, or kept up to date with
   * it (incrementalClustering.ts); absent when the clustering does not carry them (they are then searched for).
   */
  lookAlikesOf?(entityId: string): readonly EntityCluster[];
  /**
   * For the corpus service only, on a clustering made from a snapshot whose look-alikes come apart
   * (clusteringSnapshot.ts, `lookAlikesLater`): gives them (until then `lookAlikesOf` gives none).
   */
  attachLookAlikes?(columns: LookAlikeColumns): void;
  /**
   * For the corpus service only: an article whose names are unchanged but moved (an edit that kept them,
   * mentionMoves.ts) has its mentions moved from `from`, the names this clustering was made from, to `to`. Absent on
   * views (provisional.ts).
   */
  moveMentions?(uri: string, from: readonly RecognizedEntity[], to: readonly RecognizedEntity[]): void;
}

/** The form of a registry entity's own node (a placeholder: its names are not a node of their own). */
export const PLACEHOLDER_FORM: NameForm = nameFormOf('', 'MISC');

/**
 * An article's mentions as grouped, in place order, as numbers (no object per mention: half a million at 10,000
 * articles, held through the whole grouping): for `n` of them, at `i` a mention's place among its article's names
 * (`placedNames`), at `n + i` the node of its form, at `2n + i` its form as read (an index in the grouping's forms), at
 * `3n + i` its entity's union–find root times two, plus one when its own form names that entity (not a partial name).
 * An article's names are read again where they are needed, so that a host giving them as it makes them (the corpus
 * service, from each article's compact names) does not hold every article's at once.
 */
export class GroupedMentions {
  readonly length: number;

  constructor(private readonly numbers: Int32Array) {
    this.length = numbers.length / MENTION_COLUMNS;
  }

  /** The `i`th mention's place among its article's names. */
  place(i: number): number {
    return this.numbers[i];
  }

  /** The union–find root of the `i`th mention's entity (GroupedEntities.entityOf). */
  root(i: number): number {
    return this.numbers[3 * this.length + i] >> 1;
  }

  /** The index of the `i`th mention's form as read, among the grouping's forms. */
  form(i: number): number {
    return this.numbers[2 * this.length + i];
  }

  /** Whether the `i`th mention's own form names its entity. */
  core(i: number): boolean {
    return (this.numbers[3 * this.length + i] & 1) === 1;
  }
}

/** The columns of GroupedMentions. */
const MENTION_COLUMNS = 4;

/**
 * An article's names in place order (as the recogniser gives them; sorted otherwise): read once each time, since
 * `entities` may make them when read.
 */
export function placedNames(d: DocumentEntities): readonly RecognizedEntity[] {
  const entities = d.entities;
  return inPlaceOrder(entities) ? entities : [...entities].sort(byPlace);
}

export function clusterEntities(
  docs: readonly DocumentEntities[],
  registry?: EntityRegistry,
  token?: CancellationToken,
): EntityClustering {
  return buildClustering(groupEntities(docs, registry, token));
}

/**
 * Every article's mentions grouped into entities, each entity named and typed, before anything is made of them: what
 * `clusterEntities` makes its clustering from, and what a snapshot is written from directly (clusteringSnapshot.ts's
 * `clusterEntitiesAsSnapshot`, in the clustering worker) without the clustering's objects.
 */
export interface GroupedEntities {
  /** The articles, in uri order. */
  readonly docs: readonly DocumentEntities[];
  /** Each article's mentions that name an entity, in place order, with the entity (`entityOf`) of their `root`. */
  readonly perDoc: readonly GroupedMentions[];
  /** The entities, in the order of their ids. */
  readonly entities: readonly GroupedEntity[];
  /** The entity of each union–find root that one has. */
  readonly entityOf: readonly (GroupedEntity | undefined)[];
}

/** An entity as grouped: its name, type and id, and its mentions' spellings and titles counted. */
export interface GroupedEntity {
  readonly entityId: string;
  readonly canonical: string;
  readonly type: EntityType;
  readonly spellings: Map<string, number>;
  /** Undefined when none of its mentions has a title. */
  readonly titles: Map<string, number> | undefined;
  /** The registry's entity it is, if any. */
  readonly owner?: RegistryEntity;
  /** From the registry. */
  readonly notes?: string;
  /** Its place among the entities (in the order of their ids). */
  readonly index: number;
}

export function groupEntities(
  docs: readonly DocumentEntities[],
  registry?: EntityRegistry,
  token?: CancellationToken,
): GroupedEntities {
  const reg = registry ?? { entities: [], notEntities: [] };
  const reader = new FormReader(reg);
  const sortedDocs = [...docs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));

  const uf = new UnionFind();
  const regRoots = reg.entities.map((_, i) => uf.add(i));
  const regPersons = reader.registryFullNames(regRoots);

  // Distinct name forms, one union–find node each; `graph` is indexed by union–find index, and the registry's
  // entities take the first indices (as placeholders without a name of their own).
  const graph: FormNode[] = regRoots.map((index) => ({ index, group: 'M', form: PLACEHOLDER_FORM, partial: false }));
  const nodeOf = new Map<string, number>();
  // Each article's mentions as numbers (GroupedMentions), their roots and kinds written once the forms are merged; the
  // forms as read (a node's mentions may be written otherwise: `VIETNAM`, `Vietnam`), each once.
  const numbers: Int32Array[] = [];
  const forms: NameForm[] = [];
  const formIds = new Map<NameForm, number>();
  const places: number[] = [];
  const nodes: number[] = [];
  const formsRead: number[] = [];
  let seen = 0;
  for (const d of sortedDocs) {
    places.length = 0;
    nodes.length = 0;
    formsRead.length = 0;
    const entities = placedNames(d);
    for (let at = 0; at < entities.length; at++) {
      const entity = entities[at];
      if ((++seen & 1023) === 0) throwIfCancelled(token);
      const seenForm = reader.read(entity);
      if (seenForm.dropped) continue;
      const { form, owner, group, nodeKey } = seenForm;
      let node = (seenForm.node ??= nodeOf.get(nodeKey));
      if (node === undefined) {
        node = seenForm.node = uf.add();
        graph.push({ index: node, group, form, partial: seenForm.partial });
        nodeOf.set(nodeKey, node);
        if (owner !== undefined) uf.union(regRoots[owner], node);
      }
      let formId = formIds.get(form);
      if (formId === undefined) formIds.set(form, (formId = forms.push(form) - 1));
      places.push(at);
      nodes.push(node);
      formsRead.push(formId);
    }
    const n = places.length;
    const list = new Int32Array(MENTION_COLUMNS * n);
    for (let i = 0; i < n; i++) {
      list[i] = places[i];
      list[n + i] = nodes[i];
      list[2 * n + i] = formsRead[i];
    }
    numbers.push(list);
  }

  mergeFullForms(graph, uf, token);
  mergeAcronyms(graph, uf);
  const corpus = corpusPersonIndex(graph, uf, regPersons);
  // An article's mentions are objects only while its partial names are resolved.
  formIds.clear();
  for (const list of numbers) {
    const n = list.length / MENTION_COLUMNS;
    const placed: PlacedMention[] = [];
    for (let i = 0; i < n; i++) placed.push({ node: list[n + i], root: uf.find(list[n + i]), core: true });
    resolveDocumentPartials(placed, graph, uf, corpus, token);
    for (let i = 0; i < n; i++) list[3 * n + i] = 2 * placed[i].root + (placed[i].core ? 1 : 0);
  }
  throwIfCancelled(token);
  const perDoc = numbers.map((list) => new GroupedMentions(list));
  const { entities, entityOf } = nameEntities(sortedDocs, perDoc, forms, reg.entities, regRoots, uf);
  return { docs: sortedDocs, perDoc, entities, entityOf };
}

export function byPlace(a: RecognizedEntity, b: RecognizedEntity): number {
  return a.start - b.start || a.end - b.end;
}

/** Whether the mentions are already in `byPlace` order (as the recogniser gives them): no copy to sort. */
export function inPlaceOrder(entities: readonly RecognizedEntity[]): boolean {
  for (let i = 1; i < entities.length; i++) if (byPlace(entities[i - 1], entities[i]) > 0) return false;
  return true;
}

/** The entities of the grouped mentions: named, typed, their spellings and titles counted, and given their ids. */
function nameEntities(
  docs: readonly DocumentEntities[],
  perDoc: readonly GroupedMentions[],
  forms: readonly NameForm[],
  regEntities: readonly RegistryEntity[],
  regRoots: readonly number[],
  uf: UnionFind,
): { entities: GroupedEntity[]; entityOf: (GroupedEntity | undefined)[] } {
  interface Acc {
    root: number;
    owner?: RegistryEntity;
    /** Its mentions' forms and types, counted in order: what the canonical name and the type are chosen from. */
    votes: NameVotes;
    /** The entity's spellings and titles, counted here (no titles: undefined). */
    spellings: Map<string, number>;
    titles: Map<string, number> | undefined;
    /** Where the entity is first met (IdRequest.order). */
    order: () => string;
  }
  // By root (a union-find index), and in the order made.
  const accs: (Acc | undefined)[] = [];
  const list: Acc[] = [];
  /** The root's accumulator; `order` (kept only for a new one) says where the entity is first met. */
  const accOf = (root: number, order: () => string): Acc => {
    let acc = accs[root];
    if (!acc) {
      const ownerIndex = uf.ownerOf(root);
      const owner = ownerIndex === undefined ? undefined : regEntities[ownerIndex];
      acc = { root, owner, votes: new NameVotes(), spellings: new Map(), titles: undefined, order };
      accs[root] = acc;
      list.push(acc);
    }
    return acc;
  };
  /**
   * `accOf` for a root first met at `start` in the article `uri`, apart from the loop over the mentions (a closure in
   * it reading the loop's variables made a context for every mention: see `TokenSpan`).
   */
  const accFirstMetAt = (root: number, uri: string, start: number): Acc => accOf(root, () => `${uri}#${String(start).padStart(10, '0')}`);
  regRoots.forEach((r) => accOf(uf.find(r), () => `~registry:${String(r).padStart(8, '0')}`));
  perDoc.forEach((mentions, d) => {
    const names = mentions.length ? placedNames(docs[d]) : [];
    for (let i = 0; i < mentions.length; i++) {
      const e = names[mentions.place(i)];
      const root = mentions.root(i);
      const acc = accs[root] ?? accFirstMetAt(root, docs[d].uri, e.start);
      bump(acc.spellings, e.text);
      const form = forms[mentions.form(i)];
      const title = e.title ?? form.strippedTitle;
      if (title) bump((acc.titles ??= new Map()), title);
      acc.votes.add(form.display, mentions.core(i), e.type);
    }
  });
  const named = list.map((acc) => {
    const { canonical, type } = acc.votes.result();
    const name = acc.owner?.canonical ?? canonical;
    return { name, type: acc.owner?.type ?? type(name) };
  });
  const ids = assignIds(
    list.map((a, i) => ({ explicitId: a.owner?.id, canonical: named[i].name, type: named[i].type, mentionCount: a.votes.mentionCount, order: a.order })),
  );
  const made = list.map((a, i) => ({ acc: a, entityId: ids[i], named: named[i] }));
  made.sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
  const entityOf: (GroupedEntity | undefined)[] = [];
  const entities = made.map(({ acc, entityId, named: { name, type } }, index): GroupedEntity => {
    const entity: GroupedEntity = {
      entityId, canonical: name, type, spellings: acc.spellings, titles: acc.titles, index,
      ...(acc.owner ? { owner: acc.owner } : {}),
      ...(acc.owner?.notes ? { notes: acc.owner.notes } : {}),
    };
    entityOf[acc.root] = entity;
    return entity;
  });
  return { entities, entityOf };
}

/** The clustering of the grouped entities, with an object per entity and per mention. */
function buildClustering({ docs, perDoc, entities, entityOf }: GroupedEntities): EntityClustering {
  const clusters = entities.map((g): EntityCluster => {
    const cluster: EntityCluster = { entityId: g.entityId, canonical: g.canonical, type: g.type, spellings: g.spellings, titles: g.titles ?? NO_TITLES, mentions: [] };
    if (g.notes) cluster.notes = g.notes;
    return cluster;
  });
  const byId = new Map(clusters.map((c) => [c.entityId, c]));
  const mentionsByUri = new Map<string, EntityMention[]>();
  perDoc.forEach((ms, d) => {
    const uri = docs[d].uri;
    const names = ms.length ? placedNames(docs[d]) : [];
    const out: EntityMention[] = [];
    for (let i = 0; i < ms.length; i++) {
      const c = clusters[entityOf[ms.root(i)]!.index];
      const e = names[ms.place(i)];
      c.mentions.push({ uri, start: e.start, end: e.end, text: e.text });
      const mention: EntityMention = { start: e.start, end: e.end, text: e.text, type: c.type, entityId: c.entityId, canonical: c.canonical };
      out.push(withExtras(mention, e));
    }
    const prev = mentionsByUri.get(uri);
    mentionsByUri.set(uri, prev ? [...prev, ...out].sort((a, b) => a.start - b.start) : out);
  });
  const ownerOf = new Map<EntityCluster, RegistryEntity>();
  for (const g of entities) if (g.owner) ownerOf.set(clusters[g.index], g.owner);
  return clusteringOf(clusters, byId, mentionsByUri, ownerOf);
}

/**
 * The clustering built: made apart from `buildClustering`, so that what it keeps is only what it answers from. Functions
 * made in a function hold its whole scope (the closures of one function share it): made there, they held the grouped
 * entities with every mention's work for as long as the clustering lived.
 */
function clusteringOf(
  clusters: readonly EntityCluster[],
  byId: ReadonlyMap<string, EntityCluster>,
  mentionsByUri: Map<string, EntityMention[]>,
  ownerOf: ReadonlyMap<EntityCluster, RegistryEntity>,
): EntityClustering {
  // The search index is built on the first search.
  const find = searchOf(clusters, (c) => [c.canonical, ...c.spellings.keys(), ...(ownerOf.get(c)?.aliases ?? [])]);
  return Object.freeze({
    mentionsOf: (uri: string) => [...(mentionsByUri.get(uri) ?? [])],
    clusters: () => clusters,
    cluster: (entityId: string) => byId.get(entityId),
    find,
    moveMentions: (uri: string, from: readonly RecognizedEntity[], to: readonly RecognizedEntity[]) =>
      moveMentions(mentionsByUri, (id) => byId.get(id), uri, from, to),
  });
}

/** What the canonical name and the type of an entity are chosen from, per mention: its form, kind and recognised type. */
export interface NamedWork {
  readonly form: Pick<NameForm, 'display'>;
  readonly core: boolean;
  readonly entity: Pick<RecognizedEntity, 'type'>;
}

/** The titles of an entity seen with none: one empty map shared by all of them (read-only, as every cluster's are). */
export const NO_TITLES: ReadonlyMap<string, number> = new Map();

/**
 * The canonical name and the type of an entity from its mentions' work: the name from the written forms of its full
 * mentions (else of all of them), the type from the mentions' types, with the canonical name's own votes as the
 * tie-breaker. Tallies are made only when the mentions differ in written form or type.
 */
export function canonicalAndType(works: readonly NamedWork[]): { canonical: string; type: (canonical: string) => EntityType } {
  const votes = new NameVotes();
  for (const w of works) votes.add(w.form.display, w.core, w.entity.type);
  return votes.result();
}

export function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** A mention with the recogniser's optional facts about it (title, owner country, nested), when it has them. */
export function withExtras(mention: EntityMention, e: Pick<RecognizedEntity, 'title' | 'country' | 'nested'>): EntityMention {
  if (e.title === undefined && e.country === undefined && !e.nested) return mention;
  // Property by property, in the order a spread gave them (a page of titled names made two objects per mention).
  const out: { -readonly [K in keyof EntityMention]: EntityMention[K] } = {
    start: mention.start, end: mention.end, text: mention.text, type: mention.type, entityId: mention.entityId, canonical: mention.canonical,
  };
  if (e.title !== undefined) out.title = e.title;
  if (e.country !== undefined) out.country = e.country;
  if (e.nested) out.nested = true;
  return out;
}
