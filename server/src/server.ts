/**
 * The language server: thin glue between LSP and the pure analysis core. `startServer` takes a connection, so tests
 * drive it in-process over a pair of streams and `node/main.ts` over stdio or IPC.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  ResponseError,
  ErrorCodes,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeResult,
  type Hover,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCorpusService, LineIndex, CancelledError, type NerModel } from './core/index';
import { Notifications, Requests, ServerCommands, type AddTagArgs, type RemoveTagArgs } from './protocol';
import { readTextIfExists } from './store/atomicFile';
import { toDiagnostics } from './lsp/diagnostics';
import { hoverMarkdown } from './lsp/hover';
import { TagService, UserError } from './lsp/tagService';
import { uriToPath, Workspace } from './lsp/workspace';
import { CorpusIndexer } from './lsp/indexer';
import { RegistryWatcher } from './lsp/registryWatcher';

export interface ServerDeps {
  loadNerModel(): NerModel;
}

export function startServer(connection: Connection, deps: ServerDeps): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(connection);
  const service = createCorpusService({ nerModel: deps.loadNerModel() });
  const texts = {
    textOf: async (file: string) => service.getText(file) ?? openDocument(file)?.getText() ?? (await readTextIfExists(file)),
  };
  const tags = new TagService(workspace, texts);
  const indexer = new CorpusIndexer(connection, workspace, service, (file) => !!openDocument(file));
  const registry = new RegistryWatcher(connection, workspace, service);

  function openDocument(file: string): TextDocument | undefined {
    return documents.get(workspace.uriOf(file));
  }

  // ---- diagnostics: debounced, for every open article, after the corpus is indexed ----
  let validateTimer: NodeJS.Timeout | undefined;
  let validateGeneration = 0;
  const validateSoon = (delay = 150): void => {
    if (validateTimer) clearTimeout(validateTimer);
    validateTimer = setTimeout(() => void validateAll(), delay);
  };
  async function validateAll(): Promise<void> {
    const generation = ++validateGeneration;
    const token = { get isCancellationRequested() { return generation !== validateGeneration; } };
    await indexer.ready;
    for (const doc of documents.all()) {
      if (token.isCancellationRequested) return;
      try {
        await validate(doc, token);
      } catch (e) {
        if (e instanceof CancelledError) return;
        connection.console.error(`Analysis of ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      }
    }
  }
  async function validate(doc: TextDocument, token: { isCancellationRequested: boolean }): Promise<void> {
    const file = uriToPath(doc.uri);
    if (!file || !service.hasDocument(file)) return;
    const settings = await workspace.settingsFor(workspace.folderOf(file));
    const text = doc.getText();
    const lines = new LineIndex(text);
    if (text.length > settings.maxDocumentSize) {
      connection.sendDiagnostics({
        uri: doc.uri,
        diagnostics: [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          source: 'corpus',
          message: `Not analysed: ${text.length} characters is more than corpusAnnotator.maxDocumentSize (${settings.maxDocumentSize}).`,
        }],
      });
      return;
    }
    const analysis = service.analyze(file, { dates: { dayOrder: settings.dates.dayOrder, includeDurations: settings.dates.showDurations } }, token);
    const clustering = service.entityClustering(token);
    const locate = (key: string) => {
      const t = service.getText(key);
      return t === undefined ? undefined : { uri: workspace.uriOf(key), lines: key === file ? lines : new LineIndex(t) };
    };
    const diagnostics = toDiagnostics(analysis, lines, settings, clustering, { locate });
    if (!token.isCancellationRequested) connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  // ---- lifecycle ----
  connection.onInitialize((params): InitializeResult => {
    workspace.setFolders(params.workspaceFolders, params.rootUri);
    workspace.configurationSupported = !!params.capabilities.workspace?.configuration;
    indexer.progressSupported = !!params.capabilities.window?.workDoneProgress;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        executeCommandProvider: { commands: [ServerCommands.addTag, ServerCommands.removeTag] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corpus-annotator', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (workspace.configurationSupported) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
    void registry.load().then(() => indexer.indexAll()).then(() => validateSoon(0));
  });

  connection.onDidChangeConfiguration(() => {
    workspace.clearSettings();
    tags.invalidate();
    void registry.load().then(() => indexer.indexAll()).then(() => validateSoon(0));
  });

  // ---- documents ----
  documents.onDidOpen(async ({ document }) => {
    const file = uriToPath(document.uri);
    if (!file) return;
    workspace.rememberClientUri(file, document.uri);
    if (await workspace.isInCorpus(file)) {
      service.setDocument(file, document.getText());
      validateSoon(0);
    }
  });
  documents.onDidChangeContent(async ({ document }) => {
    const file = uriToPath(document.uri);
    if (!file || !(await workspace.isInCorpus(file))) return;
    service.setDocument(file, document.getText());
    validateSoon();
  });
  documents.onDidClose(async ({ document }) => {
    const file = uriToPath(document.uri);
    if (!file) return;
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    workspace.forgetClientUri(file);
    if (await workspace.isInCorpus(file)) {
      const onDisk = await readTextIfExists(file);
      if (onDisk === undefined) service.removeDocument(file);
      else service.setDocument(file, onDisk);
      validateSoon();
    }
  });

  // ---- files changed on disk: articles outside editors, sidecars, the registry ----
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let tagsChanged = false;
    let corpusChanged = false;
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (registry.isRegistry(file)) {
        await registry.load();
        corpusChanged = true;
      } else if (file.endsWith('.yaml')) {
        tagsChanged = true;
      } else if (!openDocument(file) && (await workspace.isInCorpus(file))) {
        const text = await readTextIfExists(file);
        if (text === undefined) service.removeDocument(file);
        else service.setDocument(file, text);
        corpusChanged = true;
      }
    }
    if (tagsChanged) {
      tags.invalidate();
      void connection.sendNotification(Notifications.tagsChanged, {});
    }
    if (corpusChanged) validateSoon();
  });

  // ---- hover ----
  connection.onHover(async (params, token): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    const file = uriToPath(params.textDocument.uri);
    if (!doc || !file) return null;
    await indexer.ready;
    if (!service.hasDocument(file)) return null;
    const settings = await workspace.settingsFor(workspace.folderOf(file));
    const text = doc.getText();
    const lines = new LineIndex(text);
    const offset = lines.offsetAt(params.position);
    try {
      const analysis = service.analyze(file, { dates: { dayOrder: settings.dates.dayOrder, includeDurations: settings.dates.showDurations } }, token);
      const result = hoverMarkdown({
        analysis,
        offset,
        entity: service.entityAt(file, offset, token),
        tags: await tags.anchoredTags(file, text),
        label: (key) => workspace.label(key),
      });
      if (!result) return null;
      return {
        contents: { kind: 'markdown', value: result.markdown },
        range: { start: lines.positionAt(result.start), end: lines.positionAt(result.end) },
      };
    } catch (e) {
      if (e instanceof CancelledError) return null;
      throw e;
    }
  });

  // ---- tags ----
  connection.onExecuteCommand(async (params) => {
    try {
      if (params.command === ServerCommands.addTag) {
        const item = await tags.addTag(params.arguments?.[0] as AddTagArgs);
        void connection.sendNotification(Notifications.tagsChanged, {});
        return item;
      }
      if (params.command === ServerCommands.removeTag) {
        const removed = await tags.removeTag(params.arguments?.[0] as RemoveTagArgs);
        void connection.sendNotification(Notifications.tagsChanged, {});
        return removed;
      }
    } catch (e) {
      if (e instanceof UserError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
      throw e;
    }
    return new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${params.command}`);
  });
  connection.onRequest(Requests.listTags, async (params: { uri?: string } | undefined) => tags.list(params?.uri));

  documents.listen(connection);
  connection.listen();
}
