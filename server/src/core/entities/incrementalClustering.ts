/**
 * The corpus-wide alias clustering kept up to date article by article: an edit re-makes only what depends on the
 * article, not the corpus. Its outcome equals a full clustering's (`clusterEntities`, aliases.ts) of the same articles,
 * which the tests check on random edits.
 *
 * What an edit re-makes:
 * - the article's names, read as the full clustering reads them (formReader.ts), and the nodes of the graph of
 *   distinct names that come or go with them (liveFormGraph.ts), which re-makes the entities those reach;
 * - the partial names (partialNames.ts) of the articles that mention a re-made entity, or a single name whose people
 *   in the corpus changed;
 * - the name, type, counts and id of each entity that gained or lost a mention (ids only among entities whose names
 *   could give the same id: clusterIds.ts);
 * - the mentions of the articles whose names or entities changed.
 * Each update gives a new `EntityClustering`; the entities it did not touch are the same objects as before.
 */
import type { CancellationToken, EntityMention, EntityType, RecognizedEntity } from '../types';
import { throwIfCancelled } from '../types';
import { byPlace, inPlaceOrder, PLACEHOLDER_FORM, withExtras, type DocumentEntities, type EntityCluster, type EntityClustering } from './aliases';
import { EntitySearch } from './clusterFind';
import { changesBetween } from './lineageChanges';
import { ClusterIds, type IdHolder } from './clusterIds';
import { EntityArticles, type EntitySummary, type ReadMentions } from './entityArticles';
import { FormReader } from './formReader';
import { addOne, removeOne, valuesOf, type OneOrMany } from '../collections/oneOrMany';
import { NodeArticles } from './nodeArticles';
import { firstPlaceNotBefore, sortedReplace } from '../collections/sortedUpdate';
import { LiveFormGraph, type GraphPart, type LiveNode } from './liveFormGraph';
import { LookAlikeIndex } from './lookAlikeIndex';
import { STORED_LOOK_ALIKES } from './lookAlikes';
import type { NameForm } from './nameForm';
import { resolveDocumentPartials, type CorpusPersons, type PlacedMention } from './partialNames';
import { EMPTY_REGISTRY, type EntityRegistry, type RegistryEntity } from './registry';

/** An article's names as given: a list, or what makes it when asked (the corpus service's compact StoredNames). */
export interface ArticleNames {
  list(): readonly RecognizedEntity[];
  /** The `i`th name of `list()` made alone, where the source can: an entity's summary reads only its own names. */
  at?(i: number): RecognizedEntity;
}

/**
 * An article as the clustering holds it: numbers per mention (its names less those dropped, in place order), and its
 * names' source, read again when their texts are needed (no object is held per mention: half a million at 10,000
 * articles).
 */
interface Article {
  readonly uri: string;
  readonly names: ArticleNames;
  /** Whether the names' list is in place order already (else it is sorted when read). */
  readonly inOrder: boolean;
  /**
   * Per mention `i` of `n` (`forms.length`), in one array (one per article rather than four: their objects were 5 MB of
   * a 10,000-article clustering): at `i` its place in the names' list in place order, at `n + i` its node, at `2n + i`
   * its entity's part id times two, plus one when its own form names that entity (`rootOf`, `isCore`; part ids, one per
   * entity made, stay far below 2^31).
   */
  readonly numbers: Uint32Array;
  /** Per mention: its form as read (formReader.ts). */
  readonly forms: readonly NameForm[];
  /** The entities its mentions are in, each once (an array of its length: a set per article was 1.4 KB). */
  entities: readonly Entity[];
}

/** An article's names, as a list or as what makes it. */
export type NamesGiven = readonly RecognizedEntity[] | ArticleNames;

/** An article's names in place order, read from their source. */
function placedNames(article: Pick<Article, 'names' | 'inOrder'>): readonly RecognizedEntity[] {
  const list = article.names.list();
  return article.inOrder ? list : [...list].sort(byPlace);
}

