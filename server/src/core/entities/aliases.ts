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
import { createFinder } from './clusterFind';
import { moveMentions } from './mentionMoves';
import { assignIds, chooseCanonical } from './clusterNames';
import { entityType, typeOfName } from './clusterType';
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
   * Shared by the clusterings one clusterer gives one after another (incrementalClustering.ts): the entities an update
   * did not touch are the same objects in both, so what a host derived from the last can be brought up to date.
   */
  readonly lineage?: object;
  /**
   * Entities this one may be, found when the clustering was made (lookAlikes.ts), best first; absent when the
   * clustering does not carry them (they are then searched for).
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
 * A mention as grouped: its place among its article's names (`placedNames`), its form, and its recognised type (one
 * shared object per type, what `canonicalAndType` reads). Not the recognised name itself: an article's names are read
 * again where they are needed, so that a host giving them as it makes them (the corpus service, from each article's
 * compact names) does not hold every article's at once (half a million objects at 10,000 articles).
 */
interface Work extends PlacedMention {
  readonly doc: number;
  readonly at: number;
  readonly entity: Pick<RecognizedEntity, 'type'>;
  readonly form: NameForm;
}

/** One object per entity type, for the works of every mention of that type. */
const TYPED = new Map<EntityType, Pick<RecognizedEntity, 'type'>>();
function typed(type: EntityType): Pick<RecognizedEntity, 'type'> {
  let t = TYPED.get(type);
  if (!t) TYPED.set(type, (t = Object.freeze({ type })));
  return t;
}

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
  /**
   * Each article's mentions that name an entity, in place order, with the entity (`entityOf`) of their `root`; `at` is
   * a mention's place among its article's names (`placedNames` of `docs`).
   */
  readonly perDoc: readonly (readonly GroupedMention[])[];
  /** The entities, in the order of their ids. */
  readonly entities: readonly GroupedEntity[];
  /** The entity of each union–find root that one has. */
  readonly entityOf: readonly (GroupedEntity | undefined)[];
}

/** A mention as grouped: its place among its article's names, and the union–find root of its entity. */
export interface GroupedMention {
  readonly at: number;
  readonly root: number;
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
  const perDoc: Work[][] = [];
  let seen = 0;
  sortedDocs.forEach((d, docIndex) => {
    const list: Work[] = [];
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
      list.push({ doc: docIndex, at, entity: typed(entity.type), form, node, root: -1, core: true });
    }
    perDoc.push(list);
  });

  mergeFullForms(graph, uf, token);
  mergeAcronyms(graph, uf);
  const corpus = corpusPersonIndex(graph, uf, regPersons);
  for (const list of perDoc) {
    for (const m of list) m.root = uf.find(m.node);
    resolveDocumentPartials(list, graph, uf, corpus, token);
  }
  throwIfCancelled(token);
  const { entities, entityOf } = nameEntities(sortedDocs, perDoc, reg.entities, regRoots, uf);
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
  perDoc: readonly Work[][],
  regEntities: readonly RegistryEntity[],
  regRoots: readonly number[],
  uf: UnionFind,
): { entities: GroupedEntity[]; entityOf: (GroupedEntity | undefined)[] } {
  interface Acc {
    root: number;
    owner?: RegistryEntity;
    /**
     * Its mentions' work, in order: what the canonical name and the type are chosen from. Most entities are met once
     * or under one written form and one type, and need none of the tallies (`canonicalAndType`) that the others make.
     */
    works: Work[];
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
      acc = { root, owner, works: [], spellings: new Map(), titles: undefined, order };
      accs[root] = acc;
      list.push(acc);
    }
    return acc;
  };
  regRoots.forEach((r) => accOf(uf.find(r), () => `~registry:${String(r).padStart(8, '0')}`));
  perDoc.forEach((works, d) => {
    const names = works.length ? placedNames(docs[d]) : [];
    for (const m of works) {
      const e = names[m.at];
      const start = e.start;
      const acc = accs[m.root] ?? accOf(m.root, () => `${docs[d].uri}#${String(start).padStart(10, '0')}`);
      bump(acc.spellings, e.text);
      const title = e.title ?? m.form.strippedTitle;
      if (title) bump((acc.titles ??= new Map()), title);
      acc.works.push(m);
    }
  });
  const named = list.map((acc) => {
    const { canonical, type } = canonicalAndType(acc.works);
    const name = acc.owner?.canonical ?? canonical;
    return { name, type: acc.owner?.type ?? type(name) };
  });
  const ids = assignIds(
    list.map((a, i) => ({ explicitId: a.owner?.id, canonical: named[i].name, type: named[i].type, mentionCount: a.works.length, order: a.order })),
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
    const out = ms.map((m): EntityMention => {
      const c = clusters[entityOf[m.root]!.index];
      const e = names[m.at];
      c.mentions.push({ uri, start: e.start, end: e.end, text: e.text });
      const mention: EntityMention = { start: e.start, end: e.end, text: e.text, type: c.type, entityId: c.entityId, canonical: c.canonical };
      return withExtras(mention, e);
    });
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
  let finder: ((query: string) => { c: EntityCluster }[]) | undefined;
  const find = (query: string): EntityCluster[] => {
    if (!finder) {
      finder = createFinder(
        clusters.map((c) => ({ c, mentionCount: c.mentions.length, canonical: c.canonical })),
        (x) => [x.c.canonical, ...x.c.spellings.keys(), ...(ownerOf.get(x.c)?.aliases ?? [])],
      );
    }
    return finder(query).map((x) => x.c);
  };
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
  const first = works[0];
  if (!first) return { canonical: chooseCanonical(new Map()), type: (canonical) => entityType(new Map(), new Map(), () => typeOfName(canonical)) };
  let oneForm = true;
  let oneType = true;
  for (let k = 1; k < works.length && (oneForm || oneType); k++) {
    const w = works[k];
    if (w.form.display !== first.form.display || w.core !== first.core) oneForm = false;
    if (w.entity.type !== first.entity.type) oneType = false;
  }
  let canonical: string;
  if (oneForm) canonical = first.form.display;
  else {
    const core = new Map<string, number>();
    const all = new Map<string, number>();
    for (const w of works) bump(w.core ? core : all, w.form.display);
    canonical = chooseCanonical(core.size > 0 ? core : all);
  }
  if (oneType) return { canonical, type: () => first.entity.type };
  const types = new Map<EntityType, number>();
  const typesOfForm = new Map<string, Map<EntityType, number>>();
  for (const w of works) {
    bump(types, w.entity.type);
    let formTypes = typesOfForm.get(w.form.display);
    if (!formTypes) typesOfForm.set(w.form.display, (formTypes = new Map()));
    bump(formTypes, w.entity.type);
  }
  return { canonical, type: (name) => entityType(types, typesOfForm.get(name) ?? new Map(), () => typeOfName(name)) };
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
