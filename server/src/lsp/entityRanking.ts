/**
 * The entities with mentions of each type, most mentioned first (`byMentions`): what the Entities view pages through,
 * with each type's counts.
 *
 * Ranked once per clustering, and kept up to date from one clustering to the next of a lineage (the clusterings kept
 * up to date article by article, incrementalClustering.ts): the entities an update touched are taken out of their
 * type's list and put in place, in the list itself. A view of a clustering (provisional.ts: each keystroke's) is
 * listed as its base's ranking with its own few entities merged in where they go, without a list of its own.
 *
 * Before, every listing of a view copied every entity of the corpus into a list, filtered it, compared it with the
 * last list through a set of its entities and filtered it again for each type: at 10,000 articles, arrays of 0.2 to
 * 1.3 MB each, several megabytes a listing, each in V8's large-object space, which only a full collection empties
 * (with the views shown, 54 MB of the 80 MB of such arrays the server made in 14 s of typing).
 */
import { ENTITY_TYPES, changesBetween, firstPlaceNotBefore, mentionCountOf, type EntityCluster, type EntityClustering } from '../core/index';
import type { EntityType } from '../core/index';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Most mentioned first, then by canonical name (case-insensitive), then id. */
export function byMentions(a: EntityCluster, b: EntityCluster): number {
  return mentionCountOf(b) - mentionCountOf(a) || collator.compare(a.canonical, b.canonical) || (a.entityId < b.entityId ? -1 : 1);
}

/** Entities in ranking order, cut into pages by `slice`. */
export interface Ranked {
  /** How many entities. */
  readonly length: number;
  /** Their mentions, summed. */
  readonly mentions: number;
  /** The entities `[from, to)` of the ranking (a new array). */
  slice(from: number, to: number): EntityCluster[];
  /** The entities in order (made a page at a time). */
  inOrder(): Iterator<EntityCluster>;
}

/** Entities a page of `inOrder` takes. */
const PAGE = 512;

/** `inOrder` of a ranking that pages by `slice`. */
function* paged(ranked: Ranked): Generator<EntityCluster, void, void> {
  for (let from = 0; from < ranked.length; from += PAGE) yield* ranked.slice(from, from + PAGE);
}

/** Past this many changes to a type's list, it is filtered and merged in one pass, not spliced one entity at a time. */
const SPLICED_AT_MOST = 32;

/** One type's entities with mentions, in order, held in one array changed in place. */
class TypeRanking implements Ranked {
  mentions = 0;

  constructor(private items: EntityCluster[]) {
    for (const c of items) this.mentions += mentionCountOf(c);
  }

  get length(): number {
    return this.items.length;
  }

  slice(from: number, to: number): EntityCluster[] {
    return this.items.slice(from, to);
  }

  inOrder(): Iterator<EntityCluster> {
    return paged(this);
  }

  /** How many of the entities come before `c` (where it is, or would go). */
  placeOf(c: EntityCluster): number {
    return firstPlaceNotBefore(this.items, (x) => byMentions(x, c) < 0);
  }

  /** Takes out the entities of `gone` (held at their place: their counts do not change) and puts `added` in place. */
  apply(gone: readonly EntityCluster[], added: readonly EntityCluster[]): void {
    if (gone.length + added.length > SPLICED_AT_MOST) {
      const drop = new Set(gone);
      this.items = mergeSorted(
        this.items.filter((c) => !drop.has(c)),
        [...added].sort(byMentions),
      );
    } else {
      for (const c of gone) {
        let at = this.placeOf(c);
        if (this.items[at] !== c) at = this.items.indexOf(c);
        if (at >= 0) this.items.splice(at, 1);
      }
      for (const c of added) this.items.splice(this.placeOf(c), 0, c);
    }
    for (const c of gone) this.mentions -= mentionCountOf(c);
    for (const c of added) this.mentions += mentionCountOf(c);
  }
}

/** Two lists sorted by `byMentions`, merged. */
function mergeSorted(a: readonly EntityCluster[], b: readonly EntityCluster[]): EntityCluster[] {
  if (!b.length) return a as EntityCluster[];
  const out = new Array<EntityCluster>(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) out[k] = j >= b.length || (i < a.length && byMentions(a[i], b[j]) < 0) ? a[i++] : b[j++];
  return out;
}

/** A ranking with a few entities of a view's own merged in (each after the entities of the base that come before it). */
class WithOwn implements Ranked {
  readonly length: number;
  readonly mentions: number;
  /** Per entity of `own`, how many of the base's come before it (non-decreasing: `own` is in order). */
  private readonly places: number[];

  constructor(private readonly base: TypeRanking, private readonly own: readonly EntityCluster[]) {
    this.length = base.length + own.length;
    let mentions = base.mentions;
    for (const c of own) mentions += mentionCountOf(c);
    this.mentions = mentions;
    this.places = own.map((c) => base.placeOf(c));
  }

  slice(from: number, to: number): EntityCluster[] {
    from = Math.max(0, Math.min(from, this.length));
    to = Math.max(from, Math.min(to, this.length));
    const { own, places } = this;
    // Own entity `j` is the merged list's entity `places[j] + j`.
    let j = 0;
    while (j < own.length && places[j] + j < from) j++;
    let i = from - j;
    const base = this.base.slice(i, i + (to - from));
    i = 0;
    const out = new Array<EntityCluster>(to - from);
    for (let k = from; k < to; k++) out[k - from] = j < own.length && places[j] + j === k ? own[j++] : base[i++];
    return out;
  }

