/** The VS Code client: starts the language server and adds the UI (tags tree, commands, highlights). */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { TagModel } from './tagModel';
import { TagsTreeProvider } from './tagsTree';
import { registerTagCommands } from './tagCommands';
import { registerTagDecorations } from './tagDecorations';

/** What the extension exports, for integration tests and other extensions. */
export interface CorpusAnnotatorApi {
  readonly client: LanguageClient;
  readonly tags: TagModel;
  readonly tagsTree: TagsTreeProvider;
  readonly tagsView: vscode.TreeView<unknown>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CorpusAnnotatorApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'plaintext' }],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.txt'),
        vscode.workspace.createFileSystemWatcher('**/*.yaml'),
      ],
    },
    diagnosticCollectionName: 'corpus',
  };
  client = new LanguageClient('corpusAnnotator', 'Corpus Annotator', serverOptions, clientOptions);
  await client.start();

  const tags = new TagModel(client);
  const tagsTree = new TagsTreeProvider(tags);
  const tagsView = vscode.window.createTreeView('corpusAnnotator.tags', { treeDataProvider: tagsTree, showCollapseAll: true });
  context.subscriptions.push(
    tags,
    tagsTree,
    tagsView,
    registerTagDecorations(tags),
    ...registerTagCommands(client, tags),
  );
  void tags.refresh();
  return { client, tags, tagsTree, tagsView: tagsView as vscode.TreeView<unknown> };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
