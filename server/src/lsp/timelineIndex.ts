/**
 * The server's corpus timeline, kept up to date one article at a time: each article's timeline entries (as LSP items)
 * are kept, and only an article that changed is read again (its text, its tags; or a passage it shares with one that
 * changed became, or stopped being, shared: its dates' `inBoilerplate`), or has the entities of its entries named
 * again (the clustering or the registry changed; its dates and sentences stay). An article that shares a passage with
 * one that changed is read again once, in the background (only its dates' `inBoilerplate` may change): nothing
 * follows from it in turn (core/timeline/sharedPassages.ts). The first build, and every update, runs in slices that
 * yield to the event loop, so that diagnostics and hovers are answered in between; requests share the one running
 * update, and a cancelled request leaves it running (what it computes is kept).
 *
 * Nothing is built before a client asks for the timeline. The first build reads each article's names and dates only
 * (a reopened corpus has its dates from the analysis cache), not its boilerplate findings, the costly part: the tree's
 * first rows come in about the time the corpus took to index. A pass then reads those articles again with their
 * boilerplate, in slices after every update, to mark their dates' `inBoilerplate` (what the plot leaves out); requests
 * for the outline and the buckets do not wait for it, the whole timeline (`complete`) does. From then on, changes are
 * applied after a quiet spell and clients are told which buckets (months, years, unknown-year, undated) changed, and
 * only when something they are shown did: an edit of an article without dates sends nothing.
 */
import type { CancellationToken as LspToken } from 'vscode-languageserver';
import {
  boilerplateMarks,
  compareBuckets,
  entitiesIn,
  LineIndex,
  hash64,
  SharedPassages,
  sortedByStart,
  tagsWithoutDate,
  throwIfCancelled,
  timelineOfDocument,
  timelineSource,
  TimelineStore,
  type ArticleEntries,
  type BoilerplateFinding,
  type DateInterval,
  type TimelineEntity,
  type TimelineEntry,
  type TimelineTag,
} from '../core/index';
import { TimelineNotifications, type TimelineItem, type TimelineTagWithoutDate } from '../protocolTimeline';
import type { ServerContext } from './context';
import { runInTurns } from './eventLoopTurns';

/**
 * What an article needs: read again because it changed (text, tags, analysis), read again because an article it shares
 * a passage with changed (only its dates' `inBoilerplate` may change), or only its entries' entities named again.
 */
type Staleness = 'text' | 'copies' | 'entities';
const RANK: Record<Staleness, number> = { entities: 0, copies: 1, text: 2 };
const outranks = (what: Staleness, than: Staleness | undefined) => than === undefined || RANK[what] > RANK[than];

/** Quiet spell after the last change before an update runs (typing coalesces into one). */
const UPDATE_AFTER_MS = 500;
/** Longest stretch of work before the event loop gets a turn. */
const SLICE_MS = 8;
/** The boilerplate pass puts what it read in the store every so many articles (not all of it held at once). */
const MARK_CHUNK = 500;

export type TimelineProgress = (done: number, total: number) => void;