/**
 * Articles' names as read during one update: an update reads an article's names once, however many of its entities it
 * describes (the first one at 10,000 articles read each article's names for each entity it mentions: seconds a slice).
 * Let go when the update ends.
 */
class NamesRead {
  private read: Map<Article, readonly RecognizedEntity[]> | undefined;

  begin(): void {
    this.read = new Map();
  }

  end(): void {
    this.read = undefined;
  }

  /**
   * An article's names just read (when it is added), kept for the update unless they can be read one by one: building
   * the clustering of 10,000 articles held every article's names until its end (tens of megabytes at its peak).
   */
  remember(article: Article, names: readonly RecognizedEntity[]): void {
    if (!oneByOne(article)) this.read?.set(article, names);
  }

  of(article: Article): readonly RecognizedEntity[] {
    if (!this.read) return placedNames(article);
    let names = this.read.get(article);
    if (!names) this.read.set(article, (names = placedNames(article)));
    return names;
  }

  /** An article's mentions of given indices, as entities read them (entityArticles.ts). */
  readonly mentions: ReadMentions<Article> = (article, mentions) => {
    if (oneByOne(article)) {
      const { names } = article;
      return mentions.map((i) => ({ entity: names.at!(article.numbers[i]), form: article.forms[i], core: isCore(article, i) }));
    }
    const names = this.of(article);
    return mentions.map((i) => ({ entity: names[article.numbers[i]], form: article.forms[i], core: isCore(article, i) }));
  };
}

/** The node of an article's `i`th mention. */
function nodeOf(article: Article, i: number): number {
  return article.numbers[article.forms.length + i];
}

/** The part id of the entity an article's `i`th mention is in. */
function rootOf(article: Article, i: number): number {
  return Math.floor(article.numbers[2 * article.forms.length + i] / 2);
}

/** Whether an article's `i`th mention's own form names its entity (not a partial name). */
function isCore(article: Article, i: number): boolean {
  return (article.numbers[2 * article.forms.length + i] & 1) === 1;
}

/** Sets the entity an article's `i`th mention is in (`rootOf`) and whether its own form names it (`isCore`). */
function setRoot(article: Article, i: number, root: number, core: boolean): void {
  article.numbers[2 * article.forms.length + i] = 2 * root + (core ? 1 : 0);
}

/** Whether an article's names are read one by one where needed (its source makes them alone, in place order). */
function oneByOne(article: Article): boolean {
  return article.inOrder && article.names.at !== undefined;
}

const NO_ENTITIES: readonly Entity[] = Object.freeze([]);

/** The entity made of a part of the graph, if any (GraphPart.held). */
function entityHeld(part: GraphPart): Entity | undefined {
  return part.held as Entity | undefined;
}

/**
 * Slice sizes of `apply` (masks: a slice ends every 32 articles, every 256 entities): an article's names cost about a
 * quarter of a millisecond to add and as much to resolve at 10,000 articles, an entity's summary a fortieth, so a slice
 * is a few milliseconds. Every 256 articles made slices of 60 ms and more, and the analyst's diagnostics waited behind
 * them while the clustering was first made (the first pause in typing).
 */
const ARTICLES_PER_SLICE = 31;
const ENTITIES_PER_SLICE = 255;

/** An entity: a part of the graph with the mentions resolved to it. */
class Entity implements IdHolder {
  canonical = '';
  type: EntityType = 'MISC';
  mentionCount = 0;
  entityId = '';
  idSlug: string | undefined = undefined;
  /** Its mentions by article. */
  readonly mentions: EntityArticles<Article>;
  /** Where it is first mentioned, when last described (two fields, not the summary's object: 2 MB at 10,000 articles). */
  firstUri: string | undefined;
  firstStart = 0;
  cluster: IncrementalCluster | undefined;

  constructor(
    readonly part: GraphPart,
    readonly ownerIndex: number | undefined,
    readonly owner: RegistryEntity | undefined,
    read: ReadMentions<Article>,
  ) {
    this.mentions = new EntityArticles<Article>(read);
  }

