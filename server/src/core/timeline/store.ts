/**
 * The corpus timeline kept one article at a time: each article's entries are replaced when it changes, the corpus's
 * order is kept by inserting them where they belong (or sorting once, for many), and the timeline is split into the
 * buckets a tree shows (a month, a year for what covers more than a month, the unknown-year and undated groups) with
 * their counts, so that a host can say which buckets an article's change touched and serve one bucket at a time.
 *
 * An article's entries carry a host payload (the server's LSP item); the host says how to fingerprint what a client is
 * shown of an entry: an article set again with the same fingerprints changes nothing. Fingerprints are made when first
 * compared (an article's entries replaced), not for every article of the first build, which has nothing to compare.
 */
import { comparePlaced, type PlacedEntry, type TimelineEntry } from './build';

/** The group of the timeline tree an entry is shown in: `2025-04`, `2025` (more than a month), `unknown-year`, `undated`. */
export function bucketOf(entry: TimelineEntry): string {
  if (entry.group === 'dated' && entry.sortKey) {
    const month = entry.sortKey.slice(0, 7);
    return entry.endKey && entry.endKey.slice(0, 7) === month ? month : entry.sortKey.slice(0, 4);
  }
  return entry.group === 'unknown-year' ? 'unknown-year' : 'undated';
}

/**
 * Buckets in timeline order (the outline's): years ascending, each before its months, then unknown-year, then undated.
 * (The VS Code tree lists a year's months first and its own bucket last, as Year only: client/src/timelineYears.ts.)
 */
export function compareBuckets(a: string, b: string): number {
  const rank = (k: string) => (k === 'undated' ? 2 : k === 'unknown-year' ? 1 : 0);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** An entry with the host's payload. */
export interface NewEntry<T> extends PlacedEntry {
  readonly payload: T;
}

export interface StoredEntry<T> extends NewEntry<T> {
  readonly bucket: string;
  /** What a client is shown of the entry, fingerprinted (made when first read). */
  readonly fingerprint: string;
}

/** An article's new entries (unsorted); undefined when it left the timeline. */
export interface ArticleEntries<T> {
  readonly entries: readonly NewEntry<T>[];
}

/** A stored entry, its fingerprint made when first read. */
class Stored<T> implements StoredEntry<T> {
  readonly entry: PlacedEntry['entry'];
  readonly interval: PlacedEntry['interval'];
  readonly near: PlacedEntry['near'];
  readonly payload: T;
  private print: string | undefined;

  constructor(e: NewEntry<T>, readonly bucket: string, private readonly fingerprinter: (e: NewEntry<T>) => string) {
    this.entry = e.entry;
    this.interval = e.interval;
    this.near = e.near;
    this.payload = e.payload;
  }

  get fingerprint(): string {
    return (this.print ??= this.fingerprinter(this));
  }
}

/** An article's entries, and their fingerprint as one (made when first compared). */
interface Article<T> {
  readonly entries: readonly StoredEntry<T>[];
  fingerprint?: string;
}

function fingerprintOf(article: Article<unknown>): string {
  return (article.fingerprint ??= article.entries.map((e) => `${e.bucket}\u0000${e.fingerprint}`).sort().join('\u0001'));
}

/** Buckets whose entries differ (as fingerprints) between an article's old and new entries. */
function bucketsThatDiffer(before: readonly StoredEntry<unknown>[], after: readonly StoredEntry<unknown>[]): Set<string> {
  const by = (list: readonly StoredEntry<unknown>[]) => {
    const m = new Map<string, string[]>();
    for (const e of list) {
      let l = m.get(e.bucket);
      if (!l) m.set(e.bucket, (l = []));
      l.push(e.fingerprint);
    }
    return m;
  };
  const a = by(before);
  const b = by(after);
  const out = new Set<string>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(key) ?? []).sort().join('\u0001') !== (b.get(key) ?? []).sort().join('\u0001')) out.add(key);
  }
  return out;
}

