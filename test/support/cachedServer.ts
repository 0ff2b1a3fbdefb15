/**
 * A language server run in-process on a workspace, with its persistent analysis cache in a folder of the test's own
 * (as the VS Code client gives one in its workspace storage): for tests of what a server keeps for the next one.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createConnection, createMessageConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer } from '../../server/src/server';
import { ANALYSIS_VERSION } from '../../server/src/core/index';
import { loadNerModelFile } from '../../server/src/node/nerModelFile';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { analysisVersionKey, createAnalysisCacheStore } from '../../server/src/node/analysisCacheStore';
import type { ClusterInBackground } from '../../server/src/node/backgroundClustering';
import type { IndexedParams } from '../../server/src/protocol';
import { PASSAGES_INDEXED } from '../../server/src/lsp/indexer';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import type { ParallelAnalysis } from '../../server/src/workspace/parallelAnalysis';
import * as os from 'node:os';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from './workspace';

export const ner = loadNerModelFile();
/** The analysis version key of the servers started here, unless one is given. */
export const VERSION = analysisVersionKey(ANALYSIS_VERSION, ner.bytes);

export interface CachedServerOptions {
  /** The cache's version key (another one: as after a model or analysis change). */
  readonly version?: string;
  /** Clusters in the background this way instead of on the server's thread. */
  readonly background?: ClusterInBackground;
  /** Whether to wait for the first `corpusAnnotator/indexed` (default true). */
  readonly waitForIndexing?: boolean;
  /** The files as the server sees them (default: the disk's). */
  readonly fs?: WorkspaceFileSystem;
  /** The server's ServerDeps.relaxHeapGrowth. */
  readonly relaxHeapGrowth?: () => () => void;
  /** Analyses new articles in this pool (ServerDeps.analyseInParallel) instead of on the server's thread. */
  readonly analyseInParallel?: ParallelAnalysis;
}

/** A server on `root` with its cache in `cacheDir`, up to its first `corpusAnnotator/indexed` (unless told not to wait). */
export async function startCachedServer(root: string, cacheDir: string, options: CachedServerOptions = {}) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {
    loadNerModel: () => ner.model,
    fs: options.fs ?? nodeFileSystem,
    analysisCache: (_folders, clientDir, log) => createAnalysisCacheStore(clientDir!, options.version ?? VERSION, log),
    ...(options.background ? { clusterInBackground: options.background } : {}),
    ...(options.relaxHeapGrowth ? { relaxHeapGrowth: options.relaxHeapGrowth } : {}),
    ...(options.analyseInParallel ? { analyseInParallel: options.analyseInParallel } : {}),
  });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  let indexed: IndexedParams | undefined;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** The text and version of each article opened. */
  const texts = new Map<string, { text: string; version: number }>();
  /** Every publish, in order. */
  const publishes: PublishDiagnosticsParams[] = [];
  const log: string[] = [];
  client.onNotification('corpusAnnotator/indexed', (p: IndexedParams) => {
    indexed ??= p;
  });
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
    publishes.push(p);
  });
  client.onNotification('window/logMessage', (p: { message: string }) => {
    log.push(p.message);
  });
  client.listen();
  const rootUri = pathToFileURL(root).href;
  await client.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'corpus' }], capabilities: {}, initializationOptions: { analysisCacheDir: cacheDir } });
  await client.sendNotification('initialized', {});
  const stats = options.waitForIndexing === false ? undefined : await waitFor('the corpus indexed', () => indexed);
  return {
    stats,
    /** The server's log messages so far. */
    log,
    /**
     * Diagnostics of an opened article once they settle (after an indexing they may come first without the article's
     * boilerplate, then with it), and the corpus's entities, as the client would show them.
     */
    async views(relative: string) {
      const uri = await this.open(relative);
      const settled = await this.settled(uri);
      const entities = await client.sendRequest('corpusAnnotator/entities', {});
      return { diagnostics: settled, entities };
    },
    /**
     * The diagnostics of an open article once the passages of the indexing are indexed (before, they may come without
     * the article's boilerplate): the server logs it, then the article's text is given again as a new version, and its
     * diagnostics for that version are what it settles on.
     */
    async settled(uri: string) {
      await waitFor('the passages indexed', () => log.some((m) => m.startsWith(PASSAGES_INDEXED)));
      const text = texts.get(uri)!;
      const version = text.version + 1;
      texts.set(uri, { ...text, version });
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: text.text }] });
      const published = await waitFor(`diagnostics of ${uri}, version ${version}`, () => {
        const p = diagnostics.get(uri);
        return p?.version === version && p;
      });
      return published.diagnostics;
    },
    /** Opens an article as an editor does; gives its uri. */
    async open(relative: string) {
      const uri = pathToFileURL(path.join(root, relative)).href;
      const text = await fs.readFile(path.join(root, relative), 'utf8');
      texts.set(uri, { text, version: 1 });
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      return uri;
    },
    /** Every diagnostics publish for `uri` so far, in order. */
    published: (uri: string) => publishes.filter((p) => p.uri === uri),
    /** The corpus's entities, as the Entities view asks for them. */
    entities: () => client.sendRequest('corpusAnnotator/entities', {}),
    /** Any other request, as a client sends it. */
    request: <R>(method: string, params: object = {}): Promise<R> => client.sendRequest(method, params),
    /** Shuts down as an editor does (the server writes its cache first), and resolves with the server's answer. */
    async stop() {
      await client.sendRequest('shutdown');
      client.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

/** A copy of the seeds' workspace and an empty cache folder for each test (mocha hooks), given to `use` before each. */
export function cachedWorkspaceEachTest(prefix: string, use: (w: { root: string; cacheDir: string; articles: string[] }) => void): void {
  let w: { root: string; cacheDir: string; articles: string[] } | undefined;
  beforeEach(async () => {
    const root = await makeTempWorkspace();
    const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    w = { root, cacheDir, articles: (await fs.readdir(path.join(root, 'seeds'))).sort() };
    use(w);
  });
  afterEach(async () => {
    if (!w) return;
    await removeTempWorkspace(w.root);
    await fs.rm(w.cacheDir, { recursive: true, force: true });
  });
}
