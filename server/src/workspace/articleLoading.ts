/**
 * Loads a corpus's articles into the analysis core, the same way for the language server's indexer and the CLI: reads
 * them (a few ahead of the one being handled), takes each article's analysis from the persistent cache when it holds
 * one for that very text, has the others analysed in a pool of worker threads when there is one (else here), and
 * then takes the corpus-wide clustering from the cache when it was made from these very articles and registry.
 */
import { CancelledError, NEVER_CANCELLED, withRest, type ArticleState, type CancellationToken, type CorpusService } from '../core/index';
import type { AnalysisCache, ClusteringBasis } from './analysisCache';
import type { AnalysisPool, ParallelAnalysis } from './parallelAnalysis';

/**
 * Articles read ahead of the one being analysed (reads wait on the disk, analyses on the processor), asked for in
 * groups of at least half as many: a reader that hands reads to a worker thread (node/workerReads.ts) sends each group
 * in one message, where one read at a time cost a message each (half a second per 10,000 articles). The first group
 * is asked for before the cache is loaded (`AnalysisCache.load`), so that the reader reads while this thread reads the
 * cache. A reopened corpus imports an article in about the time the reader takes to read it: a group at a time, the
 * reader waits less with larger groups (64 kept it idle half the time); the texts are all kept anyway.
 */
const READ_AHEAD = 1024;
/** Articles sent to the analysis pool at a time (fewer messages; small enough to keep every worker busy). */
const PARALLEL_BATCH = 8;
/**
 * The loading lets other work run at least this often (a turn of the event loop): a request that comes meanwhile (a
 * hover on the open article, answered from the article alone) waits for no more than this. Progress is reported at
 * most every REPORT_MS.
 */
const YIELD_MS = 10;
const REPORT_MS = 50;

/** What a loading did: how many articles it analysed, and what came from the persistent cache. */
export interface LoadingStats {
  articles: number;
  analysed: number;
  fromCache: number;
  clusteringFromCache: boolean;
  /** With a clustering from the cache made before some articles changed: how many (it is then made again). */
  changedSinceClustering?: number;
}

export interface ArticleLoading {
  readonly files: readonly string[];
  /** An article's text, or undefined when it cannot be read (the reader reports why). */
  read(file: string): Promise<string | undefined>;
  /** The largest text analysed for a file (corpusAnnotator.maxDocumentSize of its folder). */
  maxSize(file: string): number | Promise<number>;
  /** The folder whose settings `maxSize` reads for a file: asked once a folder when given. */
  folderOf?(file: string): string | undefined;
  /** Articles whose text the service has from elsewhere (open in an editor): not read, analysed as they are. */
  isOpen?(file: string): boolean;
  /** Loaded here (`load`) unless it was already, while the first articles are read. */
  readonly cache?: AnalysisCache;
  readonly parallel?: ParallelAnalysis;
  /**
   * Whether the pool gives the articles' names first, and the rest of their states (boilerplate summaries, dates) while
   * the host clusters them (`LoadedArticles.completed`): for a host that clusters in a thread of its own (the language
   * server), whose cores would otherwise wait while one clusters. Else the pool gives whole states.
   */
  readonly namesFirst?: boolean;
  /** Stops the loading between articles (a newer one took over): it then throws CancelledError. */
  readonly token?: CancellationToken;
  /** Called every 50 ms or so with the articles handled so far; the loading lets other work run meanwhile. */
  progress?(done: number, total: number): void;
  log?(message: string): void;
}

export interface LoadedArticles {
  readonly stats: LoadingStats;
  /**
   * Settles once the articles analysed in the pool, imported with their names only, have the rest of their states
   * (boilerplate summaries and dates, made by the pool meanwhile) and are kept in the cache; the pool is then closed.
   * A host clusters the corpus meanwhile (its names are all there) and is ready once both are done.
   */
  readonly completed: Promise<void>;
  /** Each loaded article's text key in the cache (to keep its state and to keep only live ones when saving). */
  readonly keys: ReadonlyMap<string, string>;
  /** The fingerprint of the corpus's clustering inputs in the cache, to keep a clustering made next under. */
  readonly fingerprint?: string;
  /** What a clustering made next is made from (kept with it in the cache). */
  readonly basis?: ClusteringBasis;
}

