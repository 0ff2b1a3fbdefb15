/** The VS Code client: starts the language server and adds the UI features listed in FEATURES. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientTagCommands, Notifications, type InitializationOptions } from '../../server/src/protocol';
import { SERVER_ENVIRONMENT, SERVER_NODE_ARGS } from '../../server/src/serverEnvironment';
import { BoilerplateClientCommands } from '../../server/src/protocolBoilerplate';
import { ClientEntityCommands } from '../../server/src/protocolEntities';
import type { ClientContext, ClientFeature } from './clientContext';
import type { TagModel } from './tagModel';
import type { TagsTreeProvider } from './tagsTree';
import { tagsFeature } from './tagsFeature';
import { tagExportFeature } from './tagExportFeature';
import { timelineFeature } from './timelineFeature';
import { entitiesFeature } from './entitiesFeature';
import { boilerplateFeature } from './boilerplateFeature';
import { agreementFeature } from './agreementFeature';
import { startupFeature } from './startupFeature';

const FEATURES: readonly ClientFeature[] = [tagsFeature, tagExportFeature, timelineFeature, entitiesFeature, boilerplateFeature, agreementFeature, startupFeature];

/** What the extension exports, for integration tests and other extensions. */
export interface CorpusAnnotatorApi {
  readonly client: LanguageClient;
  readonly tags: TagModel;
  readonly tagsTree: TagsTreeProvider;
  readonly tagsView: vscode.TreeView<unknown>;
  /** Everything features exposed, by name. */
  readonly [name: string]: unknown;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CorpusAnnotatorApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const env = { ...process.env, ...SERVER_ENVIRONMENT };
  // Over standard input and output, as in any other editor: the server writes the diagnostics of the article being
  // typed in as it encoded them while the debounce ran (server/src/node/encodedAhead.ts), which Node's IPC channel,
  // encoding each message itself, would not let it do.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6019'] } },
  };
  // The client commands code actions may use (registered by the features below), and this client shows command
  // results itself (status bar), so the server does not repeat them with window/showMessage. File watchers are not
  // set up here: the server registers its own globs (the corpus setting, the annotations folder) dynamically.
  const initializationOptions: InitializationOptions = {
    clientCommands: [BoilerplateClientCommands.tagRange, ...Object.values(ClientEntityCommands), ...Object.values(ClientTagCommands)],
    showsCommandResults: true,
    // The persistent analysis cache goes to this workspace's storage (absent when no folder is open: the server then
    // uses the user's cache folder).
    ...(context.storageUri ? { analysisCacheDir: vscode.Uri.joinPath(context.storageUri, 'analysis-cache').fsPath } : {}),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'plaintext' }],
    initializationOptions,
    diagnosticCollectionName: 'corpus',
    // The hover's links on a tag (Edit note, Remove) run these commands, and no others.
    markdown: { isTrusted: { enabledCommands: Object.values(ClientTagCommands) } },
    middleware: {
      // Server commands run from code actions: show the server's own reason when one fails (e.g. a YAML file that
      // does not parse and is therefore left untouched), not the client's generic "request failed".
      executeCommand: async (command, args, next) => {
        try {
          return await next(command, args);
        } catch (e) {
          void vscode.window.showErrorMessage(`Corpus Annotator: ${(e as Error).message}`);
          return undefined;
        }
      },
    },
  };
  client = new LanguageClient('corpusAnnotator', 'Corpus Annotator', serverOptions, clientOptions);
  // Views say "Analysing the corpus…" until the server has indexed it, rather than "nothing found".
  void vscode.commands.executeCommand('setContext', 'corpusAnnotator.indexed', false);
  context.subscriptions.push(
    client.onNotification(Notifications.indexed, () => void vscode.commands.executeCommand('setContext', 'corpusAnnotator.indexed', true)),
  );
  // The views get their data providers as soon as the extension runs, not once the server has started and answered
  // `initialize` (a second or more): a view VS Code restores open shows "There is no data provider registered" until
  // it has one. Their first requests wait for the start (the client queues them, and its notification handlers).
  const started = client.start();
  const ctx: ClientContext = { extension: context, client, exports: {} };
  try {
    for (const feature of FEATURES) context.subscriptions.push(...feature.register(ctx));
  } catch (e) {
    // The start's own failure, if any, is not left unhandled behind this one.
    started.catch(() => undefined);
    throw e;
  }
  await started;
  return { client, ...ctx.exports } as CorpusAnnotatorApi;
}

/**
 * How long the server may take to shut down: it stops its background work at once, then writes what remains of its
 * analysis cache (at 10,000 articles, the analyses of a cold start: tens of megabytes). The language client's default
 * is 2 s; VS Code gives an extension about 5 s to deactivate, so this stays below that.
 */
const STOP_TIMEOUT_MS = 4000;

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  // A server too slow to answer is stopped by the client anyway; its cache files are written whole or not at all.
  await stopping?.stop(STOP_TIMEOUT_MS).catch(() => undefined);
}