export class TimelineIndex {
  /** Entries fingerprinted by what a client is shown of them: a 64-bit hash of their item's JSON (kept, not the JSON). */
  private readonly store = new TimelineStore<TimelineItem>((e) => hash64(JSON.stringify(e.payload)));
  /** Tagged passages without a dated mention, by article (only articles that have some). */
  private readonly untimed = new Map<string, TimelineTagWithoutDate[]>();
  /** Articles left out for being larger than maxDocumentSize (URIs). */
  private readonly skipped = new Set<string>();
  private readonly stale = new Map<string, Staleness>();
  /** Articles read without their boilerplate findings (the first build): read again by the boilerplate pass. */
  private readonly unmarked = new Set<string>();
  /** The running job is the boilerplate pass (requests for the outline and buckets do not wait for it). */
  private marking = false;
  /**
   * The running job reads no article that changed: it names entries' entities again, or reads again the articles that
   * share a passage with one that changed (requests for the outline and buckets do not wait for it).
   */
  private background = false;
  /** Counts marks of articles that changed: a background job stops for them. */
  private textsMarked = 0;
  /** Buckets the boilerplate pass changed, told to clients when it ends. */
  private markedBuckets = new Set<string>();
  /** Articles the boilerplate pass has read, whose analyses it lets go again at each chunk (see markBoilerplate). */
  private markedArticles: string[] = [];
  private readonly intervals = new Map<string, DateInterval>();
  /**
   * Which articles share passages with which, per article read with its boilerplate findings: a passage that becomes
   * shared (or stops being) changes whether the other copies' dates are boilerplate too.
   */
  private readonly shared = new SharedPassages();
  /** The core's analysis stamp when each article was last read in the running update (none read twice for nothing). */
  private readAt = new Map<string, number>();
  /** The articles of the running update not read yet (not marked again meanwhile: they are read anyway). */
  private toRead = new Set<string>();
  private readonly progress = new Set<TimelineProgress>();
  /** A client asked for the timeline: from then on it is kept up to date. */
  private wanted = false;
  private built = false;
  private job: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private entitiesAfterJob = false;
  /** As `entitiesAfterJob`, for these articles only (entitiesChangedIn). */
  private readonly entitiesAfterJobIn = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  /** These articles changed (text, tags): read again after a quiet spell. */
  articlesChanged(files: Iterable<string>): void {
    this.mark(files, 'text');
  }

  /** Every article changed (a new indexing, the ignore list): read again. */
  everyArticleChanged(): void {
    this.mark(this.everyArticle(), 'text');
  }

  /** Entities may be named otherwise (a new clustering, the registry): the entries' entities are looked up again. */
  entitiesChanged(): void {
    // An update that runs reads some articles with the clustering before: they are looked at again after it. (The
    // boilerplate pass puts what it read in the store as it stops, before the entities are looked at.)
    if (this.job && !this.marking) this.entitiesAfterJob = true;
    this.mark(this.store.uris(), 'entities');
  }

  /** The entities these articles mention may be named otherwise (a clustering kept up to date article by article). */
  entitiesChangedIn(files: Iterable<string>): void {
    const list = [...files];
    if (this.job && !this.marking) for (const f of list) this.entitiesAfterJobIn.add(f);
    this.mark(list, 'entities');
  }

  /**
   * Brings the timeline up to date (building it the first time) and keeps it so from then on. `complete`: also waits
   * for the boilerplate pass, so that every date's `inBoilerplate` is known (the whole timeline, for the plot).
   */
  async current(token: LspToken, progress?: TimelineProgress, complete = false): Promise<void> {
    await this.ctx.indexer.ready;
    throwIfCancelled(token);
    if (!this.wanted) {
      this.wanted = true;
      this.mark(this.everyArticle(), 'text', false);
    }
    if (progress) this.progress.add(progress);
    try {
      // The tree waits for articles that changed to be read again, not for the entities of entries to be named again (a
      // pass over the corpus after each new clustering: its changes are told when done), nor for the articles sharing a
      // passage with one that changed, nor for the boilerplate pass (they change only dates' `inBoilerplate`, the plot's).
      const pending = () =>
        complete ? this.stale.size > 0 || this.unmarked.size > 0 || !!this.job : this.textStale() || (!!this.job && !this.marking && !this.background);
      const bringUpToDate = async () => {
        while (pending()) {
          await untilCancelled(this.run(), token);
          throwIfCancelled(token);
          throwIfCancelled(this.ctx.shutdown);
        }
      };
      // The client waits on this: background passes stand aside meanwhile (the view's first rows first). Not for the
      // whole timeline, which waits for one of them, the boilerplate pass.
      if (complete) await bringUpToDate();
      else await this.ctx.indexer.waitingRequests.during(bringUpToDate);
    } finally {
      if (progress) this.progress.delete(progress);
    }
  }

  get version(): number {
    return this.store.version;
  }

  /** Articles on the timeline's reckoning (read and not skipped). */
  get articles(): number {
    return Math.max(0, this.ctx.service.documentUris().length - this.skipped.size);
  }

  skippedUris(): string[] {
    return [...this.skipped].sort();
  }

  items(): TimelineItem[] {
    return this.store.ordered().map((e) => e.payload);
  }

  outline(): { key: string; count: number }[] {
    return this.store.outline();
  }

