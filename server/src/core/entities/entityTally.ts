/**
 * What a large entity's name, type, spellings and titles are chosen from, counted as its articles come and go: an edit
 * costs the article's mentions of the entity, not all of them (`Vietnam`, mentioned in most articles of a corpus).
 * Gives what aliases.ts's buildClustering gives from the entity's mentions in corpus order, ties included: forms are
 * listed, and ties between them broken, by where each is first written (first article by uri, then first place). It
 * holds maps per form and article, so entityArticles.ts keeps one only for an entity of many mentions.
 */
import type { EntityType, RecognizedEntity } from '../types';
import type { NameForm } from './nameForm';
import { chooseCanonical } from './clusterNames';
import { entityType, typeOfName } from './clusterType';

/** A mention as counted: its name, its form and whether that form names the entity (not a partial name). */
export interface TalliedWork {
  readonly entity: Pick<RecognizedEntity, 'text' | 'start' | 'end' | 'type' | 'title'>;
  readonly form: Pick<NameForm, 'display' | 'strippedTitle'>;
  readonly core: boolean;
}

/** An article as tallied: ordered by uri. */
export interface TalliedArticle {
  readonly uri: string;
}

interface Seen<A extends TalliedArticle> {
  count: number;
  /** Where it is first written in each article that has it. */
  readonly at: Map<A, number>;
  /** The first of those articles, when known. */
  first: A | undefined;
}

/** Counts of strings with where each is first written. */
class FirstSeen<A extends TalliedArticle> {
  private readonly entries = new Map<string, Seen<A>>();

  get size(): number {
    return this.entries.size;
  }

  add(key: string, article: A, start: number): void {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { count: 0, at: new Map(), first: article }));
    e.count++;
    if (!e.at.has(article)) {
      e.at.set(article, start);
      if (e.first !== undefined && article.uri < e.first.uri) e.first = article;
    }
  }

  /** Takes away an article's `n` counts of `key` (all it had). */
  remove(key: string, article: A, n: number): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.count -= n;
    e.at.delete(article);
    if (e.first === article) e.first = undefined;
    if (e.count <= 0) this.entries.delete(key);
  }

  /** The counts, in the order the strings are first written. */
  ordered(): Map<string, number> {
    const list = [...this.entries].map(([key, e]) => {
      const first = (e.first ??= firstOf(e.at.keys()));
      return { key, count: e.count, uri: first.uri, start: e.at.get(first)! };
    });
    list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
    return new Map(list.map((x) => [x.key, x.count]));
  }
}

function firstOf<A extends TalliedArticle>(articles: Iterable<A>): A {
  let first: A | undefined;
  for (const a of articles) if (first === undefined || a.uri < first.uri) first = a;
  return first!;
}

export class EntityTally<A extends TalliedArticle> {
  readonly spellings = new FirstSeen<A>();
  readonly titles = new FirstSeen<A>();
  private readonly coreForms = new FirstSeen<A>();
  private readonly otherForms = new FirstSeen<A>();
  private readonly types = new Map<EntityType, number>();
  private readonly typesOfForm = new Map<string, Map<EntityType, number>>();
  count = 0;

  /** An article's mentions of the entity, in place order. */
  add(article: A, works: readonly TalliedWork[]): void {
    for (const w of works) this.count1(w, article, 1);
  }

  /** Takes away an article's mentions (those it was added with). */
  remove(article: A, works: readonly TalliedWork[]): void {
    for (const w of works) this.count1(w, article, -1);
  }

  private count1(w: TalliedWork, article: A, sign: 1 | -1): void {
    this.count += sign;
    const title = w.entity.title ?? w.form.strippedTitle;
    const display = w.form.display;
    const forms = w.core ? this.coreForms : this.otherForms;
    if (sign > 0) {
      this.spellings.add(w.entity.text, article, w.entity.start);
      if (title) this.titles.add(title, article, w.entity.start);
      forms.add(display, article, w.entity.start);
    } else {
      this.spellings.remove(w.entity.text, article, 1);
      if (title) this.titles.remove(title, article, 1);
      forms.remove(display, article, 1);
    }
    bump(this.types, w.entity.type, sign);
    let formTypes = this.typesOfForm.get(display);
    if (!formTypes) this.typesOfForm.set(display, (formTypes = new Map()));
    bump(formTypes, w.entity.type, sign);
    if (!formTypes.size) this.typesOfForm.delete(display);
  }

  /** The canonical name (the most written full form) and the type (clusterType.ts). */
  canonicalAndType(): { canonical: string; type: (canonical: string) => EntityType } {
    const canonical = chooseCanonical(this.coreForms.size > 0 ? this.coreForms.ordered() : this.otherForms.ordered());
    return { canonical, type: (name) => entityType(this.types, this.typesOfForm.get(name) ?? new Map(), () => typeOfName(name)) };
  }
}

function bump<K>(map: Map<K, number>, key: K, sign: 1 | -1): void {
  const n = (map.get(key) ?? 0) + sign;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
