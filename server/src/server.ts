/**
 * The language server: thin glue between LSP and the pure analysis core. `startServer` takes a connection, so tests
 * drive it in-process over a pair of streams and `node/main.ts` over stdio or IPC. Each LSP feature is a small module
 * under `lsp/features/`, registered here.
 */
import { guardStandardRequests } from './lsp/standardParams';
import { DidChangeConfigurationNotification, TextDocuments, type Connection, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver';
import { createCorpusService, type NerModel } from './core/index';
import { Notifications } from './protocol';
import type { WorkspaceFileSystem } from './workspace/fileSystem';
import type { ClusterInBackground } from './node/backgroundClustering';
import { analysisOptionsOf } from './workspace/settings';
import type { Feature, ServerContext } from './lsp/context';
import { ClientInfo } from './lsp/clientInfo';
import { ClientNotifier } from './lsp/clientNotifier';
import { CommandRegistry } from './lsp/commandRegistry';
import { EditsPrepared } from './lsp/editsPrepared';
import { CorpusIndexer } from './lsp/indexer';
import { RegistryEditor } from './lsp/registryEditor';
import { TagService } from './lsp/tagService';
import { TagTracker } from './lsp/tagTracker';
import { Workspace } from './lsp/workspace';
import { corpusSync } from './lsp/features/corpusSync';
import { createValidator } from './lsp/features/publishDiagnostics';
import { documentSync } from './lsp/features/documentSync';
import { hoverFeature } from './lsp/features/hoverFeature';
import { tagsFeature } from './lsp/features/tagsFeature';
import { tagExportFeature } from './lsp/features/tagExportFeature';
import { tagActions } from './lsp/features/tagActions';
import { timelineFeature } from './lsp/features/timelineFeature';
import { entityActions } from './lsp/features/entityActions';
import { entityList } from './lsp/features/entityList';
import { entityNavigation } from './lsp/features/entityNavigation';
import { boilerplateActions } from './lsp/features/boilerplateActions';
import { fileWatching } from './lsp/features/fileWatching';
import type { WatchFolders } from './workspace/folderWatcher';
import type { AnalysisCache } from './workspace/analysisCache';
import type { ParallelAnalysis } from './workspace/parallelAnalysis';
import type { GitAnnotations } from './workspace/annotationSources';
import { agreementFeature } from './lsp/features/agreementFeature';
import { conflictActions } from './lsp/features/conflictActions';
import { closedArticleTags } from './lsp/features/closedArticleTags';

export interface ServerDeps {
  loadNerModel(): NerModel;
  /** The disk, as the workspace model sees it (node/nodeFileSystem.ts; tests may count or fake operations). */
  readonly fs: WorkspaceFileSystem;
  /**
   * Watches folders on disk (node/folderWatcher.ts), for clients that cannot watch files for the server. Without it,
   * such clients' outside changes go unnoticed.
   */
  readonly watchFolders?: WatchFolders;
  /** Clusters the corpus's entities away from the server's thread (node/backgroundClustering.ts). */
  readonly clusterInBackground?: ClusterInBackground;
  /** Analyses the articles an indexing must analyse in worker threads, one a core (node/parallelAnalysis.ts). */
  readonly analyseInParallel?: ParallelAnalysis;
  /**
   * Gives V8 its own heap growth until the function returned is called (node/heapGrowth.ts `relax`): held while an
   * indexing runs, reading from the analysis cache too, when most of what is allocated stays live.
   */
  readonly relaxHeapGrowth?: () => () => void;
  /**
   * The persistent analysis cache of a workspace (node/analysisCacheStore.ts), from its folders and the folder the
   * client offers for it (`initializationOptions.analysisCacheDir`); none when absent or when it answers undefined.
   */
  readonly analysisCache?: (folders: readonly string[], clientDir: string | undefined, log: (message: string) => void) => AnalysisCache | undefined;
  /** Who the analyst is by a folder's version control (node/gitUserName.ts), recorded on new tags. */
  readonly userName?: (folder: string) => Promise<string | undefined>;
  /** Annotation files at git refs (node/gitAnnotations.ts): agreement and adjudication between analysts' branches. */
  readonly git?: GitAnnotations;
  /**
   * Encodes a notification ahead of sending it (node/encodedAhead.ts): sending these very `params` later writes the
   * bytes made now. Without it, messages are encoded as they are sent.
   */
  readonly encodeAhead?: (method: string, params: object) => void;
}

export const FEATURES: readonly Feature[] = [corpusSync, documentSync, hoverFeature, tagsFeature, tagExportFeature, tagActions, boilerplateActions, timelineFeature, entityActions, entityList, entityNavigation, fileWatching, agreementFeature, conflictActions, closedArticleTags];

export function startServer(connection: Connection, deps: ServerDeps): void {
  guardStandardRequests(connection); // standard requests' params checked before any feature sees them (standardParams.ts)
  const tracker = new TagTracker();
  const documents = new TextDocuments(tracker.documents());
  const workspace = new Workspace(connection, deps.fs);
  const service = createCorpusService({ nerModel: deps.loadNerModel() });
  const openDocument = (file: string) => documents.get(workspace.uriOf(file));
  const texts = {
    // From disk only through the folder's boundary (workspace/boundary.ts): never through a link out of the folder.
    textOf: async (file: string) => service.getText(file) ?? openDocument(file)?.getText() ?? (await workspace.corpusOf(file)?.readArticle(file)),
  };
  // Asked of every article while indexing: no file URL is made when no article is open.
  const isOpen = (file: string) => documents.keys().length > 0 && !!openDocument(file);
  const indexer = new CorpusIndexer(connection, workspace, service, isOpen, deps.clusterInBackground, deps.analyseInParallel, deps.relaxHeapGrowth);
  const openedListeners: (() => void)[] = [];
  const client = new ClientInfo(connection);
  let settingsCheck = Promise.resolve();
  let shuttingDown = false;
  const ctx: ServerContext = {
    connection,
    documents,
    workspace,
    service,
    texts,
    client,
    commands: new CommandRegistry(),
    shutdown: { get isCancellationRequested() { return shuttingDown; } },
    editsPrepared: new EditsPrepared(),
    tags: new TagService(workspace, texts, tracker, deps.userName),
    registryEditor: new RegistryEditor(workspace, service, indexer),
    indexer,
    notify: new ClientNotifier(connection, () => indexer.ready),
    openDocument,
    settingsOf: (file) => workspace.settingsFor(workspace.folderOf(file)),
    analysisOptions: analysisOptionsOf,
    validateSoon: createValidator(() => ctx),
    onWorkspaceOpened: (listener) => void openedListeners.push(listener),
    // One check at a time, after the latest reopen: a burst of notifications reopens the workspace at most once more.
    settingsMayHaveChanged: () => {
      settingsCheck = settingsCheck
        .then(() => workspace.settingsChanged())
        .then((changed) => {
          if (changed) reindex();
        })
        .catch((e) => connection.console.error(`Reading the settings failed: ${(e as Error).stack ?? e}`));
    },
    ...(deps.watchFolders ? { watchFolders: deps.watchFolders } : {}),
    ...(deps.encodeAhead ? { encodeAhead: deps.encodeAhead } : {}),
    ...(deps.git ? { git: deps.git } : {}),
  };

  const reindex = () =>
    void workspace
      .reopen()
      .then(() => {
        for (const listener of openedListeners) listener();
        return indexer.indexAll();
      })
      .then(() => {
        ctx.validateSoon(0);
        ctx.notify.changed('boilerplate', 0);
        ctx.notify.changed('entities', 0);
        void connection.sendNotification(Notifications.indexed, { ...indexer.stats, articles: service.documentUris().length });
      })
      .catch((e) => connection.console.error(`Opening the workspace failed: ${(e as Error).stack ?? e}`));

  connection.onInitialize((params): InitializeResult => {
    client.initialize(params);
    workspace.setFolders(params.workspaceFolders, params.rootUri);
    workspace.configurationSupported = !!params.capabilities.workspace?.configuration;
    if (!workspace.configurationSupported) workspace.setPushedSettings(client.initializationOptions);
    ctx.indexer.progressSupported = !!params.capabilities.window?.workDoneProgress;
    const cacheDir = client.initializationOptions.analysisCacheDir;
    indexer.cache = deps.analysisCache?.(
      workspace.allFolders().map((f) => f.root),
      typeof cacheDir === 'string' && cacheDir ? cacheDir : undefined,
      (message) => connection.console.warn(message),
    );
    // Read now, while the workspace's folders are listed (the first indexing awaits the same reading).
    void indexer.cache?.load();
    const capabilities: ServerCapabilities = { workspace: { workspaceFolders: { supported: true } } };
    const commands: string[] = [];
    let codeActions = false;
    for (const f of FEATURES) {
      const { executeCommandProvider, codeActionProvider, ...rest } = f.capabilities ?? {};
      Object.assign(capabilities, rest);
      commands.push(...(executeCommandProvider?.commands ?? []));
      codeActions ||= !!codeActionProvider;
    }
    if (commands.length) capabilities.executeCommandProvider = { commands };
    if (codeActions) capabilities.codeActionProvider = { codeActionKinds: ['quickfix'], resolveProvider: false };
    return { capabilities, serverInfo: { name: 'corpus-annotator', version: '0.1.0' } };
  });
  // Background work stops (the clustering worker, an indexing); the analysis cache's pending write is done, and an
  // editor closing soon after indexing waits for it (the VS Code client allows for it: client/src/extension.ts).
  connection.onShutdown(() => {
    shuttingDown = true;
    return indexer.shutdown();
  });
  indexer.onReclustered(() => {
    ctx.validateSoon(0);
    ctx.notify.changed('entities', 0);
  });
  connection.onInitialized(() => {
    if (workspace.configurationSupported) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusAnnotator' }).catch(() => undefined);
    }
    reindex();
  });
  // Clients with workspace/configuration are asked again; others send the settings themselves (Neovim: its
  // `settings`, once after `initialized` and whenever they change). Only a real change reopens the workspace.
  connection.onDidChangeConfiguration((params) => {
    if (!workspace.configurationSupported) workspace.setPushedSettings(params?.settings ?? null);
    ctx.settingsMayHaveChanged();
  });

  // Tags moved by edits in an editor: clients redraw them (a short pause coalesces a burst of keystrokes).
  tracker.onDidMove((uri) => ctx.notify.tagsChanged([uri], 150));
  for (const f of FEATURES) f.register(ctx);
  ctx.commands.listen(connection);
  documents.listen(connection);
  connection.listen();
}