/** Above this many new entries at once, they are sorted in with the rest rather than inserted one by one. */
const INSERT_AT_MOST = 2000;

export class TimelineStore<T> {
  private all: StoredEntry<T>[] = [];
  private readonly articles = new Map<string, Article<T>>();
  private readonly counts = new Map<string, number>();
  private readonly bucketLists = new Map<string, StoredEntry<T>[]>();
  /** Bumped by each change of any entry. */
  version = 0;

  /** `fingerprint`: of what a client is shown of an entry (its payload, say); equal for entries shown alike. */
  constructor(private readonly fingerprint: (e: NewEntry<T>) => string) {}

  /**
   * Replaces the entries of the given articles (undefined: removed). Returns the buckets whose entries changed, in
   * timeline order: empty when every article's fingerprint is the one kept.
   */
  apply(changes: ReadonlyMap<string, ArticleEntries<T> | undefined>): string[] {
    const touched = new Set<string>();
    const leaving = new Set<string>();
    const arriving: StoredEntry<T>[] = [];
    for (const [uri, next] of changes) {
      const kept = this.articles.get(uri);
      const entries = next?.entries.length ? next.entries.map((e): StoredEntry<T> => new Stored(e, bucketOf(e.entry), this.fingerprint)) : undefined;
      const article: Article<T> | undefined = entries && { entries };
      if (kept === undefined && article === undefined) continue;
      if (kept === undefined) {
        for (const e of entries!) touched.add(e.bucket);
      } else {
        if (article !== undefined && fingerprintOf(kept) === fingerprintOf(article)) continue;
        for (const b of bucketsThatDiffer(kept.entries, entries ?? [])) touched.add(b);
      }
      if (kept) {
        leaving.add(uri);
        for (const e of kept.entries) this.count(e.bucket, -1);
        this.articles.delete(uri);
      }
      if (article) {
        for (const e of article.entries) {
          this.count(e.bucket, 1);
          arriving.push(e);
        }
        this.articles.set(uri, article);
      }
    }
    if (!leaving.size && !arriving.length) return [];
    if (leaving.size) this.all = this.all.filter((e) => !leaving.has(e.entry.uri));
    if (arriving.length > INSERT_AT_MOST) {
      for (const e of arriving) this.all.push(e);
      this.all.sort(comparePlaced);
    } else {
      for (const e of arriving) this.all.splice(this.insertionPoint(e), 0, e);
    }
    // Lists of untouched buckets hold the entries they held (only moved in `all`), so they stay.
    for (const b of touched) this.bucketLists.delete(b);
    if (!touched.size) return [];
    this.version++;
    return [...touched].sort(compareBuckets);
  }

  /** Whether an article is on the timeline (has entries). */
  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  /** The entries kept for an article, in no particular order. */
  entriesOf(uri: string): readonly StoredEntry<T>[] {
    return this.articles.get(uri)?.entries ?? [];
  }

  /** The articles on the timeline. */
  uris(): IterableIterator<string> {
    return this.articles.keys();
  }

  /** Every entry, in timeline order. */
  ordered(): readonly StoredEntry<T>[] {
    return this.all;
  }

  /** The entries of one bucket, in timeline order. */
  bucket(key: string): readonly StoredEntry<T>[] {
    let list = this.bucketLists.get(key);
    if (!list) {
      list = this.counts.has(key) ? this.all.filter((e) => e.bucket === key) : [];
      this.bucketLists.set(key, list);
    }
    return list;
  }

  /** Every non-empty bucket with its number of entries, in timeline order (compareBuckets). */
  outline(): { key: string; count: number }[] {
    return [...this.counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => compareBuckets(a.key, b.key));
  }

  private count(bucket: string, by: number): void {
    const n = (this.counts.get(bucket) ?? 0) + by;
    if (n > 0) this.counts.set(bucket, n);
    else this.counts.delete(bucket);
  }

  /** Where an entry goes in `all`: after every entry that sorts before or equal to it. */
  private insertionPoint(e: StoredEntry<T>): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePlaced(this.all[mid], e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
