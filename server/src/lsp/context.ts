/**
 * What LSP features share: the connection, the open documents, the workspace (folders and their models), the
 * analysis core, the tag service, the registry editor and the client notifier. Features are small modules that take
 * this context and register handlers; they learn about changes by subscribing to `workspace.onDidChange`.
 */
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, CancellationToken, CorpusService } from '../core/index';
import type { GitAnnotations } from '../workspace/annotationSources';
import type { WatchFolders } from '../workspace/folderWatcher';
import type { Settings } from '../workspace/settings';
import type { ClientInfo } from './clientInfo';
import type { ClientNotifier } from './clientNotifier';
import type { CommandRegistry } from './commandRegistry';
import type { EditsPrepared } from './editsPrepared';
import type { CorpusIndexer } from './indexer';
import type { RegistryEditor } from './registryEditor';
import type { TagService, TextSource } from './tagService';
import type { Workspace } from './workspace';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  readonly service: CorpusService;
  readonly tags: TagService;
  readonly registryEditor: RegistryEditor;
  readonly indexer: CorpusIndexer;
  readonly texts: TextSource;
  /** Coalesced change notifications to clients. */
  readonly notify: ClientNotifier;
  /** What the client can do and has declared (client commands, file watching, showing results). */
  readonly client: ClientInfo;
  /** Where features add workspace/executeCommand commands and code-action providers. */
  readonly commands: CommandRegistry;
  /**
   * Cancelled when the client asks the server to shut down: long requests (the corpus timeline, the boilerplate
   * listing) stop, so the analysis cache's last write gets the thread and the shutdown is answered at once.
   */
  readonly shutdown: CancellationToken;
  /** Articles just opened being made ready for edits (editsPrepared.ts): their first diagnostics wait for it. */
  readonly editsPrepared: EditsPrepared;
  /** The open document of a path, if any. */
  openDocument(file: string): TextDocument | undefined;
  /** Settings of the folder holding `file`. */
  settingsOf(file: string): Promise<Settings>;
  /** Analysis options for `file`, from its settings. */
  analysisOptions(settings: Settings): AnalysisOptions;
  /**
   * Re-publishes diagnostics of every open article, debounced; the article just edited (`edited`, a document uri)
   * first, so that the analyst typing sees its own diagnostics before the other open articles are done.
   */
  validateSoon(delayMs?: number, edited?: string): void;
  /** Calls `listener` each time the workspace folders have been (re)opened, before the corpus is indexed. */
  onWorkspaceOpened(listener: () => void): void;
  /**
   * Settings may have changed (configuration pushed by the client, or a folder's `.vscode/settings.json` changed on
   * disk): reopens the workspace if any folder's settings differ from those it was opened with.
   */
  settingsMayHaveChanged(): void;
  /** Watches folders on disk, when the server may (node/folderWatcher.ts); used for clients that do not watch files. */
  readonly watchFolders?: WatchFolders;
  /** Encodes a notification ahead of sending it (ServerDeps.encodeAhead); absent, messages are encoded as they are sent. */
  readonly encodeAhead?: (method: string, params: object) => void;
  /** Reads annotation files at git refs (node/gitAnnotations.ts), for agreement and adjudication between branches. */
  readonly git?: GitAnnotations;
}

/** One LSP feature: the capabilities it adds, and a function that registers its handlers. */
export interface Feature {
  /** Merged into the server's capabilities; `executeCommandProvider.commands` lists are concatenated. */
  readonly capabilities?: ServerCapabilities;
  register(ctx: ServerContext): void;
}
