/** Reads the workspace's articles into the core, with work-done progress, and keeps a promise of readiness. */
import type { Connection } from 'vscode-languageserver';
import { CancelledError, NEVER_CANCELLED, snapshotOfClustering, withLookAlikes, type CancellationToken, type ClusteringSnapshot, type CorpusService } from '../core/index';
import type { AnalysisCache, KeptClustering } from '../workspace/analysisCache';
import type { ClusterInBackground, LateLookAlikes } from '../node/backgroundClustering';
import type { ParallelAnalysis } from '../workspace/parallelAnalysis';
import { loadArticles, type LoadingStats } from '../workspace/articleLoading';
import { afterMessagesSent, runInTurns } from './eventLoopTurns';
import { WaitingRequests } from './waitingRequests';
import type { Workspace } from './workspace';

/** How long after an indexing the analysis cache is written (at once on shutdown). */
const SAVE_AFTER_MS = 5000;

/** What the last indexing did: how many articles it analysed, and what came from the persistent cache. */
export type IndexingStats = LoadingStats;

/**
 * Where a running indexing is, for requests answered meanwhile: finding the articles, reading them (`done` of
 * `total` read and analysed or taken from the cache), or grouping names across all of them.
 */
export type IndexingProgress = { readonly phase: 'finding' } | { readonly phase: 'reading'; readonly done: number; readonly total: number } | { readonly phase: 'clustering'; readonly total: number };

/** "4,097 of 10,006 articles": where an indexing is, as requests answered meanwhile say it. */
export function indexingStatus(progress: IndexingProgress): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (progress.phase === 'reading') return `${n(progress.done)} of ${n(progress.total)} articles`;
  if (progress.phase === 'clustering') return `grouping names across ${n(progress.total)} articles`;
  return 'finding its articles';
}

/** How the log line begins that says the passages of the articles an indexing imported are indexed (prepareForEdits). */
export const PASSAGES_INDEXED = 'Repeated passages indexed';