  bucket(key: string): TimelineItem[] {
    return this.store.bucket(key).map((e) => e.payload);
  }

  /** Tagged passages without a dated mention, in article order. */
  tagsWithoutDate(): TimelineTagWithoutDate[] {
    return [...this.untimed.keys()].sort().flatMap((file) => this.untimed.get(file) ?? []);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private everyArticle(): Set<string> {
    return new Set([...this.ctx.service.documentUris(), ...this.store.uris(), ...this.untimed.keys()]);
  }

  /** Whether some article is to be read again (not only have its entries' entities named again). */
  private textStale(): boolean {
    for (const what of this.stale.values()) if (what === 'text') return true;
    return false;
  }

  private mark(files: Iterable<string>, what: Staleness, schedule = true): void {
    if (!this.wanted) return;
    if (what === 'text') this.textsMarked++;
    for (const f of files) if (outranks(what, this.stale.get(f))) this.stale.set(f, what);
    if (!schedule) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run().catch((e) => this.ctx.connection.console.error(`Updating the timeline failed: ${(e as Error).stack ?? e}`));
    }, UPDATE_AFTER_MS);
  }

  /** The running job, or a new one: an update when articles are stale, else the boilerplate pass when it has work. */
  private run(): Promise<void> {
    if (!this.job) {
      this.marking = !this.stale.size && this.unmarked.size > 0;
      this.background = !this.marking && !this.textStale(); // work() reads the articles marked 'text' first
      this.job = (this.marking ? this.markBoilerplate() : this.work()).finally(() => {
        this.job = undefined;
        this.marking = false;
        this.background = false;
        this.toRead = new Set();
        this.shared.release();
        // An update whose quiet spell ended while this job ran (the timer found it running) runs now; else the
        // boilerplate pass goes on after each update (an update waiting for its quiet spell comes first).
        const due = this.stale.size > 0 && !this.timer;
        if ((due || (this.unmarked.size && !this.stale.size)) && !this.ctx.shutdown.isCancellationRequested) {
          setImmediate(() => {
            if (!this.job) this.run().catch((e) => this.ctx.connection.console.error(`Updating the timeline failed: ${(e as Error).stack ?? e}`));
          });
        }
      });
    }
    return this.job;
  }

  /**
   * Reads again, with their boilerplate findings, the articles the first build read without (until an update is due:
   * it stops then, and goes on after it), putting them in the store every MARK_CHUNK articles; clients are told the
   * buckets it changed when none is left.
   */
  private async markBoilerplate(): Promise<void> {
    let changes = new Map<string, ArticleEntries<TimelineItem> | undefined>();
    const put = () => {
      for (const b of this.store.apply(changes)) this.markedBuckets.add(b);
      changes = new Map();
      // An article's boilerplate findings lay out the articles it shares passages with, read already or not: those
      // read are let go again here, so that the pass does not end up holding every article's lines.
      for (const f of this.markedArticles) this.ctx.service.releaseAnalysis(f);
      if (!this.unmarked.size) this.markedArticles = [];
    };
    // The boilerplate index of a reopened corpus is built in slices first (the first findings asked for would build it
    // at once, holding the thread for a second at 10,000 articles: the view's first rows, answered just before, with it).
    try {
      await runInTurns(this.ctx.service.indexBoilerplateInSlices(this.ctx.shutdown));
    } catch (e) {
      if (this.ctx.shutdown.isCancellationRequested) return;
      throw e;
    }
    this.readAt = new Map();
    // What the requests waiting for the pass (the whole timeline) are shown: the articles of this stretch of it.
    const total = this.unmarked.size;
    let done = 0;
    let sliceStart = performance.now();
    while (this.unmarked.size && !this.stale.size) {
      if (this.ctx.shutdown.isCancellationRequested) return;
      const file = this.unmarked.values().next().value!;
      this.unmarked.delete(file);
      done++;
      try {
        // The article is as the first build read it (else an update read it since): only its dates' inBoilerplate may
        // differ. Its findings are laid over the entries kept, and it is read whole only when some mark differs
        // (rarely): its timeline is not made again for nothing, nor held until the next chunk.
        const found = await this.boilerplateOfKept(file);
        const read = found.same ? undefined : await this.read(file, true);
        this.markedArticles.push(file);
        if (read?.entries) changes.set(file, read.entries);
        this.shared.record(file, found.same ? found.boilerplate : read?.boilerplate);
      } catch (e) {
        if (this.ctx.shutdown.isCancellationRequested) return;
        this.ctx.connection.console.error(`Timeline: reading ${file} failed: ${(e as Error).stack ?? e}`);
      }
      if (changes.size >= MARK_CHUNK) put();
      if (performance.now() - sliceStart > SLICE_MS) {
        for (const p of this.progress) p(done, total);
        await new Promise((r) => setImmediate(r));
        // A request a client waits on (the Boilerplate view's listing, the tree's rows) goes first: this pass only
        // changes what the plot leaves out. Not once an update is due: the pass stops for it, and the tree may be
        // waiting for that update.
        const waiting = this.ctx.indexer.waitingRequests;
        if (waiting.busy) await waiting.idle(() => this.stale.size > 0 || this.ctx.shutdown.isCancellationRequested);
        sliceStart = performance.now();
      }
    }
    put();
    if (!this.unmarked.size && this.markedBuckets.size) {
      const buckets = [...this.markedBuckets].sort(compareBuckets);
      this.markedBuckets = new Set();
      void this.ctx.connection.sendNotification(TimelineNotifications.changed, { version: this.store.version, buckets });
    }
  }

  /** Reads the stale articles in slices, then puts what changed in the store and tells clients. */
  private async work(): Promise<void> {
    const first = !this.built;
    const changes = new Map<string, ArticleEntries<TimelineItem> | undefined>();
    const untimed = new Map<string, TimelineTagWithoutDate[]>();
    // This update's share, taken at its start: the articles that changed when there are some (an edit is shown
    // before the corpus's entities are named again), else the rest. What is marked meanwhile is the next update's, so
    // an update ends, and its buckets are told, however often the clustering changes while an analyst types.
    const texts = [...this.stale].filter(([, what]) => what === 'text');
    const batch = texts.length ? texts : [...this.stale];
    for (const [file] of batch) this.stale.delete(file);
    const total = batch.length;
    this.readAt = new Map();
    this.toRead = new Set(batch.map(([file]) => file));
    let done = 0;
    let sliceStart = performance.now();
    const background = !texts.length;
    const textsMarked = this.textsMarked;
    for (const [i, [file, what]] of batch.entries()) {
      if (this.ctx.shutdown.isCancellationRequested) return;
      if (background && this.textsMarked !== textsMarked) {
        // An article changed during a background job: what is left of it waits for the next update, after the article
        // is read (an edit is not kept waiting behind a pass over the corpus).
        for (const [rest, was] of batch.slice(i)) if (outranks(was, this.stale.get(rest))) this.stale.set(rest, was);
        break;
      }
      this.toRead.delete(file);
      if (what === 'entities') {
        if (this.store.has(file) && !changes.has(file)) {
          const again = this.withEntitiesAgain(file);
          if (again) changes.set(file, again);
        }
      } else {
        try {
          // The first build leaves the boilerplate findings to the pass after it; an update reads everything.
          const read = await this.read(file, !first);
          if (first && read?.entries) this.unmarked.add(file);
          else this.unmarked.delete(file);
          changes.set(file, read?.entries);
          untimed.set(file, read?.untimed ?? []);
          // The first build reads no findings (nothing to record). An article that changed marks those it shares
          // passages with, before or now; one read again for sharing a passage with it only records its own.
          if (!first && what === 'text') this.copiesChanged(file, read?.boilerplate);
          else if (!first) this.shared.record(file, read?.boilerplate);
        } catch (e) {
          if (this.ctx.shutdown.isCancellationRequested) return;
          // One article that cannot be read leaves the others' work standing; it is tried again when it changes.
          this.ctx.connection.console.error(`Timeline: reading ${file} failed: ${(e as Error).stack ?? e}`);
        }
      }
      done++;
      if (performance.now() - sliceStart > SLICE_MS) {
        for (const p of this.progress) p(done, total);
        await new Promise((r) => setImmediate(r));
        // A request that waits on nothing here (the Boilerplate view's listing) goes before a job the tree does not
        // wait for (entities named again, copies of a changed article): not before the articles the tree waits for (the
        // first build, an edit), whose view is asked for at the same time.
        const independent = this.ctx.indexer.independentRequests;
        if (background && independent.busy) await independent.idle();
        sliceStart = performance.now();
      }
    }
    const buckets = this.store.apply(changes);
    let untimedChanged = false;
    for (const [file, list] of untimed) {
      const before = this.untimed.get(file) ?? [];
      if (JSON.stringify(before) !== JSON.stringify(list)) untimedChanged = true;
      if (list.length) this.untimed.set(file, list);
      else this.untimed.delete(file);
    }
    this.built = true;
    if (this.entitiesAfterJob) {
      this.entitiesAfterJob = false;
      this.entitiesAfterJobIn.clear();
      this.mark(this.store.uris(), 'entities');
    } else if (this.entitiesAfterJobIn.size) {
      const files = [...this.entitiesAfterJobIn];
      this.entitiesAfterJobIn.clear();
      this.mark(files, 'entities');
    }
    if (!first && (buckets.length || untimedChanged)) {
      void this.ctx.connection.sendNotification(TimelineNotifications.changed, { version: this.store.version, buckets });
    }
  }

  /**
   * An article's entries and tags without a dated mention, from its text, analysis and tags, with its boilerplate
   * findings (`withBoilerplate`; else none, and no date is marked as boilerplate); undefined when it is not on the
   * timeline's reckoning (removed, or too large).
   */
  private async read(
    file: string,
    withBoilerplate: boolean,
  ): Promise<{ entries?: ArticleEntries<TimelineItem>; untimed: TimelineTagWithoutDate[]; boilerplate?: readonly BoilerplateFinding[] } | undefined> {
    const { ctx } = this;
    const uri = ctx.workspace.uriOf(file);
    // The settings first (they may be asked of the client): the text is then the very one analysed below, never one
    // an edit replaced while they were awaited (its offsets would be read against the other text).
    const settings = await ctx.settingsOf(file);
    const text = ctx.service.getText(file);
    this.skipped.delete(uri);
    if (text === undefined) return undefined;
    if (text.length > settings.maxDocumentSize) {
      this.skipped.add(uri);
      return undefined;
    }
    const a = ctx.service.analyze(file, { ...ctx.analysisOptions(settings), ...(withBoilerplate ? {} : { boilerplate: false }) }, ctx.shutdown);
    this.readAt.set(file, ctx.service.analysisStamp());
    // What the service made for this analysis (its dates as objects, its laid-out lines) is not kept for every article
    // of the corpus: an article being edited keeps it, the others make it again if asked (from their kept dates).
    ctx.service.releaseAnalysis(file);
    const source = timelineSource(file, text, a);
    const tags: TimelineTag[] = [];
    for (const t of ctx.tags.anchoredTags(file, text)) if (t.start >= 0) tags.push({ uri: file, start: t.start, end: t.end, tag: t.tag.tag });
    const placed = timelineOfDocument(source, { tags }, this.intervals);
    if (!placed.length && !tags.length) return { untimed: [], boilerplate: a.boilerplate };
    const lines = new LineIndex(text);
    const untimed = tagsWithoutDate([source], tags, placed.map((p) => p.entry)).map(
      (t): TimelineTagWithoutDate => ({
        uri,
        document: ctx.workspace.label(file),
        range: { start: lines.positionAt(t.start), end: lines.positionAt(t.end) },
        tag: t.tag,
        text: oneLine(text.slice(t.start, t.end)),
        ...(t.documentDate ? { documentDate: t.documentDate } : {}),
      }),
    );
    if (!placed.length) return { untimed, boilerplate: a.boilerplate };
    const label = ctx.workspace.label(file);
    return {
      entries: { entries: placed.map((p) => ({ ...p, payload: toItem(uri, label, p.entry, lines) })) },
      untimed,
      boilerplate: a.boilerplate,
    };
  }

  /**
   * An article's boilerplate findings, and whether the dates they cover are those the entries kept for it mark as
   * boilerplate (`same`; false too when it is not on the timeline's reckoning, for `read` to say so).
   */
  private async boilerplateOfKept(file: string): Promise<{ same: boolean; boilerplate?: readonly BoilerplateFinding[] }> {
    const { ctx } = this;
    const settings = await ctx.settingsOf(file);
    const text = ctx.service.getText(file);
    if (text === undefined || text.length > settings.maxDocumentSize) return { same: false };
    const a = ctx.service.analyze(file, ctx.analysisOptions(settings), ctx.shutdown);
    this.readAt.set(file, ctx.service.analysisStamp());
    ctx.service.releaseAnalysis(file);
    const kept = this.store.entriesOf(file);
    const marks = boilerplateMarks(kept.map((e) => e.entry), a.boilerplate);
    return { same: kept.every((e, i) => e.entry.inBoilerplate === marks[i]), boilerplate: a.boilerplate };
  }

  /**
   * `file` changed: the articles it shares passages with, before or now, are marked to be read again (when the passages
   * it shares changed), unless they are read in this update anyway or were read in it since the corpus last changed.
   */
  private copiesChanged(file: string, findings: readonly BoilerplateFinding[] | undefined): void {
    const others = this.shared.changed(file, findings);
    if (!others.length) return;
    const stamp = this.ctx.service.analysisStamp();
    const marked = others.filter((other) => other !== file && !this.toRead.has(other) && this.readAt.get(other) !== stamp);
    for (const other of marked) if (outranks('copies', this.stale.get(other))) this.stale.set(other, 'copies');
  }

  /**
   * The article's kept entries with the entities of their sentences looked up again in the clustering in use;
   * undefined when every entry names the same entities as before (the usual case: nothing to compare or send).
   */
  private withEntitiesAgain(file: string): ArticleEntries<TimelineItem> | undefined {
    const mentions = this.ctx.service.entityClustering(this.ctx.shutdown, 'fast').mentionsOf(file);
    const sorted = sortedByStart(mentions);
    let changed = false;
    const entries = this.store.entriesOf(file).map((e) => {
      const entities = entitiesIn(mentions, sorted, e.near.start, e.near.end);
      if (sameEntities(entities, e.entry.entities)) return e;
      changed = true;
      return { entry: { ...e.entry, entities }, interval: e.interval, near: e.near, payload: { ...e.payload, entities: entities.map(entityItem) } };
    });
    return changed ? { entries } : undefined;
  }
}

