/** Reads the workspace's articles into the core, with work-done progress, and keeps a promise of readiness. */
import type { Connection } from 'vscode-languageserver';
import { CancelledError, NEVER_CANCELLED, type CancellationToken, type ClusteringInput, type ClusteringSnapshot, type CorpusService } from '../core/index';
import type { Workspace } from './workspace';

export class CorpusIndexer {
  progressSupported = false;
  /** Pending until the first indexing has finished, so early requests wait for the corpus instead of seeing none. */
  private readyPromise: Promise<void>;
  private resolveFirst: (() => void) | undefined;
  private run = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly indexedListeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly service: CorpusService,
    private readonly isOpen: (file: string) => boolean,
    /** Clusters the corpus away from this thread (node/backgroundClustering.ts); here when absent. */
    private readonly background?: (input: Omit<ClusteringInput, 'generation'>) => Promise<ClusteringSnapshot>,
  ) {
    this.readyPromise = new Promise((resolve) => (this.resolveFirst = resolve));
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
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.readyPromise.then(async () => {
        if (await this.recluster()) rebuilt();
      });
    }, idleMs);
  }

  /**
   * Rebuilds the corpus-wide clustering when it is stale: in the worker when there is one (this thread keeps
   * answering meanwhile, and articles edited in the meantime are seen through the result), else here. True when a
   * new clustering is in use.
   */
  private async recluster(): Promise<boolean> {
    if (!this.service.clusteringIsStale()) return false;
    const started = Date.now();
    if (this.background) {
      const input = this.service.clusteringInput(NEVER_CANCELLED);
      try {
        const snapshot = await this.background({ docs: input.docs, registry: input.registry });
        const adopted = this.service.adoptClustering(snapshot, input.generation);
        this.connection.console.info(`Entities clustered across ${input.docs.length} articles in a worker in ${Date.now() - started} ms${adopted ? '' : ' (superseded)'}.`);
        return adopted;
      } catch (e) {
        this.connection.console.warn(`Clustering in the worker failed (${(e as Error).message}); clustering here instead.`);
      }
    }
    try {
      this.service.entityClustering(NEVER_CANCELLED);
    } catch (e) {
      this.connection.console.error(`Clustering the corpus failed: ${(e as Error).stack ?? e}`);
      return false;
    }
    this.connection.console.info(`Entities clustered across the corpus in ${Date.now() - started} ms.`);
    return true;
  }

  /** Resolves when the latest indexing has finished. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  indexAll(): Promise<void> {
    const run = ++this.run;
    const first = this.resolveFirst;
    this.resolveFirst = undefined;
    this.readyPromise = this.index(run)
      .catch((e) => {
        if (e instanceof CancelledError) return; // a newer run took over
        this.connection.console.error(`Indexing the corpus failed: ${(e as Error).stack ?? e}`);
      })
      .finally(() => first?.());
    return this.readyPromise;
  }

  private async index(run: number): Promise<void> {
    const superseded = () => run !== this.run;
    const cancelled: CancellationToken = { get isCancellationRequested() { return superseded(); } };
    const started = Date.now();
    const progress = this.progressSupported ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Corpus Annotator', 0, 'Finding articles…', false);
    try {
      await this.workspace.ready;
      const files = new Set<string>();
      for (const corpus of this.workspace.all()) for (const f of corpus.articles()) files.add(f);
      for (const uri of this.service.documentUris()) {
        if (!files.has(uri) && !this.isOpen(uri)) this.service.removeDocument(uri);
      }
      const list = [...files];
      let done = 0;
      let lastYield = Date.now();
      for (const file of list) {
        if (run !== this.run) return;
        if (!this.isOpen(file)) {
          let text: string | undefined;
          try {
            // Through the folder's boundary: inside the folder, links resolved, regular files only.
            const corpus = this.workspace.corpusOf(file);
            text = corpus ? await corpus.readArticle(file) : undefined;
          } catch (e) {
            this.connection.console.warn(`Cannot read ${file}: ${(e as Error).message}`);
          }
          if (text === undefined) continue;
          // Larger than corpusAnnotator.maxDocumentSize: shown as not analysed, so not analysed here either (nor
          // counted in the corpus's entities and repeated passages).
          if (text.length > (await this.workspace.settingsFor(this.workspace.folderOf(file))).maxDocumentSize) {
            this.service.removeDocument(file);
            continue;
          }
          this.service.setDocument(file, text);
        }
        const own = this.service.getText(file);
        if (own !== undefined && own.length > (await this.workspace.settingsFor(this.workspace.folderOf(file))).maxDocumentSize) continue;
        this.service.prepareDocument(file, cancelled);
        done++;
        if (Date.now() - lastYield > 50) {
          progress?.report(Math.round((done / list.length) * 100), `Analysing ${done}/${list.length} articles`);
          await new Promise((r) => setImmediate(r));
          lastYield = Date.now();
        }
      }
      if (run !== this.run) return;
      await this.recluster();
      this.connection.console.info(`Indexed ${list.length} articles in ${Date.now() - started} ms.`);
      for (const listener of this.indexedListeners) listener();
    } finally {
      progress?.done();
    }
  }
}