export class CorpusIndexer {
  progressSupported = false;
  /**
   * Requests a client waits on that take corpus-wide work: background passes (the preparation for edits, the timeline's
   * boilerplate pass) stand aside while they run.
   */
  readonly waitingRequests = new WaitingRequests();
  /**
   * Those of them that wait on no background work (the Boilerplate view's listing): every pass stands aside for them,
   * the clustering made again after an edit and the timeline's background updates too, instead of taking turns with
   * them while the analyst waits for the view.
   */
  readonly independentRequests = new WaitingRequests();
  /** Pending until the first indexing has finished, so early requests wait for the corpus instead of seeing none. */
  private readyPromise: Promise<void>;
  /** The latest indexing (settled when none runs; never pending before the first, unlike `readyPromise`). */
  private indexing: Promise<void> = Promise.resolve();
  private resolveFirst: (() => void) | undefined;
  private run = 0;
  private preparation = 0;
  /** While the boilerplate index of the articles an indexing imported is built in slices (prepareForEdits). */
  private boilerplatePending: Promise<void> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly indexedListeners: (() => void)[] = [];
  private readonly reclusteredListeners: (() => void)[] = [];
  private readonly entitiesChangedListeners: ((files: readonly string[]) => void)[] = [];
  /** Whether a rebuild after a pause in editing runs, and what to call after one more (a pause came meanwhile). */
  private rebuilding = false;
  private readonly rebuildAgain = new Set<() => void>();
  /** Where the next rebuild's clustering is kept (the persistent cache), when it is to be. */
  private keepNext: ((snapshot: KeptClustering) => void) | undefined;
  /** The persistent analysis cache of the workspace, if any (set once the workspace is known). */
  cache: AnalysisCache | undefined;
  /** Where the running indexing is; undefined when none runs. */
  private progressNow: IndexingProgress | undefined;
  /** Whether the first indexing has ended (before it has started, the workspace is being opened). */
  private indexedOnce = false;
  /** What the last indexing did. */
  stats: IndexingStats = { articles: 0, analysed: 0, fromCache: 0, clusteringFromCache: false };
  /** The cache's last save (awaited at shutdown), and the one waiting for the server to be idle. */
  private saving: Promise<void> = Promise.resolve();
  private saveTimer: { timer: NodeJS.Timeout; save: () => Promise<void> } | undefined;
  /** Aborted at shutdown: background work (a clustering in the worker, an indexing) stops, and none starts. */
  private readonly stopping = new AbortController();
  /** Whether articles were edited since the server started (refreshSoon): the clustering is then kept up to date article by article. */
  private edited = false;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly service: CorpusService,
    private readonly isOpen: (file: string) => boolean,
    /** Clusters the corpus away from this thread (node/backgroundClustering.ts); here when absent. */
    private readonly background?: ClusterInBackground,
    /** Analyses articles in worker threads while indexing (node/parallelAnalysis.ts); here when absent. */
    private readonly parallel?: ParallelAnalysis,
    /** Gives V8 its own heap growth until the function returned is called (ServerDeps.relaxHeapGrowth). */
    private readonly relaxHeapGrowth?: () => () => void,
  ) {
    this.readyPromise = new Promise((resolve) => (this.resolveFirst = resolve));
  }

  /**
   * Calls `listener` when a clustering made again in the background after an indexing (which used one kept from an
   * earlier run) is in use: diagnostics and entity views may change.
   */
  onReclustered(listener: () => void): void {
    this.reclusteredListeners.push(listener);
  }

  /**
   * Calls `listener` with the articles whose entities may be named otherwise after a pause's update of the clustering
   * kept up to date article by article (the others' are as they were).
   */
  onEntitiesChangedIn(listener: (files: readonly string[]) => void): void {
    this.entitiesChangedListeners.push(listener);
  }

  /** Calls `listener` each time an indexing run has finished (e.g. to tell clients that entities changed). */
  onIndexed(listener: () => void): void {
    this.indexedListeners.push(listener);
  }

  /**
   * Articles changed: analyses use the last corpus-wide clustering with the changed articles seen through it (fast);
   * once changes pause for `idleMs`, the clustering is rebuilt and `rebuilt` is called (to re-publish diagnostics and
   * tell clients). One rebuild per pause, however many keystrokes.
   */
  refreshSoon(rebuilt: () => void, idleMs = 1500): void {
    this.edited = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.stopping.signal.aborted) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.readyPromise.then(() => this.rebuildCoalesced(rebuilt));
    }, idleMs);
  }

  /**
   * One rebuild at a time: pauses that come while one runs (a rebuild at 10,000 articles takes seconds) are coalesced
   * into a single rebuild after it, from the corpus as it is then, rather than queued one a pause.
   */
  private async rebuildCoalesced(rebuilt: () => void, keep?: (snapshot: KeptClustering) => void): Promise<void> {
    this.rebuildAgain.add(rebuilt);
    if (keep) this.keepNext = keep;
    if (this.rebuilding) return;
    this.rebuilding = true;
    try {
      while (this.rebuildAgain.size && !this.stopping.signal.aborted) {
        const callbacks = [...this.rebuildAgain];
        this.rebuildAgain.clear();
        const kept = this.keepNext;
        this.keepNext = undefined;
        if (await this.recluster(kept)) {
          for (const done of callbacks) done();
          this.prepareForEdits();
        }
      }
    } finally {
      this.rebuilding = false;
    }
  }

  /**
   * Once a clustering is in use, what the next edit would otherwise do itself is done in idle turns of the event loop
   * (CorpusService.prepareForEditsInSlices); a newer preparation or the shutdown stops the last one.
   */
  private prepareForEdits({ afterIndexing = false } = {}): void {
    const mine = ++this.preparation;
    const stale = () => mine !== this.preparation || this.stopping.signal.aborted;
    const token: CancellationToken = { get isCancellationRequested() { return stale(); } };
    // Not in this turn: what the indexing's end sends (the log, then the server's `indexed` notification, each written
    // by the connection in an immediate of its own) goes out first. The first slice read the boilerplate summaries of
    // a reopened corpus's cache (0.2 s at 10,000 articles), and ran before both, so a reopened workspace was told it
    // was ready that much later. They are read first, a part of the cache a turn, then the articles' passages indexed.
    const readAhead = this.cache?.readAheadInSlices?.();
    const started = Date.now();
    const indexed = afterMessagesSent()
      .then(() => (readAhead && !stale() ? runInTurns(readAhead, this.waitingRequests) : undefined))
      .then(() => runInTurns(this.service.indexBoilerplateInSlices(token), this.waitingRequests));
    // After an indexing, or in place of a preparation stopped before it had indexed them.
    if (afterIndexing || this.boilerplatePending) {
      // Every article an indexing imported is out of the index until then (after a clustering put in use, only those
      // edited since, which their next analysis indexes): the first analysis of an article with its boilerplate (an
      // editor's diagnostics pass) built it at once, holding the thread a second at 10,000 reopened articles. It waits
      // for this instead (`boilerplateIndexing`), with what the article repeats within itself meanwhile.
      const pending = indexed.then(
        () => this.connection.console.info(`${PASSAGES_INDEXED} ${Date.now() - started} ms after the indexing.`),
        () => undefined,
      );
      this.boilerplatePending = pending;
      void pending.then(() => {
        if (this.boilerplatePending === pending) this.boilerplatePending = undefined;
      });
    }
    indexed
      .then(() => runInTurns(this.service.prepareForEditsInSlices(token), this.waitingRequests))
      .catch((e) => {
        if (!(e instanceof CancelledError)) this.connection.console.error(`Preparing for edits failed: ${(e as Error).stack ?? e}`);
      });
  }

  /**
   * While the boilerplate index of the articles an indexing imported is being built in slices (after a reopening: from
   * the analysis cache, the articles' passages are indexed only then): what settles once it is built, or its building
   * is stopped. Undefined when none is being built.
   */
  get boilerplateIndexing(): Promise<void> | undefined {
    return this.boilerplatePending;
  }

  /**
   * Rebuilds the corpus-wide clustering when it is stale: in the worker when there is one (this thread keeps
   * answering meanwhile, and articles edited in the meantime are seen through the result), else here. True when the
   * clustering in use is current: rebuilt, or still current (edits that changed no name only moved mentions).
   */
  private async recluster(keep?: (snapshot: KeptClustering) => void): Promise<boolean> {
    if (!this.service.clusteringIsStale()) return true;
    const { signal } = this.stopping;
    if (signal.aborted) return false;
    const started = Date.now();
    if (!keep && this.edited) {
      // Articles are being edited: the clustering is made once more, here in slices, put in use in slices, and kept up
      // to date article by article from then on (rather than made again whole in the worker at every pause). Once made,
      // the slices only put it in use when that is still to do (cut short before), and else end at once.
      const changedBefore = this.service.changedSinceClustering();
      try {
        await runInTurns(this.service.incrementalClusteringInSlices({ get isCancellationRequested() { return signal.aborted; } }), this.independentRequests);
      } catch (e) {
        if (signal.aborted) return false;
        if (!(e instanceof CancelledError)) this.connection.console.warn(`Keeping the clustering up to date failed in slices (${(e as Error).message}); going on without them.`);
      }
      if (this.service.clusteringIsIncremental()) {
        // The articles changed since the last, here, in milliseconds.
        try {
          const changed = Math.max(changedBefore, this.service.changedSinceClustering());
          this.service.entityClustering(NEVER_CANCELLED);
          const renamed = this.service.articlesWithEntitiesChanged();
          this.connection.console.info(`Entities clustered again for ${changed} changed article(s) in ${Date.now() - started} ms; ${renamed.length} article(s) name their entities otherwise.`);
          for (const listener of this.entitiesChangedListeners) listener(renamed);
          return true;
        } catch (e) {
          this.connection.console.error(`Clustering the changed articles failed: ${(e as Error).stack ?? e}`);
          return false;
        }
      }
    }
    if (this.background) {
      const input = this.service.clusteringInput(NEVER_CANCELLED);
      try {
        const { snapshot, serialized, lookAlikes } = await this.background({ docs: input.docs, registry: input.registry }, { serialized: !!keep, signal });
        // Rebuilt in slices, one a turn of the event loop: hovers and diagnostics are answered meanwhile.
        const adopted = await runInTurns(this.service.adoptClusteringInSlices(snapshot, input.generation), this.independentRequests);
        this.connection.console.info(`Entities clustered across ${input.docs.length} articles in a worker in ${Date.now() - started} ms${adopted ? '' : ' (superseded)'}.`);
        if (adopted && lookAlikes && snapshot.entities.lookAlikesLater) this.attachLookAlikes(lookAlikes, snapshot, input.generation, keep, started);
        // Not kept once shutting down: the cache is being written, with the last clustering kept before this one.
        else if (adopted && !signal.aborted) keep?.(serialized ?? snapshot); // serialised by the worker, not on this thread
        return adopted;
      } catch (e) {
        // Stopped for the shutdown: the clustering kept (if any) is the last complete one, and nothing is done here.
        if (signal.aborted) return false;
        this.connection.console.warn(`Clustering in the worker failed (${(e as Error).message}); clustering here instead.`);
      }
    }
    try {
      const clustering = this.service.entityClustering(NEVER_CANCELLED);
      if (keep) keep(snapshotOfClustering(clustering, this.service.documentUris()));
    } catch (e) {
      this.connection.console.error(`Clustering the corpus failed: ${(e as Error).stack ?? e}`);
      return false;
    }
    this.connection.console.info(`Entities clustered across the corpus in ${Date.now() - started} ms.`);
    return true;
  }

  /**
   * The look-alikes of a clustering adopted from the worker, which come after it: given to it, the clustering is kept
   * with them (for the next start), and the views and diagnostics are told (possible merges are offered from now).
   */
  private attachLookAlikes(
    coming: Promise<LateLookAlikes>, snapshot: ClusteringSnapshot, generation: number, keep: ((snapshot: KeptClustering) => void) | undefined, started: number,
  ): void {
    coming.then(
      ({ columns, serialized }) => {
        if (this.stopping.signal.aborted) return;
        // Kept even when edits have replaced it since, as it was when it was adopted: the corpus it was made from.
        keep?.(serialized ?? withLookAlikes(snapshot, columns));
        if (!this.service.attachLookAlikes(columns, generation)) return;
        this.connection.console.info(`Look-alikes found across the clustering in ${Date.now() - started} ms.`);
        for (const listener of this.reclusteredListeners) listener();
      },
      (e: Error) => {
        if (!this.stopping.signal.aborted) this.connection.console.warn(`Finding look-alikes in the worker failed (${e.message}); none are offered until the next clustering.`);
      },
    );
  }

  /** Resolves when the latest indexing has finished. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /**
   * Where the running indexing is (before the first has started, the workspace's articles are being found), or
   * undefined when none runs. Requests about the open article answer from it alone meanwhile (hover, document symbols,
   * diagnostics); quick fixes wait for the indexing unless the client cancels them.
   */
  get indexingProgress(): IndexingProgress | undefined {
    return this.progressNow ?? (this.indexedOnce ? undefined : { phase: 'finding' });
  }

  indexAll(): Promise<void> {
    const run = ++this.run;
    const first = this.resolveFirst;
    this.resolveFirst = undefined;
    this.progressNow = { phase: 'finding' };
    this.readyPromise = this.index(run)
      .catch((e) => {
        if (e instanceof CancelledError) return; // a newer run took over
        this.connection.console.error(`Indexing the corpus failed: ${(e as Error).stack ?? e}`);
      })
      .finally(() => {
        if (run === this.run) this.progressNow = undefined;
        if (first) this.indexedOnce = true;
        first?.();
      });
    this.indexing = this.readyPromise;
    return this.readyPromise;
  }

  /**
   * Writes the cache once the server has been idle a while after indexing: serialising it takes the thread for a
   * moment, which the analyst opening the first article should not wait for. A shutdown writes it at once.
   */
  private saveSoon(cache: AnalysisCache, live?: ReadonlySet<string>): void {
    if (this.saveTimer) clearTimeout(this.saveTimer.timer);
    const save = () => {
      this.saveTimer = undefined;
      this.saving = this.saving.then(async () => {
        const started = Date.now();
        if (await cache.save(live)) this.connection.console.info(`Analysis cache written to ${cache.location} in ${Date.now() - started} ms.`);
      });
      return this.saving;
    };
    this.saveTimer = { timer: setTimeout(save, SAVE_AFTER_MS), save };
    this.saveTimer.timer.unref?.();
  }

  /**
   * The server is shutting down: the clustering worker is stopped (the clustering kept in the cache stays the last
   * complete one), an indexing in progress is cancelled, no rebuild starts, and the cache's pending write is done now.
   * Resolves when it is written. Nothing the analysts wrote waits on this: their files are written as they are changed.
   */
  async shutdown(): Promise<void> {
    this.stopping.abort();
    this.run++;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.rebuildAgain.clear();
    await this.indexing;
    return this.flushed();
  }

  /** Writes the cache now if a write is pending; resolves when it is written (the server awaits it at shutdown). */
  flushed(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer.timer);
      return this.saveTimer.save();
    }
    return this.saving;
  }

  /** An article's text on disk, through the folder's boundary (inside the folder, links resolved, regular files only). */
  private async read(file: string): Promise<string | undefined> {
    try {
      const corpus = this.workspace.corpusOf(file);
      return corpus ? await corpus.readArticle(file) : undefined;
    } catch (e) {
      this.connection.console.warn(`Cannot read ${file}: ${(e as Error).message}`);
      return undefined;
    }
  }

  private async index(run: number): Promise<void> {
    const superseded = () => run !== this.run;
    const cancelled: CancellationToken = { get isCancellationRequested() { return superseded(); } };
    const started = Date.now();
    const progress = this.progressSupported ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Corpus Annotator', 0, 'Finding articles…', false);
    // Most of what an indexing allocates stays live (the articles' analyses, read or made; the clustering): collecting
    // each time the heap is a third above what was live was a tenth of a reopening from the cache (10,000 articles).
    const letGo = this.relaxHeapGrowth?.();
    try {
      await this.workspace.ready;
      const opened = Date.now();
      const cache = this.cache;
      // The last indexing's write first: it lets go of what it held, which this indexing reads again (the loading
      // loads it while the first articles are read).
      await this.flushed();
      const listed = Date.now();
      const files = new Set<string>();
      for (const corpus of this.workspace.all()) for (const f of corpus.articles()) files.add(f);
      for (const uri of this.service.documentUris()) {
        if (!files.has(uri) && !this.isOpen(uri)) this.service.removeDocument(uri);
      }
      const list = [...files];
      if (run === this.run) this.progressNow = { phase: 'reading', done: 0, total: list.length };
      const loading = loadArticles(this.service, {
        files: list,
        read: (file) => this.read(file),
        maxSize: async (file) => (await this.workspace.settingsFor(this.workspace.folderOf(file))).maxDocumentSize,
        folderOf: (file) => this.workspace.folderOf(file)?.root,
        isOpen: this.isOpen,
        ...(cache ? { cache } : {}),
        ...(this.parallel ? { parallel: this.parallel, namesFirst: true } : {}),
        token: cancelled,
        progress: (done, total) => {
          if (run === this.run) this.progressNow = { phase: 'reading', done, total };
          progress?.report(Math.round((done / total) * 100), `Analysing ${done}/${total} articles`);
        },
        log: (message) => this.connection.console.warn(message),
      });
      // Shut down while reading the corpus: what was analysed so far is written (with all the cache held before), so
      // the next start analyses only the rest.
      const { stats, keys, fingerprint, basis, completed } = await loading.catch((e: unknown) => {
        if (e instanceof CancelledError && this.stopping.signal.aborted && cache) this.saveSoon(cache);
        throw e;
      });
      if (run !== this.run) return;
      const loaded = Date.now();
      this.progressNow = { phase: 'clustering', total: list.length };
      // Every article is read: what is left (seconds at 10,000 articles) is grouping names across them.
      progress?.report(100, `Grouping names across ${list.length} articles`);
      const live = new Set(keys.values());
      // Written soon after it is kept: a clustering's look-alikes may come after the indexing (attachLookAlikes).
      const keep = cache && fingerprint ? (snapshot: KeptClustering) => (cache.keepClustering(fingerprint, snapshot, basis), this.saveSoon(cache, live)) : undefined;
      if (stats.changedSinceClustering) {
        // Ready now, with the kept clustering and the articles changed since seen through it; made again in the
        // background (and kept for the next start), then the views and diagnostics are told.
        void this.rebuildCoalesced(
          () => {
            for (const listener of this.reclusteredListeners) listener();
          },
          keep,
        );
      } else {
        // Clustered while the analysis workers make the rest of the articles' states (their boilerplate summaries and
        // dates: the clustering reads only names), instead of one core clustering while the other waits.
        await this.recluster(keep);
        // Shut down while clustering: the articles' analyses are still written (the clustering is made next time).
        if (this.stopping.signal.aborted) {
          await completed;
          if (cache) this.saveSoon(cache, live);
          return;
        }
      }
      await completed;
      if (run !== this.run) return;
      this.stats = stats;
      const clusteringNote = stats.changedSinceClustering
        ? `, clustering from the cache with ${stats.changedSinceClustering} changed article(s) seen through it until it is made again`
        : stats.clusteringFromCache ? ', clustering from the cache' : '';
      this.connection.console.info(
        `Indexed ${list.length} articles in ${Date.now() - started} ms (${stats.analysed} analysed, ${stats.fromCache} from the cache${clusteringNote}; ` +
          `${opened - started} ms waiting for the folders, ${listed - opened} ms writing the last cache, ${loaded - listed} ms reading the cache and the articles, ` +
          `${Date.now() - loaded} ms clustering; started ${Math.round(performance.now() - (Date.now() - started))} ms after the process).`,
      );
      for (const listener of this.indexedListeners) listener();
      this.prepareForEdits({ afterIndexing: true });
      if (cache) this.saveSoon(cache, live);
    } finally {
      letGo?.();
      progress?.done();
    }
  }
}