  get explicitId(): string | undefined {
    return this.owner?.id;
  }

  order(): string {
    return this.ownerIndex !== undefined || this.firstUri === undefined
      ? `~registry:${String(this.ownerIndex).padStart(8, '0')}`
      : `${this.firstUri}#${String(this.firstStart).padStart(10, '0')}`;
  }
}

export class IncrementalClustering {
  private readonly reader: FormReader;
  private readonly namesRead = new NamesRead();
  private readonly graph: LiveFormGraph;
  private readonly articles = new Map<string, Article>();
  /** Articles by the nodes they mention. */
  private readonly articlesOfNode = new NodeArticles<LiveNode, Article>();
  /** The corpus's full person names by key: the parts (by id) that have one, with how many names. */
  private readonly persons = new Map<string, Map<number, number>>();
  /** Partial (single-key) person nodes by key. */
  private readonly partials: OneOrMany<string, LiveNode> = new Map();
  private readonly parts = new Map<number, GraphPart>();
  private readonly ids: ClusterIds<Entity>;
  private current: EntityClustering;
  private sorted: EntityCluster[] = [];
  /** The listed entities by blocking keys, for their look-alikes (`lookAlikesOf`), kept as entities come and go. */
  private readonly alike = new LookAlikeIndex<IncrementalCluster>();
  private relabelled: ReadonlySet<string> = new Set();
  /** Whether an update is under way (`apply`, in slices while the clustering is first made). */
  private applying = false;
  /** What its clusterings share (EntityClustering.lineage). */
  private readonly lineage = {};
  /** The search over its entities, and the list (one of its clusterings') it was last brought up to date with. */
  private search: { index: EntitySearch; clusters: readonly EntityCluster[] } | undefined;

  private constructor(readonly registry: EntityRegistry) {
    this.reader = new FormReader(registry);
    this.graph = new LiveFormGraph(registry.entities.length, PLACEHOLDER_FORM);
    this.ids = new ClusterIds(registry.entities.flatMap((e) => (e.id ? [e.id] : [])));
    this.current = this.facade();
  }

  /** A clustering of `docs`, made in slices (one article's names a slice step; the rest in a few larger steps). */
  static *build(
    docs: Iterable<DocumentEntities | { readonly uri: string; readonly names: ArticleNames }>,
    registry: EntityRegistry = EMPTY_REGISTRY,
    token?: CancellationToken,
  ): Generator<void, IncrementalClustering, void> {
    const made = new IncrementalClustering(registry);
    const changes = new Map<string, NamesGiven | undefined>();
    for (const d of docs) changes.set(d.uri, 'names' in d ? d.names : d.entities);
    yield* made.apply(changes, token);
    return made;
  }

  /** The clustering as of the last update. */
  clustering(): EntityClustering {
    return this.current;
  }

  /**
   * The articles whose mentions (`mentionsOf`: their entities' ids, names or types) may differ from those of the
   * clustering before the last update: those it changed, and those mentioning an entity it re-made or renamed. A host
   * looks again at these only (the Timeline's entries name their entities).
   */
  changedArticles(): ReadonlySet<string> {
    return this.relabelled;
  }

  /** Articles' new names (undefined: the article is gone). Gives the clustering after them. */
  update(changes: ReadonlyMap<string, NamesGiven | undefined>): EntityClustering {
    const steps = this.apply(changes);
    while (!steps.next().done);
    return this.current;
  }

  private *apply(changes: ReadonlyMap<string, NamesGiven | undefined>, token?: CancellationToken): Generator<void, void, void> {
    this.applying = true;
    try {
      yield* this.applyChanges(changes, token);
    } finally {
      this.applying = false;
    }
  }

