/**
 * Entity ids kept up to date as entities come, go and change name: the ids `assignIds` (clusterNames.ts) gives all
 * entities at once, re-made only among the entities whose ids could collide with a changed one's.
 *
 * An id is a slug, or a slug with `-<type>` (and `-<n>`) after it. Two entities of different slugs can want one id
 * only when one slug is the other followed by a dash and more (`foo` as `foo-person`, and the slug `foo-person`): ids
 * are re-made for the slugs that changed and every slug related to them that way, in `assignIds`' order; the others
 * cannot take or free an id these want.
 */
import { ENTITY_TYPES, type EntityType } from '../types';
import { slugify } from './nameKey';

export interface IdHolder {
  /** The registry's id: kept as it is. */
  readonly explicitId: string | undefined;
  canonical: string;
  type: EntityType;
  mentionCount: number;
  /** A tie-breaker made only when needed (IdRequest.order). */
  order: () => string;
  entityId: string;
}

export class ClusterIds<T extends IdHolder> {
  private readonly bySlug = new Map<string, Set<T>>();
  private readonly slugOf = new Map<T, string>();
  /** Slugs by each of their dash prefixes (`foo` and `foo-bar` for `foo-bar-baz`). */
  private readonly byPrefix = new Map<string, Set<string>>();
  private readonly changed = new Set<string>();
  private readonly taken: ReadonlySet<string>;

  constructor(explicit: readonly string[]) {
    this.taken = new Set(explicit);
  }

  /** An entity's name, type and count (new or changed). */
  describe(holder: T, facts: Pick<IdHolder, 'canonical' | 'type' | 'mentionCount' | 'order'>): void {
    const sameName = this.slugOf.has(holder) && holder.canonical === facts.canonical && holder.type === facts.type;
    holder.canonical = facts.canonical;
    holder.type = facts.type;
    holder.mentionCount = facts.mentionCount;
    holder.order = facts.order;
    if (holder.explicitId) {
      holder.entityId = holder.explicitId;
      return;
    }
    if (sameName) {
      // Only its count or place changed: that orders it among the entities of its slug, if there are others.
      const slug = this.slugOf.get(holder)!;
      if (this.bySlug.get(slug)!.size > 1) this.changed.add(slug);
      return;
    }
    this.remove(holder);
    const slug = slugify(holder.canonical);
    this.slugOf.set(holder, slug);
    let set = this.bySlug.get(slug);
    if (!set) {
      this.bySlug.set(slug, (set = new Set()));
      for (const p of dashPrefixes(slug)) {
        let slugs = this.byPrefix.get(p);
        if (!slugs) this.byPrefix.set(p, (slugs = new Set()));
        slugs.add(slug);
      }
    }
    set.add(holder);
    this.changed.add(slug);
  }

  remove(holder: T): void {
    const slug = this.slugOf.get(holder);
    if (slug === undefined) return;
    this.slugOf.delete(holder);
    const set = this.bySlug.get(slug)!;
    set.delete(holder);
    this.changed.add(slug);
    if (set.size) return;
    this.bySlug.delete(slug);
    for (const p of dashPrefixes(slug)) {
      const slugs = this.byPrefix.get(p)!;
      slugs.delete(slug);
      if (!slugs.size) this.byPrefix.delete(p);
    }
  }

  /** Gives ids where they may have changed; returns the holders whose id did. */
  settle(): T[] {
    const slugs = new Set<string>();
    const queue = [...this.changed];
    this.changed.clear();
    while (queue.length) {
      const s = queue.pop()!;
      if (slugs.has(s)) continue;
      slugs.add(s);
      for (const p of dashPrefixes(s)) if (this.bySlug.has(p)) queue.push(p);
      for (const longer of this.byPrefix.get(s) ?? []) queue.push(longer);
    }
    const rest: { h: T; slug: string }[] = [];
    for (const s of slugs) for (const h of this.bySlug.get(s) ?? []) rest.push({ h, slug: s });
    rest.sort(
      (a, b) =>
        cmp(a.slug, b.slug) ||
        b.h.mentionCount - a.h.mentionCount ||
        ENTITY_TYPES.indexOf(a.h.type) - ENTITY_TYPES.indexOf(b.h.type) ||
        cmp(a.h.canonical, b.h.canonical) ||
        cmp(a.h.order(), b.h.order()),
    );
    const taken = new Set<string>();
    const isTaken = (id: string) => taken.has(id) || this.taken.has(id);
    const renamed: T[] = [];
    for (const { h, slug } of rest) {
      let id = slug;
      if (isTaken(id)) id = `${slug}-${h.type.toLowerCase()}`;
      for (let n = 2; isTaken(id); n++) id = `${slug}-${h.type.toLowerCase()}-${n}`;
      taken.add(id);
      if (h.entityId !== id) {
        h.entityId = id;
        renamed.push(h);
      }
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

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
