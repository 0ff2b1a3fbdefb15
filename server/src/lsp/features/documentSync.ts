/**
 * Keeps the core's copy of the corpus in step with open editors, and forwards files changed on disk to the workspace
 * model of their folder (which re-reads what changed and announces it; corpusSync.ts acts on that).
 */
import { FileChangeType, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Feature } from '../context';
import { uriToPath } from '../workspace';

export const documentSync: Feature = {
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
  register(ctx) {
    const { documents, workspace, service, connection } = ctx;
    documents.onDidOpen(async ({ document }) => {
      const file = uriToPath(document.uri);
      if (!file) return;
      workspace.rememberClientUri(file, document.uri);
      await workspace.ready;
      if (workspace.isInCorpus(file)) {
        service.setDocument(file, document.getText());
        ctx.validateSoon(0);
      }
    });
    documents.onDidChangeContent(async ({ document }) => {
      const file = uriToPath(document.uri);
      if (!file) return;
      await workspace.ready;
      if (!workspace.isInCorpus(file)) return;
      service.setDocument(file, document.getText());
      ctx.validateSoon();
      // Edits of open articles change the corpus: tell clients once typing pauses.
      ctx.notify.changed('boilerplate', 1000);
      ctx.notify.changed('timeline', 1000);
    });
    documents.onDidClose(async ({ document }) => {
      const file = uriToPath(document.uri);
      if (!file) return;
      connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      workspace.forgetClientUri(file);
      await workspace.ready;
      if (workspace.isInCorpus(file)) {
        const onDisk = await workspace.fs.readText(file).catch(() => undefined);
        if (onDisk === undefined) service.removeDocument(file);
        else service.setDocument(file, onDisk);
        ctx.validateSoon();
      }
    });

    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      await workspace.ready;
      const byFolder = new Map<ReturnType<typeof workspace.corpusOf>, { file: string; deleted: boolean }[]>();
      for (const change of changes) {
        const file = uriToPath(change.uri);
        const corpus = file ? workspace.corpusOf(file) : undefined;
        if (!file || !corpus) continue;
        let list = byFolder.get(corpus);
        if (!list) byFolder.set(corpus, (list = []));
        list.push({ file, deleted: change.type === FileChangeType.Deleted });
      }
      for (const [corpus, list] of byFolder) await corpus!.filesChanged(list);
    });
  },
};