  private *applyChanges(changes: ReadonlyMap<string, NamesGiven | undefined>, token?: CancellationToken): Generator<void, void, void> {
    this.namesRead.begin();
    const relabelled = new Set<string>(changes.keys());
    const resolve = new Set<Article>();
    const addToResolve = (a: Article): void => void resolve.add(a);
    const touched = new Set<Entity>();
    let n = 0;
    for (const [uri, entities] of changes) {
      // The new names are counted before the old are taken away: a name the edit kept keeps its node.
      const before = this.articles.get(uri);
      if (entities) resolve.add(this.add(uri, 'list' in entities ? entities : { list: () => entities }));
      else this.articles.delete(uri);
      if (before) this.remove(before, touched);
      if ((++n & ARTICLES_PER_SLICE) === 0) {
        throwIfCancelled(token);
        yield;
      }
    }
    // What each written name is was remembered while the articles were added only: the nodes hold the forms they need
    // (kept to the end, it was a tenth of the memory building the clustering of 10,000 articles took).
    this.reader.forget();
    const settled = yield* this.graph.settleInSlices(() => this.nodesInOrder());
    const tokens = new Set<string>();
    for (const part of settled.retired) {
      this.parts.delete(part.id);
      for (const k of this.personNames(part, -1)) tokens.add(k);
      const entity = entityHeld(part);
      if (entity) {
        part.held = undefined;
        touched.add(entity);
        for (const a of entity.mentions.articles()) resolve.add(a);
      }
      if ((++n & 2047) === 0) yield;
    }
    for (const part of settled.made) {
      this.parts.set(part.id, part);
      for (const k of this.personNames(part, 1)) tokens.add(k);
      for (const node of part.nodes) this.articlesOfNode.forEach(node, addToResolve);
      if (part.owner !== undefined) touched.add(this.entityOf(part)); // a registry entity is listed even with no mention
      if ((++n & 2047) === 0) yield;
    }
    for (const k of tokens) for (const node of valuesOf(this.partials, k)) this.articlesOfNode.forEach(node, addToResolve);
    yield;
    n = 0;
    for (const article of resolve) {
      if (this.articles.get(article.uri) !== article) continue;
      this.resolve(article, touched);
      relabelled.add(article.uri);
      if ((++n & ARTICLES_PER_SLICE) === 0) yield;
    }
    // Entities that gained or lost mentions: their names, counts and ids.
    const renamed = new Set<Entity>();
    // What the listed entity keeps of each summary (not its type's tally nor first mention, let go once described).
    const summaries = new Map<Entity, Counted>();
    for (const entity of touched) {
      const alive = entityHeld(entity.part) === entity;
      if (!alive || (!entity.mentions.size && entity.ownerIndex === undefined)) {
        this.ids.remove(entity);
        if (entity.cluster) renamed.add(entity);
        if (alive) entity.part.held = undefined;
        continue;
      }
      const { spellings, titles, mentionCount } = this.describe(entity);
      summaries.set(entity, { spellings, titles, mentionCount });
      renamed.add(entity);
      if ((++n & ENTITIES_PER_SLICE) === 0) yield;
    }
    for (const entity of yield* this.ids.settleInSlices()) renamed.add(entity);
    yield;
    const gone: EntityCluster[] = [];
    for (const entity of renamed) {
      const before = entity.cluster;
      if (before) gone.push(before);
      if (entityHeld(entity.part) !== entity) {
        if (before) this.alike.remove(before.lookAlikeSlot);
        entity.cluster = undefined;
        continue;
      }
      // An entity only renamed (its id given up to another) keeps what it counted.
      const cluster = (entity.cluster = clusterOf(entity, summaries.get(entity) ?? entity.cluster!));
      cluster.lookAlikeSlot = before ? this.alike.replace(before.lookAlikeSlot, cluster) : this.alike.add(cluster);
      if (entity.owner) ownerOfCluster.set(cluster, entity.owner);
      if (before?.entityId !== cluster.entityId || before.canonical !== cluster.canonical || before.type !== cluster.type) {
        for (const a of entity.mentions.articles()) relabelled.add(a.uri);
      }
      if ((++n & 1023) === 0) yield;
    }
    // The sorted list made again apart (when the clustering is first made, a sort of every entity: 60 ms at 10,000 articles).
    yield;
    const added = [...renamed].flatMap((e) => (e.cluster ? [e.cluster] : []));
    this.sorted = sortedReplace(this.sorted, gone, added, byEntityId);
    this.current = this.facade();
    this.relabelled = relabelled;
    this.namesRead.end();
  }

