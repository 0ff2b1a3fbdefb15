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
  /** The first article (by uri) that writes it, and where it first does there; undefined when not known. */
  first: A | undefined;
  start: number;
  /**
   * While `first` is not known: every article that writes it has a uri after this one (the first's, taken away). An
   * article re-added at or before it is the first again, with no search (an edit takes its article's mentions away and
   * adds them back).
   */
  floor: string;
}

/**
 * Finds, among an entity's mentions in corpus order from the first article whose uri is after `after`, the first
 * whose string `pick` gives is `key`: where a string is first written, when the article that was first lost it.
 */
export type FindFirst<A> = (key: string, pick: (w: TalliedWork) => string | undefined, after: string) => { readonly article: A; readonly start: number } | undefined;

/**
 * Counts of strings with where each is first written. Only the first article is held, not every article that writes
 * the string (a map of them per string was a tenth of the memory of a corpus's incremental clustering); when it loses
 * the string, the next is found among the entity's mentions when asked (`find`).
 */
class FirstSeen<A extends TalliedArticle> {
  private readonly entries = new Map<string, Seen<A>>();

  constructor(
    private readonly pick: (w: TalliedWork) => string | undefined,
    private readonly find: FindFirst<A>,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  add(key: string, article: A, start: number): void {
    const e = this.entries.get(key);
    if (!e) {
      this.entries.set(key, { count: 1, first: article, start, floor: '' });
      return;
    }
    e.count++;
    if (e.first === undefined) {
      if (article.uri <= e.floor) (e.first = article), (e.start = start);
    } else if (article === e.first) {
      if (start < e.start) e.start = start;
    } else if (article.uri < e.first.uri) {
      e.first = article;
      e.start = start;
    }
  }

  /** Takes away an article's `n` counts of `key` (all it had). */
  remove(key: string, article: A, n: number): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.count -= n;
    if (e.count <= 0) this.entries.delete(key);
    else if (e.first === article) {
      e.floor = article.uri;
      e.first = undefined;
    }
  }

  /** The counts, in the order the strings are first written. */
  ordered(): Map<string, number> {
    const list = [...this.entries].map(([key, e]) => {
      if (e.first === undefined) {
        const found = this.find(key, this.pick, e.floor);
        if (!found) throw new Error(`entity tally: "${key}" is counted but not written`);
        e.first = found.article;
        e.start = found.start;
      }
      return { key, count: e.count, uri: e.first.uri, start: e.start };
    });
    list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
    return new Map(list.map((x) => [x.key, x.count]));
  }
}

const titleOf = (w: TalliedWork): string | undefined => w.entity.title ?? w.form.strippedTitle;

export class EntityTally<A extends TalliedArticle> {
  readonly spellings: FirstSeen<A>;
  readonly titles: FirstSeen<A>;
  private readonly coreForms: FirstSeen<A>;
  private readonly otherForms: FirstSeen<A>;
  private readonly types = new Map<EntityType, number>();
  private readonly typesOfForm = new Map<string, Map<EntityType, number>>();
  count = 0;

  /** `find`: searches the entity's mentions (only when the article where a string was first written loses it). */
  constructor(find: FindFirst<A>) {
    this.spellings = new FirstSeen<A>((w) => w.entity.text, find);
    this.titles = new FirstSeen<A>(titleOf, find);
    this.coreForms = new FirstSeen<A>((w) => (w.core ? w.form.display : undefined), find);
    this.otherForms = new FirstSeen<A>((w) => (w.core ? undefined : w.form.display), find);
  }

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
    const title = titleOf(w);
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