function sameEntities(a: readonly TimelineEntity[], b: readonly TimelineEntity[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].entityId !== b[i].entityId || a[i].canonical !== b[i].canonical || a[i].type !== b[i].type) return false;
  }
  return true;
}

function entityItem(x: TimelineEntity): TimelineItem['entities'][number] {
  return { id: x.entityId, name: x.canonical, type: x.type };
}

function toItem(uri: string, document: string, e: TimelineEntry, lines: LineIndex): TimelineItem {
  const range = (start: number, end: number) => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  return {
    uri,
    document,
    range: range(e.start, e.end),
    sentenceRange: range(e.sentenceStart, e.sentenceEnd),
    text: e.text,
    value: e.value,
    kind: e.kind,
    resolution: e.resolution,
    group: e.group,
    ...(e.sortKey ? { start: e.sortKey, end: e.endKey } : {}),
    ...(e.granularity ? { granularity: e.granularity } : {}),
    sentence: e.sentence,
    ...(e.documentDate ? { documentDate: e.documentDate } : {}),
    isDocumentDate: e.isDocumentDate,
    ...(e.inBoilerplate ? { inBoilerplate: true } : {}),
    entities: e.entities.map(entityItem),
    tags: [...e.tags],
  };
}

/** A passage on one line, cut in the middle when longer than 160 characters. */
function oneLine(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 160 ? `${s.slice(0, 100)} … ${s.slice(-50)}` : s;
}

/** Waits for `work`, or rejects as cancelled as soon as the request is (the work goes on: what it computes is kept). */
function untilCancelled(work: Promise<void>, token: LspToken): Promise<void> {
  if (token.isCancellationRequested) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const sub = token.onCancellationRequested(() => {
      sub.dispose();
      resolve();
    });
    work.then(
      () => {
        sub.dispose();
        resolve();
      },
      (e) => {
        sub.dispose();
        reject(e);
      },
    );
  });
}