  private mentionsOf(uri: string): EntityMention[] {
    const article = this.articles.get(uri);
    if (!article) return [];
    const names = placedNames(article);
    return Array.from(article.forms, (_, i) => {
      const c = entityHeld(this.parts.get(rootOf(article, i))!)!;
      const e = names[article.numbers[i]];
      return withExtras({ start: e.start, end: e.end, text: e.text, type: c.type, entityId: c.entityId, canonical: c.canonical }, e);
    });
  }

  /** Every live node in the order a full clustering meets them: registry entities, then by article and place. */
  private *nodesInOrder(): Generator<LiveNode> {
    const nodes = this.graph.nodes;
    for (let i = 0; i < this.registry.entities.length; i++) yield nodes[i]!;
    const seen = new Set<LiveNode>();
    for (const uri of [...this.articles.keys()].sort(compareStrings)) {
      const article = this.articles.get(uri)!;
      for (let i = 0; i < article.forms.length; i++) {
        const node = nodes[nodeOf(article, i)]!;
        if (!seen.has(node)) {
          seen.add(node);
          yield node;
        }
      }
    }
  }

  private add(uri: string, names: ArticleNames): Article {
    const given = names.list();
    const inOrder = inPlaceOrder(given);
    const list = inOrder ? given : [...given].sort(byPlace);
    const at: number[] = [];
    const nodes: number[] = [];
    const forms: NameForm[] = [];
    const held: Article = { uri, names, inOrder, numbers: NO_NUMBERS, forms, entities: NO_ENTITIES };
    let last: LiveNode | undefined;
    list.forEach((entity, i) => {
      const seen = this.reader.read(entity);
      if (seen.dropped) return;
      const node = this.graph.mention(seen.nodeKey, seen.group, seen.form, seen.partial, seen.owner);
      this.graph.mayMoveFirstMention(node);
      if (node.count === 1 && node.partial) addOne(this.partials, node.form.keys[0], node);
      at.push(i);
      nodes.push(node.index);
      forms.push(seen.form);
      if (node !== last) this.articlesOfNode.add(node, held);
      last = node;
    });
    const numbers = new Uint32Array(3 * nodes.length);
    numbers.set(at);
    numbers.set(nodes, nodes.length);
    // The forms copied at their length (pushed one by one, the array had room for a third more).
    const article: Article = Object.assign(held, { numbers, forms: forms.slice() });
    this.articles.set(uri, article);
    this.namesRead.remember(article, list);
    return article;
  }

  /** Takes an article's mentions away from the entities they are in. */
  private detach(article: Article, touched: Set<Entity>): void {
    for (const entity of article.entities) {
      entity.mentions.remove(article);
      touched.add(entity);
    }
    article.entities = NO_ENTITIES;
  }

  private remove(article: Article, touched: Set<Entity>): void {
    this.detach(article, touched);
    const nodes = this.graph.nodes;
    for (let i = 0; i < article.forms.length; i++) {
      const node = nodes[nodeOf(article, i)]!;
      this.articlesOfNode.remove(node, article);
      this.graph.unmention(node);
      this.graph.mayMoveFirstMention(node);
      if (node.count === 0 && node.partial) removeOne(this.partials, node.form.keys[0], node);
    }
  }