/**
 * Sets every readable article of `files` in `service` with its analysis (see the module comment). Articles the service
 * holds that are not in `files` are left to the caller.
 */
export async function loadArticles(service: CorpusService, options: ArticleLoading): Promise<LoadedArticles> {
  const { files: list, cache } = options;
  const token = options.token ?? NEVER_CANCELLED;
  const isOpen = options.isOpen ?? (() => false);
  const check = () => {
    if (token.isCancellationRequested) throw new CancelledError();
  };
  /** The size limit of each folder, asked once (10,000 articles asked each twice, a promise each). */
  const limits = new Map<string, number | Promise<number>>();
  const maxSize = (file: string): number | Promise<number> => {
    const folder = options.folderOf?.(file);
    if (folder === undefined) return options.maxSize(file);
    let limit = limits.get(folder);
    if (limit === undefined) {
      const asked = options.maxSize(file);
      limits.set(folder, (limit = typeof asked === 'number' ? asked : asked.then((n) => (limits.set(folder, n), n))));
    }
    return limit;
  };
  const keys = new Map<string, string>();
  const stats: LoadingStats = { articles: 0, analysed: 0, fromCache: 0, clusteringFromCache: false };
  const reads: (Promise<string | undefined> | undefined)[] = [];
  /**
   * Keeps an article's state under the key of the text it was loaded with: a state given is of that text; without one,
   * the article's own, unless it was edited since (an article open in an editor, typed into while it was analysed,
   * whose state was kept under the key of the text it had before).
   */
  const keep = (file: string, given?: ArticleState, keyedText?: string) => {
    const state = given ?? service.exportDocument(file);
    const key = keys.get(file);
    if (!cache || key === undefined || !state) return;
    const had = cache.get(key);
    // A state kept with its names only is replaced by the whole one.
    if (had !== undefined && !(namesOnly(had) && !namesOnly(state))) return;
    // The article's own state: of the text keyed (`keyedText`, when the caller has it at hand), not hashed again.
    const own = given ? undefined : service.getText(file);
    if (!given && (own === undefined || (keyedText !== undefined ? own !== keyedText : cache.keyOf(own) !== key))) return;
    cache.set(key, state);
  };
  // Articles sent to the pool: imported when their state comes back (unless changed meanwhile); any the pool could
  // not analyse are analysed here at the end.
  let pool: AnalysisPool | undefined;
  /** Articles the pool gave the names of, imported with them: the rest of their states comes after (`complete`). */
  const named: Named[] = [];
  /** Articles imported from the cache with their names only, whose rest is made here. */
  const incomplete: string[] = [];
  let batch: { file: string; text: string }[] = [];
  const inFlight: Promise<void>[] = [];
  const leftOver: string[] = [];
  const sendBatch = async () => {
    const items = batch;
    batch = [];
    // With `namesFirst`, names only: the corpus-wide clustering reads nothing else, and the rest is made while it is.
    const answered = pool!.analyse(items.map((i) => i.text), options.namesFirst ? 'names' : undefined).then(
      (states) => {
        if (token.isCancellationRequested) return;
        items.forEach(({ file, text }, k) => {
          const state = states[k];
          if (!state || service.getText(file) !== text || !service.importDocument(file, text, state)) leftOver.push(file);
          else if (options.namesFirst) named.push({ file, text, state });
          else keep(file, state);
        });
      },
      (e) => {
        if (token.isCancellationRequested) return;
        options.log?.(`Analysing in the workers failed (${(e as Error).message}); analysing here instead.`);
        leftOver.push(...items.map((i) => i.file));
      },
    );
    inFlight.push(answered);
    while (inFlight.length > 2 * pool!.size) await inFlight.shift();
  };
  // Only the articles it does not hold yet take room (one it holds is set again in place of itself, or not at all): a
  // loading again of a corpus with a few new articles does not size the tables for the whole corpus once more.
  service.expectDocuments(list.reduce((n, file) => (service.hasDocument(file) ? n : n + 1), 0));
  let completed = NOTHING_TO_COMPLETE;
  try {
    let ahead = 0;
    // The first reads, then the cache (loaded meanwhile, unless it was already).
    for (; ahead < Math.min(list.length, READ_AHEAD); ahead++) if (!isOpen(list[ahead])) reads[ahead] = options.read(list[ahead]);
    await cache?.load();
    let done = 0;
    let lastYield = Date.now();
    let lastReport = lastYield;
    for (let i = 0; i < list.length; i++) {
      check();
      const file = list[i];
      if (ahead - i <= READ_AHEAD / 2) {
        for (ahead = Math.max(ahead, i); ahead < Math.min(list.length, i + READ_AHEAD); ahead++) {
          if (!isOpen(list[ahead])) reads[ahead] = options.read(list[ahead]);
        }
      }
      const reading = reads[i];
      reads[i] = undefined;
      let imported = false;
      /** Imported with its names only, the rest of its state to be made by the pool. */
      let restComing = false;
      if (!isOpen(file)) {
        const text = await (reading ?? options.read(file));
        if (text === undefined) continue;
        // Larger than corpusAnnotator.maxDocumentSize: shown as not analysed, so not analysed here either (nor
        // counted in the corpus's entities and repeated passages).
        if (text.length > (await maxSize(file))) {
          service.removeDocument(file);
          continue;
        }
        if (cache) {
          const key = cache.keyOf(text);
          keys.set(file, key);
          const state = cache.get(key);
          imported = state !== undefined && service.importDocument(file, text, state);
          // Kept with its names only (an indexing stopped before the rest of the state was made): the rest is made now.
          if (imported && namesOnly(state) && options.parallel && options.namesFirst) {
            pool ??= options.parallel();
            named.push({ file, text, state: state as ArticleState });
            restComing = true;
          } else if (imported && namesOnly(state)) {
            incomplete.push(file);
          }
        }
        if (!imported) service.setDocument(file, text);
      }
      const own = service.getText(file);
      if (own !== undefined && own.length > (await maxSize(file))) continue;
      if (own !== undefined && cache && !keys.has(file)) keys.set(file, cache.keyOf(own)); // open: the editor's text
      const analysed = !imported && service.exportDocument(file) === undefined;
      stats.articles++;
      if (imported) stats.fromCache++;
      else if (analysed) stats.analysed++;
      if (analysed && own !== undefined && options.parallel) {
        // Analysed in the pool's workers while this thread goes on reading and importing.
        pool ??= options.parallel();
        batch.push({ file, text: own });
        if (batch.length >= PARALLEL_BATCH) await sendBatch();
      } else if (!restComing) {
        service.prepareDocument(file, token);
        if (!imported) keep(file, undefined, own);
      }
      done++;
      if (Date.now() - lastYield > YIELD_MS) {
        if (Date.now() - lastReport > REPORT_MS) {
          options.progress?.(done, list.length);
          lastReport = Date.now();
        }
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
    if (batch.length) await sendBatch();
    await Promise.all(inFlight.splice(0));
    check();
    if (pool && named.length) completed = complete(pool, named);
  } finally {
    // Loaded or stopped: an expectation its first articles did not fulfil (a loading cancelled early, or of articles
    // the service held already) is dropped, not applied later to an edit's passages (a table resized mid-typing).
    service.expectDocuments(0);
    // Unless it makes the rest of the states (then closed once they are made, while the host clusters).
    if (completed === NOTHING_TO_COMPLETE) {
      await pool?.close();
      // Stopped before the rest of their states was asked for: their names are kept (the rest is made next time).
      for (const n of named) if (service.getText(n.file) === n.text) keep(n.file, n.state);
    }
  }
  for (const file of [...leftOver, ...incomplete]) {
    service.prepareDocument(file, token);
    keep(file);
  }
  // The clustering the cache kept, when it was made from these very articles and registry; else, when it was made with
  // this registry, the one kept with the articles changed since seen through it (as after an edit) until it is made
  // again: a corpus reopened after a few edits is ready at once.
  let fingerprint: string | undefined;
  let basis: ClusteringBasis | undefined;
  if (cache) {
    const input = service.clusteringInput(NEVER_CANCELLED);
    const registryJson = JSON.stringify(input.registry);
    const registry = cache.fingerprint([registryJson]);
    fingerprint = cache.fingerprint([registryJson, ...input.docs.map((d) => `${d.uri}\n${keys.get(d.uri) ?? ''}`)]);
    const now: ClusteringBasis = { registry, articles: Object.fromEntries(input.docs.map((d) => [d.uri, keys.get(d.uri) ?? ''])) };
    basis = now;
    try {
      const exact = service.clusteringIsStale() ? cache.clustering(fingerprint) : undefined;
      stats.clusteringFromCache = !!exact && service.adoptClustering(exact, input.generation);
      const kept = stats.clusteringFromCache || !service.clusteringIsStale() ? undefined : cache.keptClustering();
      if (kept && kept.basis.registry === registry) {
        const was = kept.basis.articles;
        const changed = [
          ...input.docs.filter((d) => was[d.uri] !== now.articles[d.uri]).map((d) => d.uri),
          ...Object.keys(was).filter((uri) => !(uri in now.articles)), // removed since
        ];
        // Only for a corpus that is mostly the one it was made from (a cache folder shared by several workspaces, as
        // the CLI's is, may hold another corpus's): most articles' entities must be right at once.
        if (changed.length <= input.docs.length / 2 && service.adoptClustering(kept.snapshot, input.generation)) {
          service.documentsChanged(changed);
          stats.clusteringFromCache = true;
          stats.changedSinceClustering = changed.length;
        }
      }
    } catch (e) {
      options.log?.(`The cached clustering is not usable (${(e as Error).message}); clustering again.`);
    }
  }
  return { stats, keys, completed, ...(fingerprint !== undefined ? { fingerprint } : {}), ...(basis ? { basis } : {}) };

  /**
   * Has `pool` make the rest of the states of the articles imported with their names (`named`), gives it to each
   * article (unless changed since) and keeps the whole state in the cache, then closes the pool. A few batches a worker
   * are asked ahead, as for the names (the texts are not all copied to the workers at once). The states the pool could
   * not complete are made here at the end.
   */
  async function complete(from: AnalysisPool, items: readonly Named[]): Promise<void> {
    const notMade: Named[] = [];
    const asked: Promise<void>[] = [];
    let sent = 0;
    try {
      // Stopped (a shutdown, a newer indexing): no more is asked, and what was asked is still given and kept.
      for (; sent < items.length && !token.isCancellationRequested; sent += PARALLEL_BATCH) {
        const part = items.slice(sent, sent + PARALLEL_BATCH);
        asked.push(
          from.rest(part.map((i) => i.text)).then(
            (rests) => {
              part.forEach((item, j) => {
                const rest = rests[j];
                if (rest && service.completeDocument(item.file, item.text, rest)) keep(item.file, withRest(item.state, rest));
                else if (service.getText(item.file) === item.text) notMade.push(item);
              });
            },
            (e: Error) => {
              if (!token.isCancellationRequested) options.log?.(`Summarising boilerplate and dates in the workers failed (${e.message}); doing it here instead.`);
              for (const item of part) if (service.getText(item.file) === item.text) notMade.push(item);
            },
          ),
        );
        while (asked.length > 2 * from.size) await asked.shift();
      }
      await Promise.all(asked);
    } finally {
      await from.close();
    }
    // Those the pool did not make (it failed; or stopped, with those never asked): made here, or when stopped, kept
    // with their names only (the rest is made at the next indexing).
    const left = [...notMade, ...items.slice(sent).filter((i) => service.getText(i.file) === i.text)];
    for (const item of left) {
      if (token.isCancellationRequested) keep(item.file, item.state);
      else {
        service.prepareDocument(item.file, token);
        keep(item.file);
      }
    }
  }
}

/** Whether a state holds names only (analyseArticleNames), not yet its boilerplate summary and dates. */
function namesOnly(state: unknown): boolean {
  return typeof state === 'object' && state !== null && !('boilerplate' in state);
}

/** An article imported with its names only, and the state they came in. */
interface Named {
  readonly file: string;
  readonly text: string;
  readonly state: ArticleState;
}

const NOTHING_TO_COMPLETE: Promise<void> = Promise.resolve();
