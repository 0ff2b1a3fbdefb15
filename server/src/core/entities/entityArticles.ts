/**
 * An entity's mentions, by article in corpus (uri) order, held in two arrays (no map or set per entity: a corpus has
 * tens of thousands of entities, most in one article), and what aliases.ts's buildClustering makes of them: spellings
 * and titles in the order first written, the canonical name and the type. An edit adds or takes away one article's
 * mentions (binary search); a summary reads the entity's mentions once.
 */
import type { EntityType, RecognizedEntity } from '../types';
import { bump, canonicalAndType, NO_TITLES } from './aliases';
import type { NameForm } from './nameForm';

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
  private readonly list: A[] = [];
  /** The mentions of `list[i]`: one, or several in place order. */
  private readonly works: (W | W[])[] = [];

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
  }

  remove(article: A): void {
    const at = this.place(article.uri);
    if (this.list[at] !== article) return;
    this.list.splice(at, 1);
    this.works.splice(at, 1);
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
    const works: W[] = [];
    const spellings = new Map<string, number>();
    let titles: Map<string, number> | undefined;
    for (const [, w] of this.mentions()) {
      works.push(w);
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