  /** Adds (`sign` 1) or takes away (−1) a part's full person names in the corpus index; gives the keys. */
  private personNames(part: GraphPart, sign: 1 | -1): string[] {
    const keys: string[] = [];
    const count = (k: string) => {
      let roots = this.persons.get(k);
      if (!roots) this.persons.set(k, (roots = new Map()));
      const had = roots.get(part.id) ?? 0;
      const c = had + sign;
      if (c > 0) roots.set(part.id, c);
      else roots.delete(part.id);
      if (!roots.size) this.persons.delete(k);
      // Partial names read which entities have the key, not how many names: only a change of those counts.
      if (had === 0 || c === 0) keys.push(k);
    };
    for (const node of part.nodes) {
      if (node.group === 'P' && !node.partial && node.form.keys.length >= 2) {
        for (const k of node.form.keys) count(k);
      }
      if (node.key.startsWith('~registry:')) {
        for (const p of this.reader.registryPersons) if (p.entity === node.owner && p.keys.length >= 2) for (const k of p.keys) count(k);
      }
    }
    return keys;
  }

  private entityOf(part: GraphPart): Entity {
    let entity = entityHeld(part);
    if (!entity) {
      entity = new Entity(part, part.owner, part.owner === undefined ? undefined : this.registry.entities[part.owner], this.namesRead.mentions);
      part.held = entity;
    }
    return entity;
  }

  /** An article's mentions resolved to their entities (partial names through the article and the corpus). */
  private resolve(article: Article, touched: Set<Entity>): void {
    this.detach(article, touched);
    const nodes = this.graph.nodes;
    // The partial names' resolution works on objects: made for this article only, and read back into its numbers.
    // (A loop, not Array.from over the forms: that read them through an iterator, an object a mention.)
    const placed: PlacedMention[] = [];
    for (let i = 0; i < article.forms.length; i++) {
      const node = nodeOf(article, i);
      placed.push({ node, root: nodes[node]!.part.id, core: true });
    }
    const owners = { ownerOf: (i: number) => nodes[i]!.part.owner };
    resolveDocumentPartials(placed, nodes as readonly LiveNode[], owners, this.persons as CorpusPersons);
    const byEntity = new Map<Entity, number[]>();
    placed.forEach((m, i) => {
      setRoot(article, i, m.root, m.core);
      const entity = this.entityOf(this.parts.get(m.root)!);
      const list = byEntity.get(entity);
      if (list) list.push(i);
      else byEntity.set(entity, [i]);
    });
    for (const [entity, mentions] of byEntity) {
      entity.mentions.add(article, mentions);
      touched.add(entity);
    }
    article.entities = Array.from(byEntity.keys());
  }

  /** An entity's canonical name, type and counts (as aliases.ts's buildClustering gives them). */
  private describe(entity: Entity): EntitySummary {
    const summary = entity.mentions.summary();
    const name = entity.owner?.canonical ?? summary.canonical;
    entity.firstUri = summary.first?.uri;
    entity.firstStart = summary.first?.start ?? 0;
    this.ids.describe(entity, { canonical: name, type: entity.owner?.type ?? summary.type(name), mentionCount: summary.mentionCount });
    return summary;
  }

  /**
   * The look-alikes of entity `entityId` of `clustering` (one of this clusterer's), as that clustering's entities. Found
   * through the index as it is now: for a clustering since replaced, through the entity of that id now, and only
   * those look-alikes it lists too.
   */
  private lookAlikesOf(clustering: EntityClustering, entityId: string): readonly EntityCluster[] {
    // While an update is under way, the index is ahead of the clustering in use.
    const current = clustering === this.current && !this.applying;
    const cluster = this.current.cluster(entityId) as IncrementalCluster | undefined;
    if (!cluster || this.alike.entity(cluster.lookAlikeSlot) !== cluster) return [];
    if (!current) {
      // Not the entity the clustering asked about when that id has since passed to another (a slot is kept while its
      // entity lives): none rather than another's.
      const asked = clustering.cluster(entityId) as IncrementalCluster | undefined;
      if (asked?.lookAlikeSlot !== cluster.lookAlikeSlot) return [];
    }
    const found = this.alike.remembered(cluster.lookAlikeSlot, STORED_LOOK_ALIKES);
    const out: EntityCluster[] = [];
    for (const slot of found) {
      const other = this.alike.entity(slot)!;
      const listed = current ? other : clustering.cluster(other.entityId);
      if (listed) out.push(listed);
    }
    return out;
  }

