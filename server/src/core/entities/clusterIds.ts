/**
 * Entity ids kept up to date as entities come, go and change name: the ids `assignIds` (clusterNames.ts) gives all
 * entities at once, re-made only among the entities whose ids could collide with a changed one's.
 *
 * An id is a slug, or a slug with `-<type>` (and `-<n>`) after it. Two entities of different slugs can want one id
 * only when one slug is the other followed by a dash and more (`foo` as `foo-person`, and the slug `foo-person`): ids
 * are re-made for the slugs that changed and every slug related to them that way, in `assignIds`' order; the others
 * cannot take or free an id these want.
 */
import type { EntityType } from '../types';
import { freeId, idOrder } from './clusterNames';
import { slugify } from './nameKey';
import { addOne, countOf, removeOne, valuesOf, type OneOrMany } from '../collections/oneOrMany';
import { runToEnd } from '../slices';

export interface IdHolder {
  /** The registry's id: kept as it is. */
  readonly explicitId: string | undefined;
  canonical: string;
  type: EntityType;
  mentionCount: number;
  /** A tie-breaker made only when needed (IdRequest.order). */
  order(): string;
  entityId: string;
  /** The slug ClusterIds holds it under (undefined until it is described): held with it, not in a map of its own. */
  idSlug?: string;
}

export class ClusterIds<T extends IdHolder> {
  private readonly bySlug: OneOrMany<string, T> = new Map();
  /** Slugs by each of their dash prefixes (`foo` and `foo-bar` for `foo-bar-baz`). */
  private readonly byPrefix: OneOrMany<string, string> = new Map();
  private readonly changed = new Set<string>();
  private readonly taken: ReadonlySet<string>;

  constructor(explicit: readonly string[]) {
    this.taken = new Set(explicit);
  }

  /** An entity's name, type and count (new or changed). */
  describe(holder: T, facts: Pick<IdHolder, 'canonical' | 'type' | 'mentionCount'>): void {
    const sameName = holder.idSlug !== undefined && holder.canonical === facts.canonical && holder.type === facts.type;
    holder.canonical = facts.canonical;
    holder.type = facts.type;
    holder.mentionCount = facts.mentionCount;
    if (holder.explicitId) {
      holder.entityId = holder.explicitId;
      return;
    }
    if (sameName) {
      // Only its count or place changed: that orders it among the entities of its slug, if there are others.
      const slug = holder.idSlug!;
      if (countOf(this.bySlug, slug) > 1) this.changed.add(slug);
      return;
    }
    this.remove(holder);
    const slug = slugify(holder.canonical);
    holder.idSlug = slug;
    if (!this.bySlug.has(slug)) for (const p of dashPrefixes(slug)) addOne(this.byPrefix, p, slug);
    addOne(this.bySlug, slug, holder);
    this.changed.add(slug);
  }

  remove(holder: T): void {
    const slug = holder.idSlug;
    if (slug === undefined) return;
    holder.idSlug = undefined;
    removeOne(this.bySlug, slug, holder);
    this.changed.add(slug);
    if (this.bySlug.has(slug)) return;
    for (const p of dashPrefixes(slug)) removeOne(this.byPrefix, p, slug);
  }

  /** Gives ids where they may have changed; returns the holders whose id did. */
  settle(): T[] {
    return runToEnd(this.settleInSlices());
  }

  /** `settle` in slices (a corpus's first settling gives ids to every entity: 70,000 at 10,000 articles). */
  *settleInSlices(): Generator<void, T[], void> {
    const slugs = new Set<string>();
    const queue = [...this.changed];
    this.changed.clear();
    let n = 0;
    while (queue.length) {
      const s = queue.pop()!;
      if (slugs.has(s)) continue;
      slugs.add(s);
      for (const p of dashPrefixes(s)) if (this.bySlug.has(p)) queue.push(p);
      for (const longer of valuesOf(this.byPrefix, s)) queue.push(longer);
      if ((++n & 4095) === 0) yield;
    }
    const rest: { r: T; slug: string }[] = [];
    for (const s of slugs) for (const r of valuesOf(this.bySlug, s)) rest.push({ r, slug: s });
    yield;
    rest.sort(idOrder);
    yield;
    const taken = new Set<string>();
    const renamed: T[] = [];
    for (const { r, slug } of rest) {
      const id = freeId(slug, r.type, (x) => taken.has(x) || this.taken.has(x));
      taken.add(id);
      if (r.entityId !== id) {
        r.entityId = id;
        renamed.push(r);
      }
      if ((++n & 4095) === 0) yield;
    }
    return renamed;
  }
}

/** The slug's beginnings that end before one of its dashes. */
function dashPrefixes(slug: string): string[] {
  const out: string[] = [];
  for (let i = slug.indexOf('-'); i > 0; i = slug.indexOf('-', i + 1)) out.push(slug.slice(0, i));
  return out;
}

