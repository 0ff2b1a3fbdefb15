/**
 * What every LSP feature of the server shares: the connection, the open documents, the workspace, the analysis core,
 * the tag service and the indexer. Features are small modules that take this context and register handlers.
 */
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, CorpusService } from '../core/index';
import type { CommandRegistry } from './commandRegistry';
import type { CorpusIndexer } from './indexer';
import type { RegistryWatcher } from './registryWatcher';
import type { Settings } from './settings';
import type { TagService, TextSource } from './tagService';
import type { Workspace } from './workspace';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  readonly service: CorpusService;
  readonly tags: TagService;
  readonly indexer: CorpusIndexer;
  readonly registry: RegistryWatcher;
  readonly texts: TextSource;
  /** Where features add workspace/executeCommand commands and code-action providers. */
  readonly commands: CommandRegistry;
  /** The open document of a path, if any. */
  openDocument(file: string): TextDocument | undefined;
  /** Settings of the folder holding `file`. */
  settingsOf(file: string): Promise<Settings>;
  /** Analysis options for `file`, from its settings. */
  analysisOptions(settings: Settings): AnalysisOptions;
  /** Re-publishes diagnostics of every open article, debounced. */
  validateSoon(delayMs?: number): void;
}

/** One LSP feature: the capabilities it adds, and a function that registers its handlers. */
export interface Feature {
  /** Merged into the server's capabilities; `executeCommandProvider.commands` lists are concatenated. */
  readonly capabilities?: ServerCapabilities;
  register(ctx: ServerContext): void;
}