  private facade(): EntityClustering {
    const clusters = this.sorted;
    const made: EntityClustering = Object.freeze({
      lineage: this.lineage,
      lookAlikesOf: (entityId: string) => this.lookAlikesOf(made, entityId),
      // Made when asked for (not held for every article), from the articles as they are then.
      mentionsOf: (uri: string) => this.mentionsOf(uri),
      clusters: () => clusters,
      cluster: (entityId: string) => {
        // By binary search in the list sorted by id (no map of every id made again at each update).
        const c = clusters[firstPlaceNotBefore(clusters, (x) => x.entityId < entityId)];
        return c?.entityId === entityId ? c : undefined;
      },
      find: (query: string) => this.searchOf(clusters).find(query),
    });
    return made;
  }

  /**
   * The search over `clusters` (the entities of one of its clusterings): the lineage's index, brought up to date with
   * the entities replaced since the list it was last used with (an older clustering asked after a newer one takes it
   * back), or made afresh when most of them were.
   */
  private searchOf(clusters: readonly EntityCluster[]): EntitySearch {
    const kept = this.search;
    if (kept?.clusters === clusters) return kept.index;
    const changes = kept && changesBetween(kept.clusters, clusters, Math.max(64, clusters.length >> 2));
    if (!kept || !changes) {
      const index = new EntitySearch(namesOfCluster);
      for (const c of clusters) index.add(c);
      this.search = { index, clusters };
      return index;
    }
    for (const c of changes.gone) kept.index.remove(c);
    for (const c of changes.added) kept.index.add(c);
    kept.clusters = clusters;
    return kept.index;
  }
}

/** The registry entity each listed entity is, where it is one (its aliases are searched too). */
const ownerOfCluster = new WeakMap<EntityCluster, RegistryEntity>();

/** The names an entity is searched by: its name, its spellings and its registry aliases. */
function namesOfCluster(c: EntityCluster): string[] {
  return [c.canonical, ...c.spellings.keys(), ...(ownerOfCluster.get(c)?.aliases ?? [])];
}

/** What an entity's listing counts of its mentions. */
type Counted = Pick<EntityCluster, 'spellings' | 'titles' | 'mentionCount'>;

/** An entity as listed: its mentions' list made on first use. */
function clusterOf(entity: Entity, counted: Counted): IncrementalCluster {
  const cluster = new IncrementalCluster(entity.entityId, entity.canonical, entity.type, counted.spellings, counted.titles, counted.mentionCount!, entity.mentions);
  if (entity.owner?.notes) cluster.notes = entity.owner.notes;
  return cluster;
}

/** An entity as listed; its mentions' list is made on first use, from the entity as it is then (a cluster is replaced by a new one when its mentions change). */
class IncrementalCluster implements EntityCluster {
  private list: EntityCluster['mentions'] | undefined;
  notes?: string;
  /** Its slot in the clusterer's look-alike index (IncrementalClustering.alike). */
  lookAlikeSlot = -1;

  constructor(
    readonly entityId: string,
    readonly canonical: string,
    readonly type: EntityType,
    readonly spellings: ReadonlyMap<string, number>,
    readonly titles: ReadonlyMap<string, number>,
    readonly mentionCount: number,
    private readonly held: EntityArticles<Article>,
  ) {}

  get articleCount(): number {
    return this.held.size;
  }

  get mentions(): EntityCluster['mentions'] {
    if (!this.list) {
      const list: EntityCluster['mentions'] = [];
      this.held.forEachMention((a, w) => list.push({ uri: a.uri, start: w.entity.start, end: w.entity.end, text: w.entity.text }));
      this.list = list;
    }
    return this.list;
  }

  set mentions(list: EntityCluster['mentions']) {
    this.list = list;
  }
}

function byEntityId(a: EntityCluster, b: EntityCluster): number {
  return a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0;
}

const NO_NUMBERS = new Uint32Array(0);

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

