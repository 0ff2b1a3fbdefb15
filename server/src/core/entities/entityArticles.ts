/**
 * An entity's mentions, by article in corpus (uri) order, held in two arrays (no map or set per entity: a corpus has
 * tens of thousands of entities, most in one article), and what aliases.ts's buildClustering makes of them: spellings
 * and titles in the order first written, the canonical name and the type. An edit adds or takes away one article's
 * mentions (binary search); a summary reads the entity's mentions once.
 */
import type { EntityType, RecognizedEntity } from '../types';
import { bump, canonicalAndType, NO_TITLES } from './aliases';
import type { NameForm } from './nameForm';
import { EntityTally } from './entityTally';

/** A mention as an entity holds it: its name, its form and whether that form names the entity (not a partial name). */
export interface EntityWork {
  readonly entity: RecognizedEntity;
  readonly form: NameForm;
  readonly core: boolean;
}

export interface EntitySummary {
  readonly canonical: string;
  readonly type: (canonical: string) => EntityType;
  readonly spellings: ReadonlyMap<string, number>;
  readonly titles: ReadonlyMap<string, number>;
  readonly mentionCount: number;
  /** The first article and the place of its first mention (IdRequest.order); undefined with no mention. */
  readonly first: { readonly uri: string; readonly start: number } | undefined;
}

export class EntityArticles<A extends { readonly uri: string }, W extends EntityWork> {
  /** From how many mentions an entity's counts are kept as its articles come and go (EntityTally), not made again. */
  static tallyFrom = 256;
  private readonly list: A[] = [];
  /** The mentions of `list[i]`: one, or several in place order. */
  private readonly works: (W | W[])[] = [];
  private mentionCount = 0;
  private tally: EntityTally<A> | undefined;

  get size(): number {
    return this.list.length;
  }

  articles(): readonly A[] {
    return this.list;
  }

  /** An article's mentions, in place order (the article must not be held already). */
  add(article: A, works: readonly W[]): void {
    const at = this.place(article.uri);
    this.list.splice(at, 0, article);
    this.works.splice(at, 0, works.length === 1 ? works[0] : [...works]);
    this.mentionCount += works.length;
    this.tally?.add(article, works);
  }

  remove(article: A): void {
    const at = this.place(article.uri);
    if (this.list[at] !== article) return;
    const works = this.works[at];
    this.list.splice(at, 1);
    this.works.splice(at, 1);
    const removed = Array.isArray(works) ? works : [works];
    this.mentionCount -= removed.length;
    this.tally?.remove(article, removed);
    if (this.tally && this.mentionCount < EntityArticles.tallyFrom / 2) this.tally = undefined;
  }

  /** Every mention, in corpus order, with its article. */
  *mentions(): Generator<[A, W]> {
    for (let i = 0; i < this.list.length; i++) {
      const w = this.works[i];
      if (Array.isArray(w)) for (const x of w) yield [this.list[i], x];
      else yield [this.list[i], w];
    }
  }

  summary(): EntitySummary {
    if (!this.tally && this.mentionCount >= EntityArticles.tallyFrom && this.mentionCount > 0) {
      const tally = new EntityTally<A>();
      this.list.forEach((a, i) => {
        const w = this.works[i];
        tally.add(a, Array.isArray(w) ? w : [w]);
      });
      this.tally = tally;
    }
    if (this.tally && this.mentionCount > 0) {
      const { canonical, type } = this.tally.canonicalAndType();
      const w0 = this.works[0];
      const start = (Array.isArray(w0) ? w0[0] : w0).entity.start;
      const titles = this.tally.titles.size ? this.tally.titles.ordered() : NO_TITLES;
      return { canonical, type, spellings: this.tally.spellings.ordered(), titles, mentionCount: this.mentionCount, first: { uri: this.list[0].uri, start } };
    }
    const works: W[] = [];
    for (const w of this.works) {
      if (Array.isArray(w)) for (const x of w) works.push(x);
      else works.push(w);
    }
    const spellings = new Map<string, number>();
    let titles: Map<string, number> | undefined;
    for (const w of works) {
      bump(spellings, w.entity.text);
      const title = w.entity.title ?? w.form.strippedTitle;
      if (title) bump((titles ??= new Map()), title);
    }
    const { canonical, type } = canonicalAndType(works);
    const first = works.length ? { uri: this.list[0].uri, start: works[0].entity.start } : undefined;
    return { canonical, type, spellings, titles: titles ?? NO_TITLES, mentionCount: works.length, first };
  }

  /** Where an article of this uri is, or would go. */
  private place(uri: string): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].uri < uri) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
