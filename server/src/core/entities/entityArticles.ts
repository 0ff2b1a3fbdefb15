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
import { GROWN_FROM, insertedAt } from '../collections/exactArrays';
import { OneSpelling } from './oneSpelling';

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

/** An article's mentions of given indices, made as the entity reads them (one reading of the article's names). */
export type ReadMentions<A> = (article: A, mentions: readonly number[]) => readonly EntityWork[];

const NO_ARTICLES: readonly { readonly uri: string }[] = Object.freeze([]);
const NO_MENTIONS: (number | number[])[] = Object.freeze([]) as unknown as (number | number[])[];

export class EntityArticles<A extends { readonly uri: string }> {
  /** From how many mentions an entity's counts are kept as its articles come and go (EntityTally), not made again. */
  static tallyFrom = 256;
  /**
   * Its articles: one held alone, or several in an array (most entities are in one article: two arrays of one for each
   * were 5 MB of the incremental clustering of 10,000 articles).
   */
  private list: A | A[] = NO_ARTICLES as A[];
  /**
   * The mentions of each article (their indices in the article): one, or several in place order; for an article held
   * alone, its entry itself, else an array of entries in the order of `list`.
   */
  private held: number | number[] | (number | number[])[] = NO_MENTIONS;
  private mentionCount = 0;
  private tally: EntityTally<A> | undefined;

  /** `read`: the same function for every entity of a clustering (no function is held per entity). */
  constructor(private readonly read: ReadMentions<A>) {}

  get size(): number {
    return Array.isArray(this.list) ? this.list.length : 1;
  }

  articles(): readonly A[] {
    return Array.isArray(this.list) ? this.list : [this.list];
  }

  /** An article's mentions, by their indices in place order (the article must not be held already). */
  add(article: A, mentions: readonly number[]): void {
    const entry = mentions.length === 1 ? mentions[0] : mentions.slice();
    const list = this.list;
    if (Array.isArray(list) && list.length === 0) {
      this.list = article;
      this.held = entry;
    } else {
      const [articles, entries] = this.arrays();
      const at = this.place(article.uri);
      if (articles.length < GROWN_FROM) {
        // Made again at their length: an array grown by an insertion has room for 16 more, and most entities are in
        // one or two articles (two such arrays were a fifth of the memory of a corpus's incremental clustering).
        this.list = insertedAt(articles, at, article);
        this.held = insertedAt(entries, at, entry);
      } else if (at === articles.length) {
        // (As a rule where a clustering is built, articles coming in corpus order: a splice made an array of what it
        // took out each time.)
        articles.push(article);
        entries.push(entry);
      } else {
        articles.splice(at, 0, article);
        entries.splice(at, 0, entry);
      }
    }
    this.mentionCount += mentions.length;
    this.tally?.add(article, this.read(article, mentions));
  }

  /** Takes an article's mentions away; `article`'s names must still read as when they were added. */
  remove(article: A): void {
    const at = this.place(article.uri);
    if (this.articleAt(at) !== article) return;
    const removed = this.mentionsAt(at);
    if (!Array.isArray(this.list)) {
      this.list = NO_ARTICLES as A[];
      this.held = NO_MENTIONS;
    } else {
      const [articles, entries] = this.arrays();
      articles.splice(at, 1);
      entries.splice(at, 1);
      if (articles.length === 1) {
        this.list = articles[0];
        this.held = entries[0];
      }
    }
    this.mentionCount -= removed.length;
    this.tally?.remove(article, this.read(article, removed));
    if (this.tally && this.mentionCount < EntityArticles.tallyFrom / 2) this.tally = undefined;
  }

  /**
   * Every mention, in corpus order, given to `each` with its article. A loop, not a generator: a summary reads every
   * mention of the entity, and the pairs and iterator results a generator made for them were a quarter of what
   * building the clustering of 10,000 articles allocated.
   */
  forEachMention(each: (article: A, work: EntityWork) => void): void {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      const article = this.articleAt(i);
      const works = this.read(article, this.mentionsAt(i));
      for (let k = 0; k < works.length; k++) each(article, works[k]);
    }
  }

  summary(): EntitySummary {
    if (!this.tally && this.mentionCount >= EntityArticles.tallyFrom && this.mentionCount > 0) {
      const tally = new EntityTally<A>((key, pick, after) => this.firstWriting(key, pick, after));
      this.forEachMention((a, w) => tally.add(a, [w]));
      this.tally = tally;
    }
    if (this.tally && this.mentionCount > 0) {
      const { canonical, type } = this.tally.canonicalAndType();
      const first = this.articleAt(0);
      const start = this.read(first, [this.mentionsAt(0)[0]])[0].entity.start;
      const titles = this.tally.titles.size ? this.tally.titles.ordered() : NO_TITLES;
      return { canonical, type, spellings: this.tally.spellings.ordered(), titles, mentionCount: this.mentionCount, first: { uri: first.uri, start } };
    }
    const works: EntityWork[] = [];
    this.forEachMention((_, w) => works.push(w));
    const spellings = new Map<string, number>();
    let titles: Map<string, number> | undefined;
    for (const w of works) {
      bump(spellings, w.entity.text);
      const title = w.entity.title ?? w.form.strippedTitle;
      if (title) bump((titles ??= new Map()), title);
    }
    const { canonical, type } = canonicalAndType(works);
    const first = works.length ? { uri: this.articleAt(0).uri, start: works[0].entity.start } : undefined;
    // Most entities are written one way: their listing keeps a pair, not a map (clusteringSnapshot.ts does the same).
    const [only] = spellings.size === 1 ? spellings : [];
    return { canonical, type, spellings: only ? new OneSpelling(only[0], only[1]) : spellings, titles: titles ?? NO_TITLES, mentionCount: works.length, first };
  }

  /** The first mention, in corpus order past the article `after`, whose string `pick` gives is `key` (EntityTally). */
  private firstWriting(key: string, pick: (w: EntityWork) => string | undefined, after: string): { article: A; start: number } | undefined {
    const n = this.size;
    for (let i = this.place(after); i < n; i++) {
      const article = this.articleAt(i);
      if (article.uri <= after) continue;
      for (const w of this.read(article, this.mentionsAt(i))) if (pick(w) === key) return { article, start: w.entity.start };
    }
    return undefined;
  }

  /** The `i`th article. */
  private articleAt(i: number): A {
    return Array.isArray(this.list) ? this.list[i] : this.list;
  }

  /** The mentions held for the `i`th article, as a list. */
  private mentionsAt(i: number): readonly number[] {
    const held = Array.isArray(this.list) ? (this.held as (number | number[])[])[i] : (this.held as number | number[]);
    return typeof held === 'number' ? [held] : held;
  }

  /** The articles and their entries as arrays (an article held alone is put in arrays of one). */
  private arrays(): [A[], (number | number[])[]] {
    if (Array.isArray(this.list)) return [this.list, this.held as (number | number[])[]];
    return [[this.list], [this.held as number | number[]]];
  }

  /** Where an article of this uri is, or would go. */
  private place(uri: string): number {
    const n = this.size;
    // Articles come in corpus order when a clustering is built: each goes last (no search through the list's
    // articles, each a read of another object: a tenth of the time of building an incremental clustering).
    if (n === 0 || this.articleAt(n - 1).uri < uri) return n;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.articleAt(mid).uri < uri) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