  inOrder(): Iterator<EntityCluster> {
    return paged(this);
  }
}

/** Every type's ranking merged into one (most mentioned first of any type): a page is merged from the first entity on. */
class AllTypes implements Ranked {
  readonly length: number;
  readonly mentions: number;

  constructor(private readonly types: readonly Ranked[]) {
    this.length = types.reduce((n, r) => n + r.length, 0);
    this.mentions = types.reduce((n, r) => n + r.mentions, 0);
  }

  slice(from: number, to: number): EntityCluster[] {
    const out: EntityCluster[] = [];
    if (from >= to) return out;
    const all = this.inOrder();
    for (let k = 0; k < to; k++) {
      const next = all.next();
      if (next.done) break;
      if (k >= from) out.push(next.value);
    }
    return out;
  }

  *inOrder(): Generator<EntityCluster, void, void> {
    const types = this.types.map((r) => r.inOrder());
    const heads = types.map((t) => t.next());
    for (;;) {
      let best = -1;
      for (let t = 0; t < heads.length; t++) {
        if (!heads[t].done && (best < 0 || byMentions(heads[t].value as EntityCluster, heads[best].value as EntityCluster) < 0)) best = t;
      }
      if (best < 0) return;
      yield heads[best].value as EntityCluster;
      heads[best] = types[best].next();
    }
  }
}

/** Each type's ranking. */
export type Rankings = ReadonlyMap<EntityType, Ranked>;

/** The rankings of a clustering of a lineage, and that clustering (the one they are up to date with). */
interface LineageRankings {
  clustering: EntityClustering;
  readonly types: Map<EntityType, TypeRanking>;
}

/** The rankings kept up to date for each lineage (EntityClustering.lineage), with the last clustering they were for. */
const ofLineage = new WeakMap<object, LineageRankings>();
/** The rankings of a clustering of no lineage that is not a view (made once for it). */
const ofClustering = new WeakMap<EntityClustering, Map<EntityType, TypeRanking>>();

/** Each type's entities with mentions, ranked, from scratch. */
function rank(clusters: readonly EntityCluster[]): Map<EntityType, TypeRanking> {
  const lists = new Map<EntityType, EntityCluster[]>(ENTITY_TYPES.map((t) => [t, []]));
  for (const c of clusters) if (mentionCountOf(c) > 0) lists.get(c.type)?.push(c);
  return new Map([...lists].map(([t, list]) => [t, new TypeRanking(list.sort(byMentions))]));
}

/**
 * The rankings of a clustering listed whole: one that is not a view, or a view without `ownClusters` (a view of a
 * view, ranked afresh each time: a view's own clusters come as its mentions are read, so none is kept for it).
 */
function baseRankings(clustering: EntityClustering): Map<EntityType, TypeRanking> {
  const { lineage } = clustering;
  if (clustering.base) return rank(clustering.clusters());
  if (!lineage) {
    let made = ofClustering.get(clustering);
    if (!made) ofClustering.set(clustering, (made = rank(clustering.clusters())));
    return made;
  }
  const kept = ofLineage.get(lineage);
  if (kept?.clustering === clustering) return kept.types;
  const changes = kept && changesBetween(kept.clustering.clusters(), clustering.clusters(), Infinity);
  if (!kept || !changes) {
    const types = rank(clustering.clusters());
    ofLineage.set(lineage, { clustering, types });
    return types;
  }
  const gone = new Map<EntityType, EntityCluster[]>();
  const added = new Map<EntityType, EntityCluster[]>();
  const note = (into: Map<EntityType, EntityCluster[]>, c: EntityCluster) => {
    if (mentionCountOf(c) === 0) return;
    let list = into.get(c.type);
    if (!list) into.set(c.type, (list = []));
    list.push(c);
  };
  for (const c of changes.gone) note(gone, c);
  for (const c of changes.added) note(added, c);
  for (const [type, ranking] of kept.types) ranking.apply(gone.get(type) ?? [], added.get(type) ?? []);
  kept.clustering = clustering;
  return kept.types;
}

/**
 * Each type's ranking of the entities of `clustering` with mentions: the same as sorting them by `byMentions`. Valid
 * until the next call (a lineage's are changed in place for the next clustering of it).
 */
export function rankingsOf(clustering: EntityClustering): Rankings {
  const own = clustering.base && clustering.ownClusters?.().filter((c) => mentionCountOf(c) > 0);
  if (!own) return baseRankings(clustering);
  const base = baseRankings(clustering.base!);
  if (!own.length) return base;
  const out = new Map<EntityType, Ranked>(base);
  for (const [type, ranking] of base) {
    const mine = own.filter((c) => c.type === type);
    if (mine.length) out.set(type, new WithOwn(ranking, mine.sort(byMentions)));
  }
  return out;
}

/** The ranking of one type's entities, or of every type's together, of those of a clustering (`rankingsOf`). */
export function rankingIn(rankings: Rankings, type: EntityType | undefined): Ranked {
  if (type) return rankings.get(type) ?? new TypeRanking([]);
  return new AllTypes(ENTITY_TYPES.map((t) => rankings.get(t) ?? new TypeRanking([])));
}
