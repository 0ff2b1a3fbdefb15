/**
 * Keeps the core's copy of the corpus in step with open editors, and forwards files changed on disk to the workspace
 * model of their folder (which re-reads what changed and announces it; corpusSync.ts acts on that). Changes come from
 * the client's watchers (`workspace/didChangeWatchedFiles`) or, for clients that cannot watch, from the server's own
 * (fileWatching.ts); both go through `forwardFileChanges`.
 */
import { FileChangeType, TextDocumentSyncKind } from 'vscode-languageserver';
import { CancelledError, type CancellationToken } from '../../core/index';
import type { FileChange } from '../../workspace/corpusFolder';
import type { Feature, ServerContext } from '../context';
import { uriToPath } from '../workspace';
import { runInTurns } from '../eventLoopTurns';

export const documentSync: Feature = {
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } } },
  register(ctx) {
    const { documents, workspace, service, connection } = ctx;
    const tooLarge = async (file: string, text: string) => text.length > (await workspace.settingsFor(workspace.folderOf(file))).maxDocumentSize;
    /** An open or edited article's text is not the one the corpus had: clients are told once typing pauses. */
    const corpusChanged = () => {
      ctx.indexer.refreshSoon(() => {
        ctx.validateSoon(0);
        ctx.notify.changed('entities');
      });
      ctx.notify.changed('boilerplate', 1000);
    };
    /**
     * The events of opening a document: the library fires a content change with each open (the same event object),
     * which is not an edit. Without this, that change put the opened article's diagnostics behind the typing debounce
     * and told clients the corpus changed (the Boilerplate view refetched every cluster) on every open.
     */
    const opening = new WeakSet<object>();
    documents.onDidOpen(async (event) => {
      const { document } = event;
      opening.add(event);
      const file = uriToPath(document.uri);
      if (!file) return;
      workspace.rememberClientUri(file, document.uri);
      await workspace.ready;
      if (workspace.isInCorpus(file)) {
        const text = document.getText();
        if (await tooLarge(file, text)) service.removeDocument(file);
        else {
          // Unsaved changes the editor kept (or a file not read yet): the corpus changed, as after an edit.
          const changed = service.getText(file) !== text;
          service.setDocument(file, text);
          if (changed) corpusChanged();
        }
        ctx.tags.track(file, document.uri, text);
        ctx.validateSoon(0, document.uri);
        // Once the corpus is indexed (its articles are analysed by the indexer, this one too): what recognising the
        // article finds per sentence is kept with it from now on, so that an edit recognises only the sentences it
        // changed. A step a turn; the open's diagnostics wait for it (editsPrepared.ts).
        const open: CancellationToken = {
          get isCancellationRequested() {
            return documents.get(document.uri) !== document || ctx.shutdown.isCancellationRequested;
          },
        };
        void ctx.indexer.ready.then(() => {
          if (open.isCancellationRequested) return;
          ctx.editsPrepared.start(document, () =>
            runInTurns(service.editingStartedInSlices(file, open)).catch((e) => {
              if (!(e instanceof CancelledError)) connection.console.error(`Preparing ${file} for edits failed: ${(e as Error).stack ?? e}`);
            }),
          );
        });
      }
    });
    documents.onDidChangeContent(async (event) => {
      if (opening.has(event)) return;
      const { document } = event;
      const file = uriToPath(document.uri);
      if (!file) return;
      await workspace.ready;
      if (!workspace.isInCorpus(file)) return;
      // An article larger than corpusAnnotator.maxDocumentSize is shown as not analysed: it never reaches the core.
      if (await tooLarge(file, document.getText())) {
        service.removeDocument(file);
        ctx.validateSoon();
        return;
      }
      service.setDocument(file, document.getText());
      ctx.validateSoon(undefined, document.uri);
      // Edits of open articles change the corpus: tell clients once typing pauses.
      corpusChanged();
    });
    documents.onDidClose(async ({ document }) => {
      const file = uriToPath(document.uri);
      if (!file) return;
      connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      ctx.tags.untrack(document.uri);
      workspace.forgetClientUri(file);
      service.editingEnded(file);
      try {
        await workspace.ready;
        if (workspace.isInCorpus(file)) {
          const onDisk = await workspace.fs.readText(file).catch(() => undefined);
          const tooBig = onDisk !== undefined && (await tooLarge(file, onDisk));
          if (ctx.openDocument(file)) return; // opened again meanwhile: the editor's text is the article's
          if (onDisk === undefined || tooBig) service.removeDocument(file);
          else service.setDocument(file, onDisk);
          ctx.validateSoon();
        }
      } finally {
        // Its tags are re-anchored against the text on disk, once it is read: the editor's last text, unsaved when the
        // article was closed without saving, would give the closed article's tag diagnostics (closedArticleTags.ts)
        // and the Tags tree the places and states of a text that is gone.
        ctx.notify.tagsChanged([document.uri]);
      }
    });

    connection.onDidChangeWatchedFiles(({ changes }) =>
      forwardFileChanges(
        ctx,
        (Array.isArray(changes) ? changes : []).flatMap((change) => {
          const file = typeof change?.uri === 'string' ? uriToPath(change.uri) : undefined;
          return file ? [{ file, deleted: change.type === FileChangeType.Deleted }] : [];
        }),
      ),
    );
  },
};

/**
 * Hands files changed on disk to the model of their folder, one call per folder; a folder's `.vscode/settings.json`
 * (read when the client has no workspace/configuration) makes the server check its settings instead.
 */
export async function forwardFileChanges(ctx: ServerContext, changes: readonly FileChange[]): Promise<void> {
  const { workspace } = ctx;
  if (changes.some((c) => workspace.isSettingsFile(c.file))) ctx.settingsMayHaveChanged();
  await workspace.ready;
  const byFolder = new Map<NonNullable<ReturnType<typeof workspace.corpusOf>>, FileChange[]>();
  for (const change of changes) {
    const corpus = workspace.corpusOf(change.file);
    if (!corpus) continue;
    let list = byFolder.get(corpus);
    if (!list) byFolder.set(corpus, (list = []));
    list.push(change);
  }
  for (const [corpus, list] of byFolder) await corpus.filesChanged(list);
}
